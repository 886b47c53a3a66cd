"""Stage 1: content files -> RawDocument. The only stage that reads the content folder."""

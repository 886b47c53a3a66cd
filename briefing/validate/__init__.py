"""Stage 2: RawDocument -> typed content (validate.model) or diagnostics, per file, then
assembled across files into Content."""

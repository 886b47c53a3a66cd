"""Process plumbing several stages share: forked chunk workers, fresh interpreters,
progress reports."""

"""What a long-lived build keeps between builds and how it reuses it: per-page read
tracking, the last build's plan and outputs. Used by serve; nothing below imports it."""

"""Stage 5: outputs -> disk. The only stage that writes the site (atomic swap)."""

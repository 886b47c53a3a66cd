"""Static briefing sites on Korea's mobile carriers and their AI moves."""

__version__ = "0.1.0"

"""Entry point: `python build.py [build|check|serve|ingest] ...` (see README)."""

import sys

from briefing.cli import main

if __name__ == "__main__":
    sys.exit(main())

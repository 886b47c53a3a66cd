"""The tool's own working folder, .briefing/: the per-file cache, the skip-unchanged
state and the one-build-per-output lock."""

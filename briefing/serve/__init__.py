"""The dev server: watch, rebuild through briefing.incremental, serve over HTTP with
live reload and an error overlay."""

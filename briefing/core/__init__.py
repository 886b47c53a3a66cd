"""Value types and the rules every stage shares (diagnostics, dates, amounts, routes,
formatting). Imports nothing else from briefing and does no IO."""

"""Korean-aware full-text search: a sharded bigram/prefix index and its reference query."""

from briefing.search.index import build_search_index
from briefing.search.query import search

__all__ = ["build_search_index", "search"]

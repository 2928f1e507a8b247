"""Events: who did what to whom, when and where, coded in PLOVER."""

from __future__ import annotations

from tidings.models import Article, Event, Statement

__all__ = ["extract_events"]


def extract_events(doc, article: Article, actors: list, statements: list[Statement]) -> list[Event]:
    """PLOVER events in one parsed article (being built: returns none yet)."""
    return []

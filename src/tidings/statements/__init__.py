"""Statements: quotations and reported claims, attributed to their speakers."""

from __future__ import annotations

from tidings.models import Article, Statement

__all__ = ["extract_statements"]


def extract_statements(doc, article: Article, actors: list) -> list[Statement]:
    """Quotations and reported speech in one parsed article (being built: returns none yet)."""
    return []

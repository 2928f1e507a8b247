"""Statements: every quotation and reported claim, attributed to the right speaker.

:func:`extract_statements` runs on one parsed article with the actors the actors stage
found in it: quotation spans (:mod:`tidings.statements.quotes`), then their speakers and
reported speech (:mod:`tidings.statements.attribute`).
"""

from __future__ import annotations

from tidings.models import Article, Statement
from tidings.statements.attribute import attribute
from tidings.statements.quotes import QuoteSpan, find_quote_spans

__all__ = ["QuoteSpan", "extract_statements", "find_quote_spans"]


def extract_statements(doc, article: Article, actors: list) -> list[Statement]:
    """Direct quotations (``direct=True``) and reported speech (``direct=False``), in body order."""
    return attribute(doc, article, actors)

"""Statements: every quotation and reported claim, attributed to the right speaker.

:func:`extract_statements` runs on one parsed article with the actors the actors stage
found in it: quotation spans (:mod:`tidings.statements.quotes`), then their speakers and
reported speech (:mod:`tidings.statements.attribute`).
"""

from __future__ import annotations

import re

from tidings.models import Article, Span, Statement
from tidings.statements.attribute import attribute
from tidings.statements.quotes import QuoteSpan, find_quote_spans

__all__ = ["QuoteSpan", "extract_statements", "find_quote_spans"]


HEADLINE_QUOTE_MIN_WORDS = 2  # a single quoted word in a headline is a label more often than a quote


def extract_statements(doc, article: Article, actors: list) -> list[Statement]:
    """Direct quotations (``direct=True``) and reported speech (``direct=False``), in body order,
    then the headline's quotations (``in_title``)."""
    found = attribute(doc, article, actors)
    return found + _headline(article, found, actors)


def _norm(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold()))


def _headline(article: Article, body: list[Statement], actors: list) -> list[Statement]:
    """Quotations in the title, with the speaker the body gives the same words, else the
    actor a closing "…, X says" names."""
    title = article.title or ""
    out = []
    for q in find_quote_spans(title, headline=True):
        if len(q.text.split()) < HEADLINE_QUOTE_MIN_WORDS:
            continue
        words = _norm(q.text)
        same = next((s for s in body if s.direct and words and words in _norm(s.text)), None)
        speaker_id, speaker_name = (same.speaker_id, same.speaker_name) if same else _says(title, actors)
        out.append(
            Statement(
                span=Span(article.id, q.start, q.end),
                text=q.text,
                direct=True,
                speaker_id=speaker_id,
                speaker_name=speaker_name,
                verb="say",
                in_title=True,
            )
        )
    return out


def _says(title: str, actors: list) -> tuple[str | None, str | None]:
    m = re.search(r"[,:]\s*([^,:]+?)\s+(?:says|said|warns|tells|vows|urges)\s*$", title, re.I)
    if not m:
        return None, None
    who = m.group(1)
    for rec in actors:
        if any(f and f in who for f in rec.surface_forms):
            return rec.actor.id, rec.actor.name
    return None, who

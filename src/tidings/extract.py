"""The per-article NLP stages, run together on one parse of each clean body.

``read → clean → annotate (spaCy) → extract`` — this module is the last two: it parses
a batch of articles once (:func:`tidings.nlp.annotate`) and runs each stage on the parse:

1. :func:`tidings.actors.extract.find_actors` — actors and their mentions (names, surnames,
   titles, pronouns, descriptions, nationalities); those named only as places or nationalities
   are kept only when they speak or take part in an event;
2. :func:`tidings.statements.extract_statements` — quotations and reported speech with
   their speakers (needs the actors);
3. :func:`tidings.events.extract_events` — PLOVER events with source, target, date and
   place (needs the actors; uses the statements to code what speakers said).

Pure: the same articles give the same :class:`~tidings.models.ArticleFacts`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tidings.actors import Gazetteer
from tidings.actors.extract import find_actors
from tidings.events import extract_events
from tidings.models import Article, ArticleFacts
from tidings.statements import extract_statements

__all__ = ["annotate_articles", "facts_of"]


def _byline_names(article: Article) -> tuple[str, ...]:
    return tuple(n.strip() for n in (article.byline or "").replace(" and ", ",").split(",") if n.strip())


# A wire dateline opening one of the first paragraphs: the place (in capitals, or in title case
# when a date or region and an agency follow), then optionally a region or country, a date and
# the agency, then a dash or colon ("SEOUL, June 19 (Yonhap) --", "LIMA, Peru (AP) —", "WASHINGTON (Reuters) -",
# "MOSCOW, March 18. /TASS/.", "Pyongyang, November 1 (KCNA) --", "SEOUL:").  Where a report was
# filed is no actor of it.
DATELINE_PARAGRAPHS = 2
_AGENCY = r"(?:\([^()\n]{2,40}\)|/[A-Za-z]{2,12}/\.?)"
_QUALIFIER = r"(?:,[ ]*[A-Z][\w.'’\-]*(?:[ ][\w.'’\-]+){0,3}?)"
_DATELINE = re.compile(
    rf"""(?:\([A-Z0-9][A-Z0-9 ]{{1,15}}\)[ ]*)?                     # (LEAD), (2nd LD)
        (?:[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+){{0,3}}             # SEOUL, NEW YORK, JERUSALEM/DUBAI
           {_QUALIFIER}*                                              # , South Korea / , June 19
           (?:[ ]*{_AGENCY}[ ]*(?:--|—|–|-|:)?|[ ]*(?:--|—|–|-|:))   # (Yonhap) --, /TASS/., —, :
          |[A-Z][a-z]+(?:[ ][A-Z][a-z]+){{0,2}}{_QUALIFIER}+           # Pyongyang, November 1
           [ ]*{_AGENCY}[ ]*(?:--|—|–|-|:)?                           # (KCNA) --: needs both
        )[ ]""",
    re.X,
)


def dateline_end(body: str) -> int:
    """Where the dateline that opens one of the body's first paragraphs ends (0: none)."""
    start = 0
    for _ in range(DATELINE_PARAGRAPHS):
        while start < len(body) and body[start] in " \t\n":
            start += 1
        if m := _DATELINE.match(body, start):
            return m.end()
        nl = body.find("\n", start)
        if nl < 0:
            break
        start = nl + 1
    return 0


def _outside_dateline(found: list, end: int) -> list:
    """The actors with their mentions inside the dateline removed (those named nowhere else go)."""
    out = []
    for r in found:
        kept = [m for m in r.mentions if m.span.start >= end]
        if len(kept) == len(r.mentions):
            out.append(r)
        elif kept:
            r.mentions = kept
            out.append(r)
    return out


def facts_of(doc, article: Article, *, gazetteer: Gazetteer | None = None) -> ArticleFacts:
    """Every stage on one parsed article."""
    found = find_actors(
        doc, article.id, article.published, gazetteer=gazetteer, exclude_names=_byline_names(article)
    )
    if cut := dateline_end(doc.text):
        found = _outside_dateline(found, cut)
    statements = extract_statements(doc, article, found)
    events = extract_events(doc, article, found, statements)
    # An actor of the article: one it names as more than a place or a nationality, or one that
    # takes part in an event or speaks ("deployed troops to Russia", "North Korean troops").
    involved = (
        {s.speaker_id for s in statements} | {e.source_id for e in events} | {e.target_id for e in events}
    )
    actors = [r for r in found if r.acts or r.actor.id in involved]
    return ArticleFacts(article.id, actors, statements, events)


def annotate_articles(
    articles: Sequence[Article], *, gazetteer: Gazetteer | None = None, n_process: int = 1
) -> list[ArticleFacts]:
    """The facts of each article (in order), from one batched spaCy pass over their bodies."""
    from tidings.nlp import annotate

    docs = annotate([a.body for a in articles], n_process=n_process)
    return [facts_of(doc, a, gazetteer=gazetteer) for a, doc in zip(articles, docs, strict=True)]

"""Actors: every person, organisation, state and international body an article names,
with one id per real actor across spellings, articles and years.

:func:`annotate_articles` parses clean bodies in batches and returns, per article, the
actors it names (:class:`ArticleActor`: the canonical :class:`~tidings.models.Actor`,
its mentions with spans, roles stated in the text).

Ids are stable without a lookup: dictionary actors keep their gazetteer id
(``person:cho-tae-yul``, ``state:kor``); new ones get an id from their romanisation-aware
name key (``person:~cho-teyong``), so every article that names them the same way, in
any romanisation, gives the same id.
"""

from __future__ import annotations

from collections.abc import Sequence

from tidings.actors.extract import ArticleActor, extract_actors
from tidings.actors.gazetteer import Gazetteer
from tidings.actors.names import person_key
from tidings.models import Article

__all__ = ["ArticleActor", "Gazetteer", "annotate_articles", "extract_actors", "person_key"]


def annotate_articles(
    articles: Sequence[Article], *, gazetteer: Gazetteer | None = None, n_process: int = 1
) -> list[list[ArticleActor]]:
    """The actors of each article (in order), from one batched spaCy pass over their bodies."""
    from tidings.nlp import annotate

    out = []
    for article, doc in zip(articles, annotate([a.body for a in articles], n_process=n_process), strict=True):
        names = tuple(n.strip() for n in (article.byline or "").replace(" and ", ",").split(",") if n.strip())
        out.append(
            extract_actors(doc, article.id, article.published, gazetteer=gazetteer, exclude_names=names)
        )
    return out

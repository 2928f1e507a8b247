"""The Python API: a knowledge base in one SQLite file.

>>> import tidings
>>> with tidings.open("news.db") as kb:                       # doctest: +SKIP
...     report = kb.ingest(["corpus/"])
...     kb.export("jsonl", "articles.jsonl")
...     hits = kb.search("foreign minister")
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from tidings import export as _export
from tidings import pipeline
from tidings.models import Article
from tidings.store import SearchHit, Stats, Store
from tidings.store.store import ActorProfile, ActorRow

__all__ = ["KnowledgeBase"]


class KnowledgeBase:
    """A tidings knowledge base: ingest pages, then search, show and export articles."""

    def __init__(self, path: str | os.PathLike[str] = "tidings.db") -> None:
        self.store = Store(path)

    @property
    def path(self) -> str:
        return str(self.store.path)

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
        progress: pipeline.ProgressFn | None = None,
        *,
        max_bytes: int = pipeline.DEFAULT_MAX_BYTES,
        extract: bool = True,
        workers: int = 1,
    ) -> pipeline.IngestReport:
        """Read, clean, annotate and store the pages under ``paths`` (files or folders), then run
        the cross-document stages on the store: actor merges (:mod:`tidings.actors.resolve`) and
        story clustering with merged events (:mod:`tidings.stories`), both incremental.

        ``extract=False`` skips the NLP stages and the cross-document ones.  ``workers=N``
        cleans and annotates pages in N worker processes; this one stays the only writer and
        the knowledge base comes out the same as with one process."""
        report = pipeline.ingest(
            self.store, paths, progress=progress, max_bytes=max_bytes, extract=extract, workers=workers
        )
        if extract and (report.added or report.new_versions):
            from tidings.actors.resolve import merge_actors
            from tidings.stories import update_stories

            merge_actors(self.store)
            update_stories(self.store)
        return report

    def export(self, fmt: str = "jsonl", out: str | os.PathLike[str] = "-") -> int:
        """Write the latest articles as ``jsonl``, ``csv`` or ``parquet``; return the count."""
        return _export.export(self.store, fmt, out)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and bodies of the latest articles, best first."""
        return self.store.search(query, limit)

    def show(self, article_id: str) -> dict[str, Any]:
        """The export record of one article, by id or unique id prefix."""
        return _export.article_record(self.store, self.store.get_article(article_id))

    def article(self, article_id: str) -> Article:
        """One article, by id or unique id prefix."""
        return self.store.get_article(article_id)

    def raw(self, article_id: str) -> str:
        """The raw page an article was cleaned from."""
        return self.store.get_document(self.store.get_article(article_id).document_id).raw_text

    def source_text(self, article_id: str) -> str:
        """The text an article's offset map points into: the raw page for text input, the
        extracted main text for HTML input (``article.offsets.to_raw(i)`` indexes it)."""
        article = self.store.get_article(article_id)
        row = self.store.execute(
            "SELECT coalesce(extracted_text, raw_text) FROM documents WHERE id = ?", (article.document_id,)
        ).fetchone()
        return row[0]

    def quotes(self, **filters):
        """Statements with their speakers (see :func:`tidings.statements.query.query_quotes`)."""
        from tidings.statements.query import query_quotes

        return query_quotes(self.store, **filters)

    def stats(self) -> Stats:
        return self.store.stats()

    def articles(self) -> Iterator[Article]:
        """The articles of the latest version of every source."""
        return self.store.latest_articles()

    # ------------------------------------------------------------------ actors

    def actors(
        self, type: str | None = None, country: str | None = None, limit: int | None = None
    ) -> list[ActorRow]:
        """Actors (optionally of one type, PERSON/ORG/STATE/IGO, and one ISO3 country), with the
        number of articles naming them and of their mentions; most named first."""
        return self.store.actors(type=type, country=country, limit=limit)

    def actor(
        self, name_or_id: str, *, max_articles: int | None = None, max_co_actors: int = 15
    ) -> ActorProfile:
        """One actor, by id (``person:cho-tae-yul``), id without its type (``cho-tae-yul``), name
        or alias in any case or romanisation, or unique id prefix: its aliases, roles, articles
        and the actors named alongside it."""
        actor_id = self.store.find_actor(name_or_id)
        return self.store.actor_profile(actor_id, max_articles=max_articles, max_co_actors=max_co_actors)

    # ------------------------------------------------------------------ stories

    def cluster(self):  # -> tidings.stories.StoryReport
        """Put the articles not yet in a story into stories (incremental; safe to repeat)."""
        from tidings.stories import update_stories

        return update_stories(self.store)

    def stories(self, since: str | None = None, actor: str | None = None, limit: int | None = None) -> list:
        """Stories, newest first (``tidings.stories.records.StoryRow``): ``since`` an ISO day,
        ``actor`` a name, alias or id of an actor named in one of the story's articles."""
        actor_id = self.store.find_actor(actor) if actor else None
        return self.store.stories(since=since, actor_id=actor_id, limit=limit)

    def story(self, story_id: str):  # -> tidings.stories.records.StoryDetail
        """One story by id, unique id prefix or the id of one of its articles: record, articles,
        merged events with their reports and outlets, statements with speakers.
        ``tidings.stories.records.brief(kb.story(id))`` renders it as text."""
        return self.store.story_detail(self.store.find_story(story_id))

    # ------------------------------------------------------------------ events

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        *,
        factual_only: bool = True,
        limit: int | None = None,
    ) -> list:
        """PLOVER events (``tidings.store.store.EventRow``), dated first in date order: ``actor``
        a name, alias or id (as source or target), ``type`` a PLOVER type, ``since``/``until``
        ISO days; negated and hypothetical events only with ``factual_only=False``."""
        actor_id = self.store.find_actor(actor) if actor else None
        return self.store.events(
            actor_id=actor_id, type=type, since=since, until=until, factual_only=factual_only, limit=limit
        )

    def timeline(self, actor: str, limit: int | None = None) -> list:
        """An actor's dated events and statements in date order (``TimelineRow``)."""
        return self.store.timeline(self.store.find_actor(actor), limit=limit)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> KnowledgeBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"KnowledgeBase({self.path!r})"

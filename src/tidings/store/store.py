"""The knowledge base on disk: one SQLite file.

One writer connection in WAL mode; every write is one ``BEGIN IMMEDIATE``
transaction, so a document, its articles, their full-text rows and its
boilerplate line keys land together or not at all, even if the process is
killed halfway.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tidings.models import (
    SURFACE_KINDS,
    Actor,
    Article,
    ArticleFacts,
    Event,
    Mention,
    OffsetMap,
    RawDocument,
    Statement,
    Story,
)
from tidings.store.migrations import applied_migrations, migrate

__all__ = [
    "AmbiguousId",
    "BadQuery",
    "DocumentRow",
    "LineLearner",
    "NotFound",
    "SearchHit",
    "Stats",
    "Store",
    "StoreError",
]

BUSY_TIMEOUT_MS = 10_000
MIN_BOILERPLATE_DOCS = 3
SNIPPET_TOKENS = 16
TITLE_WEIGHT = 5.0  # bm25 weight of a title hit relative to a body hit
PREFIX_MIN = 4  # shortest id prefix `get_article` accepts
MAX_AMBIGUOUS_SHOWN = 5

_ARTICLE_COLUMNS = (
    "id, document_id, seq, source, url, outlet, byline, agency, title, published,"
    " published_from, language, body, offsets, removed"
)


class StoreError(Exception):
    """A problem the user can act on (bad id, bad query, unreadable database)."""


class NotFound(StoreError):
    pass


class AmbiguousId(StoreError):
    pass


class BadQuery(StoreError):
    pass


@dataclass(slots=True, frozen=True)
class DocumentRow:
    """A stored raw page."""

    id: str
    source: str
    url: str | None
    site: str | None
    format: str
    encoding: str | None
    raw_text: str
    version: int
    superseded_by: str | None
    ingested_at: str


@dataclass(slots=True, frozen=True)
class SearchHit:
    """One full-text search result; ``score`` is bm25 (lower is better)."""

    article_id: str
    title: str | None
    source: str
    published: str | None
    snippet: str
    score: float


@dataclass(slots=True)
class Stats:
    """What is in the knowledge base."""

    documents: int = 0
    current_documents: int = 0  # latest version per source
    articles: int = 0  # articles of the latest versions
    all_articles: int = 0  # including superseded versions
    versioned_sources: int = 0  # sources seen in more than one version
    max_version: int = 0
    languages: dict[str, int] = field(default_factory=dict)
    outlets: dict[str, int] = field(default_factory=dict)
    first_published: str | None = None
    last_published: str | None = None
    actors: int = 0
    statements: int = 0
    events: int = 0
    stories: int = 0
    db_bytes: int = 0
    path: str = ""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _article_from_row(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"],
        document_id=row["document_id"],
        seq=row["seq"],
        source=row["source"],
        body=row["body"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        byline=row["byline"],
        agency=row["agency"],
        published=row["published"],
        published_from=row["published_from"],
        language=row["language"],
        offsets=OffsetMap([tuple(s) for s in json.loads(row["offsets"])]),
        removed=list(json.loads(row["removed"])),
    )


def _quote_fts(query: str) -> str:
    """``query`` as FTS5 phrases of its words, AND-ed: safe for any user text."""
    words = query.split()
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


class Store:
    """A tidings knowledge base in one SQLite file (created and migrated on open)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            mode = self._conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{self.path}: cannot switch the database to WAL mode (got {mode})")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
            migrate(self._conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a usable tidings database ({e})") from e

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        """Checkpoint the WAL and close the connection."""
        if self._conn is not None:
            try:
                self._conn.execute("PRAGMA optimize")
            except sqlite3.Error:
                pass  # only an optimisation; another writer may hold the lock
            finally:
                self._conn.close()
                self._conn = None  # type: ignore[assignment]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A ``BEGIN IMMEDIATE`` write transaction: committed on success, rolled back on any error."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def execute(self, sql: str, params: Iterable[object] = ()) -> sqlite3.Cursor:
        """Run one read query (for tests, tools and later stages)."""
        return self._conn.execute(sql, tuple(params))

    def migrations(self) -> list[tuple[str, str]]:
        """``(name, applied_at)`` of the applied schema migrations."""
        return applied_migrations(self._conn)

    def integrity_check(self) -> str:
        """``"ok"``, or SQLite's description of what is wrong (includes the FTS index)."""
        rows = [r[0] for r in self._conn.execute("PRAGMA integrity_check")]
        try:
            self._conn.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as e:
            rows = [*(r for r in rows if r != "ok"), f"full-text index: {e}"]
        return "; ".join(rows)

    def count(self, table: str) -> int:
        """Row count of one of the store's tables."""
        if not table.replace("_", "").isalnum():
            raise ValueError(table)
        return self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # ------------------------------------------------------------------ documents

    def has_document(self, doc_id: str) -> bool:
        return self._conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def last_document_rowid(self) -> int:
        """A mark for :meth:`new_since`: documents stored later get a larger rowid."""
        return self._conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]

    def new_since(self, doc_id: str, mark: int) -> bool:
        """The document was not stored when :meth:`last_document_rowid` gave ``mark``."""
        row = self._conn.execute("SELECT rowid FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is None or row[0] > mark

    def add_document(
        self,
        doc: RawDocument,
        articles: Iterable[Article],
        *,
        site: str | None,
        line_keys: Iterable[str] = (),
        facts: Iterable[ArticleFacts] = (),
    ) -> int | None:
        """Store a page with its articles and line keys in one transaction.

        Returns the version given to it (1 for a new source, previous + 1 for a
        changed page at a known source or URL), or ``None`` when a page with the
        same content key is already stored (nothing is written).  ``facts``
        holds, per article, what the NLP stages found in it (actors with their
        mentions, statements, events): written in the same transaction.
        """
        doc_id = doc.id  # a property that hashes the whole page: once
        with self.transaction() as conn:
            if conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone():
                return None
            prev = conn.execute(
                "SELECT coalesce(max(version), 0) FROM documents WHERE source = ? OR url = ?",
                (doc.source, doc.url),
            ).fetchone()[0]
            version = prev + 1
            conn.execute(
                """INSERT INTO documents (id, source, url, site, format, encoding, raw_text, extracted_text,
                       title_hint, published_hint, outlet_hint, version, ingested_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    doc_id,
                    doc.source,
                    doc.url,
                    site,
                    "html" if doc.html is not None else "text",
                    doc.encoding,
                    doc.payload,
                    doc.text if doc.html is not None else None,
                    doc.title,
                    doc.published,
                    doc.outlet,
                    version,
                    _now(),
                ),
            )
            if prev:
                conn.execute(
                    """UPDATE documents SET superseded_by = ?
                       WHERE (source = ? OR url = ?) AND superseded_by IS NULL AND id != ?""",
                    (doc_id, doc.source, doc.url, doc_id),
                )
            conn.executemany(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 15)})",
                [
                    (
                        a.id,
                        doc_id,
                        a.seq,
                        a.source,
                        a.url,
                        a.outlet,
                        a.byline,
                        a.agency,
                        a.title,
                        a.published,
                        a.published_from,
                        a.language,
                        a.body,
                        json.dumps(a.offsets.segments),
                        json.dumps(a.removed, ensure_ascii=False),
                    )
                    for a in articles
                ],
            )
            if site is not None:
                keys = sorted(set(line_keys))
                if keys:
                    conn.execute(
                        "INSERT INTO site_pages (site, document_id, line_keys) VALUES (?, ?, ?)",
                        (site, doc_id, json.dumps(keys)),
                    )
            for f in facts:
                _write_article_actors(conn, f.article_id, f.actors)
                _write_statements_events(conn, f.article_id, f.statements, f.events)
            return version

    def get_document(self, doc_id: str) -> DocumentRow:
        row = self._conn.execute(
            """SELECT id, source, url, site, format, encoding, raw_text, version, superseded_by, ingested_at
               FROM documents WHERE id = ?""",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no document {doc_id}")
        return DocumentRow(*row)

    # ------------------------------------------------------------------ boilerplate

    def boilerplate_keys(self, site: str, min_docs: int = MIN_BOILERPLATE_DOCS) -> frozenset[str]:
        """Line keys seen in at least ``min_docs`` distinct pages (by URL, else source) of ``site``."""
        rows = self._conn.execute(
            """SELECT k.value FROM site_pages s JOIN documents d ON d.id = s.document_id,
                   json_each(s.line_keys) k
               WHERE s.site = ? GROUP BY k.value
               HAVING count(DISTINCT coalesce(d.url, d.source)) >= ?""",
            (site, min_docs),
        )
        return frozenset(r[0] for r in rows)

    def line_learner(self) -> LineLearner:
        """A scratch counter of line keys for one ingest batch (see :class:`LineLearner`)."""
        return LineLearner(self._conn)

    # ------------------------------------------------------------------ articles

    def latest_articles(self) -> Iterator[Article]:
        """Articles of the latest version of every source, in ingest order."""
        cols = ", ".join("a." + c.strip() for c in _ARTICLE_COLUMNS.split(","))
        cur = self._conn.execute(
            f"""SELECT {cols} FROM articles a JOIN documents d ON d.id = a.document_id
                WHERE d.superseded_by IS NULL ORDER BY a.n"""
        )
        for row in cur:
            yield _article_from_row(row)

    def get_article(self, id_or_prefix: str) -> Article:
        """The article with this id, or the only one whose id starts with it."""
        key = id_or_prefix.strip()
        row = self._conn.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (key,)).fetchone()
        if row is not None:
            return _article_from_row(row)
        if len(key) < PREFIX_MIN:
            raise NotFound(f"no article {key!r} (give at least {PREFIX_MIN} characters of an id)")
        rows = self._conn.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
            (key, key + "\U0010ffff", MAX_AMBIGUOUS_SHOWN + 1),
        ).fetchall()
        if not rows:
            raise NotFound(f"no article {key!r}")
        if len(rows) > 1:
            ids = ", ".join(r["id"] for r in rows[:MAX_AMBIGUOUS_SHOWN])
            more = ", …" if len(rows) > MAX_AMBIGUOUS_SHOWN else ""
            raise AmbiguousId(f"{key!r} matches several articles: {ids}{more}")
        return _article_from_row(rows[0])

    def search(self, query: str, limit: int = 20, *, latest_only: bool = True) -> list[SearchHit]:
        """Full-text search over titles and bodies, best first (bm25, titles weigh more).

        ``query`` may use FTS5 syntax (``"exact phrase"``, ``OR``, ``NOT``, ``word*``);
        text that is not valid FTS5 is searched as plain words instead.
        """
        if not query.strip():
            raise BadQuery("empty search query")
        sql = f"""
            SELECT a.id, a.title, a.source, a.published,
                   snippet(articles_fts, 1, '[', ']', '…', {SNIPPET_TOKENS}) AS snip,
                   bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score
            FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid
            JOIN documents d ON d.id = a.document_id
            WHERE articles_fts MATCH ? {"AND d.superseded_by IS NULL" if latest_only else ""}
            ORDER BY score LIMIT ?"""
        try:
            rows = self._conn.execute(sql, (query, limit)).fetchall()
        except sqlite3.OperationalError:
            quoted = _quote_fts(query)
            try:
                rows = self._conn.execute(sql, (quoted, limit)).fetchall()
            except sqlite3.OperationalError as e:
                raise BadQuery(f"cannot search for {query!r}: {e}") from e
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    # ------------------------------------------------------------------ stats

    def stats(self) -> Stats:
        """Counts, languages, outlets, date range and size of the knowledge base."""
        q = self._conn.execute
        s = Stats(path=str(self.path))
        s.documents = q("SELECT count(*) FROM documents").fetchone()[0]
        s.current_documents = q("SELECT count(*) FROM documents WHERE superseded_by IS NULL").fetchone()[0]
        s.all_articles = q("SELECT count(*) FROM articles").fetchone()[0]
        latest = "FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.superseded_by IS NULL"
        s.articles = q(f"SELECT count(*) {latest}").fetchone()[0]
        s.max_version = q("SELECT coalesce(max(version), 0) FROM documents").fetchone()[0]
        s.versioned_sources = q(
            "SELECT count(*) FROM documents WHERE superseded_by IS NULL AND version > 1"
        ).fetchone()[0]
        s.languages = {
            (r[0] or "?"): r[1]
            for r in q(f"SELECT a.language, count(*) {latest} GROUP BY a.language ORDER BY 2 DESC, 1")
        }
        s.outlets = {
            (r[0] or "?"): r[1]
            for r in q(f"SELECT a.outlet, count(*) {latest} GROUP BY a.outlet ORDER BY 2 DESC, 1")
        }
        s.first_published, s.last_published = q(
            f"SELECT min(a.published), max(a.published) {latest}"
        ).fetchone()
        for name in ("actors", "statements", "events", "stories"):
            setattr(s, name, self.count(name))
        s.db_bytes = sum(
            p.stat().st_size for p in (self.path, self.path.with_name(self.path.name + "-wal")) if p.exists()
        )
        return s

    # ------------------------------------------------------------------ later stages

    def save_actors(self, actors: Iterable[Actor]) -> None:
        """Insert or replace actors with their aliases and roles (one transaction)."""
        with self.transaction() as conn:
            for a in actors:
                conn.execute(
                    """INSERT INTO actors (id, name, type, country) VALUES (?, ?, ?, ?)
                       ON CONFLICT(id) DO UPDATE SET name = excluded.name, type = excluded.type,
                       country = excluded.country""",
                    (a.id, a.name, str(a.type), a.country),
                )
                conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (a.id,))
                conn.executemany(
                    "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, kind) VALUES (?, ?, ?)",
                    [(a.id, al.name, al.kind) for al in a.aliases],
                )
                conn.execute("DELETE FROM actor_roles WHERE actor_id = ?", (a.id,))
                conn.executemany(
                    """INSERT INTO actor_roles (actor_id, title, country, start, "end", origin, article_id,
                           start_offset, end_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    [
                        (
                            a.id,
                            r.title,
                            r.country,
                            r.start,
                            r.end,
                            r.origin,
                            r.span.article_id if r.span else None,
                            r.span.start if r.span else None,
                            r.span.end if r.span else None,
                        )
                        for r in a.roles
                    ],
                )

    def save_facts(
        self,
        article_id: str,
        *,
        mentions: Iterable[Mention] = (),
        statements: Iterable[Statement] = (),
        events: Iterable[Event] = (),
    ) -> None:
        """Replace an article's mentions, statements and events (one transaction).

        Statement and event ids default to ``ARTICLE:N``; an event's ``id`` (its
        canonical id once clustered) is stored as ``canonical_id``.
        """
        with self.transaction() as conn:
            conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
            conn.executemany(
                'INSERT INTO mentions (article_id, start, "end", text, actor_id, kind) VALUES (?, ?, ?, ?, ?, ?)',
                [(article_id, m.span.start, m.span.end, m.text, m.actor_id, m.kind) for m in mentions],
            )
            _write_statements_events(conn, article_id, statements, events)

    def save_stories(self, stories: Iterable[Story]) -> None:
        """Replace all stories and their article links (one transaction)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM story_articles")
            conn.execute("DELETE FROM stories")
            for st in stories:
                conn.execute(
                    "INSERT INTO stories (id, headline, first_date, last_date) VALUES (?, ?, ?, ?)",
                    (st.id, st.headline, st.first_date, st.last_date),
                )
                conn.executemany(
                    "INSERT OR REPLACE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                    [(st.id, aid) for aid in st.article_ids],
                )

    # ================================================================== actor queries
    # Read-only views for `tidings actors` and `tidings actor`.  Counts, articles, stated
    # roles and co-occurrences cover the latest version of every source and the mentions
    # that name an actor (NAMING_KINDS, the kinds the export lists).

    def actors(
        self, type: str | None = None, country: str | None = None, limit: int | None = None
    ) -> list[ActorRow]:
        """Actors with how many articles name them and how often, most named first (then by name).

        ``type`` is PERSON, ORG, STATE or IGO; ``country`` an ISO 3166 alpha-3 code (any case).
        """
        where, params = [], []
        if type is not None:
            if type.upper() not in ACTOR_TYPES:
                raise BadQuery(f"unknown actor type {type!r} (choose one of {', '.join(ACTOR_TYPES)})")
            where.append("a.type = ?")
            params.append(type.upper())
        if country is not None:
            where.append("a.country = ?")
            params.append(country.strip().upper())
        return self._actor_rows(where, params, limit)

    def _actor_rows(self, where: list[str], params: list[object], limit: int | None) -> list[ActorRow]:
        kinds = ", ".join("?" * len(NAMING_KINDS))
        sql = f"""
            WITH counts AS (
                SELECT m.actor_id, count(DISTINCT m.article_id) AS n_articles, count(*) AS n_mentions
                FROM mentions m JOIN articles ar ON ar.id = m.article_id
                JOIN documents d ON d.id = ar.document_id
                WHERE d.superseded_by IS NULL AND m.actor_id IS NOT NULL AND m.kind IN ({kinds})
                GROUP BY m.actor_id)
            SELECT a.id, a.name, a.type, a.country, coalesce(c.n_articles, 0), coalesce(c.n_mentions, 0)
            FROM actors a LEFT JOIN counts c ON c.actor_id = a.id
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY 5 DESC, a.name COLLATE NOCASE, a.id
            LIMIT ?"""
        rows = self._conn.execute(sql, (*NAMING_KINDS, *params, -1 if limit is None else limit))
        return [ActorRow(*r) for r in rows]

    def find_actor(self, name_or_id: str) -> str:
        """The id of the actor ``name_or_id`` denotes.

        Tried in order, the first step that matches anything decides: the exact id (any case);
        with a ``:`` in the query, ids starting with it; else the id without its type
        (``cho-tae-yul``, ``kor``); a name or alias (any case), then a spelling seen in an
        article; a person's name in another romanisation (``Yoon Seokyeol``); ids, or ids
        without their type, starting with the query.  More than one actor at the deciding
        step raises :class:`AmbiguousId` naming them; none raises :class:`NotFound`.
        """
        query = " ".join(name_or_id.split())
        if not query:
            raise NotFound("no actor name or id given")
        q = self._conn.execute
        local = query.casefold().lstrip("~").replace(" ", "-")
        like = local.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        bare = "ltrim(substr(a.id, instr(a.id, ':') + 1), '~')"
        steps: list[tuple[str, str, tuple[object, ...]]] = [
            ("id", "SELECT a.id FROM actors a WHERE a.id = ? COLLATE NOCASE", (query,)),
        ]
        if ":" in query:
            steps.append(("id", "SELECT a.id FROM actors a WHERE a.id LIKE ? ESCAPE '\\'", (like,)))
        else:
            steps.append(("id", f"SELECT a.id FROM actors a WHERE lower({bare}) = ?", (local,)))
        steps += [
            (
                "name",
                """SELECT a.id FROM actors a WHERE a.name = ? COLLATE NOCASE
                   UNION SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE AND kind != 'surface'""",
                (query, query),
            ),
            (
                "name",
                "SELECT actor_id FROM actor_aliases WHERE alias = ? COLLATE NOCASE AND kind = 'surface'",
                (query,),
            ),
            ("romanisation", "", ()),
            (
                "id",
                f"SELECT a.id FROM actors a WHERE a.id LIKE ?1 ESCAPE '\\' OR {bare} LIKE ?1 ESCAPE '\\'",
                (like,),
            ),
        ]
        for what, sql, params in steps:
            if what == "romanisation":
                ids = self._actors_by_person_key(query)
            else:
                ids = sorted({r[0] for r in q(sql, params)})
            if len(ids) == 1:
                return ids[0]
            if ids:
                shown = q(
                    f"SELECT id, name FROM actors WHERE id IN ({', '.join('?' * len(ids))}) ORDER BY id LIMIT ?",
                    (*ids, MAX_AMBIGUOUS_SHOWN),
                ).fetchall()
                names = ", ".join(f"{r[0]} ({r[1]})" for r in shown)
                more = f", … ({len(ids)} in all)" if len(ids) > MAX_AMBIGUOUS_SHOWN else ""
                raise AmbiguousId(f"{query!r} matches several actors: {names}{more}; give one of the ids")
        raise NotFound(f"no actor {query!r}{self._actor_suggestions(query)}")

    def _actors_by_person_key(self, query: str) -> list[str]:
        """Person actors one of whose names has the romanisation key of ``query`` (two words or more)."""
        from tidings.actors.names import person_key  # light: the name tables only, no NLP

        if len(query.split()) < 2:
            return []
        key = person_key(query)
        if not key:
            return []
        rows = self._conn.execute(
            """SELECT id, name FROM actors WHERE type = 'PERSON'
               UNION SELECT al.actor_id, al.alias FROM actor_aliases al JOIN actors a ON a.id = al.actor_id
               WHERE a.type = 'PERSON'"""
        )
        return sorted({aid for aid, name in rows if person_key(name) == key})

    def _actor_suggestions(self, query: str) -> str:
        """``" (did you mean: …?)"`` from names and aliases containing ``query``, or a hint."""
        like = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        rows = self._conn.execute(
            """SELECT DISTINCT a.id, a.name FROM actors a LEFT JOIN actor_aliases al ON al.actor_id = a.id
               WHERE a.name LIKE ?1 ESCAPE '\\' OR al.alias LIKE ?1 ESCAPE '\\' OR a.id LIKE ?1 ESCAPE '\\'
               ORDER BY a.name COLLATE NOCASE, a.id LIMIT ?2""",
            (like, MAX_AMBIGUOUS_SHOWN + 1),
        ).fetchall()
        if not rows:
            return " (`tidings actors` lists the known actors)"
        names = ", ".join(f"{r[1]} ({r[0]})" for r in rows[:MAX_AMBIGUOUS_SHOWN])
        return f" (did you mean: {names}{', …' if len(rows) > MAX_AMBIGUOUS_SHOWN else ''}?)"

    def actor_profile(
        self, actor_id: str, *, max_articles: int | None = None, max_co_actors: int = 15
    ) -> ActorProfile:
        """One actor: its row, aliases by kind, dictionary roles (by start date), roles stated in
        articles and the articles naming it (newest first, at most ``max_articles`` of each), and
        the actors named in the most of the same articles (``max_co_actors``)."""
        found = self._actor_rows(["a.id = ?"], [actor_id], 1)
        if not found:
            raise NotFound(f"no actor {actor_id!r}")
        q = self._conn.execute
        kinds = ", ".join("?" * len(NAMING_KINDS))
        latest = "JOIN articles ar ON ar.id = {}.article_id JOIN documents d ON d.id = ar.document_id"
        newest_first = "ORDER BY ar.published IS NULL, ar.published DESC, ar.n DESC"
        n_max = -1 if max_articles is None else max_articles

        by_kind: dict[str, list[str]] = {}
        for kind, alias in q(
            "SELECT DISTINCT kind, alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias COLLATE NOCASE, alias",
            (actor_id,),
        ):
            by_kind.setdefault(kind, []).append(alias)
        order = {k: i for i, k in enumerate(ALIAS_KIND_ORDER)}
        aliases = {k: by_kind[k] for k in sorted(by_kind, key=lambda k: (order.get(k, len(order)), k))}

        roles = [
            RoleRow(*r)
            for r in q(
                """SELECT DISTINCT title, country, start, "end" FROM actor_roles
                   WHERE actor_id = ? AND article_id IS NULL
                   ORDER BY start IS NULL, start, "end" IS NULL, "end", title""",
                (actor_id,),
            )
        ]
        stated = [
            StatedRoleRow(*r)
            for r in q(
                f"""SELECT r.title, r.country, r.article_id, ar.title, ar.published, r.start_offset, r.end_offset
                    FROM actor_roles r {latest.format("r")}
                    WHERE r.actor_id = ? AND d.superseded_by IS NULL
                    {newest_first}, r.start_offset LIMIT ?""",
                (actor_id, n_max),
            )
        ]
        articles = [
            ActorArticleRow(*r)
            for r in q(
                f"""SELECT ar.id, ar.title, ar.published, ar.source, count(*) FROM mentions m {latest.format("m")}
                    WHERE m.actor_id = ? AND m.kind IN ({kinds}) AND d.superseded_by IS NULL
                    GROUP BY ar.n {newest_first} LIMIT ?""",
                (actor_id, *NAMING_KINDS, n_max),
            )
        ]
        co_actors = [
            CoActorRow(*r)
            for r in q(
                f"""WITH mine AS (
                        SELECT DISTINCT m.article_id FROM mentions m {latest.format("m")}
                        WHERE m.actor_id = ?1 AND m.kind IN ({kinds}) AND d.superseded_by IS NULL)
                    SELECT a.id, a.name, a.type, a.country, count(DISTINCT m.article_id) AS shared
                    FROM mine JOIN mentions m ON m.article_id = mine.article_id JOIN actors a ON a.id = m.actor_id
                    WHERE m.actor_id != ?1 AND m.kind IN ({kinds})
                    GROUP BY a.id ORDER BY shared DESC, a.name COLLATE NOCASE, a.id LIMIT ?""",
                (actor_id, *NAMING_KINDS, *NAMING_KINDS, max_co_actors),
            )
        ]
        return ActorProfile(found[0], aliases, roles, stated, articles, co_actors)

    # ================================================================== stories
    # Read-only views for `tidings stories` and `tidings story` (written by tidings.stories).

    def stories(
        self, since: str | None = None, actor_id: str | None = None, limit: int | None = None
    ) -> list:
        """Stories, newest first: ``since`` keeps those whose last date is on or after it (ISO),
        ``actor_id`` those in which an article names that actor.  [tidings.stories.records.StoryRow]"""
        where, params = ["1 = 1"], []
        if since is not None:
            where.append("s.last_date >= ?")
            params.append(since)
        if actor_id is not None:
            where.append(
                """EXISTS (SELECT 1 FROM story_articles sa JOIN mentions m ON m.article_id = sa.article_id
                   WHERE sa.story_id = s.id AND m.actor_id = ?)"""
            )
            params.append(actor_id)
        rows = self._conn.execute(
            f"""SELECT s.id, s.headline, s.first_date, s.last_date, s.n_articles, s.n_sources, s.outlets, s.actors
                FROM stories s WHERE {" AND ".join(where)}
                ORDER BY s.last_date IS NULL, s.last_date DESC, s.n_articles DESC, s.id LIMIT ?""",
            (*params, -1 if limit is None else limit),
        ).fetchall()
        return [self._story_row(r) for r in rows]

    def _story_row(self, r: sqlite3.Row):
        from tidings.stories.records import StoryRow

        ids = json.loads(r["actors"])
        names = {}
        if ids:
            q = f"SELECT id, name, type FROM actors WHERE id IN ({', '.join('?' * len(ids))})"
            names = {a[0]: {"id": a[0], "name": a[1], "type": a[2]} for a in self._conn.execute(q, ids)}
        return StoryRow(
            r["id"],
            r["headline"],
            r["first_date"],
            r["last_date"],
            r["n_articles"],
            r["n_sources"],
            json.loads(r["outlets"]),
            [names[i] for i in ids if i in names],
        )

    def find_story(self, id_or_prefix: str) -> str:
        """The id of the story with this id, or the only one whose id starts with it."""
        key = id_or_prefix.strip()
        if self._conn.execute("SELECT 1 FROM stories WHERE id = ?", (key,)).fetchone():
            return key
        if len(key) >= PREFIX_MIN:
            for k in (key, "st-" + key):
                rows = self._conn.execute(
                    "SELECT id FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
                    (k, k + "\U0010ffff", MAX_AMBIGUOUS_SHOWN + 1),
                ).fetchall()
                if len(rows) == 1:
                    return rows[0][0]
                if rows:
                    raise AmbiguousId(f"{key!r} matches several stories: {', '.join(r[0] for r in rows)}")
        row = self._conn.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (key,)
        ).fetchone()
        if row:
            return row[0]  # an article id: its story
        raise NotFound(f"no story {key!r} (`tidings stories` lists them; `tidings cluster` makes them)")

    def story_detail(self, story_id: str):
        """One story: its record, articles (oldest first), merged events (by date, then first report)
        and statements with their speakers."""
        from tidings.stories.records import (
            StoryArticle,
            StoryDetail,
            StoryEvent,
            StoryStatement,
            first_sentence,
        )

        row = self._conn.execute(
            """SELECT id, headline, first_date, last_date, n_articles, n_sources, outlets, actors
               FROM stories WHERE id = ?""",
            (story_id,),
        ).fetchone()
        if row is None:
            raise NotFound(f"no story {story_id!r}")
        q = self._conn.execute
        articles = [
            StoryArticle(r[0], r[1], r[2], r[3], r[4], r[5], first_sentence(r[6]))
            for r in q(
                """SELECT a.id, a.title, a.published, coalesce(a.outlet, d.site), a.source, nd.original_id, a.body
                   FROM story_articles sa JOIN articles a ON a.id = sa.article_id
                   JOIN documents d ON d.id = a.document_id
                   LEFT JOIN near_duplicates nd ON nd.article_id = a.id
                   WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, a.n""",
                (story_id,),
            )
        ]
        order = {a.id: i for i, a in enumerate(articles)}
        events: dict[str, StoryEvent] = {}
        outlets: dict[str, set] = {}
        sources: dict[str, set] = {}
        for r in q(
            """SELECT coalesce(e.canonical_id, e.id), e.type, coalesce(s.name, e.source_id),
                      coalesce(t.name, e.target_id), e.date, e.location, e.article_id, e.evidence,
                      coalesce(a.outlet, a.source), coalesce(nd.original_id, a.id)
               FROM story_articles sa JOIN events e ON e.article_id = sa.article_id
               JOIN articles a ON a.id = e.article_id
               LEFT JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id
               LEFT JOIN near_duplicates nd ON nd.article_id = e.article_id
               WHERE sa.story_id = ? AND e.negated = 0 AND e.hypothetical = 0
               ORDER BY e.article_id, e.start""",
            (story_id,),
        ):
            ev = events.get(r[0])
            if ev is None:
                ev = events[r[0]] = StoryEvent(r[0], r[1], r[2], r[3], r[4], r[5], evidence=r[7])
            ev.date = ev.date or r[4]
            ev.location = ev.location or r[5]
            ev.target = ev.target or r[3]
            ev.articles.append(r[6])
            ev.n_reports += 1
            outlets.setdefault(r[0], set()).add(r[8])
            sources.setdefault(r[0], set()).add(r[9])
        for eid, ev in events.items():
            ev.articles.sort(key=lambda a: order.get(a, 1 << 30))
            ev.n_outlets, ev.n_sources = len(outlets[eid]), len(sources[eid])
        evs = sorted(
            events.values(), key=lambda e: (e.date or "9999", order.get(e.articles[0], 1 << 30), e.id)
        )
        statements = [
            StoryStatement(r[0] or "unknown speaker", r[1], bool(r[2]), r[3])
            for r in q(
                """SELECT coalesce(ac.name, st.speaker_name), st.text, st.direct, st.article_id
                   FROM story_articles sa JOIN statements st ON st.article_id = sa.article_id
                   JOIN articles a ON a.id = st.article_id LEFT JOIN actors ac ON ac.id = st.speaker_id
                   WHERE sa.story_id = ? AND (st.speaker_id IS NOT NULL OR st.speaker_name IS NOT NULL)
                   ORDER BY a.published IS NULL, a.published, a.n, st.start""",
                (story_id,),
            )
        ]
        return StoryDetail(self._story_row(row), articles, evs, statements)

    def event_outlets(self, canonical_id: str) -> int:
        """How many distinct outlets reported the merged event with this canonical id."""
        row = self._conn.execute(
            "SELECT n_outlets FROM merged_events WHERE id = ?", (canonical_id,)
        ).fetchone()
        return row[0] if row else 0

    # ------------------------------------------------------------------ events & timeline (events stage)

    def events(
        self,
        *,
        actor_id: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factual_only: bool = True,
        limit: int | None = None,
    ) -> list[EventRow]:
        """Coded events, dated ones first in date order: ``actor_id`` as source or target, ``type``
        a PLOVER type, ``since``/``until`` ISO days (inclusive; undated events are left out when
        either is given); negated and hypothetical events only when ``factual_only`` is false."""
        where, params = ["1=1"], []
        if actor_id:
            where.append("(e.source_id = ? OR e.target_id = ?)")
            params += [actor_id, actor_id]
        if type:
            where.append("e.type = ?")
            params.append(type.upper())
        if since:
            where.append("e.date >= ?")
            params.append(since)
        if until:
            where.append("e.date <= ?")
            params.append(until + "\uffff")
        if factual_only:
            where.append("e.negated = 0 AND e.hypothetical = 0")
        sql = f"""SELECT e.id, e.type, e.mode, e.source_id, s.name, e.target_id, t.name, e.date,
                         e.date_granularity, e.location, e.article_id, e.start, e."end", e.evidence,
                         e.negated, e.hypothetical, a.published
                  FROM events e JOIN articles a ON a.id = e.article_id
                  LEFT JOIN actors s ON s.id = e.source_id LEFT JOIN actors t ON t.id = e.target_id
                  WHERE {" AND ".join(where)}
                  ORDER BY e.date IS NULL, e.date, a.published, e.article_id, e.start"""
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [EventRow(*r[:14], bool(r[14]), bool(r[15]), r[16]) for r in self._conn.execute(sql, params)]

    def timeline(self, actor_id: str, *, limit: int | None = None) -> list[TimelineRow]:
        """An actor's dated events (as source or target, factual only) and statements (by date of
        the article that reports them), in date order."""
        rows = [
            TimelineRow(
                e.date or "",
                "event",
                e.type,
                e.source_name or e.source_id,
                e.target_name or e.target_id,
                e.evidence,
                e.article_id,
                e.start,
                e.end,
            )
            for e in self.events(actor_id=actor_id)
            if e.date
        ]
        for r in self._conn.execute(
            """SELECT a.published, st.verb, st.text, st.article_id, st.start, st."end", st.direct
               FROM statements st JOIN articles a ON a.id = st.article_id
               WHERE st.speaker_id = ? AND a.published IS NOT NULL""",
            (actor_id,),
        ):
            name = self._conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,)).fetchone()
            rows.append(
                TimelineRow(
                    r[0],
                    "statement",
                    "QUOTE" if r[6] else "SAID",
                    name[0] if name else actor_id,
                    None,
                    r[2],
                    r[3],
                    r[4],
                    r[5],
                )
            )
        rows.sort(key=lambda x: (x.date, x.article_id, x.start))
        return rows[:limit] if limit else rows


# --------------------------------------------------------------------------- event query rows
# Returned by Store.events() and Store.timeline() (the events section at the end of Store).


@dataclass(slots=True)
class EventRow:
    id: str
    type: str
    mode: str | None
    source_id: str | None
    source_name: str | None
    target_id: str | None
    target_name: str | None
    date: str | None
    date_granularity: str | None
    location: str | None
    article_id: str
    start: int
    end: int
    evidence: str
    negated: bool
    hypothetical: bool
    published: str | None


@dataclass(slots=True)
class TimelineRow:
    date: str
    kind: str  # "event" or "statement"
    type: str  # PLOVER type, or QUOTE/SAID
    who: str | None
    whom: str | None
    text: str
    article_id: str
    start: int
    end: int


# --------------------------------------------------------------------------- actor query rows
# Returned by Store.actors() and Store.actor_profile() (the section at the end of Store).

ACTOR_TYPES = ("PERSON", "ORG", "STATE", "IGO")
NAMING_KINDS = SURFACE_KINDS
ALIAS_KIND_ORDER = ("name", "acronym", "romanisation", "surname", "metonym", "surface")


@dataclass(slots=True, frozen=True)
class ActorRow:
    """An actor with the number of (latest) articles naming it and of its naming mentions."""

    id: str
    name: str
    type: str
    country: str | None
    n_articles: int = 0
    n_mentions: int = 0


@dataclass(slots=True, frozen=True)
class RoleRow:
    """A role from the dictionary (gazetteer), with its dates (ISO; ``None`` = open or unknown)."""

    title: str
    country: str | None
    start: str | None
    end: str | None


@dataclass(slots=True, frozen=True)
class StatedRoleRow:
    """A role an article's text gives the actor (``start``/``end``: offsets into its body)."""

    title: str
    country: str | None
    article_id: str
    article_title: str | None
    published: str | None
    start: int | None
    end: int | None


@dataclass(slots=True, frozen=True)
class ActorArticleRow:
    """An article naming the actor, with how many times it does."""

    id: str
    title: str | None
    published: str | None
    source: str
    n_mentions: int


@dataclass(slots=True, frozen=True)
class CoActorRow:
    """Another actor named in ``shared`` of the same articles."""

    id: str
    name: str
    type: str
    country: str | None
    shared: int


@dataclass(slots=True)
class ActorProfile:
    """Everything the knowledge base holds about one actor (``tidings actor``)."""

    actor: ActorRow
    aliases: dict[str, list[str]]  # kind -> distinct aliases
    roles: list[RoleRow]  # dictionary roles, by start date
    stated_roles: list[StatedRoleRow]  # newest article first
    articles: list[ActorArticleRow]  # newest first
    co_actors: list[CoActorRow]  # most shared articles first


ArticleActors = tuple[str, list]  # (article id, [tidings.actors.ArticleActor])


def _write_statements_events(
    conn: sqlite3.Connection, article_id: str, statements: Iterable[Statement], events: Iterable[Event]
) -> None:
    """Replace an article's statements and events (actor ids mapped through ``actor_merges``)."""
    statements, events = list(statements), list(events)
    ids = {st.speaker_id for st in statements} | {a for ev in events for a in (ev.source_id, ev.target_id)}
    ids.discard(None)
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"SELECT from_id, to_id FROM actor_merges WHERE from_id IN ({marks})", tuple(ids))
    merged = dict(rows.fetchall()) if ids else {}
    if merged:
        for st in statements:
            st.speaker_id = merged.get(st.speaker_id, st.speaker_id)
        for ev in events:
            ev.source_id = merged.get(ev.source_id, ev.source_id)
            ev.target_id = merged.get(ev.target_id, ev.target_id)
    conn.execute("DELETE FROM statements WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
    conn.executemany(
        """INSERT INTO statements (id, article_id, start, "end", text, direct, speaker_id,
               speaker_name, verb, in_title) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                s.id or f"{article_id}:q{i}",
                article_id,
                s.span.start,
                s.span.end,
                s.text,
                int(s.direct),
                s.speaker_id,
                s.speaker_name,
                s.verb,
                int(s.in_title),
            )
            for i, s in enumerate(statements)
        ],
    )
    conn.executemany(
        """INSERT INTO events (id, canonical_id, article_id, start, "end", type, mode, source_id,
               target_id, date, date_granularity, location, evidence, negated, hypothetical)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                f"{article_id}:e{i}",
                e.id or None,
                article_id,
                e.span.start,
                e.span.end,
                e.type,
                e.mode,
                e.source_id,
                e.target_id,
                e.date,
                e.date_granularity,
                e.location,
                e.evidence,
                int(e.negated),
                int(e.hypothetical),
            )
            for i, e in enumerate(events)
        ],
    )


def _write_article_actors(conn: sqlite3.Connection, article_id: str, found: list) -> None:
    """An article's actors and mentions.  A known actor row is left as it is; a new one is
    inserted with its aliases and dictionary roles; roles stated in the text are kept per article."""
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM actor_roles WHERE article_id = ?", (article_id,))
    for rec in found:
        a = rec.actor
        merged = conn.execute("SELECT to_id FROM actor_merges WHERE from_id = ?", (a.id,)).fetchone()
        if merged:  # merged into another actor by tidings.actors.resolve
            a = Actor(merged[0], a.name, a.type, a.country, a.aliases, [])
            for m in rec.mentions:
                m.actor_id = a.id
        cur = conn.execute(
            "INSERT OR IGNORE INTO actors (id, name, type, country) VALUES (?, ?, ?, ?)",
            (a.id, a.name, str(a.type), a.country),
        )
        if cur.rowcount:
            conn.executemany(
                "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, kind) VALUES (?, ?, ?)",
                [(a.id, al.name, al.kind) for al in a.aliases],
            )
            conn.executemany(
                'INSERT INTO actor_roles (actor_id, title, country, start, "end", origin) VALUES (?, ?, ?, ?, ?, ?)',
                [(a.id, r.title, r.country, r.start, r.end, r.origin) for r in a.roles],
            )
        conn.executemany(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, kind) VALUES (?, ?, 'surface')",
            [(a.id, form) for form in rec.surface_forms],
        )
        conn.executemany(
            """INSERT INTO actor_roles (actor_id, title, country, origin, article_id, start_offset, end_offset)
               VALUES (?, ?, ?, 'text', ?, ?, ?)""",
            [
                (a.id, r.title, r.country, article_id, r.span.start, r.span.end)
                for r in rec.text_roles
                if r.span
            ],
        )
        conn.executemany(
            'INSERT INTO mentions (article_id, start, "end", text, actor_id, kind) VALUES (?, ?, ?, ?, ?, ?)',
            [(article_id, m.span.start, m.span.end, m.text, a.id, m.kind) for m in rec.mentions],
        )


class LineLearner:
    """Counts line keys per site over one ingest batch, on disk (a TEMP table), not in memory.

    ``add()`` records the keys of a page; ``boilerplate(site)`` then gives the keys
    seen in at least ``min_docs`` distinct pages counting both this batch and the
    pages already stored, so a batch ingested in one go or resumed after a crash
    learns the same boilerplate.  A page's keys are kept as one row (a JSON array, as
    in ``site_pages``): appended, not inserted key by key into an index.
    """

    FLUSH_PAGES = 2_000

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._pending: list[tuple[str, str, str]] = []
        conn.execute("DROP TABLE IF EXISTS temp.batch_pages")
        conn.execute(
            "CREATE TEMP TABLE batch_pages (site TEXT NOT NULL, src TEXT NOT NULL, line_keys TEXT NOT NULL)"
        )
        conn.execute("CREATE INDEX temp.batch_pages_site ON batch_pages(site)")
        self._cache: dict[tuple[str, int], frozenset[str]] = {}

    def add(self, site: str, src: str, keys: Iterable[str]) -> None:
        """Record that page ``src`` (its URL, else its source) of ``site`` has these line keys."""
        keys = sorted(set(keys))
        if keys:
            self._pending.append((site, src, json.dumps(keys)))
            if len(self._pending) >= self.FLUSH_PAGES:
                self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        # Writes only the TEMP database: takes no lock on the main database.
        self._conn.execute("BEGIN")
        try:
            self._conn.executemany(
                "INSERT INTO temp.batch_pages (site, src, line_keys) VALUES (?, ?, ?)", self._pending
            )
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        self._pending.clear()
        self._cache.clear()

    def boilerplate(self, site: str, min_docs: int = MIN_BOILERPLATE_DOCS) -> frozenset[str]:
        """Keys of ``site`` seen in ``min_docs`` or more distinct pages, stored or in this batch."""
        self._flush()
        key = (site, min_docs)
        if key not in self._cache:
            # UNION: a (key, page) pair counts once, however often the page was seen.
            rows = self._conn.execute(
                """SELECT line_key FROM (
                       SELECT k.value AS line_key, coalesce(d.url, d.source) AS src
                       FROM main.site_pages s JOIN main.documents d ON d.id = s.document_id,
                           json_each(s.line_keys) k
                       WHERE s.site = ?
                       UNION
                       SELECT k.value, b.src FROM temp.batch_pages b, json_each(b.line_keys) k
                       WHERE b.site = ?)
                   GROUP BY line_key HAVING count(*) >= ?""",
                (site, site, min_docs),
            )
            self._cache[key] = frozenset(r[0] for r in rows)
        return self._cache[key]

    def close(self) -> None:
        """Drop the scratch table."""
        self._pending.clear()
        self._cache.clear()
        self._conn.execute("DROP TABLE IF EXISTS temp.batch_pages")

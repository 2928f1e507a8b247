"""The SQLite store: migrations, versioning, atomic writes, full-text search, boilerplate keys."""

from __future__ import annotations

import sqlite3

import pytest

from conftest import make_article, make_doc
from tidings.models import Actor, ActorType, Alias, Event, Mention, Role, Span, Statement, Story
from tidings.store import MIGRATIONS, AmbiguousId, BadQuery, NotFound, Store, StoreError, migrate

TABLES = (
    "documents", "articles", "site_pages", "actors", "actor_aliases", "actor_roles", "mentions",
    "statements", "events", "stories", "story_articles",
)  # fmt: skip


def counts(store: Store) -> dict[str, int]:
    return {t: store.count(t) for t in TABLES}


def add(store: Store, source: str, text: str, *, title: str | None = None, url: str | None = None, keys=()):
    doc = make_doc(source, text, url)
    return doc, store.add_document(doc, [make_article(doc, title=title)], site="example.org", line_keys=keys)


# --------------------------------------------------------------------------- schema


def test_migrations_recorded_in_order(store: Store) -> None:
    names = [name for name, _ in store.migrations()]
    assert names == [m.__name__ for m in MIGRATIONS]
    assert all(applied_at for _, applied_at in store.migrations())


def test_migrations_idempotent(db_path) -> None:
    with Store(db_path) as s:
        first = s.migrations()
    with Store(db_path) as s:
        assert s.migrations() == first
        assert migrate(s._conn) == []
        assert s.count("_migrations") == len(MIGRATIONS)


def test_m008_moves_site_lines_into_site_pages(db_path) -> None:
    """A database written before m008 keeps what it learned: the same boilerplate keys after."""
    import sqlite3 as sq

    from tidings.store.migrations import MIGRATIONS as ALL

    conn = sq.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for m in ALL[: [x.__name__ for x in ALL].index("m008_site_pages")]:
        conn.execute("BEGIN")
        m(conn)
        conn.execute("INSERT INTO _migrations VALUES (?, '2024-01-01')", (m.__name__,))
        conn.execute("COMMIT")
    for i, src in enumerate(("a.txt", "b.txt", "c.txt")):
        conn.execute(
            """INSERT INTO documents (id, source, site, format, raw_text, version, ingested_at)
               VALUES (?, ?, 'example.org', 'text', 'x', 1, '2024-01-01')""",
            (f"d{i}", src),
        )
        conn.executemany(
            "INSERT INTO site_lines (site, line_key, document_id) VALUES ('example.org', ?, ?)",
            [("nav", f"d{i}"), (f"own{i}", f"d{i}"), ("foot", f"d{i}")],
        )
    conn.close()
    with Store(db_path) as s:
        assert s.boilerplate_keys("example.org") == {"nav", "foot"}
        rows = s.execute("SELECT document_id, line_keys FROM site_pages ORDER BY document_id").fetchall()
        assert [tuple(r) for r in rows] == [
            ("d0", '["foot","nav","own0"]'),
            ("d1", '["foot","nav","own1"]'),
            ("d2", '["foot","nav","own2"]'),
        ]
        assert s.execute("SELECT count(*) FROM sqlite_master WHERE name = 'site_lines'").fetchone()[0] == 0
        assert s.integrity_check() == "ok"


def test_pragmas(store: Store) -> None:
    assert store.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


def test_not_a_database(tmp_path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError, match="not a usable tidings database"):
        Store(bad)


def test_foreign_keys_enforced(store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
        conn.execute(
            "INSERT INTO articles (id, document_id, seq, source, body) VALUES ('a', 'nope', 0, 's', 'b')"
        )
    assert store.count("articles") == 0


# --------------------------------------------------------------------------- documents and versions


def test_same_document_twice_changes_nothing(store: Store) -> None:
    doc, version = add(store, "a.txt", "Harbour workers agree to a deal.", keys=["k1", "k2"])
    assert version == 1
    before = counts(store)
    assert store.add_document(doc, [make_article(doc)], site="example.org", line_keys=["k1", "k2"]) is None
    assert counts(store) == before


def test_changed_page_same_source_is_version_2(store: Store) -> None:
    add(store, "a.txt", "First text of the page.", title="Old")
    _, version = add(store, "a.txt", "Second, corrected text of the page.", title="New")
    assert version == 2
    latest = list(store.latest_articles())
    assert [a.title for a in latest] == ["New"]
    assert store.count("articles") == 2
    assert store.stats().versioned_sources == 1


def test_changed_page_same_url_is_a_new_version(store: Store) -> None:
    add(store, "feed.jsonl:1", "Version one.", url="https://example.org/a")
    _, version = add(store, "feed.jsonl:7", "Version two.", url="https://example.org/a")
    assert version == 2
    assert len(list(store.latest_articles())) == 1


def test_document_written_whole_or_not_at_all(store: Store) -> None:
    doc = make_doc("a.txt", "Some page.")
    twins = [make_article(doc, 0), make_article(doc, 1, id=f"{doc.id}-0")]  # duplicate article id
    with pytest.raises(sqlite3.IntegrityError):
        store.add_document(doc, twins, site="example.org", line_keys=["k"])
    assert counts(store) == dict.fromkeys(TABLES, 0)
    assert store.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0


def test_get_document_and_offsets_round_trip(store: Store) -> None:
    doc, _ = add(store, "a.txt", "Raw page text.")
    row = store.get_document(doc.id)
    assert (row.source, row.raw_text, row.format, row.version) == ("a.txt", "Raw page text.", "text", 1)
    art = store.get_article(f"{doc.id}-0")
    assert art.offsets.segments == [(0, 0, len("Raw page text."))]
    assert art.offsets.to_raw(4) == 4


def test_get_article_by_prefix(store: Store) -> None:
    doc, _ = add(store, "a.txt", "Page one.")
    add(store, "b.txt", "Page two.")
    assert store.get_article(doc.id[:8]).document_id == doc.id
    with pytest.raises(NotFound):
        store.get_article("zzzzzzzz")
    with pytest.raises(NotFound, match="at least"):
        store.get_article("a")


def test_ambiguous_prefix(store: Store) -> None:
    doc = make_doc("a.txt", "Page.")
    arts = [make_article(doc, 0, id="abcd0001"), make_article(doc, 1, id="abcd0002")]
    store.add_document(doc, arts, site=None)
    with pytest.raises(AmbiguousId, match="abcd0001, abcd0002"):
        store.get_article("abcd")


# --------------------------------------------------------------------------- search


def test_search_finds_title_and_body_words(store: Store) -> None:
    add(store, "a.txt", "The harbour reopened after the strike ended.", title="Dockers return")
    add(store, "b.txt", "Glaciers are retreating faster than expected.", title="Ice report")
    body_hits = store.search("harbour")
    assert [h.source for h in body_hits] == ["a.txt"]
    assert "[harbour]" in body_hits[0].snippet
    assert [h.source for h in store.search("dockers")] == ["a.txt"]
    assert [h.source for h in store.search("glacier*")] == ["b.txt"]
    assert {h.source for h in store.search("harbour OR glaciers")} == {"a.txt", "b.txt"}


def test_search_title_ranks_above_body(store: Store) -> None:
    add(store, "a.txt", "A long body that mentions railway once among many other words here.", title="Budget")
    add(store, "b.txt", "Unrelated body text about budgets and ministers.", title="Railway plan")
    assert store.search("railway")[0].source == "b.txt"


def test_search_bad_syntax_is_quoted(store: Store) -> None:
    add(store, "a.txt", "Talks with Jae-in went well (so far).", title="Talks")
    assert [h.source for h in store.search("Jae-in (so")] == ["a.txt"]
    assert store.search('"unbalanced') == []
    assert store.search("AND OR NOT (") == []
    with pytest.raises(BadQuery):
        store.search("   ")


def test_search_skips_superseded_versions(store: Store) -> None:
    add(store, "a.txt", "The orchard frost story.")
    add(store, "a.txt", "The satellite launch story.")
    assert store.search("orchard") == []
    assert len(store.search("orchard", latest_only=False)) == 1
    assert len(store.search("satellite")) == 1


def test_fts_stays_consistent(store: Store) -> None:
    for i in range(5):
        add(store, f"p{i}.txt", f"Body number {i} about the railway.", title=f"Title {i}")
    with store.transaction() as conn:
        conn.execute("UPDATE articles SET body = 'rewritten text about a glacier' WHERE source = 'p1.txt'")
        conn.execute("DELETE FROM documents WHERE source = 'p2.txt'")
    assert store.count("articles") == 4
    assert [h.source for h in store.search("glacier")] == ["p1.txt"]
    assert {h.source for h in store.search("railway")} == {"p0.txt", "p3.txt", "p4.txt"}
    assert store.integrity_check() == "ok"


# --------------------------------------------------------------------------- boilerplate


def test_boilerplate_keys_need_three_distinct_pages(store: Store) -> None:
    add(store, "a.txt", "one", keys=["nav", "a1"])
    add(store, "a.txt", "one, v2", keys=["nav", "a2"])  # a second version is not a second page
    add(store, "b.txt", "two", keys=["nav", "b1"])
    assert store.boilerplate_keys("example.org") == frozenset()
    add(store, "c.txt", "three", keys=["nav", "c1"])
    assert store.boilerplate_keys("example.org") == {"nav"}
    assert store.boilerplate_keys("example.org", min_docs=4) == frozenset()
    assert store.boilerplate_keys("other.org") == frozenset()


def test_line_learner_counts_batch_and_store_together(store: Store) -> None:
    add(store, "a.txt", "one", keys=["nav", "foot"])
    learner = store.line_learner()
    learner.add("example.org", "b.txt", ["nav", "foot"])
    learner.add("example.org", "b.txt", ["nav"])  # the same page twice counts once
    assert learner.boilerplate("example.org") == frozenset()
    learner.add("example.org", "c.txt", ["nav"])
    learner.add("other.org", "d.txt", ["foot"])
    assert learner.boilerplate("example.org") == {"nav"}
    learner.close()
    assert (
        store.execute("SELECT count(*) FROM sqlite_temp_master WHERE name = 'batch_pages'").fetchone()[0] == 0
    )


# --------------------------------------------------------------------------- facts and stats


def test_fact_tables_round_trip(store: Store) -> None:
    doc, _ = add(store, "a.txt", "Kim Min-ho met Jane Roe in Seoul.", title="Meeting")
    aid = f"{doc.id}-0"
    store.save_actors(
        [
            Actor(
                "p:kim",
                "Kim Min-ho",
                ActorType.PERSON,
                "KOR",
                [Alias("Kim")],
                [Role("Foreign Minister", "KOR")],
            ),
            Actor("p:roe", "Jane Roe", ActorType.PERSON, "USA"),
        ]
    )
    store.save_facts(
        aid,
        mentions=[
            Mention(Span(aid, 0, 10), "Kim Min-ho", "p:kim"),
            Mention(Span(aid, 15, 23), "Jane Roe", "p:roe"),
        ],
        statements=[Statement(Span(aid, 0, 5), "We met", speaker_id="p:kim", speaker_name="Kim Min-ho")],
        events=[
            Event(Span(aid, 0, 33), "CONSULT", "p:kim", "p:roe", evidence="Kim Min-ho met Jane Roe in Seoul.")
        ],
    )
    store.save_stories([Story("s1", "Meeting", [aid])])
    assert counts(store) | {"site_pages": 0} == {
        "documents": 1, "articles": 1, "site_pages": 0, "actors": 2, "actor_aliases": 1, "actor_roles": 1,
        "mentions": 2, "statements": 1, "events": 1, "stories": 1, "story_articles": 1,
    }  # fmt: skip
    # Saving again replaces, never duplicates.
    store.save_facts(aid, mentions=[Mention(Span(aid, 0, 10), "Kim Min-ho", "p:kim")])
    assert (store.count("mentions"), store.count("statements"), store.count("events")) == (1, 0, 0)
    # Deleting a document removes every fact that points into its articles.
    with store.transaction() as conn:
        conn.execute("DELETE FROM documents")
    assert store.count("mentions") == store.count("story_articles") == 0
    assert store.integrity_check() == "ok"


def test_every_fact_table_carries_provenance(store: Store) -> None:
    for table in ("mentions", "statements", "events"):
        cols = {r[1] for r in store.execute(f"PRAGMA table_info({table})")}
        assert {"article_id", "start", "end"} <= cols, table
    cols = {r[1] for r in store.execute("PRAGMA table_info(actor_roles)")}
    assert {"article_id", "start_offset", "end_offset"} <= cols


def test_stats(store: Store) -> None:
    doc = make_doc("a.txt", "x")
    store.add_document(
        doc,
        [make_article(doc, published="2024-01-02", language="en", outlet="Courier")],
        site=None,
    )
    doc = make_doc("b.txt", "y")
    store.add_document(
        doc, [make_article(doc, published="2024-02-03", language="ko", outlet="Courier")], site=None
    )
    s = store.stats()
    assert (s.documents, s.articles, s.all_articles, s.max_version) == (2, 2, 2, 1)
    assert s.languages == {"en": 1, "ko": 1}
    assert s.outlets == {"Courier": 2}
    assert (s.first_published, s.last_published) == ("2024-01-02", "2024-02-03")
    assert s.db_bytes > 0


def test_integrity_check_ok(store: Store) -> None:
    add(store, "a.txt", "Some text.")
    assert store.integrity_check() == "ok"


def test_offsets_of_html_articles_point_into_the_stored_extracted_text(tmp_path):
    import tidings

    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ministers meet on trade - Daily Example</title></head><body>"
        "<nav>Home | World | Politics</nav><article><h1>Ministers meet on trade</h1>"
        "<p>The trade ministers of both countries met on Monday to discuss tariffs and export controls.</p>"
        "<p>They agreed to meet again next month, according to a joint statement issued after the talks.</p>"
        "</article><footer>Copyright 2024 Daily Example. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    with tidings.open(tmp_path / "k.db") as kb:
        assert kb.ingest([page], extract=False).ok
        (article,) = list(kb.articles())
        text = kb.source_text(article.id)
        for word in ("tariffs", "joint statement"):
            at = article.body.index(word)
            raw_at = article.offsets.to_raw(at)
            assert text[raw_at : raw_at + len(word)] == word

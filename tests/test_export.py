"""Export: the record shape of EXPORT-FORMAT.md, and JSON Lines / CSV / Parquet that read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import make_article, make_doc, page_text, run
from tidings.export import EXTRA_FIELDS, RECORD_FIELDS, ExportError, article_record, export
from tidings.models import Actor, ActorType, Event, Mention, Role, Span, Statement, Story
from tidings.pipeline import ingest
from tidings.store import Store

FORMAT_KEYS = [
    "id", "source", "url", "outlet", "byline", "title", "published", "language", "body",
    "story", "actors", "quotes", "events",
]  # fmt: skip
ACTOR_KEYS = {"id", "name", "type", "country", "role", "surface_forms"}
QUOTE_KEYS = {"text", "speaker", "speaker_name", "direct", "start", "end"}
EVENT_KEYS = {"id", "type", "mode", "source", "target", "date", "location", "evidence", "start", "end"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def filled(store: Store, pages: Path) -> Store:
    report = ingest(store, [pages])
    assert report.ok and report.added == 6
    return store


def test_record_fields_match_the_format() -> None:
    assert list(RECORD_FIELDS) == FORMAT_KEYS


def test_jsonl_keys_exactly_as_the_format(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert export(filled, "jsonl", out) == 6
    records = read_jsonl(out)
    assert len(records) == 6
    for rec in records:
        assert list(rec)[: len(FORMAT_KEYS)] == FORMAT_KEYS
        assert set(rec) == set(FORMAT_KEYS) | set(EXTRA_FIELDS)
        assert all(isinstance(rec[k], list) for k in ("actors", "quotes", "events"))
        for q in rec["quotes"]:
            assert {"text", "speaker", "speaker_name", "direct", "start", "end"} <= set(q)
            assert rec["body"][q["start"] : q["end"]] == q["text"]
        for a in rec["actors"]:
            assert {"id", "name", "type", "country", "role", "surface_forms"} <= set(a)
        assert rec["body"] and rec["title"]
    assert len({r["id"] for r in records}) == 6


def test_source_keeps_the_input_name(filled: Store, tmp_path: Path, pages: Path) -> None:
    out = tmp_path / "out.jsonl"
    export(filled, "jsonl", out)
    stems = sorted(Path(r["source"]).stem for r in read_jsonl(out))
    assert stems == sorted(p.stem for p in pages.iterdir())


def test_jsonl_source_of_a_record(store: Store, tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        {"source": "seed-042.txt", "url": "https://news.example.org/v/20240305", "text": page_text(1)},
        {"text": page_text(2)},
    ]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert ingest(store, [feed]).ok
    out = tmp_path / "out.jsonl"
    export(store, "jsonl", out)
    sources = [r["source"] for r in read_jsonl(out)]
    assert sources == ["seed-042.txt", f"{feed}:2"]
    assert read_jsonl(out)[0]["url"] == "https://news.example.org/v/20240305"


def test_export_non_ascii_kept(store: Store, tmp_path: Path) -> None:
    doc = make_doc("k.txt", "서울 회담")
    store.add_document(doc, [make_article(doc, title="서울 회담")], site=None)
    out = tmp_path / "out.jsonl"
    export(store, "jsonl", out)
    assert "서울 회담" in out.read_text(encoding="utf-8")


def test_export_shows_latest_version(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    page = folder / "story.txt"
    page.write_text(page_text(0, word="harbour"), encoding="utf-8")
    ingest(store, [folder])
    page.write_text(page_text(0, word="lighthouse", title="Corrected headline"), encoding="utf-8")
    report = ingest(store, [folder])
    assert (report.new_versions, report.added, report.unchanged) == (1, 0, 0)
    out = tmp_path / "out.jsonl"
    export(store, "jsonl", out)
    (rec,) = read_jsonl(out)
    assert "lighthouse" in rec["body"] and "harbour" not in rec["body"]


def test_csv_reads_back(filled: Store, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    export(filled, "csv", out)
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 6
    assert list(rows[0])[: len(FORMAT_KEYS)] == FORMAT_KEYS
    for row in rows:
        assert json.loads(row["actors"]) == [] and json.loads(row["events"]) == []
        assert "\n\n" in row["body"]  # multi-line bodies survive quoting


def test_parquet_reads_back(filled: Store, tmp_path: Path) -> None:
    import pyarrow as pa  # imported here: a broken pyarrow fails these tests, not the whole file
    import pyarrow.parquet as pq

    add_facts(filled)
    out = tmp_path / "out.parquet"
    assert export(filled, "parquet", out) == 6
    table = pq.read_table(out)
    assert table.num_rows == 6
    assert table.column_names[: len(FORMAT_KEYS)] == FORMAT_KEYS
    for name in ("actors", "quotes", "events"):
        assert pa.types.is_list(table.schema.field(name).type)
        assert pa.types.is_struct(table.schema.field(name).type.value_type)
    rows = {r["id"]: r for r in table.to_pylist()}
    jsonl = tmp_path / "out.jsonl"
    export(filled, "jsonl", jsonl)
    for rec in read_jsonl(jsonl):
        assert rows[rec["id"]] == rec  # the same records, nested lists included


def test_empty_parquet_has_the_schema(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    out = tmp_path / "empty.parquet"
    assert export(store, "parquet", out) == 0
    assert pq.read_table(out).column_names[: len(FORMAT_KEYS)] == FORMAT_KEYS


def test_export_errors(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, "xml", tmp_path / "x.xml")
    with pytest.raises(ExportError, match="give an output file"):
        export(store, "parquet", "-")


def add_facts(store: Store) -> dict:
    """Attach an actor, a quote, an event and a story to the first article; return its record."""
    art = next(store.latest_articles())
    aid = art.id
    i = art.body.index('"')
    j = art.body.index('"', i + 1)
    store.save_actors(
        [
            Actor(
                "act:gov",
                "Regional Governor",
                ActorType.PERSON,
                "XXA",
                roles=[Role("Governor of the Province")],
            ),
            Actor("act:min", "Ministry of Ports", ActorType.ORG, "XXA"),
        ]
    )
    store.save_facts(
        aid,
        mentions=[
            Mention(Span(aid, 0, 9), "governor", "act:gov"),
            Mention(Span(aid, 20, 28), "the governor", "act:gov"),
            Mention(Span(aid, 30, 38), "ministry", "act:min"),
            Mention(Span(aid, 40, 44), "they", None, kind="pronoun"),
        ],
        statements=[
            Statement(Span(aid, i + 1, j), art.body[i + 1 : j], True, "act:gov", "Regional Governor", "tell")
        ],
        events=[
            Event(
                Span(aid, 0, 50),
                "AGREE",
                "act:gov",
                "act:min",
                date="2024-03-04",
                evidence="settled",
                id="ev1",
            )
        ],
    )
    store.save_stories([Story("story-1", "Dispute settled", [aid])])
    return article_record(store, store.get_article(aid))


def test_record_carries_facts(filled: Store) -> None:
    rec = add_facts(filled)
    assert rec["story"] == "story-1"
    gov, ministry = rec["actors"]
    assert set(gov) == ACTOR_KEYS
    assert gov["id"] == "act:gov" and gov["type"] == "PERSON" and gov["country"] == "XXA"
    assert gov["surface_forms"] == ["governor", "the governor"]
    assert gov["role"] == "Governor of the Province"
    assert ministry["role"] is None
    (quote,) = rec["quotes"]
    assert set(quote) >= QUOTE_KEYS
    assert quote["direct"] is True and quote["speaker"] == "act:gov"
    assert rec["body"][quote["start"] : quote["end"]] == quote["text"]
    (event,) = rec["events"]
    assert set(event) >= EVENT_KEYS
    assert (event["id"], event["type"], event["source"], event["target"]) == (
        "ev1",
        "AGREE",
        "act:gov",
        "act:min",
    )


def test_cli_export_to_stdout(filled: Store, db_path: Path) -> None:
    filled.close()
    result = run("export", "--db", db_path, "--format", "jsonl")
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 6
    result = run("export", "--db", db_path, "--format", "csv")
    assert result.exit_code == 0 and result.stdout.startswith("id,source,url,")


def test_cli_export_to_file(filled: Store, db_path: Path, tmp_path: Path) -> None:
    filled.close()
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"out.{fmt}"
        result = run("export", "--db", db_path, "--format", fmt, "-o", out)
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
        assert "wrote 6 articles" in result.stderr
        assert not out.with_name(out.name + ".part").exists()
    result = run("export", "--db", db_path, "--format", "parquet")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: parquet is binary: give an output file (-o FILE.parquet)"


def test_python_api(pages: Path, tmp_path: Path) -> None:
    import tidings

    with tidings.open(tmp_path / "api.db") as kb:
        report = kb.ingest(pages)
        assert (report.added, report.articles, report.ok) == (6, 6, True)
        assert kb.ingest([pages]).unchanged == 6
        arts = list(kb.articles())
        assert len(arts) == 6
        rec = kb.show(arts[0].id[:10])
        assert list(rec)[: len(FORMAT_KEYS)] == FORMAT_KEYS
        assert kb.raw(arts[0].id) == Path(arts[0].source).read_text(encoding="utf-8")
        assert kb.search("harbour", limit=2)
        assert kb.stats().articles == 6
        out = tmp_path / "api.jsonl"
        assert kb.export("jsonl", out) == 6
        seen = []
        kb.ingest([pages], progress=seen.append)
        assert {p.phase for p in seen} == {"scan", "ingest"}
        assert seen[-1].done == seen[-1].total == 6

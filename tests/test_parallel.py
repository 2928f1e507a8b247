"""Parallel ingest (``workers=N``): the same knowledge base and report as one process."""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

import pytest

import tidings
from conftest import page_text, run, write_pages
from tidings.export import iter_records
from tidings.pipeline import IngestReport

VOLATILE = {"ingested_at", "created_at", "updated_at", "stored_at"}
NAMES = ("Cho Tae-yul", "Antony Blinken", "Yoko Kamikawa", "Penny Wong")
COUNTRIES = ("South Korea", "Japan", "Australia", "the United States")


def _extra(i: int) -> str:
    """A sentence with named actors and an event, so the NLP stages have work."""
    a, b = NAMES[i % 4], COUNTRIES[(i + 1) % 4]
    return (
        f"Foreign Minister {a} met officials from {b} in Seoul on Tuesday and signed an agreement on "
        f'trade. "We will keep working with {b}," {a} said.'
    )


def _corpus(root: Path) -> Path:
    """Pages of three sites (plain text, a JSON Lines feed with URLs, HTML), a duplicate,
    and inputs that cannot be read."""
    write_pages(root / "courier", 24)
    (root / "courier" / "copy-of-page-00003.txt").write_text(page_text(3), encoding="utf-8")
    feed = root / "feed" / "wire.jsonl"
    feed.parent.mkdir(parents=True)
    lines = [
        json.dumps(
            {
                "source": f"w{i}.txt",
                "url": f"https://wire.example.com/news/{i}",
                "text": page_text(100 + i, extra=_extra(i)),
            }
        )
        for i in range(12)
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    html = root / "html"
    html.mkdir()
    for i in range(4):
        text = page_text(200 + i)
        title, *rest = [x for x in text.splitlines() if x.strip()][3:]
        body = "".join(f"<p>{x}</p>" for x in rest)
        (html / f"h{i}.html").write_text(
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>",
            encoding="utf-8",
        )
    (root / "courier" / "binary.txt").write_bytes(random.Random(7).randbytes(8192))
    (root / "courier" / "empty.txt").write_bytes(b"")
    return root


def _records(db: Path) -> list[dict]:
    with tidings.open(db) as kb:
        out = []
        for r in iter_records(kb.store):
            out.append({k: v for k, v in r.items() if k not in VOLATILE})
        return out


def _facts(db: Path) -> tuple:
    with tidings.open(db) as kb:
        actors = [(a.id, a.articles, a.mentions) if hasattr(a, "mentions") else repr(a) for a in kb.actors()]
        events = [repr(e) for e in kb.events(factual_only=False)]
        stats = dataclasses.asdict(kb.stats())
        del stats["path"], stats["db_bytes"]
        return actors, events, stats


def _ingest(db: Path, corpus: Path, workers: int) -> IngestReport:
    with tidings.open(db) as kb:
        return kb.ingest([corpus], workers=workers)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("parallel")
    corpus = _corpus(tmp / "corpus")
    one, two = tmp / "one.db", tmp / "two.db"
    return {
        "corpus": corpus,
        "tmp": tmp,
        "one": (one, _ingest(one, corpus, 1)),
        "two": (two, _ingest(two, corpus, 2)),
    }


def test_same_report(runs: dict) -> None:
    (_, r1), (_, r2) = runs["one"], runs["two"]
    assert r1.to_dict() == r2.to_dict()
    assert r1.added > 30 and r1.unchanged == 1  # the duplicate page
    assert sorted(Path(e.source).name for e in r2.failed) == ["binary.txt", "empty.txt"]


def test_same_knowledge_base(runs: dict) -> None:
    (db1, _), (db2, _) = runs["one"], runs["two"]
    records = _records(db1)
    assert records and records == _records(db2)
    assert _facts(db1) == _facts(db2)


def test_cli_workers(runs: dict) -> None:
    db = runs["tmp"] / "cli.db"
    result = run("ingest", runs["corpus"], "--db", db, "--workers", "2", "--json", "--quiet")
    assert result.exit_code == 1  # the two bad inputs
    summary = json.loads(result.stdout)
    summary.pop("db")
    assert summary == runs["one"][1].to_dict()
    assert _records(db) == _records(runs["one"][0])
    again = run("ingest", runs["corpus"], "--db", db, "-w", "2", "--json", "--quiet")
    summary = json.loads(again.stdout)
    assert (summary["added"], summary["unchanged"], len(summary["failed"])) == (
        0,
        r := summary["unchanged"],
        2,
    )
    assert r == runs["one"][1].added + 1


def test_workers_must_be_positive(tmp_path: Path) -> None:
    with tidings.open(tmp_path / "x.db") as kb, pytest.raises(ValueError):
        kb.ingest([tmp_path], workers=0)
    assert run("ingest", tmp_path, "--db", tmp_path / "y.db", "--workers", "0").exit_code == 2


def test_files_read_once_give_the_same_store_as_two_passes(tmp_path: Path, monkeypatch) -> None:
    """One process reads a folder's files once (learning, then cleaning them from memory); the
    store must be what reading every page twice (all keys learned first) gives."""
    from tidings import pipeline

    root = tmp_path / "corpus"
    write_pages(root / "a", 8)  # read once
    (root / "a" / "binary.txt").write_bytes(random.Random(3).randbytes(4096))  # an error inside a run
    write_pages(root / "b", 5, start=20)  # shares its site with a URL-less feed: read twice
    (root / "b" / "a-feed.jsonl").write_text(
        "\n".join(json.dumps({"text": page_text(40 + i)}) for i in range(3)) + "\n", encoding="utf-8"
    )
    write_pages(root / "c", 5, start=50)  # listed again below: two runs, read twice
    write_pages(root / "d", 3, start=60)  # read once; holds a copy of a page stored earlier
    (root / "d" / "copy.txt").write_text(page_text(2), encoding="utf-8")
    paths = [root, root / "c" / "page-00051.txt"]

    def ingest(db: Path) -> tuple[dict, list[dict]]:
        with tidings.open(db) as kb:
            report = kb.ingest(paths, extract=False)
        return report.to_dict(), _records(db)

    groups: list[str] = []
    read_group = pipeline._read_group

    def spy(store, group, *args):
        groups.append(Path(group.site).name)
        return read_group(store, group, *args)

    monkeypatch.setattr(pipeline, "_read_group", spy)
    once = ingest(tmp_path / "once.db")
    assert sorted(groups) == ["a", "d"]
    monkeypatch.setattr(pipeline, "GROUP_MAX_PAGES", 0)  # no site read once: the two passes
    twice = ingest(tmp_path / "twice.db")
    assert sorted(groups) == ["a", "d"]
    assert once == twice
    report, records = once
    assert report["unchanged"] == 2 and len(report["failed"]) == 1  # the copy and c/page-00051 again
    assert all("Subscribe" not in r["body"] for r in records)  # learned navigation is gone


def test_huge_batch_falls_back_to_two_passes(tmp_path: Path, monkeypatch) -> None:
    """More new pages than LEARN_MAX_DOCS: learning stops there, as it always did (the workers
    path keeps the two passes: both give the same store)."""
    from tidings import pipeline

    write_pages(tmp_path / "corpus" / "a", 6)
    write_pages(tmp_path / "corpus" / "b", 6, start=10)
    monkeypatch.setattr(pipeline, "LEARN_MAX_DOCS", 4)
    with tidings.open(tmp_path / "one.db") as kb:
        one = kb.ingest([tmp_path / "corpus"], extract=False)
    with tidings.open(tmp_path / "two.db") as kb:
        two = kb.ingest([tmp_path / "corpus"], extract=False, workers=2)
    assert one.to_dict() == two.to_dict() and one.added == 12
    assert _records(tmp_path / "one.db") == _records(tmp_path / "two.db")

"""The ``tidings`` command: ingest, export, search, show, stats; and surviving ``kill -9``."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import page_text, run, subprocess_env, write_pages
from tidings.store import Store


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "articles", "site_pages", "articles_fts")
        }


def test_ingest_then_reingest_changes_nothing(pages: Path, db_path: Path) -> None:
    result = run("ingest", pages, "--db", db_path)
    assert result.exit_code == 0, result.output
    assert "6 new" in result.stdout and "0 failed" in result.stdout
    assert result.stderr == ""
    before = table_counts(db_path)
    assert before["documents"] == before["articles"] == before["articles_fts"] == 6
    result = run("ingest", pages, "--db", db_path)
    assert result.exit_code == 0
    assert "6 unchanged" in result.stdout
    assert table_counts(db_path) == before


def test_ingest_json_summary(pages: Path, db_path: Path) -> None:
    result = run("ingest", pages, "--db", db_path, "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary == {
        "db": str(db_path),
        "added": 6,
        "unchanged": 0,
        "new_versions": 0,
        "articles": 6,
        "empty": 0,
        "failed": [],
    }


def test_changed_page_becomes_version_2(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 4)
    run("ingest", folder, "--db", db_path)
    (folder / "page-00002.txt").write_text(
        page_text(2, extra="A correction was added later."), encoding="utf-8"
    )
    result = run("ingest", folder, "--db", db_path, "--json")
    summary = json.loads(result.stdout)
    assert (summary["new_versions"], summary["unchanged"], summary["added"]) == (1, 3, 0)
    with Store(db_path) as s:
        versions = [
            r[0] for r in s.execute("SELECT version FROM documents WHERE source LIKE '%page-00002.txt'")
        ]
        assert sorted(versions) == [1, 2]
    records = [json.loads(x) for x in run("export", "--db", db_path).stdout.splitlines()]
    assert len(records) == 4
    (rec,) = [r for r in records if r["source"].endswith("page-00002.txt")]
    assert "A correction was added later." in rec["body"]


def test_db_from_environment(pages: Path, db_path: Path) -> None:
    result = run("ingest", pages, env={"TIDINGS_DB": str(db_path)})
    assert result.exit_code == 0
    assert db_path.exists()
    assert json.loads(run("stats", "--json", env={"TIDINGS_DB": str(db_path)}).stdout)["articles"] == 6


def test_search(pages: Path, db_path: Path) -> None:
    run("ingest", pages, "--db", db_path)
    result = run("search", "glacier", "--db", db_path)
    assert result.exit_code == 0
    assert "[glacier]" in result.stdout
    hits = json.loads(run("search", "glacier OR harbour", "--db", db_path, "--json", "--limit", "3").stdout)
    assert 1 <= len(hits) <= 3
    assert {"article_id", "title", "source", "snippet", "score"} <= set(hits[0])
    result = run("search", "zeppelin", "--db", db_path)
    assert result.exit_code == 0 and result.stdout == "" and "no matches" in result.stderr
    result = run("search", 'harbour "unclosed (', "--db", db_path)
    assert result.exit_code == 0


def test_show(pages: Path, db_path: Path) -> None:
    run("ingest", pages, "--db", db_path)
    rec = json.loads(run("export", "--db", db_path).stdout.splitlines()[0])
    result = run("show", rec["id"][:8], "--db", db_path)
    assert result.exit_code == 0
    assert rec["body"] in result.stdout and rec["id"] in result.stdout
    assert json.loads(run("show", rec["id"], "--db", db_path, "--json").stdout) == rec
    raw = run("show", rec["id"], "--db", db_path, "--raw").stdout
    assert raw == Path(rec["source"]).read_text(encoding="utf-8")


def test_stats(pages: Path, db_path: Path) -> None:
    run("ingest", pages, "--db", db_path)
    stats = json.loads(run("stats", "--db", db_path, "--json").stdout)
    assert (stats["documents"], stats["articles"], stats["max_version"]) == (6, 6, 1)
    assert stats["languages"] == {"en": 6}
    assert stats["first_published"] == "2024-03-01"
    text = run("stats", "--db", db_path).stdout
    assert "articles    6" in text


@pytest.mark.parametrize(
    "args",
    [("stats",), ("search", "x"), ("show", "abcdef"), ("export",)],
)
def test_missing_database_is_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    db = tmp_path / "none.db"
    result = run(*args, "--db", db)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: no knowledge base at {db}")
    assert not db.exists()


def test_user_errors_are_one_line(pages: Path, db_path: Path, tmp_path: Path) -> None:
    run("ingest", pages, "--db", db_path)
    result = run("show", "ffffffffff", "--db", db_path)
    assert (result.exit_code, result.stderr) == (2, "error: no article 'ffffffffff'\n")
    notdb = tmp_path / "notes.db"
    notdb.write_text("plain text, not a database\n" * 200)
    result = run("stats", "--db", notdb)
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.output


def test_console_entry_point_runs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tidings.cli", "--help"], env=subprocess_env(), capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in ("ingest", "export", "search", "show", "stats"):
        assert command in result.stdout


# --------------------------------------------------------------------------- kill -9 mid-ingest

KILL_PAGES = 2_000


def _ingest_cmd(folder: Path, db: Path) -> list[str]:
    # --no-nlp: 2,000 pages through spaCy would take a minute; the transaction under test is the same.
    return [
        sys.executable,
        "-m",
        "tidings.cli",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--json",
        "-q",
        "--no-nlp",
    ]


@pytest.mark.slow
def test_sigkill_mid_ingest_then_resume(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    write_pages(folder, KILL_PAGES)
    env = subprocess_env()

    # A clean single run, for reference.
    clean_db = tmp_path / "clean.db"
    subprocess.run(_ingest_cmd(folder, clean_db), env=env, check=True, capture_output=True, timeout=600)
    expected = table_counts(clean_db)
    assert expected["documents"] == KILL_PAGES
    assert expected["articles"] == expected["articles_fts"] >= KILL_PAGES * 0.9

    # The same run, killed with SIGKILL once some documents are committed.
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        _ingest_cmd(folder, db), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 300
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= KILL_PAGES // 10:
            break
    assert proc.poll() is None, f"ingest finished before it could be killed ({stored} stored)"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = table_counts(db)
    assert 0 < partial["documents"] < KILL_PAGES

    # Run it again: it finishes the job, nothing duplicated, everything consistent.
    again = subprocess.run(_ingest_cmd(folder, db), env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["unchanged"] == partial["documents"]
    assert summary["added"] == KILL_PAGES - partial["documents"]
    assert table_counts(db) == expected
    with Store(db) as s:
        assert s.integrity_check() == "ok"
        orphans = s.execute(
            "SELECT count(*) FROM articles a LEFT JOIN documents d ON d.id = a.document_id WHERE d.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        assert (
            s.execute(
                "SELECT count(*) FROM (SELECT id FROM articles GROUP BY id HAVING count(*) > 1)"
            ).fetchone()[0]
            == 0
        )
        assert (
            s.execute(
                "SELECT count(*) FROM (SELECT source FROM documents GROUP BY source HAVING count(*) > 1)"
            ).fetchone()[0]
            == 0
        )
        assert s.execute("PRAGMA foreign_key_check").fetchall() == []
    with Store(clean_db) as ref, Store(db) as s:
        # The resumed run cleaned every page exactly as the clean run did (same boilerplate learned).
        query = "SELECT id, title, body FROM articles ORDER BY id"
        assert s.execute(query).fetchall() == ref.execute(query).fetchall()

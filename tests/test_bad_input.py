"""Bad input: each gives one error line naming the input and the reason, and the batch goes on."""

from __future__ import annotations

import gzip
import json
import random
import re
import time
import tracemalloc
from pathlib import Path

import pytest

from conftest import page_text, run, write_pages
from tidings import pipeline
from tidings.errors import CODES
from tidings.pipeline import ingest
from tidings.store import Store

MB = 1_000_000
ERROR_LINE = re.compile(r"^error: (?P<source>.+): \[(?P<code>E\d{3})\] (?P<reason>.+)$")


def make_empty(folder: Path) -> Path:
    p = folder / "empty.txt"
    p.write_bytes(b"")
    return p


def make_binary(folder: Path) -> Path:
    p = folder / "binary.txt"
    p.write_bytes(random.Random(7).randbytes(8192))
    return p


def make_truncated_gzip(folder: Path) -> Path:
    p = folder / "truncated.txt.gz"
    data = gzip.compress(page_text(1).encode() * 20 + random.Random(3).randbytes(2000).hex().encode())
    p.write_bytes(data[: len(data) // 2])
    return p


def make_undecodable(folder: Path) -> Path:
    p = folder / "undecodable.txt"
    rng = random.Random(11)
    p.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(4000)))
    return p


def make_huge(folder: Path, size: int = 100 * MB) -> Path:
    """A 100 MB text file, written in 1 MB chunks (never held in memory whole)."""
    p = folder / "huge.txt"
    chunk = b"a " * (MB // 2)
    with p.open("wb") as f:
        for _ in range(size // len(chunk)):
            f.write(chunk)
    return p


BAD_MAKERS = {
    "E101": make_empty,
    "E102": make_binary,
    "E104": make_truncated_gzip,
    "E107": make_undecodable,
}


def error_lines(stderr: str) -> list[re.Match]:
    lines = [line for line in stderr.splitlines() if line.strip()]
    matches = [ERROR_LINE.match(line) for line in lines]
    assert all(matches), f"not all stderr lines are error lines: {lines}"
    return matches


def ingest_cli(db: Path, *paths: Path) -> tuple[int, dict, list[re.Match]]:
    result = run("ingest", *paths, "--db", db, "--json")
    return result.exit_code, json.loads(result.stdout), error_lines(result.stderr)


@pytest.mark.parametrize("code", sorted(BAD_MAKERS))
def test_one_bad_file_among_good_ones(tmp_path: Path, db_path: Path, code: str) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 4)
    bad = BAD_MAKERS[code](folder)
    status, summary, errors = ingest_cli(db_path, folder)
    assert status == 1
    assert [(e["source"], e["code"]) for e in errors] == [(str(bad), code)]
    assert errors[0]["reason"]
    assert summary["added"] == 4 and summary["articles"] == 4
    assert [f["code"] for f in summary["failed"]] == [code]


def test_every_bad_input_in_one_batch(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 3)
    bad = {code: make(folder) for code, make in BAD_MAKERS.items()}
    missing = tmp_path / "no-such-folder"
    status, summary, errors = ingest_cli(db_path, folder, missing)
    assert status == 1
    got = {(e["source"], e["code"]) for e in errors}
    assert got == {(str(p), code) for code, p in bad.items()} | {(str(missing), "E106")}
    assert len(errors) == len(got)  # one line per bad input
    assert summary["added"] == 3
    for e in errors:
        assert e["code"] in CODES


def test_missing_path(tmp_path: Path, db_path: Path) -> None:
    missing = tmp_path / "nothing-here.txt"
    status, summary, errors = ingest_cli(db_path, missing)
    assert status == 1
    assert [(e["source"], e["code"]) for e in errors] == [(str(missing), "E106")]
    assert summary["added"] == 0


def test_huge_file_rejected_without_loading_it(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    write_pages(folder, 2)
    huge = make_huge(folder)
    assert huge.stat().st_size == 100 * MB
    tracemalloc.start()
    started = time.monotonic()
    try:
        with Store(db_path) as store:
            report = ingest(store, [folder])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 30
    assert peak < 50 * MB, f"peak {peak / MB:.0f} MB: the file was loaded"  # models load ~20 MB
    assert [(e.source, e.code) for e in report.failed] == [(str(huge), "E103")]
    assert "too large" in report.failed[0].reason
    assert report.added == 2


def test_max_bytes_option(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "in"
    small = folder / "small.txt"
    folder.mkdir()
    small.write_text("A short page.\n" * 10)
    big = write_pages(folder, 1)[0]
    result = run("ingest", folder, "--db", db_path, "--max-bytes", str(small.stat().st_size + 10))
    assert result.exit_code == 1
    (err,) = error_lines(result.stderr)
    assert (err["source"], err["code"]) == (str(big), "E103")


def test_huge_gzip_rejected(tmp_path: Path, db_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    with gzip.open(bomb, "wb", compresslevel=1) as f:
        chunk = b"a " * (MB // 2)
        for _ in range(30):
            f.write(chunk)
    status, _, errors = ingest_cli(db_path, bomb)
    assert status == 1
    assert [(e["source"], e["code"]) for e in errors] == [(str(bomb), "E103")]


def test_malformed_json_line(tmp_path: Path, db_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"source": "one.txt", "text": page_text(1)}),
        '{"source": "two.txt", "text": "cut off',
        json.dumps({"source": "three.txt", "text": page_text(3)}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"source": "five.txt", "text": page_text(5)}),
    ]
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, summary, errors = ingest_cli(db_path, feed)
    assert status == 1
    assert [(e["source"], e["code"]) for e in errors] == [(f"{feed}:2", "E105"), (f"{feed}:4", "E105")]
    assert summary["added"] == 3
    with Store(db_path) as s:
        assert sorted(a.source for a in s.latest_articles()) == ["five.txt", "one.txt", "three.txt"]


def test_clean_failure_is_reported_and_batch_goes_on(
    tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    paths = write_pages(folder, 4)
    real_clean = pipeline.cleaning.clean

    def flaky_clean(doc, **kwargs):
        if doc.source.endswith("page-00002.txt"):
            raise ValueError("synthetic failure")
        return real_clean(doc, **kwargs)

    monkeypatch.setattr(pipeline.cleaning, "clean", flaky_clean)
    status, summary, errors = ingest_cli(db_path, folder)
    assert status == 1
    assert [(e["source"], e["code"]) for e in errors] == [(str(paths[2]), "E900")]
    assert "ValueError: synthetic failure" in errors[0]["reason"]
    assert summary["added"] == 3
    # The failed page was not stored: once fixed, the next run picks it up.
    monkeypatch.setattr(pipeline.cleaning, "clean", real_clean)
    status, summary, errors = ingest_cli(db_path, folder)
    assert (status, summary["added"], summary["unchanged"], errors) == (0, 1, 3, [])


TINY_FILES = 10_000


@pytest.mark.slow
def test_ten_thousand_tiny_files(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "tiny"
    for d in range(10):
        sub = folder / f"d{d}"
        sub.mkdir(parents=True)
        for i in range(TINY_FILES // 10):
            (sub / f"t{i:04d}.txt").write_text(f"Short note {d}-{i}: the ferry {i} left port {d} at dawn.\n")
    started = time.monotonic()
    status, summary, errors = ingest_cli(db_path, folder)
    elapsed = time.monotonic() - started
    assert status == 0 and errors == []
    assert summary["added"] == TINY_FILES
    assert summary["articles"] + summary["empty"] >= TINY_FILES
    assert elapsed < 180, f"{elapsed:.0f} s for {TINY_FILES} tiny files"
    with Store(db_path) as s:
        assert s.count("documents") == TINY_FILES
        assert s.integrity_check() == "ok"


def test_control_share_counts_the_same_without_a_regex() -> None:
    from tidings.read import _control_share, decode_bytes

    samples = [
        "plain text\n",
        "tabs\tand\r\nnewlines\x0b\x0c are text",
        "bell\x07 and escape\x1b and NUL-free \x01\x02",
        "replacement \ufffd\ufffd characters, Korean 한국어 and Cyrillic кириллица\x1f",
        "x" * 30_000 + "\x01" * 50,  # longer than the sample: counted on its first 20,000 characters
    ]
    for text in samples:
        data = text.encode("utf-8")
        assert _control_share(text, data) == _control_share(text), text[:40]
    assert decode_bytes(b"ok text " + b"\x01" * 10)[1] == "binary data, not a text page (control characters)"
    assert decode_bytes("Тест, 한국어 text".encode()) == ("Тест, 한국어 text", "utf-8")

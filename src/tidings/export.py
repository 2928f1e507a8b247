"""Export the knowledge base, one record per article, as JSON Lines, CSV or Parquet.

The record is the shape described in EXPORT-FORMAT.md: ``id, source, url,
outlet, byline, title, published, language, body, story, actors, quotes,
events``, plus the extra fields ``agency``, ``seq`` and ``document_id``.  Only
the latest version of each source is exported.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from tidings.models import SURFACE_KINDS, Article
from tidings.store import Store

__all__ = ["FORMATS", "RECORD_FIELDS", "ExportError", "article_record", "export", "iter_records"]

FORMATS = ("jsonl", "csv", "parquet")
RECORD_FIELDS = (
    "id", "source", "url", "outlet", "byline", "title", "published", "language", "body",
    "story", "actors", "quotes", "events",
)  # fmt: skip
EXTRA_FIELDS = ("agency", "seq", "document_id")
LIST_FIELDS = ("actors", "quotes", "events")
PARQUET_BATCH_ROWS = 1_000
STDOUT = "-"


class ExportError(Exception):
    """An export that cannot be written as asked (unknown format, parquet to stdout)."""


# --------------------------------------------------------------------------- records


def _actors(store: Store, article: Article) -> list[dict[str, Any]]:
    kinds = ", ".join("?" * len(SURFACE_KINDS))
    rows = store.execute(
        f"""SELECT a.id, a.name, a.type, a.country, m.text FROM mentions m JOIN actors a ON a.id = m.actor_id
            WHERE m.article_id = ? AND m.kind IN ({kinds}) ORDER BY m.start, m.id""",
        (article.id, *SURFACE_KINDS),
    ).fetchall()
    actors: dict[str, dict[str, Any]] = {}
    for actor_id, name, type_, country, text in rows:
        rec = actors.get(actor_id)
        if rec is None:
            rec = actors[actor_id] = {
                "id": actor_id,
                "name": name,
                "type": type_,
                "country": country,
                "role": _role(store, actor_id, article),
                "surface_forms": [],
            }
        if text not in rec["surface_forms"]:
            rec["surface_forms"].append(text)
    return list(actors.values())


def _role(store: Store, actor_id: str, article: Article) -> str | None:
    """The actor's role on the article's date: the dictionary role held that day, else one
    stated in this article."""
    day = article.published
    row = store.execute(
        """SELECT title FROM actor_roles WHERE actor_id = ?
             AND ((article_id IS NULL AND ? IS NOT NULL AND (start IS NULL OR start <= ?)
                   AND ("end" IS NULL OR ? <= "end"))
                  OR article_id = ?)
           ORDER BY (article_id IS NULL) DESC, start DESC, id LIMIT 1""",
        (actor_id, day, day, day, article.id),
    ).fetchone()
    return row[0] if row else None


def _quotes(store: Store, article: Article) -> list[dict[str, Any]]:
    rows = store.execute(
        """SELECT text, speaker_id, speaker_name, direct, start, "end", verb FROM statements
           WHERE article_id = ? AND in_title = 0 ORDER BY start, id""",
        (article.id,),
    )
    return [
        {
            "text": text,
            "speaker": speaker,
            "speaker_name": speaker_name,
            "direct": bool(direct),
            "start": start,
            "end": end,
            "verb": verb,
        }
        for text, speaker, speaker_name, direct, start, end, verb in rows
    ]


def _events(store: Store, article: Article) -> list[dict[str, Any]]:
    """Events that happened: negated, hypothetical and future ones stay in the store, flagged."""
    rows = store.execute(
        """SELECT coalesce(canonical_id, id), type, mode, source_id, target_id, date, location, evidence,
                  start, "end", negated, hypothetical FROM events
           WHERE article_id = ? AND negated = 0 AND hypothetical = 0 ORDER BY start, id""",
        (article.id,),
    )
    return [
        {
            "id": eid,
            "type": type_,
            "mode": mode,
            "source": source,
            "target": target,
            "date": date,
            "location": location,
            "evidence": evidence,
            "start": start,
            "end": end,
            "negated": bool(negated),
            "hypothetical": bool(hypothetical),
        }
        for eid, type_, mode, source, target, date, location, evidence, start, end, negated, hypothetical in rows
    ]


def article_record(store: Store, article: Article) -> dict[str, Any]:
    """One article in the export format (EXPORT-FORMAT.md), with its facts from the store."""
    story = store.execute(
        "SELECT story_id FROM story_articles WHERE article_id = ?", (article.id,)
    ).fetchone()
    return {
        "id": article.id,
        "source": article.source,
        "url": article.url,
        "outlet": article.outlet,
        "byline": article.byline,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "body": article.body,
        "story": story[0] if story else None,
        "actors": _actors(store, article),
        "quotes": _quotes(store, article),
        "events": _events(store, article),
        "agency": article.agency,
        "seq": article.seq,
        "document_id": article.document_id,
    }


def iter_records(store: Store) -> Iterator[dict[str, Any]]:
    """Export records of the latest version of every source, in ingest order."""
    for article in store.latest_articles():
        yield article_record(store, article)


# --------------------------------------------------------------------------- writers


@contextmanager
def _open_text(out: str | os.PathLike[str]) -> Iterator[IO[str]]:
    if str(out) == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    tmp = path.with_name(path.name + ".part")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        yield f
    os.replace(tmp, path)  # a reader never sees half a file


def _write_jsonl(records: Iterator[dict[str, Any]], f: IO[str]) -> int:
    n = 0
    for rec in records:
        f.write(json.dumps(rec, ensure_ascii=False))
        f.write("\n")
        n += 1
    return n


def _write_csv(records: Iterator[dict[str, Any]], f: IO[str]) -> int:
    writer = csv.DictWriter(f, fieldnames=[*RECORD_FIELDS, *EXTRA_FIELDS], lineterminator="\n")
    writer.writeheader()
    n = 0
    for rec in records:
        writer.writerow(
            {k: json.dumps(v, ensure_ascii=False) if k in LIST_FIELDS else v for k, v in rec.items()}
        )
        n += 1
    return n


def parquet_schema():  # -> pyarrow.Schema (pyarrow is imported lazily: it is slow to load)
    """The Arrow schema of the Parquet export: list fields are ``list<struct>`` columns."""
    import pyarrow as pa

    s, i, b = pa.string(), pa.int64(), pa.bool_()
    actor = pa.struct(
        [("id", s), ("name", s), ("type", s), ("country", s), ("role", s), ("surface_forms", pa.list_(s))]
    )
    quote = pa.struct(
        [
            ("text", s),
            ("speaker", s),
            ("speaker_name", s),
            ("direct", b),
            ("start", i),
            ("end", i),
            ("verb", s),
        ]
    )
    event = pa.struct(
        [
            ("id", s), ("type", s), ("mode", s), ("source", s), ("target", s), ("date", s),
            ("location", s), ("evidence", s), ("start", i), ("end", i), ("negated", b), ("hypothetical", b),
        ]
    )  # fmt: skip
    return pa.schema(
        [
            *[(name, s) for name in RECORD_FIELDS[:10]],
            ("actors", pa.list_(actor)),
            ("quotes", pa.list_(quote)),
            ("events", pa.list_(event)),
            ("agency", s),
            ("seq", i),
            ("document_id", s),
        ]
    )


def _write_parquet(records: Iterator[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    tmp = path.with_name(path.name + ".part")
    n = 0
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for rec in records:
            batch.append(rec)
            if len(batch) >= PARQUET_BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch.clear()
        # An empty table still writes a valid file with the schema.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
        n += len(batch)
    os.replace(tmp, path)
    return n


def export(store: Store, fmt: str, out: str | os.PathLike[str] = STDOUT) -> int:
    """Write every latest article as ``fmt`` (jsonl, csv or parquet) to ``out`` (a path or ``-``).

    Returns the number of records written.  Files are written to ``OUT.part``
    and renamed into place when complete.
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")
    records = iter_records(store)
    if fmt == "parquet":
        if str(out) == STDOUT:
            raise ExportError("parquet is binary: give an output file (-o FILE.parquet)")
        return _write_parquet(records, Path(out))
    with _open_text(out) as f:
        return _write_jsonl(records, f) if fmt == "jsonl" else _write_csv(records, f)

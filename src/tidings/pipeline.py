"""Ingest: read pages, learn each site's boilerplate, clean, and store.

Two streaming passes over the inputs keep memory flat:

1. *scan*: the line keys of every new page are counted per site in a scratch
   table on disk, so a line repeated across the batch is known as boilerplate
   before the first page is cleaned;
2. *ingest*: each new page is cleaned with its site's boilerplate (learned from
   the store and from this batch) and written with its articles in one
   transaction.

A page already stored (same content key) is counted ``unchanged`` and not
touched, so ingesting the same input twice changes nothing, and a run killed
halfway can simply be run again.  Bad input and pages that fail to clean are
reported in :attr:`IngestReport.failed`; the batch goes on.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from tidings import clean as cleaning
from tidings.errors import CLEAN_FAILED
from tidings.models import InputError, RawDocument
from tidings.read import DEFAULT_MAX_BYTES, iter_documents
from tidings.store import LineLearner, Store

__all__ = ["LEARN_MAX_DOCS", "IngestReport", "Progress", "ingest"]

LEARN_MAX_DOCS = 200_000  # the scan pass learns boilerplate from at most this many new pages
EXTRACTED_CACHE_CHARS = 8_000_000  # text of HTML pages the scan pass keeps for the ingest pass
NLP_BATCH_DOCS = 16  # pages cleaned, then parsed together, then written one transaction each
SCAN, INGEST = "scan", "ingest"


@dataclass(slots=True)
class IngestReport:
    """What one ingest did."""

    added: int = 0  # new pages (version 1)
    unchanged: int = 0  # pages already stored: nothing written
    new_versions: int = 0  # changed pages at a known source or URL (version 2, 3, …)
    articles: int = 0  # articles written
    empty: int = 0  # new pages stored without any article text
    failed: list[InputError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["failed"] = [{"source": e.source, "code": e.code, "reason": e.reason} for e in self.failed]
        return d


@dataclass(slots=True, frozen=True)
class Progress:
    """One step of an ingest, for a progress display.

    ``phase`` is ``"scan"`` or ``"ingest"``; ``total`` is the number of inputs
    found by the scan (``None`` while unknown); ``error`` is set when this input
    failed.
    """

    phase: str
    done: int
    total: int | None
    source: str
    error: InputError | None = None


ProgressFn = Callable[[Progress], None]


def _src(doc: RawDocument) -> str:
    """What makes two pages distinct when counting boilerplate lines: the URL, else the source."""
    return doc.url or doc.source


class _Extracted:
    """The text (and metadata) the scan pass extracted from HTML pages, kept for the ingest
    pass, which takes each page's back once: extraction is the costliest step of cleaning
    an HTML page.  Bounded: filled up to ``max_chars`` and never evicted, since the ingest
    pass meets the pages in the scan's order (an LRU would keep the last pages, which the
    ingest pass reaches last); each entry leaves when it is taken."""

    def __init__(self, max_chars: int = EXTRACTED_CACHE_CHARS) -> None:
        self._free = max_chars
        self._items: dict[str, tuple[str, dict]] = {}

    def offer(self, doc_id: str, text: str, meta: dict) -> None:
        if len(text) <= self._free and doc_id not in self._items:
            self._items[doc_id] = (text, meta)
            self._free -= len(text)

    def take(self, doc_id: str) -> tuple[str, dict] | None:
        found = self._items.pop(doc_id, None)
        if found is not None:
            self._free += len(found[0])
        return found


def _scan(
    store: Store,
    paths: list[str | os.PathLike],
    learner: LineLearner,
    max_bytes: int,
    progress: ProgressFn | None,
    extracted: _Extracted,
) -> int | None:
    """First pass: count the line keys of new pages per site; return the number of inputs."""
    done = learned = 0
    for item in iter_documents(paths, max_bytes=max_bytes):
        done += 1
        if isinstance(item, RawDocument) and not store.has_document(doc_id := item.id):
            if learned >= LEARN_MAX_DOCS:
                return None  # a huge batch: learn from what was seen, count the rest as we go
            try:
                site = cleaning.site_of(item)
                if site:
                    text, meta = cleaning.page_text(item)
                    if item.html is not None:
                        extracted.offer(doc_id, text, meta)
                    learner.add(site, _src(item), cleaning.line_keys(item, text))
                    learned += 1
            except Exception:  # reported by the ingest pass, which cleans it again
                pass
        if progress:
            progress(Progress(SCAN, done, None, item.source))
    return done


def ingest(
    store: Store,
    paths: Iterable[str | os.PathLike] | str | os.PathLike,
    *,
    progress: ProgressFn | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    learn: bool = True,
    extract: bool = True,
) -> IngestReport:
    """Read, clean, annotate and store every page under ``paths``; never raises for bad input.

    ``learn=False`` skips the scan pass: only boilerplate already learned by the
    store is removed.  ``extract=False`` stores clean articles without running the
    NLP stages (actors), e.g. to load a large corpus first and annotate later.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths)
    report = IngestReport()
    learner = store.line_learner()
    batch: list[_Pending] = []
    extracted = _Extracted()
    try:
        total = _scan(store, paths, learner, max_bytes, progress, extracted) if learn else None
        for done, item in enumerate(iter_documents(paths, max_bytes=max_bytes), start=1):
            if isinstance(item, InputError):
                error = item
            else:
                pending = _prepare(store, item, learner, report, extracted)
                error = pending if isinstance(pending, InputError) else None
                if isinstance(pending, _Pending):
                    batch.append(pending)
                    if len(batch) >= NLP_BATCH_DOCS:
                        _flush(store, batch, report, extract)
            if error is not None:
                report.failed.append(error)
            if progress:
                progress(Progress(INGEST, done, total, item.source, error))
        _flush(store, batch, report, extract)
    finally:
        learner.close()
    return report


@dataclass(slots=True)
class _Pending:
    """A cleaned page waiting for the NLP pass and its write."""

    doc: RawDocument
    articles: list
    site: str | None
    keys: set[str]


def _prepare(
    store: Store, doc: RawDocument, learner: LineLearner, report: IngestReport, extracted: _Extracted
) -> _Pending | InputError | None:
    """Clean one new page; ``None`` when it is already stored."""
    doc_id = doc.id
    if store.has_document(doc_id):
        report.unchanged += 1
        return None
    try:
        site = cleaning.site_of(doc) or None
        boilerplate = learner.boilerplate(site) if site else frozenset()
        earlier = extracted.take(doc_id) if doc.html is not None else None
        keys: set[str] = set()
        articles = cleaning.clean(
            doc, boilerplate=boilerplate, extracted=earlier, keys=keys if site else None
        )
    except Exception as e:  # one bad page must not stop the batch
        return InputError(doc.source, f"cleaning failed: {type(e).__name__}: {e}", CLEAN_FAILED)
    return _Pending(doc, articles, site, keys)


def _annotate(batch: list[_Pending]) -> dict[int, list | InputError]:
    """Facts per article (actors, statements, events) for every page of the batch, from one
    spaCy pass; a page whose annotation fails gets an error and is stored without facts."""
    from tidings.extract import annotate_articles

    out: dict[int, list | InputError] = {}
    flat = [(i, a) for i, p in enumerate(batch) for a in p.articles]
    try:
        for (i, _), facts in zip(flat, annotate_articles([a for _, a in flat]), strict=True):
            out.setdefault(i, []).append(facts)
    except Exception:  # find the page at fault, annotate the others
        for i, p in enumerate(batch):
            try:
                out[i] = annotate_articles(p.articles)
            except Exception as e:
                out[i] = InputError(p.doc.source, f"annotation failed: {type(e).__name__}: {e}", CLEAN_FAILED)
    return out


def _flush(store: Store, batch: list[_Pending], report: IngestReport, extract: bool) -> None:
    annotations = _annotate(batch) if extract and batch else {}
    for i, p in enumerate(batch):
        found = annotations.get(i, [])
        if isinstance(found, InputError):
            report.failed.append(found)
            found = []
        try:
            version = store.add_document(p.doc, p.articles, site=p.site, line_keys=p.keys, facts=found)
        except sqlite3.IntegrityError as e:
            report.failed.append(InputError(p.doc.source, f"could not store the page: {e}", CLEAN_FAILED))
            continue
        if version is None:
            report.unchanged += 1
            continue
        if version == 1:
            report.added += 1
        else:
            report.new_versions += 1
        report.articles += len(p.articles)
        if not p.articles:
            report.empty += 1
    batch.clear()

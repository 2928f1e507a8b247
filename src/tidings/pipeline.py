"""Ingest: read pages, learn each site's boilerplate, clean, and store.

Two streaming passes over the inputs keep memory flat:

1. *scan*: the line keys of every new page are counted per site in a scratch
   table on disk, so a line repeated across the batch is known as boilerplate
   before the first page is cleaned;
2. *ingest*: each new page is cleaned with its site's boilerplate (learned from
   the store and from this batch) and written with its articles in one
   transaction.

In one process, pages read from files (whose site is their folder) are read only once:
the scan reads the JSON Lines feeds and lists the other files, and the ingest pass
reads a site's run of files, counts their keys, then cleans them from memory, when
that site's boilerplate is complete (see :func:`_plan`).

A page already stored (same content key) is counted ``unchanged`` and not
touched, so ingesting the same input twice changes nothing, and a run killed
halfway can simply be run again.  Bad input and pages that fail to clean are
reported in :attr:`IngestReport.failed`; the batch goes on.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tidings import clean as cleaning
from tidings.errors import CLEAN_FAILED
from tidings.models import InputError, RawDocument
from tidings.read import DEFAULT_MAX_BYTES, input_kind, iter_documents, iter_inputs, read_input
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
    sites: set[str] | None = None,
) -> int | None:
    """First pass: count the line keys of new pages per site; return the number of inputs
    (and gather the sites met into ``sites`` when given)."""
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
                    if sites is not None:
                        sites.add(site)
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
    workers: int = 1,
) -> IngestReport:
    """Read, clean, annotate and store every page under ``paths``; never raises for bad input.

    ``learn=False`` skips the scan pass: only boilerplate already learned by the
    store is removed.  ``extract=False`` stores clean articles without running the
    NLP stages (actors), e.g. to load a large corpus first and annotate later.
    ``workers > 1`` cleans and annotates pages in that many worker processes
    (:func:`_ingest_parallel`); this process stays the only writer, and the store ends
    up the same as with one process.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    paths = list(paths)
    if workers != 1:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        return _ingest_parallel(store, paths, progress, max_bytes, learn, extract, workers)
    report = IngestReport()
    learner = store.line_learner()
    batch: list[_Pending] = []
    extracted = _Extracted()
    done = 0
    total: int | None = None

    def take(
        item: RawDocument | InputError, earlier: tuple[str, dict] | None = None, lines: list | None = None
    ) -> None:
        nonlocal done
        done += 1
        if isinstance(item, InputError):
            error = item
        else:
            pending = _prepare(store, item, learner, report, extracted, earlier, lines)
            error = pending if isinstance(pending, InputError) else None
            if isinstance(pending, _Pending):
                batch.append(pending)
                if len(batch) >= NLP_BATCH_DOCS:
                    _flush(store, batch, report, extract)
        if error is not None:
            report.failed.append(error)
        if progress:
            progress(Progress(INGEST, done, total, item.source, error))

    try:
        plan = _plan(store, paths, learner, max_bytes, progress, extracted) if learn else None
        if plan is None or not plan.complete:
            if plan is not None:  # a huge batch: the two passes over everything, as they were
                learner.close()
                learner = store.line_learner()
                extracted = _Extracted()
            total = _scan(store, paths, learner, max_bytes, progress, extracted) if learn else None
            for item in iter_documents(paths, max_bytes=max_bytes):
                take(item)
        else:
            total = plan.total
            for unit in _units(paths, plan):
                if isinstance(unit, InputError):
                    take(unit)
                elif isinstance(unit, _Group):
                    for item, earlier, lines in _read_group(store, unit, plan, learner, max_bytes):
                        take(item, earlier, lines)
                else:
                    for item in read_input(unit, max_bytes):
                        take(item)
        _flush(store, batch, report, extract)
    finally:
        learner.close()
    return report


# --------------------------------------------------------------------------- reading once
#
# A page read from a file (not a JSON Lines record) has no URL and no outlet hint: its site
# is its folder, and a folder's files come one after the other.  So the first pass reads only
# the JSON Lines feeds (whose records' sites come from their URLs) and lists the other files;
# the second pass then reads a site's run of files once, learns their line keys, and cleans
# them from memory with the site's boilerplate, which is final by then: the same boilerplate
# as if every page had been scanned first.  A site whose files do not stand in one run, that
# JSON Lines records share, or that is too large to keep, is read twice as before.

GROUP_MAX_BYTES = 4_000_000  # a run of files larger than this on disk is read twice (kept split: ~6x in memory)
GROUP_MAX_PAGES = 1_000
GZ_EXPANSION = 8  # a gzipped file counts as this many times its size on disk


@dataclass(slots=True)
class _SiteFiles:
    run: int  # the last run of files of this site
    runs: int = 1
    pages: int = 0
    bytes: int = 0


@dataclass(slots=True)
class _Plan:
    """What the first pass found: how many inputs, and the sites whose files are read once."""

    total: int = 0
    complete: bool = True  # False: more new pages than LEARN_MAX_DOCS
    last_rowid: int = 0  # documents stored before this batch have a rowid up to this
    sites: dict[str, _SiteFiles] = field(default_factory=dict)
    record_sites: set[str] = field(default_factory=set)  # sites of JSON Lines records

    def once(self, site: str) -> bool:
        s = self.sites.get(site)
        return (
            s is not None
            and s.runs == 1
            and site not in self.record_sites
            and s.pages <= GROUP_MAX_PAGES
            and s.bytes <= GROUP_MAX_BYTES
        )


@dataclass(slots=True)
class _Group:
    site: str
    units: list[tuple[Path, str | None]]


def _file_site(path: Path) -> str:
    """The site of the page read from this file (see :func:`tidings.clean.site_of`)."""
    return cleaning.site_of(RawDocument(source=str(path)))


def _plan(
    store: Store,
    paths: list[str | os.PathLike],
    learner: LineLearner,
    max_bytes: int,
    progress: ProgressFn | None,
    extracted: _Extracted,
) -> _Plan:
    """First pass: learn the line keys of the new JSON Lines records (as :func:`_scan`) and
    list the other files by site, without reading them."""
    plan = _Plan(last_rowid=store.last_document_rowid())
    learned = run = 0
    prev: str | None = None
    for unit in iter_inputs(paths):
        if isinstance(unit, InputError):
            plan.total += 1
            prev = None
            if progress:
                progress(Progress(SCAN, plan.total, None, unit.source))
            continue
        if input_kind(unit) == "jsonl":
            prev = None
            for item in read_input(unit, max_bytes):
                plan.total += 1
                if isinstance(item, RawDocument) and not store.has_document(doc_id := item.id):
                    learned += 1
                    try:
                        site = cleaning.site_of(item)
                        if site:
                            plan.record_sites.add(site)
                            text, meta = cleaning.page_text(item)
                            if item.html is not None:
                                extracted.offer(doc_id, text, meta)
                            learner.add(site, _src(item), cleaning.line_keys(item, text))
                    except Exception:  # reported by the ingest pass, which cleans it again
                        pass
                if progress:
                    progress(Progress(SCAN, plan.total, None, item.source))
            continue
        path = unit[0]
        site = _file_site(path)
        if site != prev:
            run += 1
        prev = site
        s = plan.sites.get(site)
        if s is None:
            s = plan.sites[site] = _SiteFiles(run)
        elif s.run != run:
            s.run, s.runs = run, s.runs + 1
        s.pages += 1
        with contextlib.suppress(OSError):  # reported when read
            size = path.stat().st_size
            s.bytes += size * GZ_EXPANSION if path.name.lower().endswith(".gz") else size
        plan.total += 1
        learned += 1
        if progress:
            progress(Progress(SCAN, plan.total, None, str(path)))
    plan.complete = learned <= LEARN_MAX_DOCS
    return plan


def _units(
    paths: list[str | os.PathLike], plan: _Plan
) -> Iterator[tuple[Path, str | None] | InputError | _Group]:
    """The inputs again, in order, the runs of files of the sites read once gathered."""
    group: _Group | None = None
    for unit in iter_inputs(paths):
        site = None if isinstance(unit, InputError) or input_kind(unit) == "jsonl" else _file_site(unit[0])
        if group is not None and site != group.site:
            yield group
            group = None
        if site is not None and plan.once(site):
            if group is None:
                group = _Group(site, [])
            group.units.append(unit)  # type: ignore[arg-type]
        else:
            yield unit
    if group is not None:
        yield group


def _read_group(
    store: Store, group: _Group, plan: _Plan, learner: LineLearner, max_bytes: int
) -> list[tuple[RawDocument | InputError, tuple[str, dict] | None, list | None]]:
    """Read a site's run of files, learn the line keys of the new pages (as :func:`_scan`),
    and hand back the pages with their HTML extraction and their lines, split and keyed."""
    out: list[tuple[RawDocument | InputError, tuple[str, dict] | None, list | None]] = []
    for unit in group.units:
        for item in read_input(unit, max_bytes):
            earlier = lines = None
            if isinstance(item, RawDocument) and store.new_since(item.id, plan.last_rowid):
                try:
                    text, meta = cleaning.page_text(item)
                    if item.html is not None:
                        earlier = (text, meta)
                    lines = cleaning.keyed_lines(text)
                    learner.add(group.site, _src(item), {x.key for x in lines})
                except Exception:  # reported when cleaned again
                    earlier = lines = None
            out.append((item, earlier, lines))
    return out


@dataclass(slots=True)
class _Pending:
    """A cleaned page waiting for the NLP pass and its write."""

    doc: RawDocument
    articles: list
    site: str | None
    keys: set[str]


def _prepare(
    store: Store,
    doc: RawDocument,
    learner: LineLearner,
    report: IngestReport,
    extracted: _Extracted,
    earlier: tuple[str, dict] | None = None,
    lines: list | None = None,
) -> _Pending | InputError | None:
    """Clean one new page; ``None`` when it is already stored.  ``earlier``: its HTML
    extraction, ``lines`` its keyed lines, when already done."""
    doc_id = doc.id
    if store.has_document(doc_id):
        report.unchanged += 1
        return None
    try:
        site = cleaning.site_of(doc) or None
        boilerplate = learner.boilerplate(site) if site else frozenset()
        if earlier is None and doc.html is not None:
            earlier = extracted.take(doc_id)
        keys: set[str] = set()
        articles = cleaning.clean(
            doc, boilerplate=boilerplate, extracted=earlier, keys=keys if site else None, lines=lines
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


def _flush(
    store: Store,
    batch: list[_Pending],
    report: IngestReport,
    extract: bool,
    annotations: dict[int, list | InputError] | None = None,
) -> None:
    if annotations is None:
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


# --------------------------------------------------------------------------- parallel mode
#
# The parent process scans (boilerplate learning, as above), reads the pages and writes
# them; worker processes ('spawn': nothing inherited from the open SQLite connection)
# clean chunks of pages and annotate them.  The parent then replays the one-process
# loop over the results in input order, with the same batches, the same checks of what
# is already stored and the same error handling, so the store and the report come out
# the same; the chunks in flight are bounded, so memory stays flat.

PARALLEL_CHUNKS_PER_WORKER = 2  # chunks of NLP_BATCH_DOCS pages queued or running per worker
PARALLEL_CHUNK_ENTRIES = 4 * NLP_BATCH_DOCS  # inputs per chunk at most (stored pages, bad inputs)

_worker_cache: dict[str, Any] = {}


def _worker_init(extract: bool) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if extract:
        import tidings.extract  # noqa: F401
        from tidings.nlp import load_nlp

        load_nlp()


def _worker_ready() -> None:
    """A no-op task: submitting one per worker starts them while the parent scans."""


def _known_boilerplate(path: str | None) -> dict[str, frozenset[str]]:
    """The boilerplate of every site the scan met, written once by the parent."""
    if path is None:
        return {}
    if _worker_cache.get("path") != path:
        import pickle

        with open(path, "rb") as f:
            _worker_cache["boilerplate"] = pickle.load(f)
        _worker_cache["path"] = path
    return _worker_cache["boilerplate"]


_Work = tuple[RawDocument, "frozenset[str] | None", "tuple[str, dict] | None"]


def _work(chunk: list[_Work], boilerplate_file: str | None, extract: bool) -> list:
    """In a worker: clean (as :func:`_prepare`) and annotate (as :func:`_flush`) a chunk of
    pages; per page an :class:`InputError` or ``(articles, site, keys, facts)``."""
    known = _known_boilerplate(boilerplate_file)
    out: list = []
    batch: list[_Pending] = []
    for doc, given, earlier in chunk:
        try:
            site = cleaning.site_of(doc) or None
            boilerplate = (
                given if given is not None else known.get(site, frozenset()) if site else frozenset()
            )
            keys: set[str] = set()
            articles = cleaning.clean(
                doc, boilerplate=boilerplate, extracted=earlier, keys=keys if site else None
            )
        except Exception as e:  # one bad page must not stop the batch
            out.append(InputError(doc.source, f"cleaning failed: {type(e).__name__}: {e}", CLEAN_FAILED))
            continue
        out.append(len(batch))
        batch.append(_Pending(doc, articles, site, keys))
    annotations = _annotate(batch) if extract and batch else {}
    for j, found in enumerate(out):
        if isinstance(found, int):
            p = batch[found]
            out[j] = (p.articles, p.site, p.keys, annotations.get(found, []))
    return out


class _Chunk:
    """Inputs in input order, and the pages among them sent to a worker."""

    __slots__ = ("entries", "future", "work")

    def __init__(self) -> None:
        self.entries: list[tuple[RawDocument | InputError, int]] = []  # (input, index in work or -1)
        self.work: list[_Work] = []
        self.future: Any = None


def _ingest_parallel(
    store: Store,
    paths: list[str | os.PathLike],
    progress: ProgressFn | None,
    max_bytes: int,
    learn: bool,
    extract: bool,
    workers: int,
) -> IngestReport:
    import multiprocessing
    import pickle
    import tempfile
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def new_pool() -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init, initargs=(extract,))

    report = IngestReport()
    learner = store.line_learner()
    extracted = _Extracted()
    pool = new_pool()
    boilerplate_file: str | None = None
    inflight: deque[_Chunk] = deque()
    batch: list[_Pending] = []
    facts: list = []
    done = 0
    clean_exit = False

    def submit(chunk: _Chunk) -> None:
        nonlocal pool
        if not chunk.work:
            chunk.future = None
            return
        try:
            chunk.future = pool.submit(_work, chunk.work, boilerplate_file, extract)
        except BrokenProcessPool:  # a worker died: carry on with fresh ones
            pool.shutdown(wait=False, cancel_futures=True)
            pool = new_pool()
            chunk.future = pool.submit(_work, chunk.work, boilerplate_file, extract)

    def flush() -> None:
        _flush(store, batch, report, extract, dict(enumerate(facts)) if extract else {})
        facts.clear()

    def drain() -> None:
        nonlocal done, pool
        chunk = inflight.popleft()
        try:
            results = chunk.future.result() if chunk.future is not None else []
        except Exception as e:  # the worker died (or its result could not be sent back)
            why = f"worker failed: {type(e).__name__}: {e}"
            results = [InputError(doc.source, why, CLEAN_FAILED) for doc, _, _ in chunk.work]
            if isinstance(e, BrokenProcessPool):  # the chunks after it go to fresh workers
                pool.shutdown(wait=False, cancel_futures=True)
                pool = new_pool()
                for later in inflight:
                    submit(later)
        for item, j in chunk.entries:
            done += 1
            error: InputError | None = None
            if isinstance(item, InputError):
                error = item
            elif store.has_document(item.id):
                report.unchanged += 1
            elif isinstance(found := results[j], InputError):
                error = found
            else:
                articles, site, keys, page_facts = found
                batch.append(_Pending(item, articles, site, keys))
                facts.append(page_facts)
                if len(batch) >= NLP_BATCH_DOCS:
                    flush()
            if error is not None:
                report.failed.append(error)
            if progress:
                progress(Progress(INGEST, done, total, item.source, error))

    try:
        for _ in range(workers):  # start the workers (and their spaCy load) while scanning
            pool.submit(_worker_ready)
        sites: set[str] = set()
        total = _scan(store, paths, learner, max_bytes, progress, extracted, sites) if learn else None
        known = {site: learner.boilerplate(site) for site in sorted(sites)}
        if known:
            fd, boilerplate_file = tempfile.mkstemp(prefix="tidings-boilerplate-", suffix=".pickle")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(known, f, protocol=pickle.HIGHEST_PROTOCOL)
        chunk = _Chunk()
        for item in iter_documents(paths, max_bytes=max_bytes):
            if isinstance(item, InputError) or store.has_document(item.id):
                chunk.entries.append((item, -1))
            else:
                try:
                    site = cleaning.site_of(item) or None
                    given = None if site in known else learner.boilerplate(site) if site else frozenset()
                except Exception:  # the worker meets the same error and reports it
                    given = None
                earlier = extracted.take(item.id) if item.html is not None else None
                chunk.entries.append((item, len(chunk.work)))
                chunk.work.append((item, given, earlier))
            if len(chunk.work) >= NLP_BATCH_DOCS or len(chunk.entries) >= PARALLEL_CHUNK_ENTRIES:
                submit(chunk)
                inflight.append(chunk)
                chunk = _Chunk()
                while len(inflight) > workers * PARALLEL_CHUNKS_PER_WORKER:
                    drain()
        if chunk.entries:
            submit(chunk)
            inflight.append(chunk)
        while inflight:
            drain()
        flush()
        clean_exit = True
    finally:
        pool.shutdown(wait=clean_exit, cancel_futures=True)
        learner.close()
        if boilerplate_file is not None:
            with contextlib.suppress(OSError):
                os.unlink(boilerplate_file)
    return report

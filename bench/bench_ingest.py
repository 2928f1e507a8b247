"""Ingest benchmark: read + clean + store of a synthetic corpus of noisy news pages.

Generates ``--pages`` pages (default 10,000) spread over ``--sites`` fake sites into a
scratch folder, deterministically from ``--seed``.  Each site has its own pool of menu
lines, UI strings, date and byline styles, footers and related-headline lists, reused
across its pages, so the cross-page boilerplate learning is exercised as it is on a
real crawl.  Page lengths vary from a few paragraphs to long features; some pages carry
an appended second article; the formats are mixed (plain text, HTML, gzipped text and
JSON Lines records with URLs).

Then, in this one process (plus ``--workers`` worker processes for cleaning and NLP):

1. read + clean + store through the public API (``tidings.open(db).ingest([corpus])``):
   pages/s, articles/s, and resident memory at 25/50/75/100 % of the corpus;
2. read + clean only (``tidings.read.iter_documents`` + ``tidings.clean.clean``, no
   store, no boilerplate learning), to separate the cost of cleaning from storing;
3. read + clean + store again into a new database under ``tracemalloc``, for the peak
   of the Python heap and the heap at 25/50/75/100 % (slower: its times are not reported
   as throughput).  ``--no-tracemalloc`` skips it;
4. with ``--nlp-pages M``: read + clean + NLP (actors, statements, events) + store of a
   second corpus of M pages (``extract=True``, cross-document stages included).

Run it with ``make bench`` or ``.venv/bin/python bench/bench_ingest.py [--pages N] [--json]``.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import os
import platform
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

CHECKPOINTS = (0.25, 0.50, 0.75, 1.00)
MB = 1024 * 1024

# --------------------------------------------------------------------------- word pools

FIRST = (
    "Kim", "Lee", "Park", "Anna", "Marta", "Jonas", "Elena", "Ravi", "Aiko", "Tomas", "Leila", "Omar",
    "Sofia", "Daniel", "Mei", "Pierre", "Ingrid", "Kwame", "Lucia", "Hassan", "Yuki", "Nadia", "Erik",
)  # fmt: skip
LAST = (
    "Min-jun", "Soo-jin", "Ji-ho", "Lindqvist", "Ferreira", "Berg", "Novak", "Sharma", "Tanaka", "Kovacs",
    "Haddad", "Rahman", "Rossi", "Weber", "Chen", "Dubois", "Larsen", "Mensah", "Garcia", "Karimi", "Sato",
)  # fmt: skip
COUNTRIES = (
    "South Korea", "Japan", "the Philippines", "Vietnam", "Indonesia", "Australia", "India", "Germany",
    "France", "Poland", "Finland", "Estonia", "Kazakhstan", "Turkey", "Egypt", "Kenya", "Brazil", "Mexico",
    "Canada", "Norway", "Chile", "Nigeria", "Thailand", "Malaysia",
)  # fmt: skip
ROLES = (
    "Foreign Minister", "Defence Minister", "Prime Minister", "Trade Minister", "Finance Minister",
    "national security adviser", "government spokesperson", "Interior Minister", "Energy Minister",
)  # fmt: skip
TOPICS = (
    "maritime security", "energy supplies", "trade barriers", "climate finance", "nuclear talks",
    "border controls", "food security", "export controls", "cyber defence", "refugee flows",
    "undersea cables", "grain shipments", "rare earth supplies", "port infrastructure", "fishing rights",
    "water sharing", "arms control", "debt relief", "public health", "election monitoring",
)  # fmt: skip
SAID = (
    "said on {day} that", "told reporters on {day} that", "warned that", "announced on {day} that",
    "confirmed that", "stressed that", "said in a statement that", "told a news conference that",
)  # fmt: skip
CLAUSES = (
    "{c1} would expand cooperation with {c2} on {topic}",
    "talks on {topic} with {c2} would resume next month after a pause of almost a year",
    "the government would review its policy on {topic} before the end of the year",
    "{c1} had no plans to change its position on {topic} despite growing pressure at home",
    "officials from {c1} and {c2} had agreed to set up a joint working group on {topic}",
    "the new measures on {topic} would take effect at the start of the next quarter",
    "{c2} had been informed in advance of the decision on {topic}",
    "a delegation would travel to {c2} next week to discuss {topic} and regional security",
    "the two sides remained far apart on {topic} but would keep talking",
    "the agreement on {topic} was the result of months of quiet negotiations",
)  # fmt: skip
FILLER = (
    "The announcement came days before a regional summit at which {topic} is expected to dominate the agenda.",
    "Analysts said the move reflected concern in {c1} about the pace of change in {c2}.",
    "Neither side gave details of how the arrangement would be financed or monitored.",
    "The ministry said further details would be published once the texts had been approved by parliament.",
    "Opposition lawmakers in {c1} criticised the plan, saying it had been drawn up without consultation.",
    "Diplomats said a first meeting of the working group could take place before the end of the month.",
    "Trade between {c1} and {c2} has grown steadily over the past decade despite periodic disputes.",
    "The statement did not say whether {c2} had responded to the proposal.",
)  # fmt: skip
QUOTES = (
    "We are ready to work with every partner who shares our interest in stability",
    "This is not a decision we took lightly, but it is the right one for our people",
    "Our position on {topic} has not changed and will not change under pressure",
    "Dialogue remains the only way to settle these differences",
    "We expect concrete steps, not only statements, in the coming weeks",
)  # fmt: skip
HEADLINE_VERBS = (
    "agree to expand", "pledge new talks on", "clash over", "sign deal on", "resume dialogue on",
    "announce review of", "warn of risks to", "step up cooperation on",
)  # fmt: skip
MENU_WORDS = (
    "Home", "World", "Politics", "Business", "Sports", "Opinion", "Culture", "Video", "Podcasts", "Subscribe",
    "Sign in", "Search", "Menu", "Asia", "Europe", "Economy", "Tech", "Newsletters",
)  # fmt: skip
UI_LINES = (
    "이 글자크기로 변경됩니다.", "Размер шрифта: A A A", "Share this article", "Print", "Font size A A A",
    "Skip to main content", "Версия для печати", "Listen to this article", "Save", "Copy link",
)  # fmt: skip
LIST_HEADS = ("Most Commented", "Editor's Pick", "Related News", "Most Read", "Читайте также:", "Latest")
SITE_ADJ = ("Northern", "Coastal", "Capital", "Eastern", "Harbor", "Valley", "Meridian", "Summit", "River")
SITE_NOUN = ("Herald", "Ledger", "Courier", "Post", "Times", "Dispatch", "Wire", "Tribune", "Daily")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _date_line(style: int, d: date, rng: random.Random) -> str:
    hh, mm, ss = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    if style == 0:
        return f"{WEEKDAYS[d.weekday()]}, {d:%B} {d.day}, {d.year}"
    if style == 1:
        h12 = hh % 12 or 12
        return f"Updated: {d:%b} {d.day}, {d.year} {h12}:{mm:02d} {'am' if hh < 12 else 'pm'}"
    if style == 2:
        return f"{d:%Y/%m/%d} {hh:02d}:{mm:02d} KST"
    if style == 3:
        return f"Written: {d.isoformat()} {hh:02d}:{mm:02d}:{ss:02d}"
    return f"{d.day} {d:%B} {d.year}, {hh:02d}:{mm:02d}"


def _byline(style: int, rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    if style == 0:
        return "By IANS"
    if style == 1:
        return (
            f"BY {first.upper()} {last.upper()} [{first.lower()}.{last.lower().replace('-', '')}@example.com]"
        )
    if style == 2:
        return f"By. {first} {last}"
    return f"By {first} {last}"


@dataclass
class Site:
    name: str
    host: str
    menu: list[str]
    ui: list[str]
    footer: list[str]
    related: list[str]
    list_head: str
    date_style: int
    byline_style: int
    views: bool


def _headline(rng: random.Random) -> str:
    a, b = rng.sample(COUNTRIES, 2)
    a = a.removeprefix("the ")
    return f"{a[0].upper()}{a[1:]} and {b.removeprefix('the ')} {rng.choice(HEADLINE_VERBS)} {rng.choice(TOPICS)}"


def make_site(i: int, rng: random.Random, names: list[str]) -> Site:
    n = len(names)
    name = names[i % n] if i < n else f"{names[i % n]} {i // n + 1}"  # 81 names, then numbered
    host = name.lower().replace(" ", "-") + ".example.com"
    footer = [f"© {rng.randrange(2019, 2026)} {name}. All rights reserved."]
    if rng.random() < 0.5:
        footer.append(
            f"Website Design and Website Development by {rng.choice(SITE_ADJ)}{rng.choice(SITE_NOUN)} Studio"
        )
    if rng.random() < 0.3:
        footer.append(f"Copyright © {name}. 무단전재 및 재배포 금지.")
    return Site(
        name=name,
        host=host,
        menu=rng.sample(MENU_WORDS, rng.randrange(4, 10)),
        ui=rng.sample(UI_LINES, rng.randrange(1, 4)),
        footer=footer,
        related=[_headline(rng) for _ in range(40)],
        list_head=rng.choice(LIST_HEADS),
        date_style=rng.randrange(5),
        byline_style=rng.randrange(4),
        views=rng.random() < 0.5,
    )


def _sentence(rng: random.Random, day: str) -> str:
    c1, c2 = rng.sample(COUNTRIES, 2)
    topic = rng.choice(TOPICS)
    r = rng.random()
    if r < 0.2:
        quote = rng.choice(QUOTES).format(topic=topic)
        return f"“{quote},” {rng.choice(ROLES).lower()} {rng.choice(FIRST)} {rng.choice(LAST)} said."
    if r < 0.45:
        return rng.choice(FILLER).format(c1=c1, c2=c2, topic=topic)
    subject = f"{c1.removeprefix('the ')}’s {rng.choice(ROLES)} {rng.choice(FIRST)} {rng.choice(LAST)}"
    subject = subject[0].upper() + subject[1:]
    verb = rng.choice(SAID).format(day=day)
    return f"{subject} {verb} {rng.choice(CLAUSES).format(c1=c1, c2=c2, topic=topic)}."


def _paragraphs(rng: random.Random, day: str, n: int) -> list[str]:
    return [" ".join(_sentence(rng, day) for _ in range(rng.randrange(1, 4))) for _ in range(n)]


def _n_paragraphs(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.6:
        return rng.randrange(3, 9)  # short wire story
    if r < 0.92:
        return rng.randrange(9, 18)
    return rng.randrange(18, 40)  # long feature


def make_page(site: Site, rng: random.Random) -> dict[str, Any]:
    """One page as its parts: headline, date line, body paragraphs, noise, appended article."""
    d = date(2023, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    day = WEEKDAYS[d.weekday()]
    page = {
        "headline": _headline(rng),
        "date": d,
        "date_line": _date_line(site.date_style, d, rng),
        "byline": _byline(site.byline_style, rng),
        "views": f"Views {rng.randrange(100, 30000):,}" if site.views else None,
        "body": _paragraphs(rng, day, _n_paragraphs(rng)),
        "related": rng.sample(site.related, rng.randrange(3, 7)),
        "appended": None,
    }
    if rng.random() < 0.1:
        page["appended"] = (_headline(rng), _paragraphs(rng, day, rng.randrange(3, 8)))
    return page


def render_text(site: Site, page: dict[str, Any], rng: random.Random) -> str:
    out = [f"{page['headline']} - {site.name}", page["date_line"], *site.menu, *site.ui, ""]
    out.append(page["headline"])
    if page["views"]:
        out.append(page["views"])
    if site.byline_style == 0:
        out.append(f"{page['byline']} {page['date_line']}")
    out.append("")
    body = list(page["body"])
    if len(body) > 3 and rng.random() < 0.2:  # a word broken across two lines
        p = body[1]
        cut = p.find(" ", len(p) // 2)
        if cut > 0 and cut + 4 < len(p):
            body[1] = p[: cut + 4] + "\n" + p[cut + 4 :]
    out += [x for p in body for x in (p, "")]
    if site.byline_style != 0:
        out.append(page["byline"])
    if page["appended"]:
        title, paras = page["appended"]
        out += [title, "", page["headline"], ""]
        out += [x for p in paras for x in (p, "")]
    out.append(site.list_head)
    out += [f"- {h}" if site.list_head == "Latest" else h for h in page["related"]]
    out += site.footer
    return "\n".join(out) + "\n"


def render_html(site: Site, page: dict[str, Any]) -> str:
    def esc(s: str) -> str:
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    menu = "".join(f'<li><a href="/{m.lower().replace(" ", "-")}">{esc(m)}</a></li>' for m in site.menu)
    body = "".join(f"<p>{esc(p)}</p>" for p in page["body"])
    related = "".join(f'<li><a href="#">{esc(h)}</a></li>' for h in page["related"])
    footer = "".join(f"<p>{esc(f)}</p>" for f in site.footer)
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(page['headline'])} - {esc(site.name)}</title>"
        f'<meta property="article:published_time" content="{page["date"].isoformat()}T08:00:00Z">'
        f"</head><body><header><nav><ul>{menu}</ul></nav></header><main><article>"
        f'<h1>{esc(page["headline"])}</h1><p class="byline">{esc(page["byline"])}</p>'
        f'<p class="date">{esc(page["date_line"])}</p>{body}</article>'
        f"<aside><h2>{esc(site.list_head)}</h2><ul>{related}</ul></aside></main>"
        f"<footer>{footer}</footer></body></html>\n"
    )


@dataclass
class Corpus:
    root: Path
    pages: int
    bytes: int = 0
    kinds: dict[str, int] = field(default_factory=dict)


def generate(root: Path, n_pages: int, n_sites: int, seed: int, html_share: float, gz_share: float,
             jsonl_share: float) -> Corpus:  # fmt: skip
    """Write ``n_pages`` pages under ``root``: one folder per site, deterministic from ``seed``."""
    rng = random.Random(seed)
    names = [f"{a} {b}" for a in SITE_ADJ for b in SITE_NOUN]
    rng.shuffle(names)
    sites = [make_site(i, rng, names) for i in range(n_sites)]
    corpus = Corpus(root, n_pages)
    jsonl: dict[int, list[str]] = {}
    for i in range(n_pages):
        s = rng.randrange(n_sites)
        site = sites[s]
        page = make_page(site, rng)
        folder = root / f"site-{s:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        r = rng.random()
        if r < html_share:
            kind, data = "html", render_html(site, page).encode("utf-8")
            (folder / f"page-{i:06d}.html").write_bytes(data)
        elif r < html_share + gz_share:
            kind, data = "txt.gz", gzip.compress(render_text(site, page, rng).encode("utf-8"), mtime=0)
            (folder / f"page-{i:06d}.txt.gz").write_bytes(data)
        elif r < html_share + gz_share + jsonl_share:
            kind = "jsonl"
            d = page["date"]
            url = f"https://{site.host}/news/{d:%Y/%m/%d}/story-{i:06d}"
            line = json.dumps({"source": f"page-{i:06d}.txt", "url": url, "text": render_text(site, page, rng)},
                              ensure_ascii=False)  # fmt: skip
            jsonl.setdefault(s, []).append(line)
            data = line.encode("utf-8")
        else:
            kind, data = "txt", render_text(site, page, rng).encode("utf-8")
            (folder / f"page-{i:06d}.txt").write_bytes(data)
        corpus.kinds[kind] = corpus.kinds.get(kind, 0) + 1
        corpus.bytes += len(data)
    for s, lines in jsonl.items():
        (root / f"site-{s:03d}" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


# --------------------------------------------------------------------------- measuring


def rss_mb() -> float:
    """Resident memory now (Linux /proc), else the peak so far."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / MB
    except (OSError, ValueError, IndexError):
        return max_rss_mb()


def cpu_seconds() -> float:
    """CPU time of this process (user + system): less sensitive than wall time to other jobs
    on a shared machine, which take cores away but not this process's work."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def max_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


class Checkpoints:
    """Memory samples when the count of pages done crosses 25/50/75/100 %."""

    def __init__(self, total: int, traced: bool = False) -> None:
        self.marks = [(q, max(1, round(total * q))) for q in CHECKPOINTS]
        self.samples: list[dict[str, float]] = []
        self.traced = traced

    def at(self, done: int) -> None:
        while len(self.samples) < len(self.marks) and done >= self.marks[len(self.samples)][1]:
            q, n = self.marks[len(self.samples)]
            s: dict[str, float] = {"share": q, "pages": n, "rss_mb": round(rss_mb(), 1),
                                   "max_rss_mb": round(max_rss_mb(), 1)}  # fmt: skip
            if self.traced:
                cur, peak = tracemalloc.get_traced_memory()
                s["heap_mb"], s["heap_peak_mb"] = round(cur / MB, 1), round(peak / MB, 1)
            self.samples.append(s)

    def finish(self, done: int) -> None:
        if self.samples and len(self.samples) < len(self.marks):
            self.at(self.marks[-1][1])  # fewer items than expected (e.g. unreadable inputs)
        elif not self.samples:
            self.at(done)


def run_store(
    corpus: Path, db: Path, total: int, traced: bool = False, workers: int = 1, extract: bool = False
) -> dict[str, Any]:
    import tidings

    marks = Checkpoints(total, traced)

    def progress(p: Any) -> None:
        if getattr(p, "phase", "ingest") == "ingest":
            marks.at(p.done)

    gc.collect()
    if traced:
        tracemalloc.start()
    cpu0 = cpu_seconds()
    t0 = time.perf_counter()
    kb = tidings.open(db)
    try:
        # read + clean + store (no NLP unless extract), with the NLP: + actors/statements/events
        report = kb.ingest([corpus], progress=progress, extract=extract, workers=workers)
    finally:
        kb.close()
    elapsed = time.perf_counter() - t0
    cpu = cpu_seconds() - cpu0
    done = report.added + report.unchanged + report.new_versions + len(report.failed)
    marks.finish(done)
    result = {
        "workers": workers,
        "extract": extract,
        "seconds": round(elapsed, 2),
        "pages": done,
        "added": report.added,
        "articles": report.articles,
        "empty": report.empty,
        "failed": len(report.failed),
        "memory": marks.samples,
        "max_rss_mb": round(max_rss_mb(), 1),
        "db_mb": round(sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / MB, 1),
    }
    if traced:
        result["heap_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / MB, 1)
        tracemalloc.stop()
    else:
        result["pages_per_s"] = round(done / elapsed, 1)
        result["articles_per_s"] = round(report.articles / elapsed, 1)
        result["cpu_seconds"] = round(cpu, 2)  # this process, user + system
        result["cpu_ms_per_page"] = round(1000 * cpu / max(1, done), 3)
    return result


def run_clean(corpus: Path, total: int) -> dict[str, Any]:
    from tidings.clean import clean
    from tidings.read import iter_documents

    marks = Checkpoints(total)
    gc.collect()
    pages = articles = failed = 0
    t0 = time.perf_counter()
    for item in iter_documents([corpus]):
        pages += 1
        if hasattr(item, "reason"):  # an InputError
            failed += 1
        else:
            articles += len(clean(item))
        marks.at(pages)
    elapsed = time.perf_counter() - t0
    marks.finish(pages)
    return {
        "seconds": round(elapsed, 2),
        "pages": pages,
        "articles": articles,
        "failed": failed,
        "pages_per_s": round(pages / elapsed, 1),
        "articles_per_s": round(articles / elapsed, 1),
        "memory": marks.samples,
    }


def _warm_up() -> None:
    """Load the lexicon, word lists and modules once, outside the timings."""
    from tidings.clean import clean
    from tidings.models import RawDocument

    text = "Warm-up headline\n\nThe minister said on Monday that the talks would resume next month in the capital.\n"
    clean(RawDocument(source="warm-up.txt", text=text))


def _print_memory(title: str, samples: list[dict[str, float]]) -> None:
    print(f"  {title}")
    for s in samples:
        heap = f"   heap {s['heap_mb']:7.1f} MB (peak {s['heap_peak_mb']:.1f})" if "heap_mb" in s else ""
        print(f"    {s['share']:>4.0%} ({s['pages']:>6} pages)  RSS {s['rss_mb']:7.1f} MB  "
              f"peak RSS {s['max_rss_mb']:7.1f} MB{heap}")  # fmt: skip


def _growth(samples: list[dict[str, float]], key: str) -> float | None:
    if len(samples) < 2 or key not in samples[0]:
        return None
    return round(samples[-1][key] - samples[0][key], 1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=10_000, help="pages to generate (default 10000)")
    ap.add_argument("--sites", type=int, default=40, help="fake sites the pages are spread over (default 40)")
    ap.add_argument("--seed", type=int, default=20241112, help="random seed of the corpus")
    ap.add_argument("--html-share", type=float, default=0.10, help="share of pages written as HTML")
    ap.add_argument("--gz-share", type=float, default=0.10, help="share of pages written as .txt.gz")
    ap.add_argument("--jsonl-share", type=float, default=0.10, help="share of pages in JSON Lines feeds")
    ap.add_argument(
        "--workdir", type=Path, help="where to write the corpus and databases (default: a temp dir)"
    )
    ap.add_argument("--keep", action="store_true", help="keep the work folder afterwards")
    ap.add_argument("--no-tracemalloc", action="store_true", help="skip the (slower) heap-tracing pass")
    ap.add_argument("--no-clean-only", action="store_true", help="skip the read+clean only pass")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument(
        "--workers",
        type=int,
        default=1,
        help="worker processes for cleaning (and NLP) in kb.ingest (default 1)",
    )
    ap.add_argument(
        "--nlp-pages",
        type=int,
        default=0,
        help="also ingest a corpus of this many pages with the NLP stages (extract=True; default 0: skip)",
    )
    ap.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="runs of read+clean+store, each into a new database; the median run is reported (a shared or "
        "virtual machine's speed drifts by 20 %% from run to run)",
    )
    args = ap.parse_args(argv)

    work = args.workdir or Path(tempfile.mkdtemp(prefix="tidings-bench-"))
    if args.workdir and work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True, exist_ok=True)
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print
    try:
        t0 = time.perf_counter()
        corpus = generate(work / "corpus", args.pages, args.sites, args.seed, args.html_share, args.gz_share,
                          args.jsonl_share)  # fmt: skip
        gen_s = time.perf_counter() - t0
        log(f"generated {corpus.pages} pages ({corpus.bytes / MB:.1f} MB, {corpus.kinds}) "
            f"over {args.sites} sites in {gen_s:.1f} s")  # fmt: skip

        _warm_up()
        results: dict[str, Any] = {
            "pages": args.pages,
            "sites": args.sites,
            "seed": args.seed,
            "corpus_mb": round(corpus.bytes / MB, 1),
            "kinds": corpus.kinds,
            "python": platform.python_version(),
            "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
            "workers": args.workers,
        }
        log(f"read + clean + store (kb.ingest, workers={args.workers}) ...")
        runs = []
        for i in range(max(1, args.repeat)):
            runs.append(run_store(work / "corpus", work / f"bench-{i}.db", args.pages, workers=args.workers))
        results["store"] = sorted(runs, key=lambda r: r["pages_per_s"])[len(runs) // 2]  # the median run
        results["store_runs_pages_per_s"] = [r["pages_per_s"] for r in runs]
        results["store"]["rss_growth_25_to_100_mb"] = _growth(results["store"]["memory"], "rss_mb")
        if not args.no_clean_only:
            log("read + clean only ...")
            results["clean_only"] = run_clean(work / "corpus", args.pages)
        if not args.no_tracemalloc:
            log("read + clean + store under tracemalloc ...")
            traced = run_store(work / "corpus", work / "traced.db", args.pages, traced=True)
            traced["heap_growth_25_to_100_mb"] = _growth(traced["memory"], "heap_mb")
            results["traced"] = traced
        if args.nlp_pages:
            nlp_corpus = generate(work / "nlp-corpus", args.nlp_pages, args.sites, args.seed, args.html_share,
                                  args.gz_share, args.jsonl_share)  # fmt: skip
            log(f"read + clean + NLP + store of {nlp_corpus.pages} pages (workers={args.workers}) ...")
            results["nlp"] = run_store(
                work / "nlp-corpus", work / "nlp.db", args.nlp_pages, workers=args.workers, extract=True
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")

    if args.json:
        print(json.dumps(results, indent=2))
        return 0

    st = results["store"]
    print(f"\ntidings ingest benchmark: {args.pages} pages, {results['corpus_mb']} MB, {args.sites} sites, "
          f"seed {args.seed}; Python {results['python']} on {results['machine']}")  # fmt: skip
    print(f"  workers: {args.workers}")
    print(f"  read+clean+store  {st['seconds']:8.2f} s  {st['pages_per_s']:8.1f} pages/s  "
          f"{st['articles_per_s']:8.1f} articles/s  ({st['articles']} articles, {st['failed']} failed, "
          f"db {st['db_mb']} MB)")  # fmt: skip
    print(f"                    CPU (user + system) {st['cpu_seconds']:.2f} s, {st['cpu_ms_per_page']:.3f} ms/page "
          f"(wall {1000 * st['seconds'] / max(1, st['pages']):.3f} ms/page)")  # fmt: skip
    if len(results["store_runs_pages_per_s"]) > 1:
        print(f"                    median of {len(results['store_runs_pages_per_s'])} runs: "
              f"{', '.join(f'{x:.1f}' for x in results['store_runs_pages_per_s'])} pages/s")  # fmt: skip
    if "nlp" in results:
        nl = results["nlp"]
        print(f"  +NLP ({nl['pages']} pages) {nl['seconds']:6.2f} s  {nl['pages_per_s']:8.1f} pages/s  "
              f"{nl['articles_per_s']:8.1f} articles/s  ({nl['articles']} articles, "
              f"peak RSS {nl['max_rss_mb']} MB)")  # fmt: skip
    if "clean_only" in results:
        co = results["clean_only"]
        print(f"  read+clean only   {co['seconds']:8.2f} s  {co['pages_per_s']:8.1f} pages/s  "
              f"{co['articles_per_s']:8.1f} articles/s  (no boilerplate learning, no store)")  # fmt: skip
    print(f"  peak RSS (ru_maxrss) after read+clean+store: {st['max_rss_mb']} MB; "
          f"RSS growth 25%→100%: {st['rss_growth_25_to_100_mb']} MB")  # fmt: skip
    _print_memory("memory during read+clean+store:", st["memory"])
    if "traced" in results:
        tr = results["traced"]
        print(f"  Python heap (tracemalloc) peak: {tr['heap_peak_mb']} MB; "
              f"heap growth 25%→100%: {tr['heap_growth_25_to_100_mb']} MB")  # fmt: skip
        _print_memory("memory during the traced pass:", tr["memory"])
    if "clean_only" in results:
        _print_memory("memory during read+clean only:", results["clean_only"]["memory"])
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Cleaning: a raw page in, its clean articles out.

One entry function, :func:`clean`, runs a cascade of stages with named thresholds:

1. HTML pages go through trafilatura (main text and metadata); text pages as they are.
2. :func:`~tidings.clean.lines.split_lines`: lines with their raw spans; words and
   sentences broken across lines rejoined.
3. :func:`~tidings.clean.lines.classify`: each line is prose, headline, meta (date,
   byline, credit), furniture (UI, copyright, captions, counters, lines learned to
   recur across the site's pages) or foreign-script text.
4. :func:`~tidings.clean.segment.find_blocks`: the main body and any article appended after it.
5. Paragraphs printed twice are dropped; metadata (title, byline, agency, date,
   outlet, language) is read from the lines around each body.

Pure: the same page and the same learned boilerplate give the same articles.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tidings.clean.lexicon import Lexicon
from tidings.clean.lines import Kind, Line, classify, keyed_lines, line_key, line_texts, split_lines
from tidings.clean.meta import find_byline, find_published, find_title, outlet_from_url
from tidings.clean.segment import Block, find_blocks
from tidings.models import Article, OffsetMap, RawDocument, content_hash

__all__ = [
    "clean",
    "detect_language",
    "html_to_text",
    "keyed_lines",
    "line_keys",
    "page_text",
    "part_source",
    "site_of",
]

META_WINDOW = 12  # lines after a body searched for its footer (byline, date, credit)
LANG_SAMPLE_CHARS = 600  # py3langid is as sure of a paragraph as of a page, and 5x faster
HTML_DROP = (Kind.FURNITURE, Kind.META)
DEDUPE_MIN_WORDS = 15  # a repeated line at least this long is dropped as a duplicate


def site_of(doc: RawDocument) -> str:
    """The key under which boilerplate is learned: URL host, else outlet hint, else folder."""
    if doc.url:
        host = urlsplit(doc.url if "://" in doc.url else "http://" + doc.url).hostname
        if host:
            return re.sub(r"^www\d?\.", "", host.lower())
    if doc.outlet:
        return doc.outlet.strip().lower()
    src = doc.source.rsplit(":", 1)[0] if doc.source.count(":") else doc.source
    return src.rsplit("/", 1)[0] if "/" in src else "."


def line_keys(doc: RawDocument, text: str | None = None) -> set[str]:
    """Keys of the page's lines, for learning which lines recur across a site's pages
    (``text``: the page's text when already known, e.g. from :func:`page_text`)."""
    if text is None:
        text, _ = page_text(doc)
    return set(map(line_key, line_texts(text)))


def html_to_text(html: str, url: str | None = None) -> tuple[str, dict]:
    """Main text of an HTML page (paragraphs on their own lines) and its metadata."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_precision=True,  # Zyte benchmark body F1: 0.964 with it, 0.960 without
        deduplicate=False,
    )
    if doc is None:
        return "", {}
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    meta = {k: get(k) for k in ("title", "author", "date", "sitename", "url")}
    return get("text") or "", meta


def page_text(doc: RawDocument) -> tuple[str, dict]:
    """The page's text, and metadata found in its HTML.  Fills ``doc.text`` for HTML input,
    so that offsets of the clean body map to the stored text."""
    if doc.html is not None and doc.text is None:
        doc.text, meta = html_to_text(doc.html, doc.url)
        return doc.text, meta
    return doc.text or "", {}


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` (py3langid, which ships its model), or ``None``."""
    if not text.strip():
        return None
    from tidings.clean.langid import classify

    return classify(text[:LANG_SAMPLE_CHARS])


def clean(
    doc: RawDocument,
    *,
    boilerplate: frozenset[str] = frozenset(),
    lexicon: Lexicon | None = None,
    extracted: tuple[str, dict] | None = None,
    keys: set[str] | None = None,
    lines: list[Line] | None = None,
) -> list[Article]:
    """The articles on one page: the main one first (``seq`` 0), then any appended ones.

    ``boilerplate`` holds :func:`line_keys` learned to recur across the site's pages.
    Returns ``[]`` when the page holds no article text.

    Two shortcuts for the ingest pipeline: ``extracted`` is what :func:`page_text` gave
    earlier for this HTML page (its text and metadata), to spare a second extraction; the
    page's :func:`line_keys`, computed on the way, are added to ``keys`` when it is given;
    ``lines`` are the page text's :func:`~tidings.clean.lines.keyed_lines`, when already split.
    """
    lex = lexicon or Lexicon.default()
    is_html = doc.html is not None
    if extracted is not None and is_html:
        doc.text, html_meta = extracted
        raw = doc.text
    else:
        raw, html_meta = page_text(doc)
    if lines is None:
        lines = split_lines(raw)
    if not lines:
        return []
    classify(lines, lex, boilerplate)
    if keys is not None:
        keys.update(x.key for x in lines)
    hints = [h for h in (outlet_from_url(doc.url), doc.outlet) if h]

    first_prose = next((i for i, x in enumerate(lines) if x.kind is Kind.PROSE), len(lines))
    title, site = find_title(lines[:first_prose], lines, hints)
    if doc.title or html_meta.get("title"):
        title = (doc.title or html_meta["title"]).strip()
    title_keys = {line_key(title)} if title else set()
    if is_html:
        # trafilatura has already found the main text: only furniture and meta lines go.
        kept = [x for x in lines if x.kind not in HTML_DROP and x.key not in title_keys]
        main = Block(lines=kept, dropped=[x for x in lines if x not in kept]) if kept else None
        appended: list[Block] = []
    else:
        main, appended = find_blocks(lines, title_keys)
    if main is None:
        return []

    outlet = doc.outlet or html_meta.get("sitename") or site or outlet_from_url(doc.url)
    doc_id = doc.id  # a property that hashes the whole page: once
    articles = []
    blocks = [main, *appended]
    for seq, block in enumerate(blocks):
        start = block.lines[0].index
        nxt = blocks[seq + 1].lines[0].index if seq + 1 < len(blocks) else len(lines)
        end = block.lines[-1].index + 1
        footer = lines[end : min(nxt, end + META_WINDOW)]
        if seq == 0:
            around = lines[:start] + footer
            a_title = title
        else:
            around = block.head + footer
            heads = [x for x in block.head if x.kind is Kind.HEADLINE and x.key not in title_keys]
            a_title = heads[-1].text if heads else None
        byline, agency = find_byline(around, lex)
        if seq == 0 and not byline:
            byline = html_meta.get("author")
        hint = doc.published or (html_meta.get("date") if seq == 0 else None)
        published, published_from = find_published(around, lex, doc.url or html_meta.get("url"), hint)
        if published is None and seq > 0:
            published, published_from = articles[0].published, articles[0].published_from
        body, offsets = _assemble(block, raw)
        removed = [f"{x.text[:80]!r}: {x.why}" for x in block.dropped]
        articles.append(
            Article(
                id=content_hash(doc_id, str(seq)),
                document_id=doc_id,
                seq=seq,
                source=part_source(doc.source, seq),
                body=body,
                title=a_title,
                url=doc.url,
                outlet=outlet,
                byline=byline,
                agency=agency,
                published=published,
                published_from=published_from,
                language=detect_language(body),
                offsets=offsets,
                removed=removed,
            )
        )
    return articles


def part_source(source: str, seq: int) -> str:
    """The source name of a page's ``seq``-th article: the page's own for the main one;
    ``NAME#N.EXT`` for an appended one, so that its file stem differs from the page's."""
    if seq == 0:
        return source
    head, sep, last = source.rpartition("/")
    m = re.match(r"^(.+?)((?:\.[A-Za-z0-9]{1,6})+)$", last)
    if m and ":" not in m.group(2):
        return f"{head}{sep}{m.group(1)}#{seq}{m.group(2)}"
    return f"{source}#{seq}"


def _assemble(block: Block, raw: str) -> tuple[str, OffsetMap]:
    """Body text (paragraphs separated by a blank line) and its map to the raw text."""
    out: list[str] = []
    offsets = OffsetMap()
    pos = 0
    seen: set[str] = set()
    last = ""
    for line in block.lines:
        # A paragraph printed twice is a scraping artefact; short lines may recur for real
        # (an interviewer's question, a recipe step), unless one follows the other.
        if line.key == last or (line.key in seen and line.words >= DEDUPE_MIN_WORDS):
            continue
        seen.add(line.key)
        last = line.key
        if out:
            out.append("\n\n")
            pos += 2
        for i, (s, e) in enumerate(line.parts):
            if i:
                sep = line.seps[i - 1]
                out.append(sep)
                pos += len(sep)
            out.append(raw[s:e])
            offsets.add(pos, s, e - s)
            pos += e - s
    return "".join(out), offsets

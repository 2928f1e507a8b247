"""Article metadata from the lines around the body: title, byline, agency, date, outlet."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tidings.clean.dates import find_dates, url_date
from tidings.clean.lexicon import Lexicon
from tidings.clean.lines import Kind, Line, _norm

__all__ = ["find_byline", "find_published", "find_title", "outlet_from_url", "split_site_suffix"]

SITE_SUFFIX_MAX_WORDS = 5
TITLE_MIN_WORDS = 3
TITLE_TYPICAL_WORDS = 6  # headlines shorter than this are rarer than site names and section labels
TITLE_NEAR_BODY = 6  # lines between a headline and its body, at most, to count as "close"
_SUFFIX_SEP = re.compile(r"\s+(?:[-|–—:•·]|::)\s+")
_NAME_STOP = re.compile(
    r"\s*(?:\b(?:updated|published|posted|written|modified|edited|on|at|in)\b|[\[(|,;<]|\d{4}|\S+@\S+"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}:\d{2}).*$",
    re.I,
)


def _norm_of(line: Line) -> str:
    """The line's normal form: kept by ``classify``, else computed."""
    return line.norm or _norm(line.text)


def _squash(s: str) -> str:
    return re.sub(r"[\W_]+", "", s.casefold())


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "://" in url else "http://" + url).hostname or ""
    host = re.sub(r"^(www\d?|m|amp|mobile|news|en|english)\.", "", host)
    return host or None


def split_site_suffix(text: str, hints: list[str]) -> tuple[str, str | None]:
    """``"Headline - Site Name"`` → ``("Headline", "Site Name")`` when the tail names the site.

    The tail counts as a site name when it is short and matches one of ``hints``
    (the URL's host, the outlet hint) with spaces and punctuation squashed.
    """
    parts = _SUFFIX_SEP.split(text)
    if len(parts) < 2:
        return text, None
    tail = parts[-1].strip()
    if len(tail.split()) > SITE_SUFFIX_MAX_WORDS:
        return text, None
    st = _squash(tail)
    if st and any(st in _squash(h) or _squash(h) in st for h in hints if h):
        head = text[: text.rfind(parts[-1])].rstrip()
        head = re.sub(r"\s*(?:[-|–—:•·]|::)\s*$", "", head)
        return head, tail
    return text, None


def is_site_name(text: str, hints: list[str]) -> bool:
    """The line names the site itself ("The Korea Times" on koreatimes.co.kr)."""
    st = re.sub(r"^the", "", _squash(text))
    return len(st) >= 4 and any(st in _squash(h) or _squash(h).split("com")[0] == st for h in hints if h)


def _name_shaped(text: str) -> bool:
    """A few capitalised words: a site or section name more often than a headline."""
    words = text.split()
    return len(words) <= 4 and all(w[:1].isupper() for w in words)


def find_title(pre: list[Line], all_lines: list[Line], hints: list[str]) -> tuple[str | None, str | None]:
    """The headline as printed, and a site name found as a page-title suffix.

    Candidates are headline-shaped lines before the body, scored: matching the page
    title (the first line, less a site suffix) in a later printed copy, printed more
    than once, being the page's first line, standing close to the body, being of
    headline length; lines inside lists of links or naming the site lose.
    """
    cands = [x for x in pre if x.kind is Kind.HEADLINE and x.words >= TITLE_MIN_WORDS]
    cands = [x for x in cands if not is_site_name(x.text, hints)]
    if not cands:
        return None, None
    first = cands[0]
    stripped, site = split_site_suffix(first.text, hints)
    if site is None:
        # A page title whose tail is not a known site: strip it when the rest is printed again.
        parts = _SUFFIX_SEP.split(first.text)
        if len(parts) >= 2 and len(parts[-1].split()) <= SITE_SUFFIX_MAX_WORDS:
            head = re.sub(r"\s*(?:[-|–—:•·]|::)\s*$", "", first.text[: first.text.rfind(parts[-1])])
            norm_head = _norm(head)
            if any(_norm_of(x) == norm_head for x in all_lines if x is not first):
                stripped, site = head, parts[-1].strip()
    norm_title = _norm(stripped)
    body_at = pre[-1].index + 1 if pre else 0
    kinds = {x.index: x.kind for x in pre}

    def in_list(x: Line) -> bool:
        run = [kinds.get(x.index + d) in (Kind.HEADLINE,) for d in (-2, -1, 1, 2)]
        return x.list_item or (run[1] and run[2]) or (run[0] and run[1]) or (run[2] and run[3])

    def score(x: Line) -> float:
        s = 0.0
        if x is not first and _norm_of(x) == norm_title:
            s += 3
        if x is first and site is not None:
            s += 3
        if x.repeats > 1:
            s += 2
        if x is first:
            s += 1
        if body_at - x.index <= TITLE_NEAR_BODY:
            s += 1
        if x.words >= TITLE_TYPICAL_WORDS:
            s += 1
        elif _name_shaped(x.text):
            s -= 1
        if in_list(x):
            s -= 3
        return s

    best = max(cands, key=lambda x: (score(x), -x.index))
    if best is first:
        return stripped, site
    return best.text, site


def find_byline(lines: list[Line], lex: Lexicon) -> tuple[str | None, str | None]:
    """``(byline, agency)`` from meta lines: ``By IANS``, ``BY LIM JEONG-WON [mail]``, ``Source: Yonhap``."""
    byline = agency = None
    for x in lines:
        if x.kind is not Kind.META:
            continue
        m = lex.byline.match(x.text)
        if m and byline is None:
            name = _NAME_STOP.sub("", x.text[m.end() :]).strip(" .:-—")
            if name and len(name.split()) <= 8:
                byline = name
        m = lex.source_credit.match(x.text)
        if m and agency is None:
            name = x.text[m.end() :].strip(" .)")
            if name:
                agency = name
    return byline, agency


def find_published(
    around: list[Line], lex: Lexicon, url: str | None, hint: str | None
) -> tuple[str | None, str | None]:
    """``(YYYY-MM-DD, where)``: the hint, a date the page prints outside the body, else the URL's."""
    if hint:
        d = find_dates(hint)
        if d:
            return d[0].value, "hint"
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", hint.strip()):
            return hint.strip()[:10], "hint"
    published = re.compile(lex.published_label + r"\s*[:\-]?\s*$", re.I)
    updated = re.compile(lex.updated_label + r"\s*[:\-]?\s*$", re.I)
    best: tuple[int, str] | None = None
    for x in around:
        if x.kind not in (Kind.META, Kind.HEADLINE, Kind.OTHER, Kind.FURNITURE) or x.words > 20:
            continue
        for d in find_dates(x.text):
            before = x.text[: d.start]
            rank = 0 if published.search(before) else 2 if updated.search(before) else 1
            if best is None or rank < best[0]:
                best = (rank, d.value)
    if best is not None:
        return best[1], "page"
    d = url_date(url)
    if d:
        return d, "url"
    return None, None

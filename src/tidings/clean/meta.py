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
_SUFFIX_SEP = re.compile(r"\s+(?:[-|–—:•·]|::)\s+")
_NAME_STOP = re.compile(
    r"\s*(?:\b(?:updated|published|posted|written|modified|edited|on|at|in)\b|[\[(|,;<]|\d{4}|\S+@\S+).*$",
    re.I,
)


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


def find_title(pre: list[Line], all_lines: list[Line], hints: list[str]) -> tuple[str | None, str | None]:
    """The headline as printed, and a site name found as a page-title suffix.

    Candidates are headline-shaped lines before the body.  A candidate that matches
    the page title (the first line, less a site suffix) wins, in its printed form
    when the page prints it again; then a candidate printed twice; then the first.
    """
    cands = [x for x in pre if x.kind is Kind.HEADLINE and x.words >= TITLE_MIN_WORDS]
    if not cands:
        return None, None
    first = cands[0]
    stripped, site = split_site_suffix(first.text, hints)
    if site is None:
        # A page title whose tail is not a known site: strip it when the rest is printed again.
        parts = _SUFFIX_SEP.split(first.text)
        if len(parts) >= 2 and len(parts[-1].split()) <= SITE_SUFFIX_MAX_WORDS:
            head = re.sub(r"\s*(?:[-|–—:•·]|::)\s*$", "", first.text[: first.text.rfind(parts[-1])])
            if any(_norm(x.text) == _norm(head) for x in all_lines if x is not first):
                stripped, site = head, parts[-1].strip()
    page_title = stripped
    norm_title = _norm(page_title)
    for x in cands[1:]:
        if _norm(x.text) == norm_title:
            return x.text, site
    if site is not None or first.repeats > 1:
        return page_title, site
    repeated = [x for x in cands if x.repeats > 1]
    if repeated and repeated[0] is not first:
        return repeated[0].text, site
    return page_title, site


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

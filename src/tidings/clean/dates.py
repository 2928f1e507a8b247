"""Publication dates as pages print them, and as URLs carry them.

Only full dates (year, month and day) count: ``Tuesday, November 12, 2024``,
``Nov 12, 2024 6:57 pm``, ``12 November 2024``, ``2024/06/13 17:05 KST``,
``2024-06-20 15:16:36``, ``2024. 6. 13``, ``2024년 6월 13일``; in URLs
``/2024/11/12/``, ``/20241112…`` ids and ``2024-11-12`` in a slug.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

__all__ = ["DateMatch", "find_dates", "url_date"]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)?"
_TIME = r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*\(?(?:[A-Z]{2,4}|GMT[+-]\d+|UTC[+-]?\d*)\)?)?)?"
MIN_YEAR, MAX_YEAR = 1990, 2100

_PATTERNS = [
    # Tuesday, November 12, 2024 / Nov 12, 2024 6:57 pm / Nov. 12 2024
    re.compile(_WEEKDAY + _MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b" + _TIME, re.I),
    # 12 November 2024 / Tuesday 12 Nov 2024
    re.compile(
        _WEEKDAY
        + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        + _MON
        + r",?\s+(?P<year>\d{4})\b"
        + _TIME,
        re.I,
    ),
    # 2024-06-20 15:16:36 / 2024/06/13 17:05 KST / 2024.06.13 / 2024. 6. 13.
    re.compile(
        r"\b(?P<year>\d{4})\s*(?P<sep>[-/.])\s*(?P<month>\d{1,2})\s*(?P=sep)\s*(?P<day>\d{1,2})\b\.?" + _TIME
    ),
    # 2024년 6월 13일
    re.compile(r"(?P<year>\d{4})\s*년\s*(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일"),
    # 13.06.2024 / 13/06/2024 (day first; only when unambiguous or dotted)
    re.compile(r"\b(?P<day>\d{1,2})(?P<sep>[./])(?P<month>\d{1,2})(?P=sep)(?P<year>\d{4})\b" + _TIME),
]


@dataclass(frozen=True, slots=True)
class DateMatch:
    value: str  # YYYY-MM-DD
    start: int
    end: int


def _valid(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


_YEAR = re.compile(r"\d{4}")  # every pattern above needs one: lines without it are skipped


DATE_CACHE_MAX_CHARS = 120  # short lines with a year (copyright footers, date lines) recur
DATE_CACHE_SIZE = 1024  # filled within the first thousand pages: memory flat after


def find_dates(text: str) -> list[DateMatch]:
    """Every full calendar date in ``text``, left to right, without overlaps."""
    if not _YEAR.search(text):
        return []
    if len(text) <= DATE_CACHE_MAX_CHARS:
        return list(_short_dates(text))
    return _find_dates(text)


@lru_cache(maxsize=DATE_CACHE_SIZE)
def _short_dates(text: str) -> tuple[DateMatch, ...]:
    """The dates of a short line, remembered: the same footer stands on most pages of a site."""
    return tuple(_find_dates(text))


def _find_dates(text: str) -> list[DateMatch]:
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            g = m.groupdict()
            month = MONTHS[g["mon"][:3].lower()] if g.get("mon") else int(g["month"])
            if pat is _PATTERNS[4] and g["sep"] == "/" and int(g["day"]) <= 12 and month <= 12:
                continue  # 06/07/2024: month-first or day-first? Not ours to guess.
            value = _valid(int(g["year"]), month, int(g["day"]))
            if value:
                found.append(DateMatch(value, m.start(), m.end()))
                taken.append((m.start(), m.end()))
    found.sort(key=lambda d: d.start)
    return found


_URL_PATTERNS = [
    re.compile(r"/(?P<year>(?:19|20)\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$|[-_])"),
    re.compile(r"[/_-](?P<year>(?:19|20)\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?:[/_.-]|$)"),
    re.compile(  # "/view/AEN20240619007352315": an article code that starts with the date
        r"(?:^|[/=_-]|[A-Za-z])(?P<year>(?:19|20)\d{2})(?P<month>\d{2})(?P<day>\d{2})(?:\d{0,12})(?:[/?#._-]|$)"
    ),
    re.compile(  # "/world/2025/mar/19/…"
        r"/(?P<year>(?:19|20)\d{2})/(?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/(?P<day>\d{1,2})(?:/|$)",
        re.I,
    ),
]
_URL_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


def url_date(url: str | None) -> str | None:
    """A full date carried in a URL's path, or ``None``."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]+", "", url, flags=re.I)
    for pat in _URL_PATTERNS:
        for m in pat.finditer(path):
            month = _URL_MONTHS[m["mon"][:3].lower()] if "mon" in m.groupdict() else int(m["month"])
            value = _valid(int(m["year"]), month, int(m["day"]))
            if value:
                return value
    return None

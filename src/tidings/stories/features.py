"""What story clustering compares: content terms, actors, event signatures, dates, shingles.

Pure functions over plain values (no store): :func:`doc_features` turns an article's text,
date, actor mentions and events into a :class:`Doc` (with :func:`told_days`, the days its lede
says the happening took place on, read by :mod:`tidings.events.timex`); :func:`minhash` and
:func:`shingles` serve near-duplicate detection.  Otherwise only the standard library and numpy.
"""

from __future__ import annotations

import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np

__all__ = [
    "Doc",
    "band_keys",
    "day_number",
    "doc_features",
    "minhash",
    "shingles",
    "terms",
    "told_days",
]

# Function words and the vocabulary of news reporting itself: they say nothing about which
# happening an article reports.
STOPWORDS = frozenset(
    """
a about above after again against all almost also although am among an and another any are aren't
around as at be became because become been before being below between both but by can cannot could
did didn't do does doesn't doing don't down during each either else even ever every few for from
further had has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself
his how however i i'd i'll i'm i've if in into is isn't it it's its itself just least less let let's
like made make many may me might more most much must my myself neither no nor not now of off often on
once one only or other others otherwise our ours ourselves out over own per perhaps quite rather re
same she she'd she'll she's should so some such than that that's the their theirs them themselves then
there there's these they they'd they'll they're they've this those though through thus to too toward
towards under until up upon us very via was wasn't we we'd we'll we're we've were weren't what what's
when when's where where's whether which while who who's whom whose why why's will with within without
won't would wouldn't yet you you'd you'll you're you've your yours yourself yourselves
said says say saying told tells tell added adds according reported reports report reporting news
agency reuters ap afp yonhap ians xinhua press release statement stated noted asked according
mr mrs ms dr also since ago still already well back new first last two three year years day days week
weeks month months time times today yesterday tomorrow monday tuesday wednesday thursday friday
saturday sunday january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec am pm gmt kst utc et copyright rights reserved
photo image file video click read more subscribe newsletter advertisement updated published
""".split()  # noqa: SIM905
)

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_DIGITS = re.compile(r"\d")
TITLE_BOOST = 1.0  # added to the weight of a term that is also in the title
LEDE_CHARS = 400  # the lede: where an article names who did what


def _stem(w: str) -> str:
    """A light plural/possessive fold: enough to match "talks"/"talk", "ministers"/"minister"."""
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def terms(text: str) -> list[str]:
    """Content terms of a text: lower-cased words, stop words dropped, plurals folded."""
    out = []
    for m in _WORD.finditer(text.lower()):
        w = m.group()
        if w in STOPWORDS:
            continue
        w = _stem(w)
        if len(w) < 2 or w in STOPWORDS:
            continue
        if _DIGITS.search(w) and not (w.isdigit() and len(w) == 4):
            continue  # counts and amounts vary between reports; years say when
        out.append(w)
    return out


_NAME = re.compile(r"(?<=[a-z0-9,;:)] )[A-Z][\w'’-]+")
NAME_BOOST = 3.0  # proper names tell happenings apart better than the words of their kind


def name_terms(text: str) -> set[str]:
    """Terms written with a capital inside a sentence: the names in a text."""
    return {t for m in _NAME.finditer(text) for t in terms(m.group())}


# A named model: a capitalised or i-brand word and a code with a digit ("iPhone 4", "Boeing 787",
# "Galaxy S4", "Hwasong-19").  Not actors, but what tells two launches or two crashes of one
# kind apart, where the number alone (dropped from the terms) cannot.
_MODEL = re.compile(r"\b((?:[A-Z]|i[A-Z])[a-z]+)(?: |-)([A-Z]{0,3}\d{1,4}[A-Za-z]{0,2})\b")


_NOT_BRANDS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul",
               "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec",
               "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "page",
               "no", "number", "route", "highway", "chapter", "room", "floor", "gate", "terminal"}  # fmt: skip
_YEAR_CODE = re.compile(r"(?:1[89]|20)\d\d")


def model_terms(text: str) -> list[str]:
    """``brand_code`` terms of the named models in a text, one per mention."""
    out = []
    for m in _MODEL.finditer(text):
        brand, code = m.group(1).lower(), m.group(2).lower()
        if brand in STOPWORDS or brand in _NOT_BRANDS or _YEAR_CODE.fullmatch(code):
            continue  # "In 2024", "May 19": dates, not models
        out.append(f"{brand}_{code}")
    return out


def day_number(iso: str | None) -> int | None:
    """``YYYY-MM-DD`` as a day ordinal; ``None`` for a missing or partial date."""
    if not iso or len(iso) != 10:
        return None
    try:
        return date.fromisoformat(iso).toordinal()
    except ValueError:
        return None


_WHEN = re.compile(
    r"\b(?:mon|tues?|wednes|thurs?|fri|satur|sun)day\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b(?:yesterday|today|tonight)\b",
    re.I,
)
TOLD_CHARS = 500  # the lede, where a report says on which day its happening took place


def told_days(body: str, published: str | None) -> frozenset[int]:
    """The days the lede says its happening took place on ("on Tuesday", "Nov. 9"), as ordinals;
    not the date of a wire dateline ("SEOUL, Nov. 10 (Yonhap) --": the day the report was filed),
    nor, when the lede names a day of its own, a day it tells as another happening's: one in a
    phrase that places the happening after that one ("on Tuesday, five days after its Oct. 31
    launch", "following the Dec. 3 crisis"; :func:`_told_as_background`).  A lede whose only days
    are told so keeps them ("Five days after the treaty was signed on March 4, its text shows ...").

    Resolved against the publication date; empty without one or when the lede names no day.
    """
    if day_number(published) is None:
        return frozenset()
    lede = body[:TOLD_CHARS]
    low = lede.lower()
    if "day" not in low and "tonight" not in low and not _DIGITS.search(lede):
        return frozenset()  # no weekday, today or yesterday, and no date without a digit
    if not _WHEN.search(lede):
        return frozenset()
    from tidings.events.timex import find_timexes  # only for ledes that name a day
    from tidings.extract import dateline_end

    filed = dateline_end(lede)  # "SEOUL, Nov. 10 (Yonhap) --": the day it was filed, not the happening's
    own, background = set(), set()
    for t in find_timexes(lede, published):
        d = day_number(t.day)
        # a day named as such ("the 3rd" most yards is none), after the dateline
        if d is not None and t.start >= filed and _WHEN.search(t.text):
            (background if _told_as_background(lede, t.start) else own).add(d)
    return frozenset(own or background)


# A day in a phrase that places the happening after another one ("five days after its Oct. 31
# launch", "following the Dec. 3 crisis", "since the talks on Feb. 12"): that one's day, not its own.
# Not "before" ("due to appear before the court on Tuesday"), nor "the following Monday".
_BACKGROUND = re.compile(r"\b(?:after|since|(?<!the )following|in the wake of)\b", re.I)
_CLAUSE_END = re.compile(r"[,;:()\[\]\u2014\u2013]|\s-\s|--|[!?]|[a-z0-9][.](?=\s)")
BACKGROUND_WORDS = 8  # a cue this many words before the day, in its clause


def _told_as_background(lede: str, start: int) -> bool:
    """Whether the day named at ``start`` is told as the time of an earlier happening: a cue word
    ("after", "since", "following", "in the wake of") a few words before it, in the same clause."""
    window = lede[max(0, start - 160) : start]
    ends = list(_CLAUSE_END.finditer(window))
    if ends:
        window = window[ends[-1].end() :]
    return bool(_BACKGROUND.search(" ".join(window.split()[-BACKGROUND_WORDS:])))


@dataclass(slots=True)
class Doc:
    """One article as the clusterer sees it."""

    id: str
    day: int | None = None  # publication day (ordinal)
    outlet: str | None = None
    tf: dict[str, float] = field(default_factory=dict)  # term -> 1 + log(count) (+ title boost)
    actors: dict[str, float] = field(default_factory=dict)  # actor id -> 1 + log(naming mentions)
    lead: frozenset[str] = frozenset()  # actors named in the title or lede
    persons: frozenset[str] = frozenset()  # person actors named anywhere
    sigs: dict[tuple, frozenset[int]] = field(default_factory=dict)  # event signature -> event days
    event_days: frozenset[int] = frozenset()
    told: frozenset[int] = frozenset()  # days the lede says the happening took place on
    nn: tuple[tuple[str, float], ...] = ()  # its most similar articles so far, with their scores
    title: str | None = None
    length: int = 0  # body characters


def doc_features(
    article_id: str,
    body: str,
    title: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
    mentions: list[tuple[str, int, str]] = (),  # (actor id, start offset, kind)
    events: list[tuple[str, str | None, str | None, str | None]] = (),  # (type, source, target, date)
) -> Doc:
    """The clustering features of one article."""
    models = model_terms(body)
    counts = Counter(terms(body) + models)
    title_terms = set(terms(title or "") + model_terms(title or ""))
    for t in title_terms:
        counts.setdefault(t, 0)
    names = name_terms(body) | set(models)
    tf = {
        t: ((1.0 + math.log(c) if c else 0.0) + (TITLE_BOOST if t in title_terms else 0.0))
        * (NAME_BOOST if t in names else 1.0)
        for t, c in counts.items()
    }
    acount: Counter[str] = Counter()
    lead = set()
    persons = set()
    for actor_id, start, _kind in mentions:
        if not actor_id:
            continue
        acount[actor_id] += 1
        if start < LEDE_CHARS:
            lead.add(actor_id)
        if actor_id.startswith("person:"):
            persons.add(actor_id)
    sigs: dict[tuple, set[int]] = {}
    days = set()
    for etype, src, tgt, edate in events:
        key = event_key(etype, src, tgt)
        d = day_number(edate)
        sigs.setdefault(key, set())
        if d is not None:
            sigs[key].add(d)
            days.add(d)
    return Doc(
        id=article_id,
        day=day_number(published),
        outlet=outlet,
        tf=tf,
        actors={a: 1.0 + math.log(c) for a, c in acount.items()},
        lead=frozenset(lead),
        persons=frozenset(persons),
        sigs={k: frozenset(v) for k, v in sigs.items()},
        event_days=frozenset(days),
        told=told_days(body, published),
        title=title,
        length=len(body),
    )


def event_key(etype: str, source: str | None, target: str | None) -> tuple:
    """An event's signature: its type and actors, a meeting's either way round."""
    if etype == "CONSULT":
        return (etype, *sorted((source or "", target or "")))
    return (etype, source or "", target or "")


# --------------------------------------------------------------------------- near-duplicates

SHINGLE = 4  # words per shingle
PERMS = 64
BANDS = 16  # LSH: 16 bands of 4 rows, ~50% Jaccard at the knee
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(20231109)
_A = _rng.integers(1, _PRIME, PERMS, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, PERMS, dtype=np.uint64)
_RAW_WORD = re.compile(r"\w+")


def shingles(body: str) -> set[int]:
    """Hashes of the word 4-grams of a body (case folded, punctuation ignored)."""
    words = _RAW_WORD.findall(body.lower())
    if len(words) < SHINGLE:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    return {zlib.crc32(" ".join(words[i : i + SHINGLE]).encode()) for i in range(len(words) - SHINGLE + 1)}


def minhash(sh: set[int]) -> np.ndarray:
    """A 64-value MinHash signature of a shingle set (all-max for an empty set)."""
    if not sh:
        return np.full(PERMS, np.iinfo(np.uint64).max, dtype=np.uint64)
    x = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    # (a*x + b) mod 2^64 then a 32-bit fold: a universal-enough family for 32-bit inputs.
    h = (x[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(29)
    return h.min(axis=0)


def band_keys(sig: np.ndarray) -> list[str]:
    """LSH bucket keys of a MinHash signature, one per band."""
    rows = PERMS // BANDS
    return [f"#{b}:{zlib.crc32(sig[b * rows : (b + 1) * rows].tobytes()):08x}" for b in range(BANDS)]

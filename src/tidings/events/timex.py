"""Time expressions in English news, found by rules and resolved against the publication date.

:func:`find_timexes` returns every time expression in a text with a TIMEX3-style ``value``
(``2024-11-12``, ``2024-11``, ``2024``, ``2024-W45``, ``2012-SU``, ``P3D``, ``PRESENT_REF``…)
and a ``granularity`` (day, week, month, season, quarter, year, decade, century, range,
duration, set, ref).  The reference date ``dct`` (publication date, YYYY-MM-DD) anchors the
relative ones; without it, expressions that need it keep ``X`` placeholders (``XXXX-11-09``)
and have no :attr:`Timex.day`.

Resolution rules (the conventions of TimeML/TempEval, and of the gold):

- absolute: "November 12, 2024", "12 Nov 2024", "2024-11-12" → that day;
- month and day without a year ("Nov. 9"): the year of the reference date, moved a year back
  when that would put it more than about five months after the reference (past news), or a
  year on when the text looks ahead and it would fall well before;
- weekday ("on Tuesday"): the most recent such day on or before the reference date, or the
  next one after it when the clause looks ahead ("will", "is scheduled to", "next Tuesday");
- day of month ("on the 9th"): the 9th of the reference month, or of the month before when the
  9th is still to come (and the text does not look ahead) — never read as a month;
- relative: today, yesterday, tomorrow, tonight, "earlier this month", "last week",
  "this year", "next year", "two years ago", "in August this year", "last summer"…;
- durations ("three years", "the past two months", "a four-week") get ISO-8601 period values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["Timex", "find_timexes", "looks_ahead", "resolve_weekday"]

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half": 0.5, "couple": 2, "a couple of": 2,
}  # fmt: skip
VAGUE = {"several", "few", "a few", "many", "some", "recent", "the past several", "couple of"}
UNITS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "month": "M", "year": "Y",
    "decade": "DE", "century": "CE", "quarter": "Q", "fortnight": "W",
}  # fmt: skip
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}  # fmt: skip

_MON = (
    r"(?P<mon>jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|"
    r"sep(?:t(?:ember|\.)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_MON_FULL = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_WD = r"(?P<wd>mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)"
_WD_FULL = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_NUM = (
    r"(?P<num>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|a hundred|hundred|a couple of|couple of|several|a few|few|many|some)"
)
_UNIT = r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|century|centurie)s?"
_PART = r"(?P<part>morning|afternoon|evening|night)"
_AHEAD = re.compile(
    r"\b(will|'ll|shall|to be held|scheduled|slated|set to|due to|is to|are to|expected to|plans? to|"
    r"planning to|intends? to|going to|upcoming|next|would|could)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression: ``text[start:end]``, its value and granularity."""

    start: int
    end: int
    text: str
    value: str | None
    type: str = "DATE"  # DATE, TIME, DURATION, SET
    granularity: str | None = None  # day, week, month, season, quarter, year, decade, century, range, ...
    mod: str | None = None  # START, MID, END, APPROX, ...

    @property
    def day(self) -> str | None:
        """YYYY-MM-DD when the expression names one resolved day, else ``None``."""
        v = self.value or ""
        if self.granularity == "day" and re.fullmatch(r"\d{4}-\d\d-\d\d", v[:10]):
            return v[:10]
        return None


def _d(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _num(s: str | None) -> float | None:
    if s is None:
        return None
    s = s.lower().strip()
    if s in NUMBERS:
        return NUMBERS[s]
    if s.startswith("a ") and s[2:] in NUMBERS:
        return NUMBERS[s[2:]]
    try:
        return float(s)
    except ValueError:
        return None


def _mon(s: str) -> int:
    return MONTHS[s.lower()[:3]]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def looks_ahead(text: str) -> bool:
    """Whether a clause looks ahead ("will", "is scheduled to", "next"...)."""
    return bool(_AHEAD.search(text))


def resolve_weekday(dct: date, weekday: int, ahead: bool = False) -> date:
    """The weekday ``weekday`` (0 = Monday) on or before ``dct``, or after it when ``ahead``."""
    if ahead:
        delta = (weekday - dct.weekday()) % 7
        return dct + timedelta(days=delta or 7) if delta else dct
    return dct - timedelta(days=(dct.weekday() - weekday) % 7)


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _period(n: float | None, unit: str) -> str:
    u = UNITS[unit]
    if n is None:
        return f"PX{u}"
    if unit == "fortnight":
        n *= 2
    if n != int(n):  # half a year → P6M, half an hour → PT30M
        if unit == "year":
            return f"P{int(n * 12)}M"
        if unit == "hour":
            return f"PT{int(n * 60)}M"
        if unit == "day":
            return f"PT{int(n * 24)}H"
        return f"PX{u}"
    n = int(n)
    if unit == "decade":
        return f"P{n * 10}Y"
    if unit in ("hour", "minute", "second"):
        return f"PT{n}{u}"
    return f"P{n}{u}"


# --------------------------------------------------------------------------- patterns
# Each rule: (compiled regex, handler name).  Handlers get (match, dct, context) and return
# (value, type, granularity, mod) or None to reject the match.

_RULES: list[tuple[re.Pattern, str]] = []


def _rule(pattern: str, flags: int = re.I):
    def deco(fn):
        _RULES.append((re.compile(pattern, flags), fn))
        return fn

    return deco


_MODS = r"(?:(?P<mod>early|earlier|late|later|mid|the middle of|the end of|the start of|the beginning of|end of|start of|beginning of)[\s-]+(?:in\s+)?)?"


def _modval(m) -> str | None:
    g = m.groupdict().get("mod")
    if not g:
        return None
    g = g.lower()
    if g.startswith(("early", "the start", "start", "the beginning", "beginning")):
        return "START"
    if g.startswith(("late", "the end", "end")):
        return "END"
    if g.startswith(("mid", "the middle")):
        return "MID"
    return None


@_rule(
    r"\b(?:from|between)\s+(?:the\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:to|until|through|and|-)\s+(?:the\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)\b(?:\s+of\s+"
    + _MON
    + r")?"
)
def _range_days(m, dct, ctx):
    return (None, "DATE", "range", None)


@_rule(
    r"\b"
    + _MON
    + r"\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|through|until)\s*(?:"
    + r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+)?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+"
    + _YEAR
    + r")?"
)
def _range_md(m, dct, ctx):
    return (None, "DATE", "range", None)


@_rule(r"\b(?:" + _WD + r",?\s+)?" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b")
def _mdy(m, dct, ctx):
    d = _safe_date(int(m["year"]), _mon(m["mon"]), int(m["day"]))
    return (d.isoformat(), "DATE", "day", None) if d else None


@_rule(r"\b(?:" + _WD + r",?\s+)?(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b")
def _dmy(m, dct, ctx):
    d = _safe_date(int(m["year"]), _mon(m["mon"]), int(m["day"]))
    return (d.isoformat(), "DATE", "day", None) if d else None


@_rule(r"\b" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
def _iso(m, dct, ctx):
    d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return (d.isoformat(), "DATE", "day", None) if d else None


@_rule(r"\b(?P<month>[01]?\d)/(?P<day>[0-3]?\d)/" + _YEAR + r"\b")
def _us_slash(m, dct, ctx):
    d = _safe_date(int(m["year"]), int(m["month"]), int(m["day"]))
    return (d.isoformat(), "DATE", "day", None) if d else None


def _year_for(month: int, day: int, dct: date | None, ctx: str) -> int | None:
    if dct is None:
        return None
    y = dct.year
    cand = _safe_date(y, month, day) or _safe_date(y, month, 28)
    if cand is None:
        return y
    if looks_ahead(ctx):
        if (dct - cand).days > 60:
            return y + 1
    elif (cand - dct).days > 150:
        return y - 1
    return y


@_rule(r"\b(?:" + _WD + r",?\s+)?" + _MON_FULL + r"\s+" + _DAY + r"\b(?!,?\s*\d{4})(?![:.]\d)", 0)
def _md(m, dct, ctx):
    mon, day = _mon(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    y = _year_for(mon, day, dct, ctx)
    if y is None:
        return (f"XXXX-{mon:02d}-{day:02d}", "DATE", "day", None)
    d = _safe_date(y, mon, day)
    return (d.isoformat(), "DATE", "day", None) if d else None


@_rule(r"\b(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MON_FULL + r"\b(?!,?\s*\d{4})", 0)
def _dm(m, dct, ctx):
    return _md(m, dct, ctx)


@_rule(
    r"\b"
    + _MODS
    + r"(?:(?P<rel>last|this|next|past|coming)\s+)?"
    + _MON_FULL
    + r"(?:\s+(?:of\s+)?(?:"
    + _YEAR
    + r"|(?P<rel2>this|last|next) year))?\b",
    0,
)
def _month(m, dct, ctx):
    mon = _mon(m["mon"])
    word = m.group(0)
    # "May" the modal: only "in May", "since May", "until May", "May 2024"
    if (
        m["mon"] == "May"
        and not (m["year"] or m["rel"] or m["rel2"] or m["mod"])
        and not re.search(
            r"\b(in|since|until|by|from|through|before|after|of|early|late|mid|during)\s+$", ctx[-12:], re.I
        )
    ):
        return None
    if m["mon"].endswith(".") and not (m["year"] or m["rel"]):
        return None
    mod = _modval(m)
    if m["year"]:
        return (f"{m['year']}-{mon:02d}", "DATE", "month", mod)
    if dct is None:
        return (f"XXXX-{mon:02d}", "DATE", "month", mod)
    y = dct.year
    rel = (m["rel"] or "").lower()
    rel2 = (m["rel2"] or "").lower()
    if rel2 == "last":
        y -= 1
    elif rel2 == "next":
        y += 1
    elif rel2 == "this" or rel == "this":
        pass
    elif rel in ("last", "past"):
        y = y if mon < dct.month else y - 1
    elif rel in ("next", "coming"):
        y = y if mon > dct.month else y + 1
    elif looks_ahead(ctx[-80:] + word):
        y = y if mon >= dct.month else y + 1
    else:
        y = y if mon <= dct.month else y - 1
    return (f"{y}-{mon:02d}", "DATE", "month", mod)


@_rule(r"\b(?P<rel>last|this|next|coming|past)\s+" + _WD_FULL + r"(?:\s+" + _PART + r")?\b", re.I)
def _rel_weekday(m, dct, ctx):
    wd = WEEKDAYS[m["wd"].lower()[:3]]
    if dct is None:
        return (f"XXXX-WXX-{wd + 1}", "DATE", "day", None)
    rel = m["rel"].lower()
    if rel in ("next", "coming"):
        d = resolve_weekday(dct, wd, ahead=True)
        if rel == "next" and (d - dct).days < 2:
            d += timedelta(days=7)
    elif rel in ("last", "past"):
        d = resolve_weekday(dct - timedelta(days=1), wd)
    else:
        d = resolve_weekday(dct, wd, ahead=looks_ahead(ctx[-80:]))
    return _with_part(d.isoformat(), m)


def _with_part(day: str, m) -> tuple:
    part = m.groupdict().get("part")
    if part:
        return (f"{day}T{PARTS[part.lower()]}", "TIME", "day", None)
    return (day, "DATE", "day", None)


@_rule(r"\b" + _WD_FULL + r"(?:'s)?(?:\s+" + _PART + r")?\b", 0)
def _weekday(m, dct, ctx):
    wd = WEEKDAYS[m["wd"].lower()[:3]]
    if dct is None:
        return None if m["part"] else (None, "DATE", "day", None)
    d = resolve_weekday(dct, wd, ahead=looks_ahead(_clause_tail(ctx)))
    return _with_part(d.isoformat(), m)


def _clause_tail(ctx: str) -> str:
    """The part of the text before a match that belongs to its clause (after the last quote or stop)."""
    cut = max(ctx.rfind(c) for c in '.;\u201c\u201d"')
    return ctx[cut + 1 :][-100:]


@_rule(
    r"\b(?:on\s+)?(?:the\s+)?(?:(?P<part>morning|afternoon|evening|night)\s+of\s+)?the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:century|anniversary|floor|time|day|year|round|minute|hour|straight|consecutive|largest|biggest))",
    re.I,
)
def _day_of_month(m, dct, ctx):
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if dct is None:
        return (None, "DATE", "day", None)
    y, mon = dct.year, dct.month
    ahead = looks_ahead(_clause_tail(ctx))
    if day > dct.day and not ahead:
        y, mon = _shift_month(y, mon, -1)
    elif day < dct.day and ahead:
        y, mon = _shift_month(y, mon, 1)
    d = _safe_date(y, mon, day)
    if d is None:
        return None
    return _with_part(d.isoformat(), m)


@_rule(r"\b(?:the\s+)?day\s+before\s+yesterday\b")
def _dby(m, dct, ctx):
    return (
        ((dct - timedelta(days=2)).isoformat(), "DATE", "day", None) if dct else (None, "DATE", "day", None)
    )


@_rule(r"\b(?:earlier\s+|later\s+)?(?P<w>today|yesterday|tomorrow|tonight|overnight)\b(?:\s+" + _PART + r")?")
def _deictic(m, dct, ctx):
    w = m["w"].lower()
    if dct is None:
        return (None, "DATE", "day", None)
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0}[w]
    d = (dct + timedelta(days=off)).isoformat()
    if w == "tonight":
        return (f"{d}TNI", "TIME", "day", None)
    if w == "today" and not m["part"]:
        return ("PRESENT_REF" if _present_today(ctx) else d, "DATE", "day", None)
    return _with_part(d, m)


def _present_today(ctx: str) -> bool:
    # "today's world", "the Korea of today": generic present, not the day
    return bool(re.search(r"\b(of|in)\s*$", ctx[-6:], re.I))


@_rule(r"\b(?:earlier|later)\s+in\s+the\s+day\b|\bthe\s+same\s+day\b")
def _same_day(m, dct, ctx):
    return (dct.isoformat() if dct else None, "DATE", "day", None)


@_rule(r"\b(?P<rel>this|last|yesterday|tomorrow)\s+" + _PART + r"\b")
def _part_of_day(m, dct, ctx):
    if dct is None:
        return (None, "TIME", "day", None)
    rel = m["rel"].lower()
    off = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and m["part"].lower() != "night":
        return None
    d = (dct + timedelta(days=off)).isoformat()
    return (f"{d}T{PARTS[m['part'].lower()]}", "TIME", "day", None)


@_rule(
    r"\b"
    + _MODS
    + r"(?P<rel>this|last|next|the past|the previous|the following|the coming|the current|the same|that|the last)\s+(?P<unit>week|weekend|month|year|quarter|decade|century|fiscal year|season)\b"
)
def _rel_unit(m, dct, ctx):
    unit = m["unit"].lower()
    rel = m["rel"].lower()
    mod = _modval(m)
    if rel in ("the same", "that"):
        return None if unit != "year" else ("XXXX", "DATE", "year", mod)
    if rel == "the past" and not mod:
        # "the past week" is a duration in TimeML
        return (
            (
                _period(
                    1, unit.replace("fiscal ", "").replace("weekend", "week").replace("season", "quarter")
                ),
                "DURATION",
                "duration",
                None,
            )
            if unit not in ("season",)
            else None
        )
    if dct is None:
        return (None, "DATE", unit, mod)
    off = {"this": 0, "the current": 0, "last": -1, "the last": -1, "the previous": -1, "next": 1, "the following": 1,
           "the coming": 1}.get(rel, 0)  # fmt: skip
    if unit == "week":
        return (_week(dct + timedelta(weeks=off)), "DATE", "week", mod)
    if unit == "weekend":
        return (_week(dct + timedelta(weeks=off)) + "-WE", "DATE", "week", mod)
    if unit == "month":
        y, mo = _shift_month(dct.year, dct.month, off)
        return (f"{y}-{mo:02d}", "DATE", "month", mod)
    if unit in ("year", "fiscal year"):
        return (str(dct.year + off), "DATE", "year", mod or ("APPROX" if "fiscal" in unit else None))
    if unit == "quarter":
        q = (dct.month - 1) // 3 + off
        y = dct.year + q // 4
        return (f"{y}-Q{q % 4 + 1}", "DATE", "quarter", mod)
    if unit == "decade":
        return (str(dct.year // 10 + off)[:3], "DATE", "decade", mod)
    if unit == "century":
        return (str(dct.year // 100 + off), "DATE", "century", mod)
    return None


@_rule(
    r"\b(?:(?P<rel>this|last|next|past|the)\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?"
    + _YEAR
    + r")?\b"
)
def _season(m, dct, ctx):
    s = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["season"].lower() == "fall" and not (rel or m["year"]):
        return None
    if m["year"]:
        return (f"{m['year']}-{s}", "DATE", "season", None)
    if not rel or rel == "the":
        return None
    if dct is None:
        return (None, "DATE", "season", None)
    y = dct.year + {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
    return (f"{y}-{s}", "DATE", "season", None)


@_rule(
    r"\b(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a few|few|several|a couple of)\s+"
    + _UNIT
    + r"\s+(?P<dir>ago|from now|hence)\b"
)
def _ago(m, dct, ctx):
    n = _num(m["num"])
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    dir_ = m["dir"].lower()
    if dir_ in ("earlier", "before") and not re.search(r"\b(said|announced)\b", ctx[-40:]):
        pass
    sign = 1 if dir_ in ("later", "from now", "hence") else -1
    if dct is None or n is None or n != int(n):
        return (None, "DATE", unit, None)
    n = int(n) * sign
    if unit == "day":
        return ((dct + timedelta(days=n)).isoformat(), "DATE", "day", None)
    if unit == "week":
        return (_week(dct + timedelta(weeks=n)), "DATE", "week", None)
    if unit == "month":
        y, mo = _shift_month(dct.year, dct.month, n)
        return (f"{y}-{mo:02d}", "DATE", "month", None)
    if unit == "year":
        return (str(dct.year + n), "DATE", "year", None)
    if unit == "decade":
        return (str(dct.year + 10 * n)[:3], "DATE", "decade", None)
    return None


@_rule(
    r"\b(?:(?P<pre>the\s+(?:past|last|next|previous|coming|first|following)|over|for|within|in|about|nearly|almost|more than|less than|at least|some|another)\s+)?"
    + _NUM
    + r"(?:[\s-]+(?:and a half\s+)?)"
    + _UNIT
    + r"(?P<old>[\s-]+old)?\b"
)
def _duration(m, dct, ctx):
    if m["old"]:
        return None
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    raw = m["num"].lower()
    n = None if raw in VAGUE or raw.endswith("few") or raw.endswith("several") else _num(raw)
    if raw in ("a", "an") and m.group(0).lower().endswith(("s", "s old")) and not unit:
        return None
    if n is not None and n > 1 and not m.group(0).lower().rstrip().endswith("s") and "-" not in m.group(0):
        return None  # "two year" without a hyphen: not a duration
    pre = (m["pre"] or "").lower()
    mod = None
    if pre in ("more than", "at least"):
        mod = "MORE_THAN" if pre == "more than" else "EQUAL_OR_MORE"
    elif pre in ("less than", "almost", "nearly"):
        mod = "LESS_THAN" if pre == "less than" else "APPROX"
    elif pre == "about":
        mod = "APPROX"
    return (_period(n, unit), "DURATION", "duration", mod)


@_rule(
    r"\b(?:(?:the\s+)?(?:past|last|next|coming|recent)\s+(?:few|several)|recent|several|few|many)\s+"
    + _UNIT
    + r"\b"
)
def _vague_duration(m, dct, ctx):
    unit = m["unit"].lower().rstrip("s")
    if unit == "centurie":
        unit = "century"
    return (_period(None, unit), "DURATION", "duration", None)


@_rule(
    r"\b(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+century\b"
)
def _century(m, dct, ctx):
    o = m["ord"].lower()
    n = ORDINALS.get(o) or int(re.match(r"\d+", o).group(0))
    return (f"{n - 1:02d}", "DATE", "century", None)


@_rule(r"\b(?:the\s+)?(?P<dec>(?:1[89]|20)\d0)'?s\b")
def _decade(m, dct, ctx):
    return (m["dec"][:3], "DATE", "decade", None)


@_rule(
    r"\b"
    + _MODS
    + r"(?:(?:the\s+)?(?:fiscal\s+)?(?:year\s+)?)?"
    + _YEAR
    + r"\b(?![-/.:]\d|\s*(?:%|percent|troops|people|km|kilomet|won\b|dollars|tons|soldiers|workers|units|cases|votes|members|times))"
)
def _year(m, dct, ctx):
    if re.search(r"[$€£₩#]\s*$|\d[,.]?$|\bNo\.\s*$", ctx[-3:]):
        return None
    return (m["year"], "DATE", "year", _modval(m))


@_rule(
    r"\b(?:(?:at|by|around|about|before|after|until)\s+)?(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b)(?:\s+(?P<tz>[A-Z]{2,4}T?|GMT|UTC))?",
    re.I,
)
def _clock(m, dct, ctx):
    h = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    mi = m["mi"] or "00"
    day = dct.isoformat() if dct else "XXXX-XX-XX"
    return (f"{day}T{h:02d}:{mi}", "TIME", "time", None)


@_rule(
    r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|KST|EST|EDT|PST|PDT|CET|BST|JST|MSK)(?:\s+"
    + _WD_FULL
    + r")?"
)
def _clock24(m, dct, ctx):
    day = dct
    if m["wd"] and dct:
        day = resolve_weekday(dct, WEEKDAYS[m["wd"].lower()[:3]], ahead=True)
    ds = day.isoformat() if day else "XXXX-XX-XX"
    return (f"{ds}T{int(m['h']):02d}:{m['mi']}", "TIME", "time", None)


@_rule(r"\b(?P<w>now|currently|right now|at present|nowadays|these days|at the moment|at this point)\b")
def _present(m, dct, ctx):
    return ("PRESENT_REF", "DATE", "ref", None)


@_rule(
    r"\b(?:in\s+)?(?P<w>the past|recently|formerly|at the time|the future|in the future|soon|in the near future)\b"
)
def _refs(m, dct, ctx):
    w = m["w"].lower()
    if w in ("recently", "soon"):
        return None  # TimeML does not mark these as timexes
    return ("PAST_REF" if w in ("the past", "formerly", "at the time") else "FUTURE_REF", "DATE", "ref", None)


@_rule(
    r"\b(?P<w>annually|yearly|every year|each year|every month|monthly|every week|weekly|daily|every day|each day|every morning|every night|each season|every season)\b"
)
def _set(m, dct, ctx):
    w = m["w"].lower()
    if "year" in w or w in ("annually", "yearly"):
        return ("XXXX", "SET", "set", None)
    if "month" in w:
        return ("XXXX-XX", "SET", "set", None)
    if "week" in w:
        return ("XXXX-WXX", "SET", "set", None)
    if "morning" in w:
        return ("XXXX-XX-XXTMO", "SET", "set", None)
    if "night" in w:
        return ("XXXX-XX-XXTNI", "SET", "set", None)
    if "season" in w:
        return ("XXXX-WI", "SET", "set", None)
    return ("XXXX-XX-XX", "SET", "set", None)


_ORDER = {fn: i for i, (_, fn) in enumerate(_RULES)}


def find_timexes(text: str, dct: str | None = None) -> list[Timex]:
    """Every time expression in ``text``, resolved against ``dct`` (YYYY-MM-DD or ``None``)."""
    ref = _d(dct)
    cands: list[tuple[int, int, int, Timex]] = []
    for rx, fn in _RULES:
        for m in rx.finditer(text):
            s, e = m.span()
            if e <= s:
                continue
            ctx = text[max(0, s - 200) : s]
            try:
                res = fn(m, ref, ctx)
            except (KeyError, ValueError, OverflowError):
                res = None
            if res is None:
                continue
            value, ttype, gran, mod = res
            cands.append((s, e, _ORDER[fn], Timex(s, e, text[s:e], value, ttype, gran, mod)))
    # longest first, then rule order; no overlaps
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for s, e, _, tx in cands:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(tx)
    out.sort(key=lambda t: t.start)
    return _years_with_months(out, ref)


def _years_with_months(tx: list[Timex], ref: date | None) -> list[Timex]:
    """ "in August this year" is handled by the month rule; nothing more to merge for now."""
    return tx

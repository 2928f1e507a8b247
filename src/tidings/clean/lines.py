"""Lines of a raw page, with the features the cleaning rules read.

A :class:`Line` is one logical line: usually one raw line, but lines broken in
the middle of a sentence or a word are rejoined first ("coope" / "ration" →
"cooperation"; "…manner," / "particularly as…" → one paragraph).  Each line keeps
the raw spans it was made of, so the clean body maps back to the raw text.
"""

from __future__ import annotations

import hashlib
import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from tidings.clean.dates import find_dates
from tidings.clean.lexicon import Lexicon, english_words

__all__ = ["Kind", "Line", "classify", "keyed_lines", "line_key", "line_texts", "split_lines"]

# Named thresholds of the line rules.
PROSE_MIN_WORDS = 6  # a sentence-shaped line shorter than this is not a paragraph
PROSE_MIN_STOP_SHARE = 0.12  # English prose has at least this share of function words
SHORT_LINE_WORDS = 14  # UI and furniture patterns marked "short" apply up to this length
CAPTION_MAX_WORDS = 45  # photo captions are no longer than this
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 32
SCRIPT_MATCH_MIN = 0.6  # share of a line's letters in the page's main script
JOIN_MIN_WORDS = 4  # a line continued on the next must be at least this long

_TERMINAL = ".!?。！？…"
_CLOSERS = "\"'”’»)]）」』›"
_OPENERS = "\"'“‘«(["
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
_LIST_MARK = re.compile(r"^\s*(?:[-–•·*▪◦‣»>]|\d{1,2}[.)])\s+")
_SPACES = re.compile(r"\s+")


class Kind(Enum):
    PROSE = "prose"  # a paragraph of running text
    HEADLINE = "headline"  # short, title-shaped: a headline, crosshead or related link
    META = "meta"  # date, byline, source credit
    FURNITURE = "furniture"  # UI text, copyright, captions, counters, learned boilerplate
    FOREIGN = "foreign"  # in a script other than the page's
    OTHER = "other"


@dataclass(slots=True)
class Line:
    text: str
    parts: list[tuple[int, int]]  # raw (start, end) spans, joined by ``seps``
    seps: list[str] = field(default_factory=list)
    index: int = 0
    blank_before: bool = False
    kind: Kind = Kind.OTHER
    why: str = ""
    words: int = 0
    key: str = ""  # hash of ``norm``, for repetition counts and learned boilerplate
    norm: str = ""  # normalised form (case, quotes, digits and spaces folded), set by classify
    repeats: int = 1  # how often the same key stands on this page
    list_item: bool = False

    @property
    def start(self) -> int:
        return self.parts[0][0]


_NORM_TABLE = str.maketrans({**{c: None for c in "\"'“”‘’«»"}, **{str(d): "0" for d in range(10)}})
_QUOTE_CHARS = tuple("\"'“”‘’«»")  # dropped by _norm
_NONZERO_DIGITS = "123456789"  # ASCII digits: each becomes "0"


def _norm(text: str) -> str:
    # What ``text.casefold().translate(_NORM_TABLE)`` gives, without translate's slow path
    # (a dict lookup per character) on text that is not pure ASCII.
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    text = text.casefold()
    if text.isascii():
        return " ".join(text.translate(_NORM_TABLE).split())
    for q in _QUOTE_CHARS:
        if q in text:
            text = text.replace(q, "")
    for d in _NONZERO_DIGITS:  # a few scans for characters, cheaper than a regex substitution
        if d in text:
            text = text.replace(d, "0")
    return " ".join(text.split())


def _key(norm: str) -> str:
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


def line_key(text: str) -> str:
    """A short hash of a line's normalised form (case, quotes, digits and spaces folded)."""
    if len(text) <= SHAPE_CACHE_MAX_CHARS:
        return _short_shape(text)[1]
    return _key(_norm(text))


SHAPE_CACHE_MAX_CHARS = 120  # lines this short (menus, bylines, footers) recur across pages
SHAPE_CACHE_SIZE = 8192  # distinct short lines remembered (about 2 MB, filled by the scan pass)


@lru_cache(maxsize=SHAPE_CACHE_SIZE)
def _short_shape(text: str) -> tuple[str, str, int, bool]:
    """``(norm, key, words, list_item)`` of a short line, remembered: the same menu, footer and
    byline lines stand on most pages of a site, in the scan pass and again when cleaning."""
    norm = _norm(text)
    return norm, _key(norm), len(_WORD.findall(text)), bool(_LIST_MARK.match(text))


# A wire story's end mark after its last sentence: "… UN sanctions. (END)", "… -- ENDS", "/END".
_END_MARK = re.compile(r"\s*(?:[(\[]\s*(?:END|ENDS|ENDIT|end|ends)\s*[)\]]|--\s*ENDS?|/ENDS?|끝)\s*$")


def _ends_sentence(text: str) -> bool:
    if text.endswith(("END)", "ENDS)", "end)", "END]", "ENDS", "END", "끝")):
        text = _END_MARK.sub("", text)
    t = text.rstrip(_CLOSERS + " ")
    return bool(t) and t[-1] in _TERMINAL


def _continues(text: str) -> bool:
    """The line stops in the middle of a sentence."""
    t = text.rstrip()
    return bool(t) and t[-1] not in _TERMINAL + _CLOSERS + ":;" and (t[-1].isalpha() or t[-1] in ",-–")


def split_lines(raw: str) -> list[Line]:
    """Lines of ``raw`` with their spans; broken lines rejoined.

    A line holding only white space counts as blank, like an empty one: the next line
    is never joined across it."""
    out: list[Line] = []
    blank = False
    prev: Line | None = None
    pos = 0  # where ``seg`` starts in ``raw``
    for seg in raw.split("\n"):
        n = len(seg)
        text = seg.strip()
        if not text:
            blank = True
            pos += n + 1
            continue
        s = pos if not seg[0].isspace() else pos + n - len(seg.lstrip())
        e = s + len(text)
        pos += n + 1
        if prev is not None and not blank and text[0].islower() and _should_join(prev.text, text):
            glue = _glue(prev.text, text)
            prev.text = prev.text + glue + text
            prev.seps.append(glue)
            prev.parts.append((s, e))
            continue
        prev = Line(text, [(s, e)], [], len(out), blank)
        out.append(prev)
        blank = False
    return out


def keyed_lines(raw: str) -> list[Line]:
    """:func:`split_lines` with each line's ``norm`` and ``key`` set (what :func:`classify`
    would compute): for the ingest pass, which learns a page's keys before cleaning it."""
    lines = split_lines(raw)
    for line in lines:
        text = line.text
        if len(text) <= SHAPE_CACHE_MAX_CHARS:
            line.norm, line.key = _short_shape(text)[:2]
        else:
            line.norm = _norm(text)
            line.key = _key(line.norm)
    return lines


def line_texts(raw: str) -> list[str]:
    """The texts of :func:`split_lines` (``[x.text for x in split_lines(raw)]``), without
    building lines: all the boilerplate scan needs."""
    out: list[str] = []
    blank = False
    for seg in raw.split("\n"):
        text = seg.strip()
        if not text:
            blank = True
            continue
        if out and not blank and text[0].islower() and _should_join(out[-1], text):
            out[-1] = out[-1] + _glue(out[-1], text) + text
            continue
        out.append(text)
        blank = False
    return out


# "by Martin Fornusek February 13, 2025": a lower-case byline under a headline starts its own line
_BYLINE_START = re.compile(r"by\s+[A-Z][\w'’.\-]+\s+[A-Z]")


def _own_byline(text: str) -> bool:
    """A short line that starts like a byline and ends no sentence: not the rest of a broken one
    ("… was signed\nby President Yoon on Tuesday." ends one)."""
    return bool(_BYLINE_START.match(text)) and len(text.split()) <= 8 and not _ends_sentence(text)


def _should_join(prev: str, nxt: str) -> bool:
    if not _continues(prev) or not nxt[0].islower():
        return False
    return len(prev.split()) >= JOIN_MIN_WORDS and not _LIST_MARK.match(nxt) and not _own_byline(nxt)


def _glue(prev: str, nxt: str) -> str:
    """ "" when the break splits a word ("coope" + "ration"), else one space."""
    if prev.endswith("-") and not prev.endswith(" -"):
        return ""
    m1 = re.search(r"([A-Za-z]+)$", prev)
    m2 = re.match(r"([a-z]+)", nxt)
    if not m1 or not m2:
        return " "
    left, right = m1.group(1).lower(), m2.group(1)
    words = english_words()
    if left + right in words and not (left in words and right in words):
        return ""
    return " "


_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_NON_ASCII_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")
_LATIN_BEYOND_ASCII = re.compile(r"[\u00C0-\u024F\u1E00-\u1EFF]")
_ASCII_LETTERS = string.ascii_letters.encode("ascii")
_NON_ASCII_LETTER_OR_LATIN = re.compile(r"[^\W\d_\x00-\x7f]|[\u00C0-\u024F\u1E00-\u1EFF]")
SCRIPT_SAMPLE = 400  # non-Latin letters looked up by name to tell the page's script


def _script(ch: str) -> str:
    if ch.isascii() or ord(ch) < 0x250 or 0x1E00 <= ord(ch) <= 0x1EFF:
        return "latin"
    try:
        return unicodedata.name(ch).split()[0].lower()
    except ValueError:
        return "other"


def page_script(lines: list[Line]) -> str:
    """The script most of the page's letters are written in ("latin", "hangul", "cyrillic", …)."""
    text = "\n".join(x.text for x in lines)
    if text.isascii():
        return "latin"
    # Latin when latin * 2 >= letters, counted as ASCII letters + the letters beyond ASCII
    # (few) and ASCII letters + the characters of the Latin ranges beyond ASCII.
    narrow = text.encode("ascii", "ignore")
    ascii_letters = len(narrow) - len(narrow.translate(None, _ASCII_LETTERS))
    if ascii_letters >= len(text) - len(narrow):
        return "latin"  # more ASCII letters than non-ASCII characters, letters or not: no need to look
    wide = _NON_ASCII_LETTER.findall(text)
    if not wide:
        return "latin"
    if ascii_letters + 2 * len(_LATIN_BEYOND_ASCII.findall(text)) >= len(wide):
        return "latin"
    other = [c for c in wide if not _LATIN.match(c)][:SCRIPT_SAMPLE]
    return Counter(_script(c) for c in other).most_common(1)[0][0]


_TYPOGRAPHY = "’‘“”–—…«»·•\u00a0"  # non-ASCII, and none of them a letter


def _strip_typography(text: str) -> str:
    """``text`` less the curly quotes, dashes and the like that make most English prose
    lines non-ASCII: a few ``str.replace`` calls, cheaper than a regex scan of the line."""
    for c in _TYPOGRAPHY:
        if c in text:
            text = text.replace(c, "")
    return text


def _script_share(text: str, script: str) -> float:
    if text.isascii():
        return 1.0 if script == "latin" or not any(c.isalpha() for c in text) else 0.0
    if script == "latin" and (
        _strip_typography(text).isascii() or not _NON_ASCII_LETTER_OR_LATIN.search(text)
    ):
        return 1.0  # every letter is ASCII, so Latin (or there is none)
    letters = _LETTER.findall(text)
    if not letters:
        return 1.0  # digits and punctuation belong to every script
    if script == "latin":
        return len(_LATIN.findall(text)) / len(letters)
    return sum(1 for c in letters if _script(c) == script) / len(letters)


def classify(lines: list[Line], lexicon: Lexicon, boilerplate: frozenset[str] = frozenset()) -> str:
    """Set ``kind`` and ``why`` on every line; return the page's main script."""
    script = page_script(lines)
    words_of: list[list[str] | None] = []
    norms = []
    for line in lines:
        text = line.text
        if len(text) <= SHAPE_CACHE_MAX_CHARS:
            norm, line.key, line.words, line.list_item = _short_shape(text)
            words_of.append(None)  # found again if the rules need them
        else:
            norm = line.norm  # set by keyed_lines, else ""
            if not norm:
                norm = _norm(text)
                line.key = _key(norm)
            words = _WORD.findall(text)
            line.words = len(words)
            line.list_item = bool(_LIST_MARK.match(text))
            words_of.append(words)
        line.norm = norm
        norms.append(norm)
    counts = Counter(norms)
    for line, norm, words in zip(lines, norms, words_of, strict=True):
        line.repeats = counts[norm]
        line.kind, line.why = _kind(line, words, script, lexicon, boilerplate)
    return script


def _kind(
    line: Line, words: list[str] | None, script: str, lex: Lexicon, learned: frozenset[str]
) -> tuple[Kind, str]:
    text = line.text
    if line.key in learned:
        return Kind.FURNITURE, "recurs on other pages of this site"
    if _script_share(text, script) < SCRIPT_MATCH_MIN:
        return Kind.FOREIGN, f"not in the page's script ({script})"
    short = line.words <= SHORT_LINE_WORDS
    low = text.lower()
    if lex.furniture.search(low) or (short and lex.furniture_short.search(low)):
        return Kind.FURNITURE, "page furniture (copyright, credit, caption, widget)"
    if line.words <= CAPTION_MAX_WORDS and lex.caption.search(low):
        return Kind.FURNITURE, "photo caption"
    if short and lex.ui_short.search(low.strip(" |·:-–—")):
        return Kind.FURNITURE, "navigation or UI text"
    if short and (lex.byline.match(text) or lex.source_credit.match(text)):
        return Kind.META, "byline or source credit"
    if short and _mostly_date(text, lex):
        return Kind.META, "date line"
    prose = _is_prose(line, words, script, lex)
    if prose and not (line.list_item and line.words < 2 * PROSE_MIN_WORDS):
        return Kind.PROSE, ""
    if HEADLINE_MIN_WORDS <= line.words <= HEADLINE_MAX_WORDS:
        return Kind.HEADLINE, "headline-shaped (short, no sentence end)"
    return Kind.OTHER, "too short or not sentence-shaped"


def _is_prose(line: Line, words: list[str] | None, script: str, lex: Lexicon) -> bool:
    if not _ends_sentence(line.text):
        return False
    if script != "latin":
        return len(line.text) >= 20
    if line.words < PROSE_MIN_WORDS:
        return False
    if words is None:
        words = _WORD.findall(line.text)
    stops = sum(map(lex.stop_words.__contains__, map(str.lower, words)))
    return stops / len(words) >= PROSE_MIN_STOP_SHARE


_MAYBE_DATE = re.compile(r"\d{4}|년")


def _mostly_date(text: str, lex: Lexicon) -> bool:
    if not _MAYBE_DATE.search(text):
        return False
    dates = find_dates(text)
    if not dates:
        return False
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    rest = re.sub(lex.published_label + "|" + lex.updated_label, "", rest, flags=re.I)
    rest = re.sub(r"(?i)\b(on|at|am|pm|kst|gmt|utc|edt|est|ist|jst)\b|[\W\d_]+", " ", rest)
    return len(rest.split()) <= 4

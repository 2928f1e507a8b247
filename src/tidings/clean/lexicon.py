"""The cleaning lexicon (``data/cleaning.yaml``) compiled once, and the English word list."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

# The parser ``re`` itself uses (Python >= 3.11), for the literal prefilter of PatternSet.
from re import _constants as _sre  # type: ignore[attr-defined]
from re import _parser as _sre_parser  # type: ignore[attr-defined]

import yaml

__all__ = ["Lexicon", "PatternSet", "english_words", "required_literals"]


def _union(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class PatternSet:
    """Patterns tested against a lower-cased line: ``search()`` tells whether any matches.

    Tested one by one, which is much faster in Python's ``re`` than one big alternation
    searched at every position (each pattern keeps its literal-prefix search), with two
    shortcuts that give the same answer:

    * a pattern not anchored at the start of the line, which ``re`` tries at every
      position, is run only when the line holds one of the literal strings every match of
      it contains (:func:`required_literals`), checked with ``in``: ``str`` containment is
      many times cheaper than a search (or than a regex alternation of the literals), and
      it rules out most patterns on most lines;
    * the patterns anchored at the start (``^…``), tried at position 0 only, are joined
      into one alternation matched once: one call instead of one per pattern.
    """

    __slots__ = ("_ascii_checks", "_checks", "_start", "patterns")

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = tuple(re.compile(p) for p in patterns)
        anchored: list[re.Pattern[str]] = []
        checks = []
        for p in self.patterns:
            if _joinable_anchored(p):
                anchored.append(p)
                continue
            checks.append((_prefilter(p) or (), p.search))
        self._start = None
        if len(anchored) > 1:
            try:
                self._start = re.compile("|".join(f"(?:{p.pattern})" for p in anchored)).match
            except re.error:  # e.g. a group name used twice: keep them apart
                checks.extend(((), p.search) for p in anchored)
        elif anchored:
            self._start = anchored[0].match
        self._checks = tuple(checks)
        # An ASCII line holds none of the non-ASCII literals (Korean or Russian UI words, ©):
        # the patterns that need one of them are not even looked at.
        self._ascii_checks = tuple(c for c in checks if not c[0] or any(lit.isascii() for lit in c[0]))

    def search(self, lowered: str) -> bool:
        if self._start is not None and self._start(lowered):
            return True
        for literals, search in self._ascii_checks if lowered.isascii() else self._checks:
            if literals:
                for lit in literals:
                    if lit in lowered:
                        break
                else:
                    continue
            if search(lowered):
                return True
        return False


def _joinable_anchored(pattern: re.Pattern[str]) -> bool:
    """``pattern`` starts with ``^`` (tried at position 0 only: ``search`` is ``match``) and can
    stand in an alternation with others: no flags, no back-references."""
    try:
        parsed = _sre_parser.parse(pattern.pattern)
    except Exception:  # an unexpected pattern: tested alone, same answers
        return False
    if (pattern.flags | parsed.state.flags) & ~re.UNICODE:
        return False
    items = list(parsed)
    return bool(items) and items[0] == (_sre.AT, _sre.AT_BEGINNING) and not _has_backref(items)


def _has_backref(items: list) -> bool:
    for op, av in items:
        if op in (_sre.GROUPREF, _sre.GROUPREF_EXISTS):
            return True
        if op is _sre.SUBPATTERN and _has_backref(list(av[-1])):
            return True
        if op is _sre.BRANCH and any(_has_backref(list(b)) for b in av[1]):
            return True
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and _has_backref(list(av[2])):
            return True
        if op in (_sre.ASSERT, _sre.ASSERT_NOT) and _has_backref(list(av[1])):
            return True
        if op is _sre.ATOMIC_GROUP and _has_backref(list(av)):
            return True
    return False


def _prefilter(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals one of which a line must hold for ``pattern`` to match, or ``None`` (run it)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parser.parse(pattern.pattern)
        if parsed and parsed[0] == (_sre.AT, _sre.AT_BEGINNING):
            return None  # tried at position 0 only: already cheap
        found = _required(list(parsed))
    except Exception:  # an unexpected parse tree: no prefilter, same answers
        return None
    return tuple(sorted(found, key=len, reverse=True)) if found else None


def required_literals(pattern: str) -> set[str] | None:
    """Strings one of which every match of ``pattern`` contains (``None``: none known).

    Read from the parse tree: runs of literal characters, alternations (the union of the
    branches' sets), groups and repeats of at least one; character classes of literals only.
    Zero-width assertions (``\\b``, ``^``) keep a run going, as they consume nothing.
    """
    return _required(list(_sre_parser.parse(pattern)))


def _required(items: list) -> set[str] | None:
    best: set[str] | None = None
    run: list[str] = []

    def cost(lits: set[str]) -> tuple[int, int]:  # fewer and longer literals: fewer, rarer hits
        shortest = min(map(len, lits))
        return len(lits) + max(0, 4 - shortest), -shortest

    def better(a: set[str] | None, b: set[str]) -> set[str]:
        return b if a is None or cost(b) < cost(a) else a

    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if op is _sre.AT:
            continue
        if run:
            best = better(best, {"".join(run)})
            run = []
        sub: set[str] | None = None
        if op is _sre.SUBPATTERN:
            if av[1] or av[2]:  # inline flags, e.g. (?i:…): literals may not be literal
                return None
            sub = _required(list(av[-1]))
        elif op is _sre.BRANCH:
            subs = [_required(list(b)) for b in av[1]]
            sub = None if any(not x for x in subs) else set().union(*subs)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            sub = _required(list(av[2])) if av[0] >= 1 else None
        elif op is _sre.IN:
            chars = [chr(a) for o, a in av if o is _sre.LITERAL]
            sub = set(chars) if chars and len(chars) == len(av) else None
        if sub:
            best = better(best, sub)
    if run:
        best = better(best, {"".join(run)})
    return best


@dataclass(frozen=True, slots=True)
class Lexicon:
    ui_short: PatternSet  # matched against the lower-cased line
    furniture: PatternSet
    furniture_short: PatternSet
    caption: PatternSet
    byline: re.Pattern[str]
    source_credit: re.Pattern[str]
    published_label: str
    updated_label: str
    stop_words: frozenset[str]

    @classmethod
    def load(cls, *extra: str | Path) -> Lexicon:
        """The packaged lexicon, extended by the lists in ``extra`` YAML files."""
        text = resources.files("tidings.data").joinpath("cleaning.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        for path in extra:
            more = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
            for key, value in more.items():
                if isinstance(data.get(key), list) and isinstance(value, list):
                    data[key] = data[key] + value
        return cls(
            ui_short=PatternSet(data["ui_short"]),
            furniture=PatternSet(data["furniture"]),
            furniture_short=PatternSet(data["furniture_short"]),
            caption=PatternSet(data["caption"]),
            byline=_union(data["byline"]),
            source_credit=_union(data["source_credit"]),
            published_label=data["published_label"],
            updated_label=data["updated_label"],
            stop_words=frozenset(data["stop_words"].split()),
        )

    @staticmethod
    @cache
    def default() -> Lexicon:
        return Lexicon.load()


@cache
def english_words() -> frozenset[str]:
    """Lower-case English words (see ``scripts/build_wordlist.py``), loaded on first use."""
    raw = resources.files("tidings.data").joinpath("english_words.txt.gz").read_bytes()
    return frozenset(gzip.decompress(raw).decode("utf-8").split())

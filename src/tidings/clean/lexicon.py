"""The cleaning lexicon (``data/cleaning.yaml``) compiled once, and the English word list."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

__all__ = ["Lexicon", "PatternSet", "english_words"]


def _union(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class PatternSet:
    """Patterns tested one by one against a lower-cased line: much faster in Python's ``re``
    than one big alternation (each pattern keeps its literal-prefix search)."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: list[str]) -> None:
        self.patterns = tuple(re.compile(p) for p in patterns)

    def search(self, lowered: str) -> bool:
        return any(p.search(lowered) for p in self.patterns)


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

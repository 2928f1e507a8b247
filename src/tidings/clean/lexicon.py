"""The cleaning lexicon (``data/cleaning.yaml``) compiled once, and the English word list."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

__all__ = ["Lexicon", "english_words"]


def _union(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Lexicon:
    ui_short: re.Pattern[str]
    furniture: re.Pattern[str]
    furniture_short: re.Pattern[str]
    caption: re.Pattern[str]
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
            ui_short=_union(data["ui_short"]),
            furniture=_union(data["furniture"]),
            furniture_short=_union(data["furniture_short"]),
            caption=_union(data["caption"]),
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

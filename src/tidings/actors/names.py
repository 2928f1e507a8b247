"""Romanisation-aware person name keys.

``person_key`` maps the spellings of one name to one key, and keeps different
names apart::

    Yoon Suk Yeol = Yoon Seok-yeol = Yoon Suk-yeol = Yun Sok Yol?  (the last: no — "sok" stays)
    Kim Jong Un   = Kim Jong-un    = Kim Jongun
    Cho Tae-yul  != Cho Tae-yong

Korean-style names (a known family name first) get their family name mapped to one
spelling (Lee/Yi/Rhee/Ri, Park/Pak/Bak, Choi/Choe, Jung/Chung/Jeong, …) and their given
name's syllables joined and folded (eo→u, oo→u, ee→i, ae→e); other names are folded
case, accents and punctuation only.  The tables are data: ``data/korean_names.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources

import yaml

__all__ = ["family_first", "person_key", "split_name"]

_VOWEL_FOLDS = (("eo", "u"), ("oo", "u"), ("ou", "u"), ("ee", "i"), ("ae", "e"), ("wh", "w"))


@cache
def _tables() -> tuple[dict[str, str], frozenset[str]]:
    text = resources.files("tidings.data").joinpath("korean_names.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    canon: dict[str, str] = {}
    for main, variants in data["family_names"].items():
        canon[main] = main
        for v in variants or []:
            canon[v] = main
    return canon, frozenset(data.get("east_asian_family_names") or [])


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.casefold()


def split_name(name: str) -> list[str]:
    """Name tokens, hyphenated parts kept together: ``"Cho Tae-yul"`` → ``["cho", "tae-yul"]``."""
    return [t for t in re.split(r"[\s,]+", _fold(name).replace("’", "'").replace(".", " ")) if t]


def family_first(name: str) -> bool:
    """The name starts with an East Asian family name (Kim, Cho, Xi, …)."""
    canon, east = _tables()
    toks = split_name(name)
    return len(toks) >= 2 and (toks[0] in canon or toks[0] in east) and len(toks) <= 4


def person_key(name: str) -> str:
    """A key equal for the romanisations of one person's name."""
    toks = split_name(name)
    if not toks:
        return ""
    canon, _ = _tables()
    if family_first(name):
        family = canon.get(toks[0], toks[0])
        given = re.sub(r"[^a-z]", "", "".join(toks[1:]))
        for a, b in _VOWEL_FOLDS:
            given = given.replace(a, b)
        return f"{family} {given}"
    return " ".join(re.sub(r"[^\w]", "", t) for t in toks)

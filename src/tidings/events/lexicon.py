"""The PLOVER lexicon (``tidings/data/plover.yaml``), loaded once, extendable with user files."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from tidings.actors.gazetteer import SAFE_LOADER
from tidings.models import PLOVER_TYPES

__all__ = ["Lexicon", "load_lexicon"]


def _code(value: str) -> tuple[str, str | None]:
    t, _, mode = str(value).partition("/")
    t = t.strip().upper()
    if t not in PLOVER_TYPES:
        raise ValueError(f"plover lexicon: unknown PLOVER type {t!r}")
    return t, (mode.strip() or None)


@dataclass(slots=True)
class Lexicon:
    verbs: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    null_verbs: set[str] = field(default_factory=set)
    object_verbs: dict[str, dict[str, tuple[str, str | None] | None]] = field(default_factory=dict)
    noun_class: dict[str, list[str]] = field(default_factory=dict)  # noun → classes
    nouns: dict[str, tuple[str, str | None] | None] = field(default_factory=dict)
    light_verbs: set[str] = field(default_factory=set)
    targets: dict[str, list[str]] = field(default_factory=dict)
    reverse_verbs: set[str] = field(default_factory=set)
    commissive: set[str] = field(default_factory=set)
    cooperative_verbs: set[str] = field(default_factory=set)
    cooperative_objects: set[str] = field(default_factory=set)
    negative_adjectives: set[str] = field(default_factory=set)
    negative_nouns: set[str] = field(default_factory=set)
    negative_verbs: set[str] = field(default_factory=set)
    speech_verbs: set[str] = field(default_factory=set)
    hypothetical_heads: set[str] = field(default_factory=set)
    hypothetical_modifiers: set[str] = field(default_factory=set)
    refusals: set[str] = field(default_factory=set)
    intent_heads: set[str] = field(default_factory=set)
    transitive_only: set[str] = field(default_factory=set)
    military_verbs: set[str] = field(default_factory=set)
    official_protests: set[str] = field(default_factory=set)
    force_reviews: set[str] = field(default_factory=set)
    orders: dict[str, set[str]] = field(default_factory=dict)  # heads, expel, alert
    aimed_launches: dict[str, set[str]] = field(default_factory=dict)  # verbs, preps
    sightings: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    mutual_verbs: set[str] = field(default_factory=set)
    gratitude_verbs: set[str] = field(default_factory=set)
    topic_object_verbs: set[str] = field(default_factory=set)
    recipient_verbs: set[str] = field(default_factory=set)

    def merge(self, data: dict) -> None:
        for k, v in (data.get("verbs") or {}).items():
            if v is None:  # null: an idiom, no event ("shell out", "seize upon")
                self.null_verbs.add(str(k).lower())
                self.verbs.pop(str(k).lower(), None)
            else:
                self.verbs[str(k).lower()] = _code(v)
                self.null_verbs.discard(str(k).lower())
        for verb, classes in (data.get("object_verbs") or {}).items():
            slot = self.object_verbs.setdefault(str(verb).lower(), {})
            for cls, v in (classes or {}).items():
                slot[str(cls)] = None if v is None else _code(v)  # null: no event with such an object
        for cls, words in (data.get("noun_classes") or {}).items():
            for w in words or []:
                self.noun_class.setdefault(str(w).lower(), [])
                if cls not in self.noun_class[str(w).lower()]:
                    self.noun_class[str(w).lower()].append(cls)
        for k, v in (data.get("nouns") or {}).items():
            self.nouns[str(k).lower()] = None if v is None else _code(v)
        self.light_verbs |= {str(w).lower() for w in data.get("light_verbs") or []}
        for t, preps in (data.get("targets") or {}).items():
            # YAML 1.1 reads a bare `on` as true: take it back
            self.targets[str(t)] = [
                {True: "on", False: "off"}.get(p, str(p)) if isinstance(p, bool) else str(p) for p in preps
            ]
        for key, attr in (
            ("reverse_verbs", "reverse_verbs"),
            ("commissive", "commissive"),
            ("cooperative_verbs", "cooperative_verbs"),
            ("cooperative_objects", "cooperative_objects"),
            ("speech_verbs", "speech_verbs"),
            ("hypothetical_heads", "hypothetical_heads"),
            ("hypothetical_modifiers", "hypothetical_modifiers"),
            ("refusals", "refusals"),
            ("intent_heads", "intent_heads"),
            ("transitive_only", "transitive_only"),
            ("military_verbs", "military_verbs"),
            ("official_protests", "official_protests"),
            ("force_reviews", "force_reviews"),
            ("sightings", "sightings"),
            ("documents", "documents"),
            ("mutual_verbs", "mutual_verbs"),
            ("gratitude_verbs", "gratitude_verbs"),
            ("topic_object_verbs", "topic_object_verbs"),
            ("recipient_verbs", "recipient_verbs"),
        ):
            getattr(self, attr).update(str(w).lower() for w in data.get(key) or [])
        for key, table in (("orders", self.orders), ("aimed_launches", self.aimed_launches)):
            for k, words in (data.get(key) or {}).items():
                # YAML 1.1 reads a bare `on` as true: take it back
                table.setdefault(str(k), set()).update(
                    ("on" if w else "off") if isinstance(w, bool) else str(w).lower() for w in words or []
                )
        neg = data.get("negative_predicates") or {}
        self.negative_adjectives |= {str(w).lower() for w in neg.get("adjectives") or []}
        self.negative_nouns |= {str(w).lower() for w in neg.get("nouns") or []}
        self.negative_verbs |= {str(w).lower() for w in neg.get("verbs") or []}

    def target_preps(self, etype: str) -> list[str]:
        return self.targets.get(etype) or self.targets.get("default") or []

    def classes(self, word: str) -> list[str]:
        return self.noun_class.get(word.lower(), [])


def load_lexicon(*extra: str | Path) -> Lexicon:
    """The packaged lexicon, merged with ``extra`` YAML files (same keys) in order."""
    if not extra:
        return _default()
    lex = Lexicon()
    lex.merge(
        yaml.load(
            resources.files("tidings.data").joinpath("plover.yaml").read_text("utf-8"), Loader=SAFE_LOADER
        )
    )
    for p in extra:
        lex.merge(yaml.load(Path(p).read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {})
    return lex


@cache
def _default() -> Lexicon:
    lex = Lexicon()
    lex.merge(
        yaml.load(
            resources.files("tidings.data").joinpath("plover.yaml").read_text("utf-8"), Loader=SAFE_LOADER
        )
    )
    return lex

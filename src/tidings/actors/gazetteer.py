"""The actor gazetteer: states, international bodies, government bodies, people with dated
roles, and the news agencies that are never actors — loaded from the YAML files in
``tidings/data/gazetteer/`` plus any files the user adds (same schema, see its README)."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

from tidings.actors.names import family_first, person_key
from tidings.models import Actor, ActorType, Alias, Role

# libyaml's safe loader when PyYAML was built with it (5x faster on the people dictionaries)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["Entry", "Gazetteer"]

ID_PREFIX = {"PERSON": "person", "ORG": "org", "STATE": "state", "IGO": "igo"}
FILES = (
    "states.yaml",
    "territories.yaml",
    "igos.yaml",
    "government_bodies.yaml",
    "groups.yaml",
    "people.yaml",
    "people_world.yaml",
)


@dataclass(slots=True)
class Entry:
    """One known actor and the ways it is named."""

    actor: Actor
    surname: str | None = None
    surnames: list[str] = field(default_factory=list)  # the surname as printed: "Erdoğan", "Erdogan"
    gender: str | None = None
    names: list[str] = field(default_factory=list)  # match case-insensitively
    acronyms: list[str] = field(default_factory=list)  # match exactly
    generic: list[str] = field(default_factory=list)  # only in the actor's country context
    metonyms: list[str] = field(default_factory=list)  # stand for it when they act, not as places
    contextual: list[str] = field(default_factory=list)  # "the North": only with a Korean context
    demonyms: list[str] = field(default_factory=list)  # country signals, never surface forms
    misspellings: list[str] = field(default_factory=list)  # "Isreal": exact, capitalised; no aliases
    metonym_for_state: bool = True


@dataclass(slots=True)
class Gazetteer:
    entries: dict[str, Entry] = field(default_factory=dict)
    agencies: list[str] = field(default_factory=list)  # names of news agencies and outlets
    places: list[str] = field(default_factory=list)  # territories of no sovereign: places, never actors
    # territories with an administering state: name -> (territory ISO3, canonical name, sovereign ISO3);
    # a place of the sovereign, or, when it acts ("Hong Kong authorities"), an ORG of the sovereign
    territories: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    by_person_key: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_surname: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    demonym_country: dict[str, str] = field(default_factory=dict)
    curated_states: set[str] = field(default_factory=set)  # hand-curated states: theirs a shared demonym
    state_media: set[str] = field(default_factory=set)  # ids of outlets that speak for a state (KCNA)
    near: dict | None = None  # person-name keys less one word: see person_by_misspelt_name

    @classmethod
    def load(cls, *extra: str | Path) -> Gazetteer:
        gaz = cls()
        folder = resources.files("tidings.data").joinpath("gazetteer")
        texts = [folder.joinpath(name).read_text(encoding="utf-8") for name in FILES]
        texts += [Path(p).read_text(encoding="utf-8") for p in extra]
        for text in texts:
            data = yaml.load(text, Loader=SAFE_LOADER) or {}
            for raw in data.get("entries") or []:
                if data.get("kind") == "territories":  # places, not actors (Guam, Hong Kong, Greenland)
                    names = [raw["name"], *(raw.get("aliases") or [])]
                    if raw.get("sovereign"):
                        for n in names:
                            gaz.territories[n] = (raw["country"], _territory_name(raw["name"]), raw["sovereign"])
                    else:
                        gaz.places += names
                else:
                    gaz._add(raw)
        agencies = yaml.load(
            folder.joinpath("news_agencies.yaml").read_text(encoding="utf-8"), Loader=SAFE_LOADER
        )
        for raw in agencies.get("entries") or []:
            gaz.agencies += [raw["name"], *(raw.get("aliases") or []), *(raw.get("acronyms") or [])]
        return gaz

    @staticmethod
    @cache
    def default() -> Gazetteer:
        return Gazetteer.load()

    def _add(self, raw: dict) -> None:
        atype = ActorType(raw.get("type", "ORG"))
        aid = f"{ID_PREFIX[atype.value]}:{raw['id']}"
        names = [raw["name"], *(raw.get("aliases") or [])]
        if raw.get("official_name"):
            names.append(raw["official_name"])
        roles = [
            Role(
                title=r["title"],
                country=r.get("country"),
                start=str(r["start"]) if r.get("start") else None,
                end=str(r["end"]) if r.get("end") else None,
            )
            for r in raw.get("roles") or []
        ]
        metonyms = [*(raw.get("metonyms") or []), *(raw.get("landmark_metonyms") or [])]
        actor = Actor(
            id=aid,
            name=raw["name"],
            type=atype,
            country=raw.get("country"),
            aliases=[Alias(n) for n in dict.fromkeys(names)],
            roles=roles,
        )
        entry = Entry(
            actor=actor,
            surname=raw.get("surname"),
            surnames=_surname_forms(raw.get("surname"), raw["name"], names),
            gender=raw.get("gender"),
            names=list(dict.fromkeys(names)),
            acronyms=list(raw.get("acronyms") or []),
            generic=list(raw.get("generic_aliases") or []),
            metonyms=metonyms,
            contextual=list(raw.get("contextual_aliases") or []),
            demonyms=list(raw.get("demonyms") or []),
            misspellings=list(raw.get("misspellings") or []),
            metonym_for_state=raw.get("metonym_for_state", True),
        )
        self.entries[aid] = entry
        if raw.get("state_media"):
            self.state_media.add(aid)
        if atype is ActorType.PERSON:
            for n in entry.names:
                key = person_key(n)
                if aid not in self.by_person_key[key]:
                    self.by_person_key[key].append(aid)
            for form in entry.surnames:
                self.by_surname[form.casefold()].append(aid)
        if atype is ActorType.STATE and actor.country:
            if raw.get("curated"):
                self.curated_states.add(actor.country)
            for d in [*entry.demonyms, *(raw.get("demonym_misspellings") or [])]:
                # a nationality two states share ("Congolese") is the curated one's (the DR Congo), else
                # the later one's ("Dominican": the Dominican Republic, not Dominica)
                prev = self.demonym_country.get(d.casefold())
                if prev is None or prev not in self.curated_states or raw.get("curated"):
                    self.demonym_country[d.casefold()] = actor.country

    def person_by_name(self, name: str) -> str | None:
        """The dictionary person this full name (any romanisation) denotes, if exactly one."""
        ids = self.by_person_key.get(person_key(name), [])
        return ids[0] if len(ids) == 1 else None

    def person_by_misspelt_name(self, name: str) -> str | None:
        """The one dictionary person whose full name this is but for one slip in one long word
        ("Abdelaziz Bouteflicka", "Emmanuel Macrone"): every other word equal, the slipped word at least
        six letters and one edit (insertion, deletion, substitution, transposition) away.  Not for
        East Asian names, whose romanised given names differ by a letter between two people
        (Lee Jong-sup, Lee Jong-suk)."""
        toks = person_key(name).split()
        if len(toks) < 2 or family_first(name):
            return None
        index = self._near_index()
        hits = set()
        for i, tok in enumerate(toks):
            rest = (len(toks), i, *toks[:i], *toks[i + 1 :])
            for aid, word in index.get(rest, ()):
                # a five-letter word slips too where the rest is long ("Laurent Gbago"), not "Kim Jong"
                if (
                    word != tok
                    and min(len(word), len(tok)) >= (6 if len("".join(rest[2:])) < 6 else 5)
                    and _one_edit(word, tok)
                ):
                    hits.add(aid)
        return hits.pop() if len(hits) == 1 else None

    def _near_index(self) -> dict[tuple, list[tuple[str, str]]]:
        if self.near is None:
            self.near = defaultdict(list)
            for key, ids in self.by_person_key.items():
                toks = key.split()
                for i, tok in enumerate(toks):
                    for aid in ids:
                        self.near[(len(toks), i, *toks[:i], *toks[i + 1 :])].append((aid, tok))
        return self.near


def _territory_name(name: str) -> str:
    """The short name news uses for a territory: "Falkland Islands (Malvinas)" → "Falkland Islands",
    "Virgin Islands, British" → "British Virgin Islands"."""
    name = re.sub(r"\s*\(.*?\)", "", name)
    if ", " in name and name.count(",") == 1 and len(name.split(", ")[1].split()) == 1:
        head, adj = name.split(", ")
        name = f"{adj} {head}"
    return name


def _surname_forms(surname: str | None, name: str, names: list[str]) -> list[str]:
    """The ways news prints a person's surname: as given, without accents ("Erdogan" for
    "Erdoğan"), and as the last word of an alias that differs from the name only there
    ("Tudjman" from "Franjo Tudjman", "Qaddafi" from "Muammar Qaddafi")."""
    if not surname:
        return []
    bare = "".join(c for c in unicodedata.normalize("NFKD", surname) if not unicodedata.combining(c))
    forms = [surname, unicodedata.normalize("NFC", bare)]
    if " " not in surname and not family_first(name):
        head = name.split()[:-1]
        for alias in names:
            toks = alias.split()
            if len(toks) >= 2 and toks[:-1] == head and len(toks[-1]) >= 5:
                forms.append(toks[-1])
    return list(dict.fromkeys(f for f in forms if f))


def _one_edit(a: str, b: str) -> bool:
    """Are a and b one edit apart (Damerau: a transposition counts as one)?"""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1 :]


@cache
def groups_data() -> dict:
    """``gazetteer/groups.yaml`` parsed once: named armed and political groups (``entries``), the
    sectors of unnamed groups (``sectors``) and peoples of no state of their own (``peoples``)."""
    text = resources.files("tidings.data").joinpath("gazetteer/groups.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER) or {}

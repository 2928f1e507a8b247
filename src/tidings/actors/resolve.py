"""Merging actors later, across articles, when the evidence says two ids are one person.

The extractor gives a person it does not know an id from a romanisation-aware key, so most
spellings of one name already share an id.  What the key cannot fold (``Sergei``/``Sergey``,
``Hwang Min-suk``/``Hwang Min-sook``, a dropped middle initial) is merged here, on the store:

* **blocking**: only persons with the same family-name key are compared (near-linear: no
  all-pairs pass over the actors);
* **names**: the given names must be close (``difflib`` ratio ≥ :data:`MIN_NAME_RATIO`);
* **evidence**: the same country, and at least one co-occurring actor other than a state, or
  a stated role sharing a title word;
* **never**: two dictionary persons, or two names printed in the same article (two people who
  share a surname: Cho Tae-yul and Cho Tae-yong).

A merge rewrites the new id's mentions, statements, events and roles to the surviving id and
records ``(from, to)`` in ``actor_merges``, through which later ingests map the old id.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from tidings.actors.names import family_first, person_key

__all__ = ["MIN_NAME_RATIO", "Merge", "merge_actors"]

MIN_NAME_RATIO = 0.8
ROLE_STOP = {"of", "the", "and", "for", "south", "north", "korean", "us", "u.s."}


@dataclass(slots=True, frozen=True)
class Merge:
    from_id: str
    to_id: str
    evidence: str


def _family(name: str) -> tuple[str, str]:
    key = person_key(name)
    parts = key.split()
    if not parts:
        return "", ""
    if family_first(name):
        return parts[0], "".join(parts[1:])
    return parts[-1], "".join(parts[:-1])


def merge_actors(store) -> list[Merge]:
    """Find and apply merges of new person ids into others; return them (idempotent)."""
    q = store.execute
    persons = q("SELECT id, name, country FROM actors WHERE type = 'PERSON'").fetchall()
    blocks: dict[str, list[tuple[str, str, str | None, str]]] = defaultdict(list)
    for aid, name, country in persons:
        family, given = _family(name)
        if family:
            blocks[family].append((aid, name, country, given))
    candidates = []
    for members in blocks.values():
        if len(members) < 2 or not any(":~" in m[0] for m in members):
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if ":~" not in a[0] and ":~" not in b[0]:
                    continue  # two dictionary people are never merged
                if difflib.SequenceMatcher(None, a[3], b[3]).ratio() >= MIN_NAME_RATIO:
                    candidates.append((a, b))
    merges = []
    for a, b in candidates:
        evidence = _evidence(store, a, b)
        if evidence:
            keep, drop = _survivor(store, a, b)
            merges.append(Merge(drop[0], keep[0], evidence))
    applied = []
    for m in merges:
        if _apply(store, m):
            applied.append(m)
    return applied


def _articles(store, aid: str) -> set[str]:
    return {
        r[0] for r in store.execute("SELECT DISTINCT article_id FROM mentions WHERE actor_id = ?", (aid,))
    }


def _evidence(store, a, b) -> str | None:
    arts_a, arts_b = _articles(store, a[0]), _articles(store, b[0])
    if arts_a & arts_b:
        return None  # both printed in one article: two people
    if not (a[2] and a[2] == b[2]):
        return None
    co_a = _co_actors(store, arts_a, a[0])
    co_b = _co_actors(store, arts_b, b[0])
    shared = co_a & co_b
    if shared:
        return f"same country {a[2]}; co-occurring with {sorted(shared)[0]}"
    roles_a, roles_b = _role_words(store, a[0]), _role_words(store, b[0])
    if roles_a & roles_b:
        return f"same country {a[2]}; stated role '{sorted(roles_a & roles_b)[0]}'"
    return None


def _co_actors(store, articles: set[str], aid: str) -> set[str]:
    if not articles:
        return set()
    marks = ", ".join("?" * len(articles))
    rows = store.execute(
        f"""SELECT DISTINCT m.actor_id FROM mentions m JOIN actors a ON a.id = m.actor_id
            WHERE m.article_id IN ({marks}) AND a.type != 'STATE' AND m.actor_id != ?""",
        (*articles, aid),
    )
    return {r[0] for r in rows}


def _role_words(store, aid: str) -> set[str]:
    words = set()
    for (title,) in store.execute(
        "SELECT title FROM actor_roles WHERE actor_id = ? AND origin = 'text'", (aid,)
    ):
        words |= {w for w in title.casefold().split() if w not in ROLE_STOP}
    return words


def _survivor(store, a, b):
    """The dictionary person if one is, else the one named more often."""
    if ":~" not in a[0]:
        return a, b
    if ":~" not in b[0]:
        return b, a
    n = {
        x[0]: store.execute("SELECT count(*) FROM mentions WHERE actor_id = ?", (x[0],)).fetchone()[0]
        for x in (a, b)
    }
    return (a, b) if (n[a[0]], b[0]) >= (n[b[0]], a[0]) else (b, a)


def _apply(store, m: Merge) -> bool:
    with store.transaction() as conn:
        if not conn.execute("SELECT 1 FROM actors WHERE id = ?", (m.from_id,)).fetchone():
            return False
        if not conn.execute("SELECT 1 FROM actors WHERE id = ?", (m.to_id,)).fetchone():
            return False
        conn.execute(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, kind) SELECT ?, name, 'name' FROM actors WHERE id = ?",
            (m.to_id, m.from_id),
        )
        conn.execute(
            "INSERT OR IGNORE INTO actor_aliases (actor_id, alias, kind) SELECT ?, alias, kind FROM actor_aliases WHERE actor_id = ?",
            (m.to_id, m.from_id),
        )
        for table, col in (("mentions", "actor_id"), ("actor_roles", "actor_id"), ("statements", "speaker_id"),
                           ("events", "source_id"), ("events", "target_id")):  # fmt: skip
            conn.execute(f"UPDATE {table} SET {col} = ? WHERE {col} = ?", (m.to_id, m.from_id))
        conn.execute("UPDATE actor_merges SET to_id = ? WHERE to_id = ?", (m.to_id, m.from_id))
        conn.execute(
            "INSERT OR REPLACE INTO actor_merges (from_id, to_id, evidence, merged_at) VALUES (?, ?, ?, ?)",
            (m.from_id, m.to_id, m.evidence, datetime.now(UTC).isoformat(timespec="seconds")),
        )
        conn.execute("DELETE FROM actors WHERE id = ?", (m.from_id,))
    return True

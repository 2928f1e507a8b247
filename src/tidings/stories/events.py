"""Merged events: one canonical id for every report of one real event within a story.

Two event rows are one event when they are in articles of the same story, have the same PLOVER
type and the same sides, and compatible dates (equal, or one of them undated) and places (one
contains the other, or one is missing).  A side is the same actor, or a state and an actor of
that state ("Putin" in one report, "Russia" in another); two people or bodies of one state are
not one side (Blinken meeting Park Jin and Blinken meeting Yoon the same morning are two
meetings).  A CONSULT matches either way round; a missing target is compatible with any.  The canonical id is a content hash of the type, the
sorted actors and the day when the event is dated, else of the type, actors and the first report
among the merged ones — stable whatever order the articles arrived in.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.models import content_hash

__all__ = ["EventRow", "merge_events"]


@dataclass(slots=True)
class EventRow:
    id: str  # the row id (ARTICLE:eN)
    article_id: str
    type: str
    source_id: str | None
    target_id: str | None
    date: str | None
    location: str | None
    source_country: str | None = None  # the actors' countries (ISO3), where known
    target_country: str | None = None


def _source(e: EventRow) -> str:
    """Who acted, as a country where the actor has one (for ordering the rows only)."""
    return e.source_country or e.source_id or ""


def _target(e: EventRow) -> str:
    return e.target_country or e.target_id or ""


def _actors(e: EventRow) -> tuple[str, str]:
    s, t = _source(e), _target(e)
    return tuple(sorted((s, t))) if e.type == "CONSULT" else (s, t)  # type: ignore[return-value]


def _state(actor_id: str | None) -> bool:
    return bool(actor_id) and actor_id.startswith("state:")  # type: ignore[union-attr]


def _same_side(a_id: str | None, a_country: str | None, b_id: str | None, b_country: str | None) -> bool:
    """One side of one event: the same actor, or a state and an actor of that state."""
    if not a_id or not b_id:
        return a_id == b_id
    if a_id == b_id:
        return True
    if _state(a_id) != _state(b_id):
        return bool(a_country) and a_country == b_country
    return False


def _sides_match(x: EventRow, y: EventRow) -> bool:
    src = _same_side(x.source_id, x.source_country, y.source_id, y.source_country)
    tgt = (
        not x.target_id
        or not y.target_id
        or _same_side(x.target_id, x.target_country, y.target_id, y.target_country)
    )
    if src and tgt:
        return True
    if x.type == "CONSULT" and x.target_id and y.target_id:  # a meeting either way round
        return _same_side(x.source_id, x.source_country, y.target_id, y.target_country) and _same_side(
            x.target_id, x.target_country, y.source_id, y.source_country
        )
    return False


def _oriented(
    head: EventRow, x: EventRow
) -> tuple[tuple[str | None, str | None], tuple[str | None, str | None]]:
    """``x``'s (source, target) in the head's order (a meeting reported the other way round)."""
    src, tgt = (x.source_id, x.source_country), (x.target_id, x.target_country)
    if head.type == "CONSULT" and not _same_side(head.source_id, head.source_country, *src):
        return tgt, src
    return src, tgt


def _key_side(ids: list[tuple[str | None, str | None]]) -> str:
    """A group's side for its canonical id: the most specific actor its reports name (a person or
    body over its state), the same whatever order they came in."""
    named = sorted(i for i, _ in ids if i and not _state(i))
    states = sorted(i for i, _ in ids if i and _state(i))
    return (named or states or [""])[0]


def _day(e: EventRow) -> str | None:
    return e.date if e.date and len(e.date) == 10 else None


def _place_ok(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    a, b = a.lower(), b.lower()
    return a in b or b in a or bool(set(a.split()) & set(b.split()))


def merge_events(rows: list[EventRow]) -> dict[str, str]:
    """Event row id -> canonical id, for the events of one story."""
    groups: list[list[EventRow]] = []
    for e in sorted(rows, key=lambda r: (r.type, _actors(r), _day(r) is None, _day(r) or "", r.id)):
        for g in groups:
            if _joins(g, e):
                g.append(e)
                break
        else:
            groups.append([e])
    out: dict[str, str] = {}
    used: set[str] = set()
    for g in sorted(groups, key=lambda g: min(e.id for e in g)):
        day = next((_day(e) for e in g if _day(e)), None)
        first = min(e.id for e in g)
        sides = [_oriented(g[0], x) for x in g]
        a = (_key_side([x[0] for x in sides]), _key_side([x[1] for x in sides]))
        if g[0].type == "CONSULT":  # either way round
            a = tuple(sorted(a))  # type: ignore[assignment]
        key = content_hash("event", g[0].type, *a, day) if day else None
        if key is None or key in used:  # undated, or another event of that day (another place)
            key = content_hash("event", g[0].type, *a, day or "", first)
        used.add(key)
        for e in g:
            out[e.id] = "ev:" + key
    return out


def _joins(group: list[EventRow], e: EventRow) -> bool:
    if group[0].type != e.type or not all(_sides_match(x, e) for x in group):
        return False  # another type, or another actor on one side (the same source acting on someone else)
    days = {_day(x) for x in group} - {None}
    d = _day(e)
    if d and days and d not in days:
        return False
    return all(_place_ok(x.location, e.location) for x in group)

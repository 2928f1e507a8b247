"""Merged events: one canonical id for every report of one real event within a story.

Two event rows are one event when they are in articles of the same story, have the same PLOVER
type and the same actors (compared as their countries where they have one: "Putin" and "Russia"
are one side; a CONSULT either way round; a missing target is compatible with the one target the
others give), and compatible dates (equal, or one of them undated) and places
(one contains the other, or one is missing).  The canonical id is a content hash of the type, the
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
    """Who acted, as a country where the actor has one: "Putin" in one report and "Russia" in
    another are one side of one event."""
    return e.source_country or e.source_id or ""


def _target(e: EventRow) -> str:
    return e.target_country or e.target_id or ""


def _actors(e: EventRow) -> tuple[str, str]:
    s, t = _source(e), _target(e)
    return tuple(sorted((s, t))) if e.type == "CONSULT" else (s, t)  # type: ignore[return-value]


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
        a = _actors(next((x for x in g if _target(x)), g[0]))
        key = content_hash("event", g[0].type, *a, day) if day else None
        if key is None or key in used:  # undated, or another event of that day (another place)
            key = content_hash("event", g[0].type, *a, day or "", first)
        used.add(key)
        for e in g:
            out[e.id] = "ev:" + key
    return out


def _joins(group: list[EventRow], e: EventRow) -> bool:
    head = group[0]
    if head.type != e.type:
        return False
    if head.type == "CONSULT":
        if _actors(head) != _actors(e):
            return False
    else:
        if _source(head) != _source(e):
            return False
        targets = {_target(x) for x in group if _target(x)}
        if _target(e) and targets and _target(e) not in targets:
            return False  # the same source acting on someone else
    days = {_day(x) for x in group} - {None}
    d = _day(e)
    if d and days and d not in days:
        return False
    return all(_place_ok(x.location, e.location) for x in group)

"""The clustering core: which story each new article joins, from blocked candidates only.

Works over an :class:`Index` (what is known so far: document frequencies, blocking postings,
the features and story of every clustered article) so the same code runs on the store
(:mod:`tidings.stories.update`) and on in-memory records (:class:`MemoryIndex`, the bench).

One update, for a batch of new articles:

1. Each new article is counted into the document frequencies and indexed under its blocking
   keys: its rarest content terms, its rarer actors, its MinHash band keys.
2. Its candidates are the articles sharing a key with it (frequent keys skipped), within the
   date window.  No all-pairs pass: the work per article is bounded by the posting caps.  Each
   pair scored is offered to both articles' lists of nearest neighbours (``nn_k`` kept).
3. A pair's score (:func:`similarity`) is content and actor similarity, with happening-level
   checks: publication dates (beyond ``max_gap_days`` only strong pairs or ledes naming the same
   day, never beyond ``far_days``), the days the ledes say the happening took place on ("on
   Tuesday", resolved against the date: another day is a clash, the same day a raise), lead
   persons, event signatures and their dates.
   Its linkage score is then raised by the fraction of nearest neighbours the two articles
   share (neighbours scoring at least ``nn_rel`` of each one's best): reports of one happening
   are close to the same other reports, two happenings of one kind are each close to their own.
4. The region is re-clustered: a story that a new article resembles only in part (it scores
   ``recluster_at`` with one of its articles and less than ``recluster_uneven`` of that with
   another, among its candidates and the story's linkage sample) is taken apart into its
   articles (unless over ``recluster_max`` articles); the other stories of the candidates, and
   those of the taken-apart articles' nearest neighbours (``recluster_hops``), stay whole.  These units and the new articles are merged by average-link
   agglomeration (best pair first) while the linkage clears ``merge_at`` and the merged story's
   publication dates stay within ``max_span_days`` (or ``far_days`` for a linkage of
   ``far_at``; a unit adding no day outside the other's span widens nothing).  Pairs of earlier articles are scored from their kept neighbour lists (or anew).
   So a story can be joined, merged with another, or split when new evidence no longer holds its
   articles together, and the stories barely depend on the order of arrival.  Near-duplicates
   are put in their original's unit first.
5. Each resulting group keeps the id of the story most of whose articles it holds (best overlap
   first); a group with none is a new story.
"""

from __future__ import annotations

import heapq
import math
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol

from tidings.stories.features import Doc

__all__ = ["Index", "MemoryIndex", "Params", "cluster_batch", "similarity"]


@dataclass(slots=True, frozen=True)
class Params:
    merge_at: float = 0.35  # average-link threshold for two units to be one story
    candidate_at: float = 0.12  # a candidate's story is considered when the pair scores this much
    max_gap_days: int = 3  # two reports of one happening are usually published within this many days
    max_span_days: int = 4  # ... and the publication dates of one story usually span this many
    far_days: int = 10  # beyond the two above, up to this many days, only with strong evidence:
    far_at: float = 0.6  # a pair (or a merge's linkage) this similar, and no clash of told days
    told_slack: int = 1  # told days (lede "on Tuesday") this close agree; further apart they clash
    told_clash: float = 0.25  # factor when the ledes of two reports name different days
    window_days: int = 10  # blocking: candidates published within this many days (when both dated)
    term_keys: int = 12  # blocking keys per article: its rarest terms ...
    actor_keys: int = 4  # ... and its rarer actors
    max_postings: int = 400  # a key indexing more articles than this is not rare: skipped
    max_candidates: int = 20  # per new article, the most-shared candidates kept ...
    window_pool: int = 4  # ... in the date window, of this many times as many most-shared
    sample: int = 12  # members of a large story used for its linkage
    nn_k: int = 10  # shared neighbours: each article's this many most similar ...
    nn_at: float = 0.12  # ... among those at least this similar
    nn_rel: float = 0.6  # ... and at least this fraction of its best one's score
    shared_from: float = 0.15  # (the full raise from a pair score this high, less below it)
    w_shared: float = 0.5  # a pair's score plus this times the fraction of neighbours they share
    w_terms: float = 0.8  # weight of content similarity (the rest: actors)
    person_clash: float = 0.8  # factor when the lead persons of the two reports differ
    event_bonus: float = 0.15  # a shared event signature with compatible dates
    event_clash: float = 0.5  # factor when the shared event signatures are dated on other days
    told_near: bool = True  # within far_days, reports whose ledes name the same day are not far apart
    told_bonus: float = 0.15  # added when the ledes name the same day for their happening (and no clash)
    idf_prior: int = 0  # a background of this many documents without the term, for the idf of a young store
    recluster_at: float = 0.12  # a story is taken apart and re-clustered when a new article scores this
    recluster_max: int = 60  # ... with one of its articles, unless it has more articles than this
    recluster_uneven: float = 0.5  # ... and scores less than this fraction of that with another (0: any)
    recluster_hops: int = 0  # the stories of their articles' nearest neighbours join (whole): 1 or 0 (1 costs ~8 % CPU on 100k, ECB+ orders unchanged)


class Index(Protocol):
    """What the clusterer needs to know about the articles clustered so far."""

    n_docs: int

    def df(self, keys: Iterable[str]) -> dict[str, int]: ...

    def add_docs(self, docs: list[Doc], keys: dict[str, list[str]]) -> None: ...

    def postings(self, keys: Iterable[str], limit: int | None = None) -> dict[str, list[str]]:
        """Articles indexed under each key; with ``limit``, at most that many per key."""
        ...

    def docs(self, ids: Iterable[str]) -> dict[str, Doc]: ...

    def days(self, ids: Iterable[str]) -> dict[str, int | None]: ...

    def story_of(self, ids: Iterable[str]) -> dict[str, str]: ...

    def members(self, story_ids: Iterable[str]) -> dict[str, list[str]]: ...

    def save_neighbours(self, docs: list[Doc]) -> None: ...


# --------------------------------------------------------------------------- similarity


class Weights:
    """tf-idf vectors (unit length) of documents under the current document frequencies."""

    def __init__(self, index: Index, p: Params | None = None) -> None:
        p = p or Params()
        self.index = index
        self.n = max(index.n_docs, 1) + p.idf_prior
        self._idf: dict[str, float] = {}
        self._vec: dict[str, tuple[dict[str, float], dict[str, float]]] = {}

    def idf(self, keys: Iterable[str]) -> dict[str, float]:
        missing = [k for k in keys if k not in self._idf]
        if missing:
            for k, d in self.index.df(missing).items():
                self._idf[k] = math.log((self.n + 1) / (d + 0.5))
            for k in missing:
                self._idf.setdefault(k, math.log((self.n + 1) / 0.5))
        return self._idf

    def vectors(self, doc: Doc) -> tuple[dict[str, float], dict[str, float]]:
        got = self._vec.get(doc.id)
        if got is None:
            akeys = ["@" + a for a in doc.actors]
            idf = self.idf([*doc.tf, *akeys])
            got = (
                _unit({t: w * idf[t] for t, w in doc.tf.items()}),
                _unit({a: w * idf["@" + a] for a, w in doc.actors.items()}),
            )
            self._vec[doc.id] = got
        return got


def _unit(v: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(x * x for x in v.values()))
    return {k: x / norm for k, x in v.items()} if norm else {}


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b[k] for k, x in a.items() if k in b)


def similarity(a: Doc, b: Doc, w: Weights, p: Params) -> float:
    """How likely two articles report the same happening, in [0, ~1.2]; 0 when their dates forbid it."""
    gap = abs(a.day - b.day) if a.day is not None and b.day is not None else 0
    # beyond max_gap_days, unless both report one dated event or their ledes name the same day
    told_same = p.told_near and gap <= p.far_days and bool(a.told & b.told)
    far = gap > p.max_gap_days and not _same_dated_event(a, b) and not told_same
    if far and gap > p.far_days:
        return 0.0
    clash = _told_clash(a, b, p.told_slack)
    if far and clash:
        return 0.0  # published a week apart, and each says its happening took place on another day
    ta, aa = w.vectors(a)
    tb, ab = w.vectors(b)
    cos = _dot(ta, tb)
    s = p.w_terms * cos + (1 - p.w_terms) * _dot(aa, ab) if aa and ab else cos
    lead_a = {x for x in a.lead if x.startswith("person:")}
    lead_b = {x for x in b.lead if x.startswith("person:")}
    if lead_a and lead_b and not (lead_a & b.persons) and not (lead_b & a.persons):
        s *= p.person_clash  # different people at the centre of each report
    shared = a.sigs.keys() & b.sigs.keys()
    if shared:
        fits = [k for k in shared if not a.sigs[k] or not b.sigs[k] or a.sigs[k] & b.sigs[k]]
        if not fits:
            s *= p.event_clash  # the same kind of event between the same actors, on other days
        elif any(_event_of_both(k, a, b) for k in fits):
            s += p.event_bonus
    if clash:
        s *= p.told_clash
    elif a.told & b.told and not far:
        s += p.told_bonus  # both ledes name the day of their happening: the same day
    if far and s < p.far_at:
        return 0.0
    return s


def _told_clash(a: Doc, b: Doc, slack: int) -> bool:
    """Whether both ledes name the day of their happening, and no two of those days agree."""
    if not a.told or not b.told:
        return False
    return all(abs(x - y) > slack for x in a.told for y in b.told)


def _event_of_both(k: tuple, a: Doc, b: Doc) -> bool:
    """Whether a shared event signature (dates compatible) is evidence of one happening: dated in
    both or in neither, or else its actors are named in both ledes.  An event dated in one report
    and not in the other, with an actor missing from a lede, is often background in one of them
    ("days after Xi met Biden in Lima" in a report of Xi's next meeting)."""
    if bool(a.sigs[k]) == bool(b.sigs[k]):
        return True
    actors = {x for x in k[1:] if x}
    return actors <= a.lead and actors <= b.lead


def _same_dated_event(a: Doc, b: Doc) -> bool:
    return any(a.sigs[k] & b.sigs[k] for k in a.sigs.keys() & b.sigs.keys())


# --------------------------------------------------------------------------- blocking keys


def blocking_keys(doc: Doc, w: Weights, p: Params) -> list[str]:
    """The keys a document is indexed and looked up under: its rarest terms and actors."""
    idf = w.idf([*doc.tf, *("@" + a for a in doc.actors)])
    top_terms = sorted(doc.tf, key=lambda t: (-doc.tf[t] * idf[t], t))[: p.term_keys]
    top_actors = sorted(doc.actors, key=lambda a: (-doc.actors[a] * idf["@" + a], a))[: p.actor_keys]
    return [*top_terms, *("@" + a for a in top_actors)]


# --------------------------------------------------------------------------- one update


@dataclass(slots=True)
class BatchResult:
    assignment: dict[str, str]  # article id -> story key (an existing story id, or "new:<article id>")
    merged: dict[str, list[str]] = field(default_factory=dict)  # story key -> old story ids it absorbs
    comparisons: int = 0


def cluster_batch(
    index: Index,
    new: list[Doc],
    p: Params = Params(),
    extra_keys: dict[str, list[str]] | None = None,
    forced: dict[str, str] | None = None,
) -> BatchResult:
    """Assign the ``new`` documents to stories; the index gets them added.

    ``extra_keys``: more blocking keys per new document (MinHash bands).  ``forced``: new
    document -> an article it must share a story with (its near-duplicate original).
    """
    new = sorted(new, key=lambda d: (d.day if d.day is not None else 1 << 30, d.id))
    # 1. count and index the new documents (document frequencies first, then keys under them)
    index.add_docs(new, {})
    w = Weights(index, p)
    keys = {d.id: blocking_keys(d, w, p) for d in new}
    index.add_docs([], {d.id: keys[d.id] + (extra_keys or {}).get(d.id, []) for d in new})
    new_ids = {d.id for d in new}
    docs: dict[str, Doc] = {d.id: d for d in new}

    # 2. candidates per new document, scored
    result = BatchResult({})
    pair: dict[tuple[str, str], float] = {}
    neighbours: set[str] = set()
    strong: set[str] = set()
    touched_nn: dict[str, Doc] = {}
    for d in new:
        posting = index.postings(keys[d.id], limit=p.max_postings + 1)  # longer ones are skipped
        hits: Counter[str] = Counter()
        for plist in posting.values():
            if len(plist) <= p.max_postings:
                hits.update(plist)
        hits.pop(d.id, None)
        cands = _most_shared(hits, p.max_candidates * p.window_pool)
        if d.day is not None:  # out of the date window: not a candidate (checked before loading)
            day = {c: docs[c].day for c in cands if c in docs}
            day.update(index.days([c for c in cands if c not in docs]))
            cands = [c for c in cands if day.get(c) is None or abs(d.day - day[c]) <= p.window_days]
        cands = cands[: p.max_candidates]
        need = [c for c in cands if c not in docs]
        docs.update(index.docs(need))
        for c in cands:
            o = docs.get(c)
            if o is None:
                continue
            s = similarity(d, o, w, p)
            result.comparisons += 1
            pair[_pk(d.id, c)] = s
            if s >= p.nn_at:
                _offer(d, c, s, p.nn_k)
                _offer(o, d.id, s, p.nn_k)
                if c not in new_ids:
                    touched_nn[c] = o
            if s >= p.candidate_at and c not in new_ids:
                neighbours.add(c)
                if s >= p.recluster_at:
                    strong.add(c)
    index.save_neighbours([*new, *touched_nn.values()])

    # 3. the region re-clustered: the stories of the neighbours a new article resembles closely
    #    (``recluster_at``) are taken apart into their articles (unless larger than
    #    ``recluster_max``); the other stories of the neighbours, and those of the taken-apart
    #    articles' own neighbours (``recluster_hops``), stay whole; each new document is alone
    story = index.story_of(neighbours)
    opened = {story[c] for c in strong if c in story}
    region: set[str] = set(story.values())
    old_members: dict[str, list[str]] = {sid: sorted(m) for sid, m in index.members(region).items()}
    opened = {sid for sid in opened if len(old_members.get(sid, ())) <= p.recluster_max}
    if p.recluster_uneven > 0:  # only a story a new article resembles in part, not as a whole

        def score(d: str, o: str) -> float:
            k = _pk(d, o)
            if k not in pair:
                if o not in docs:
                    docs.update(index.docs([o]))
                pair[k] = similarity(docs[d], docs[o], w, p) if o in docs else 0.0
                result.comparisons += 1
            return pair[k]

        opened = _uneven(opened, old_members, story, new_ids, pair, score, p)
    frontier = opened
    for _ in range(p.recluster_hops):
        apart = [m for sid in frontier for m in old_members[sid]]
        docs.update(index.docs([m for m in apart if m not in docs]))
        near = {x for m in apart if m in docs for x in _near(docs[m], p)}
        frontier = set(index.story_of(near - new_ids).values()) - region
        if not frontier:
            break
        region |= frontier
        old_members.update({sid: sorted(m) for sid, m in index.members(frontier).items()})
        frontier = set()  # stories reached by a hop stay whole: nothing further from them
    units: dict[str, list[str]] = {}
    home: dict[str, str] = {}  # article of a story taken apart -> that story
    for sid, ms in old_members.items():
        if sid not in opened:
            units[sid] = ms
        else:
            for m in ms:
                units["old:" + m] = [m]
                home[m] = sid
    for d in new:
        units["new:" + d.id] = [d.id]
    # near-duplicates join their original's unit before anything else
    for dup, orig in sorted((forced or {}).items()):
        ku = _unit_of(units, dup)
        ko = _unit_of(units, orig)
        if ko is None:
            sid = index.story_of([orig]).get(orig)
            if sid is not None:
                units[sid] = sorted(index.members([sid]).get(sid, [orig]))
                ko = sid
        if ku is not None and ko is not None and ku != ko:
            _absorb(units, ko, ku)
    need = {m for ms in units.values() for m in ms if m not in docs}
    docs.update(index.docs(need))

    combined: dict[tuple[str, str], float] = {}
    nears: dict[str, frozenset[str]] = {}  # each article's nearest neighbours, computed once

    def near_of(x: str) -> frozenset[str]:
        got = nears.get(x)
        if got is None:
            got = nears[x] = frozenset(_near(docs[x], p))
        return got

    def sim(a: str, b: str) -> float:
        k = _pk(a, b)
        c = combined.get(k)
        if c is None:
            s = pair.get(k)
            if s is None:
                s = similarity(docs[a], docs[b], w, p)
                result.comparisons += 1
                pair[k] = s
            c = combined[k] = _shared_raise(near_of(a), near_of(b), a, b, s, p) if s > 0 else 0.0
        return c

    def linkage(u: list[str], v: list[str]) -> float:
        if len(u) == 1 and len(v) == 1:
            return sim(u[0], v[0])
        us, vs = _sample(u, p.sample), _sample(v, p.sample)
        return sum(sim(a, b) for a in us for b in vs) / (len(us) * len(vs))

    def span_of(u: list[str]) -> tuple[int, int] | None:
        ds = [docs[m].day for m in u if m in docs and docs[m].day is not None]
        return (min(ds), max(ds)) if ds else None

    # 4. average-link agglomeration over the units, best pair first (only units that touch:
    #    a pair scored now, a neighbour kept from before, two articles of one story)
    unit_of = {m: k for k, ms in units.items() for m in ms}
    edges = {k for k, s in pair.items() if s > 0}
    for m in home:  # two earlier articles: their score as kept in their lists of neighbours
        near = near_of(m)
        for x, v in docs[m].nn:
            if x in near and x in unit_of and x != m and x not in new_ids:
                k = _pk(m, x)
                edges.add(k)
                if k not in pair or pair[k] < v:
                    pair[k] = v
    for sid in opened:
        ms = old_members[sid]
        edges.update(_pk(a, b) for i, a in enumerate(ms) for b in ms[i + 1 :])
    adj: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        ua, ub = unit_of.get(a), unit_of.get(b)
        if ua is not None and ub is not None and ua != ub:
            adj[ua].add(ub)
            adj[ub].add(ua)
    heap: list[tuple[float, str, str, int, int]] = []
    version: dict[str, int] = defaultdict(int)

    def push(a: str, b: str) -> None:
        a, b = (a, b) if a < b else (b, a)
        v = linkage(units[a], units[b])
        if v >= p.merge_at:
            heapq.heappush(heap, (-v, a, b, version[a], version[b]))

    spans = {k: span_of(ms) for k, ms in units.items()}  # first and last publication day of each unit
    for a in sorted(adj):
        for b in sorted(adj[a]):
            if a < b:
                push(a, b)
    while heap:
        neg, a, b, va, vb = heapq.heappop(heap)
        if a not in units or b not in units or version[a] != va or version[b] != vb:
            continue
        sa, sb = spans[a], spans[b]
        both = (min(sa[0], sb[0]), max(sa[1], sb[1])) if sa and sb else sa or sb
        span = both[1] - both[0] if both else 0
        # a unit that adds no day outside the other's span (undated, or within it) widens nothing
        wider = span > max(sa[1] - sa[0] if sa else 0, sb[1] - sb[0] if sb else 0)
        if span > p.max_span_days and wider and (span > p.far_days or -neg < p.far_at):
            continue
        keep, gone = (a, b) if _rank(a) <= _rank(b) else (b, a)
        for m in units[gone]:
            unit_of[m] = keep
        _absorb(units, keep, gone)
        spans[keep] = both
        del spans[gone]
        version[keep] += 1
        nbrs = (adj.pop(gone, set()) | adj[keep]) - {keep, gone}
        adj[keep] = nbrs
        for o in nbrs:
            adj[o].discard(gone)
            adj[o].add(keep)
        for o in sorted(nbrs):
            push(keep, o)

    # 5. story keys: a unit holding whole stories keeps the smallest of their ids; the others
    #    take the story most of whose articles they hold (best overlap first), or a new key
    keyed: dict[str, str] = {}
    overlap: list[tuple[int, str, str]] = []
    for key, members in units.items():
        whole = sorted(
            set(index.story_of([m for m in members if m not in home and m not in new_ids]).values())
        )
        if whole:
            keyed[key] = whole[0]
            if len(whole) > 1:
                result.merged[whole[0]] = whole[1:]
            continue
        held = Counter(home[m] for m in members if m in home)
        overlap.extend((-n, sid, key) for sid, n in held.items())
    taken = set(keyed.values())
    for _, sid, key in sorted(overlap):
        if key not in keyed and sid not in taken:
            keyed[key] = sid
            taken.add(sid)
    for key, members in units.items():
        story_key = keyed.get(key)
        if story_key is None:
            fresh = sorted(m for m in members if m in new_ids)
            story_key = "new:" + fresh[0] if fresh else "split:" + min(members)
        for m in members:
            if m in new_ids or home.get(m, story_key) != story_key:
                result.assignment[m] = story_key
    return result


def _uneven(
    opened: set[str],
    members: dict[str, list[str]],
    story: dict[str, str],
    new_ids: set[str],
    pair: dict[tuple[str, str], float],
    score: Callable[[str, str], float],
    p: Params,
) -> set[str]:
    """The stories with which a new article scores ``recluster_at`` for one article and less than
    ``recluster_uneven`` of that for another: those that may not hold together.  The articles
    compared are those scored as candidates and the story's linkage sample (``sample``), scored
    now when they were not: a large story is not taken apart for the articles never compared."""
    scores: dict[tuple[str, str], list[float]] = defaultdict(list)
    for (a, b), v in list(pair.items()):
        if (a in new_ids) != (b in new_ids):
            d, o = (a, b) if a in new_ids else (b, a)
            sid = story.get(o)
            if sid in opened:
                scores[(d, sid)].append(v)
    out = set()
    for (d, sid), vs in sorted(scores.items()):
        if sid in out or len(members[sid]) < 2:
            continue
        top = max(vs)
        if top < p.recluster_at:
            continue
        low = min(vs)
        if low >= p.recluster_uneven * top:
            low = min(score(d, m) for m in _sample(members[sid], p.sample))
        if low < p.recluster_uneven * top:
            out.add(sid)
    return out


def _near(doc: Doc, p: Params) -> list[str]:
    """An article's nearest neighbours: those scoring at least ``nn_rel`` of its best one."""
    return [x for x, v in doc.nn if v >= p.nn_rel * doc.nn[0][1]] if doc.nn else []


def _most_shared(hits: Counter[str], n: int) -> list[str]:
    """The ``n`` candidates sharing the most keys (ties by id: the same whatever the order)."""
    if len(hits) > n:
        floor = heapq.nlargest(n, hits.values())[-1]
        hits = {o: c for o, c in hits.items() if c >= floor}
    return sorted(hits, key=lambda o: (-hits[o], o))[:n]


def _offer(doc: Doc, other: str, s: float, k: int) -> None:
    """Keep ``other`` among ``doc``'s ``k`` most similar articles when it is one of them."""
    if len(doc.nn) >= k and s <= doc.nn[-1][1]:
        return  # the list is sorted, best first
    nn = dict(doc.nn)
    nn[other] = max(s, nn.get(other, 0.0))
    doc.nn = tuple(sorted(nn.items(), key=lambda x: (-x[1], x[0]))[:k])


def _shared_raise(na: frozenset[str], nb: frozenset[str], a: str, b: str, s: float, p: Params) -> float:
    """A pair's score with the fraction of neighbours the two articles share (a cluster-level cue):
    ``na``, ``nb`` their nearest neighbours."""
    shared = len((na & nb) - {a, b}) / p.nn_k
    return s + p.w_shared * shared * min(1.0, s / p.shared_from)


def _pk(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _unit_of(units: dict[str, list[str]], doc_id: str) -> str | None:
    for k, ms in units.items():
        if doc_id in ms:
            return k
    return None


def _absorb(units: dict[str, list[str]], keep: str, gone: str) -> None:
    units[keep] = sorted(units[keep] + units.pop(gone))


def _rank(key: str) -> tuple[int, str]:
    """Old stories keep their id when merged (the smaller id wins); new units yield to them."""
    return (1, key) if key.startswith("new:") else (0, key)


def _sample(members: list[str], n: int) -> list[str]:
    if len(members) <= n:
        return members
    step = len(members) / n
    return [members[int(i * step)] for i in range(n)]


# --------------------------------------------------------------------------- in memory


@dataclass(slots=True)
class _Packed:
    """A clustered document kept compactly: term and actor weights as parallel arrays."""

    day: int | None
    outlet: str | None
    terms: tuple[str, ...]
    weights: array
    actors: tuple[str, ...]
    actor_weights: array
    lead: frozenset[str]
    persons: frozenset[str]
    sigs: dict[tuple, frozenset[int]]
    told: frozenset[int]
    nn: tuple[str, ...]
    nn_scores: array
    length: int


def _pack(d: Doc) -> _Packed:
    return _Packed(
        d.day,
        d.outlet,
        tuple(map(sys.intern, d.tf)),  # one string per term, shared by every document that has it
        array("f", d.tf.values()),
        tuple(d.actors),
        array("f", d.actors.values()),
        d.lead,
        d.persons,
        d.sigs,
        d.told,
        tuple(x for x, _ in d.nn),
        array("f", (v for _, v in d.nn)),
        d.length,
    )


def _unpack(doc_id: str, k: _Packed) -> Doc:
    return Doc(
        id=doc_id,
        day=k.day,
        outlet=k.outlet,
        tf=dict(zip(k.terms, k.weights, strict=True)),
        actors=dict(zip(k.actors, k.actor_weights, strict=True)),
        lead=k.lead,
        persons=k.persons,
        sigs=k.sigs,
        event_days=frozenset(x for v in k.sigs.values() for x in v) if k.sigs else frozenset(),
        told=k.told,
        nn=tuple(zip(k.nn, k.nn_scores, strict=True)),
        length=k.length,
    )


class MemoryIndex:
    """An :class:`Index` in memory: for the bench and for clustering records without a store.

    Documents are kept packed (weights in float32 arrays, strings shared) and unpacked on demand.
    """

    def __init__(self) -> None:
        self.n_docs = 0
        self._df: dict[str, int] = defaultdict(int)
        self._post: dict[str, list[str]] = defaultdict(list)
        self._docs: dict[str, _Packed] = {}
        self.story: dict[str, str] = {}
        self._members: dict[str, list[str]] = defaultdict(list)

    def df(self, keys: Iterable[str]) -> dict[str, int]:
        return {k: self._df.get(k, 0) for k in keys}

    def add_docs(self, docs: list[Doc], keys: dict[str, list[str]]) -> None:
        for d in docs:
            self.n_docs += 1
            self._docs[d.id] = _pack(d)
            for t in d.tf:
                self._df[t] += 1
            for a in d.actors:
                self._df["@" + a] += 1
        for doc_id, ks in keys.items():
            for k in ks:
                self._post[k].append(doc_id)

    def postings(self, keys: Iterable[str], limit: int | None = None) -> dict[str, list[str]]:
        return {k: self._post.get(k, [])[:limit] for k in keys}

    def docs(self, ids: Iterable[str]) -> dict[str, Doc]:
        return {i: _unpack(i, self._docs[i]) for i in ids if i in self._docs}

    def days(self, ids: Iterable[str]) -> dict[str, int | None]:
        return {i: self._docs[i].day for i in ids if i in self._docs}

    def story_of(self, ids: Iterable[str]) -> dict[str, str]:
        return {i: self.story[i] for i in ids if i in self.story}

    def members(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        return {s: list(self._members[s]) for s in story_ids if s in self._members}

    def save_neighbours(self, docs: list[Doc]) -> None:
        for d in docs:
            k = self._docs.get(d.id)
            if k is not None:
                k.nn = tuple(x for x, _ in d.nn)
                k.nn_scores = array("f", (v for _, v in d.nn))

    def apply(self, result: BatchResult) -> None:
        """Record a batch's assignment (story keys ``new:X`` become story ``X``, ``split:X``
        story ``X~N``, the first N free)."""
        for gone_into, olds in result.merged.items():
            for o in olds:
                for m in self._members.pop(o, []):
                    self.story[m] = gone_into
                    self._members[gone_into].append(m)
        made: dict[str, str] = {}
        for doc_id, key in sorted(result.assignment.items()):
            sid = made.get(key)
            if sid is None:
                sid = key
                if key.startswith("new:"):
                    sid = key[4:]
                elif key.startswith("split:"):
                    n = 1
                    while f"{key[6:]}~{n}" in self._members:
                        n += 1
                    sid = f"{key[6:]}~{n}"
                made[key] = sid
            old = self.story.get(doc_id)
            if old is not None:
                self._members[old].remove(doc_id)
                if not self._members[old]:
                    del self._members[old]
            self.story[doc_id] = sid
            self._members[sid].append(doc_id)

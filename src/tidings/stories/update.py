"""``update_stories(store)``: cluster the articles not yet in a story, incrementally.

Safe to call after every ingest: it looks only at latest articles without a story (and at the
blocked candidates around them), so a second call with nothing new changes nothing.  Everything
it writes — story links, near-duplicate links, features, keys, document frequencies, story
records and canonical event ids — is written in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from tidings.models import content_hash
from tidings.stories.cluster import BatchResult, Params, cluster_batch
from tidings.stories.events import EventRow, merge_events
from tidings.stories.features import Doc, band_keys, doc_features, minhash, shingles

__all__ = ["StoryReport", "update_stories"]

NAMING_KINDS = ("name", "acronym", "metonym", "surname", "generic")
KEY_ACTORS = 8
# Near-duplicates: word 4-gram Jaccard, or containment of the shorter copy in the longer one.
DUP_JACCARD = 0.6
DUP_CONTAINMENT = 0.85
DUP_MIN_SHINGLES = 15
_CHUNK = 500  # SQL parameters per IN (...) list


@dataclass(slots=True)
class StoryReport:
    """What one ``update_stories`` call did."""

    articles: int = 0  # articles clustered now
    new_stories: int = 0
    joined: int = 0  # articles that joined a story that existed before
    merged_stories: int = 0  # existing stories absorbed into another
    moved: int = 0  # clustered articles re-assigned to another story (or split off into a new one)
    near_duplicates: int = 0  # new near-duplicate links
    removed: int = 0  # superseded articles taken out of their stories
    stories: int = 0  # stories in the knowledge base after the update
    merged_events: int = 0  # canonical events reported by more than one article (touched stories)
    comparisons: int = 0  # pair similarities computed
    seconds: float = 0.0


def _chunks(items: list, n: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


def _doc_to_json(d: Doc) -> str:
    return json.dumps(
        {
            "o": d.outlet,
            "t": {k: round(v, 3) for k, v in d.tf.items()},
            "a": {k: round(v, 3) for k, v in d.actors.items()},
            "l": sorted(d.lead),
            "p": sorted(d.persons),
            "s": [[list(k), sorted(v)] for k, v in d.sigs.items()],
            "h": d.title,
            "n": d.length,
            "d": sorted(d.told),
            "k": [[x, round(v, 4)] for x, v in d.nn],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def _doc_from_json(article_id: str, day: int | None, text: str) -> Doc:
    f = json.loads(text)
    sigs = {tuple(k): frozenset(v) for k, v in f["s"]}
    return Doc(
        id=article_id,
        day=day,
        outlet=f["o"],
        tf=f["t"],
        actors=f["a"],
        lead=frozenset(f["l"]),
        persons=frozenset(f["p"]),
        sigs=sigs,
        event_days=frozenset(x for v in sigs.values() for x in v),
        told=frozenset(f.get("d", ())),
        nn=tuple((x, v) for x, v in f.get("k", ())),
        title=f["h"],
        length=f["n"],
    )


class SqliteIndex:
    """The clusterer's :class:`~tidings.stories.cluster.Index` on the store's tables."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.n_docs = conn.execute("SELECT count(*) FROM story_docs").fetchone()[0]
        self._new: dict[str, Doc] = {}

    def df(self, keys: Iterable[str]) -> dict[str, int]:
        keys = list(dict.fromkeys(keys))
        out = dict.fromkeys(keys, 0)
        for chunk in _chunks(keys):
            q = f"SELECT term, df FROM story_df WHERE term IN ({', '.join('?' * len(chunk))})"
            out.update(dict(self.conn.execute(q, chunk).fetchall()))
        return out

    def add_docs(self, docs: list[Doc], keys: dict[str, list[str]]) -> None:
        if docs:
            counts: Counter[str] = Counter()
            for d in docs:
                counts.update(d.tf.keys())
                counts.update("@" + a for a in d.actors)
                self._new[d.id] = d
            self.conn.executemany(
                "INSERT INTO story_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                counts.items(),
            )
            self.conn.executemany(
                "INSERT OR REPLACE INTO story_docs (article_id, day, features) VALUES (?, ?, ?)",
                [(d.id, d.day, _doc_to_json(d)) for d in docs],
            )
            self.n_docs += len(docs)
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_keys (key, article_id) VALUES (?, ?)",
            [(k, doc_id) for doc_id, ks in keys.items() for k in ks],
        )

    def postings(self, keys: Iterable[str], limit: int | None = None) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        keys = list(dict.fromkeys(keys))
        if limit is not None:  # a common key costs at most ``limit`` rows, not one per article
            q = "SELECT article_id FROM story_keys WHERE key = ? LIMIT ?"
            for k in keys:
                out[k] = [a for (a,) in self.conn.execute(q, (k, limit))]
            return out
        for chunk in _chunks(keys):
            q = f"SELECT key, article_id FROM story_keys WHERE key IN ({', '.join('?' * len(chunk))})"
            for k, a in self.conn.execute(q, chunk):
                out[k].append(a)
        return out

    def docs(self, ids: Iterable[str]) -> dict[str, Doc]:
        ids = list(dict.fromkeys(ids))
        out = {i: self._new[i] for i in ids if i in self._new}
        rest = [i for i in ids if i not in out]
        for chunk in _chunks(rest):
            q = f"SELECT article_id, day, features FROM story_docs WHERE article_id IN ({', '.join('?' * len(chunk))})"
            for a, day, feats in self.conn.execute(q, chunk):
                out[a] = _doc_from_json(a, day, feats)
        return out

    def days(self, ids: Iterable[str]) -> dict[str, int | None]:
        ids = [i for i in dict.fromkeys(ids) if i not in self._new]
        out: dict[str, int | None] = {}
        for chunk in _chunks(ids):
            q = f"SELECT article_id, day FROM story_docs WHERE article_id IN ({', '.join('?' * len(chunk))})"
            out.update(self.conn.execute(q, chunk).fetchall())
        return out

    def save_neighbours(self, docs: list[Doc]) -> None:
        self.conn.executemany(
            "UPDATE story_docs SET features = ? WHERE article_id = ?", [(_doc_to_json(d), d.id) for d in docs]
        )

    def story_of(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(list(dict.fromkeys(ids))):
            q = f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({', '.join('?' * len(chunk))})"
            out.update(dict(self.conn.execute(q, chunk).fetchall()))
        return out

    def members(self, story_ids: Iterable[str]) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for chunk in _chunks(list(dict.fromkeys(story_ids))):
            q = f"SELECT story_id, article_id FROM story_articles WHERE story_id IN ({', '.join('?' * len(chunk))})"
            for s, a in self.conn.execute(q, chunk):
                out[s].append(a)
        return dict(out)


# --------------------------------------------------------------------------- update


def update_stories(store, params: Params | None = None) -> StoryReport:
    """Put every latest article that is in no story yet into the best story, or a new one.

    Also: takes superseded article versions out of their stories, links near-duplicates to
    their original, refreshes the records of the stories touched, and gives the events of those
    stories their canonical ids.  Idempotent.
    """
    t0 = time.perf_counter()
    params = params or Params()
    rep = StoryReport()
    with store.transaction() as conn:
        touched: set[str] = set()
        rep.removed = _drop_superseded(conn, touched)
        rows = conn.execute(
            """SELECT a.id, a.body, a.title, a.published, coalesce(a.outlet, d.site) FROM articles a
               JOIN documents d ON d.id = a.document_id
               LEFT JOIN story_articles sa ON sa.article_id = a.id
               WHERE d.superseded_by IS NULL AND sa.article_id IS NULL ORDER BY a.n"""
        ).fetchall()
        if rows:
            _cluster(conn, rows, params, rep, touched)
        # stories whose events were (re)written since they were last merged
        touched.update(
            r[0]
            for r in conn.execute(
                """SELECT DISTINCT sa.story_id FROM events e JOIN story_articles sa ON sa.article_id = e.article_id
                   WHERE e.canonical_id IS NULL"""
            )
        )
        for sid in sorted(touched):
            rep.merged_events += _refresh_story(conn, sid)
        rep.stories = conn.execute("SELECT count(*) FROM stories").fetchone()[0]
    rep.seconds = round(time.perf_counter() - t0, 3)
    return rep


def _cluster(
    conn: sqlite3.Connection, rows: list, params: Params, rep: StoryReport, touched: set[str]
) -> None:
    ids = [r[0] for r in rows]
    mentions: dict[str, list] = defaultdict(list)
    events: dict[str, list] = defaultdict(list)
    kinds = ", ".join("?" * len(NAMING_KINDS))
    for chunk in _chunks(ids):
        marks = ", ".join("?" * len(chunk))
        for aid, actor, start, kind in conn.execute(
            f"""SELECT article_id, actor_id, start, kind FROM mentions
                WHERE article_id IN ({marks}) AND actor_id IS NOT NULL AND kind IN ({kinds})""",
            (*chunk, *NAMING_KINDS),
        ):
            mentions[aid].append((actor, start, kind))
        for aid, etype, src, tgt, edate in conn.execute(
            f"""SELECT article_id, type, source_id, target_id, date FROM events
                WHERE article_id IN ({marks}) AND negated = 0 AND hypothetical = 0""",
            chunk,
        ):
            events[aid].append((etype, src, tgt, edate))
    docs = [
        doc_features(aid, body, title, pub, outlet, mentions[aid], events[aid])
        for aid, body, title, pub, outlet in rows
    ]
    bodies = {r[0]: r[1] for r in rows}
    index = SqliteIndex(conn)
    # near-duplicates: MinHash LSH bands find the candidates, shingle overlap confirms them
    sh = {aid: shingles(body) for aid, body in bodies.items()}
    bands = {aid: band_keys(minhash(s)) for aid, s in sh.items()}
    forced = _near_duplicates(conn, index, rows, sh, bands, rep)
    result: BatchResult = cluster_batch(index, docs, params, extra_keys=bands, forced=forced)
    rep.articles = len(docs)
    rep.comparisons = result.comparisons
    for keep, olds in result.merged.items():
        for old in olds:
            conn.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (keep, old))
            conn.execute("DELETE FROM stories WHERE id = ?", (old,))
            rep.merged_stories += 1
        touched.add(keep)
    new_ids: dict[str, str] = {}
    fresh = {d.id for d in docs}
    before = index.story_of(a for a in result.assignment if a not in fresh)  # articles re-assigned
    for aid in sorted(result.assignment):
        key = result.assignment[aid]
        if key.startswith(("new:", "split:")):
            sid = new_ids.get(key)
            if sid is None:
                sid = new_ids[key] = _new_story_id(conn, key, set(new_ids.values()))
                conn.execute("INSERT OR IGNORE INTO stories (id, headline) VALUES (?, ?)", (sid, ""))
                rep.new_stories += 1
        else:
            sid = key
            if aid in fresh:
                rep.joined += 1
        if aid in before:
            touched.add(before[aid])
            rep.moved += 1
        conn.execute("INSERT OR REPLACE INTO story_articles (story_id, article_id) VALUES (?, ?)", (sid, aid))
        touched.add(sid)


def _new_story_id(conn: sqlite3.Connection, key: str, taken: set[str]) -> str:
    """A new story's id: from its first new article (``new:X``), or for articles split off a
    story (``split:X``) from the first of them, the first such id no story has."""
    if key.startswith("new:"):
        return "st-" + content_hash("story", key[4:], length=12)
    n = 0
    while True:
        sid = "st-" + content_hash("story-split", key[6:], str(n), length=12)
        if sid not in taken and conn.execute("SELECT 1 FROM stories WHERE id = ?", (sid,)).fetchone() is None:
            return sid
        n += 1


def _near_duplicates(
    conn: sqlite3.Connection,
    index: SqliteIndex,
    rows: list,
    sh: dict[str, set[int]],
    bands: dict[str, list[str]],
    rep: StoryReport,
) -> dict[str, str]:
    """Find and record near-duplicates of the new articles; return new article -> its original."""
    new_ids = [r[0] for r in rows]
    post = index.postings([k for b in bands.values() for k in b])
    # bands of the new articles among themselves (not yet indexed)
    by_band: dict[str, list[str]] = defaultdict(list)
    for aid in new_ids:
        for k in bands[aid]:
            by_band[k].append(aid)
    pairs: set[tuple[str, str]] = set()
    for aid in new_ids:
        for k in bands[aid]:
            for other in [*post.get(k, []), *by_band[k]]:
                if other != aid:
                    pairs.add((aid, other) if aid < other else (other, aid))
    if not pairs:
        return {}
    need = sorted({x for p in pairs for x in p} - set(sh))
    info: dict[str, tuple[str | None, int, bool]] = {}  # published, length, credits itself
    for chunk in _chunks(need):
        q = f"SELECT id, body FROM articles WHERE id IN ({', '.join('?' * len(chunk))})"
        for aid, body in conn.execute(q, chunk):
            sh[aid] = shingles(body)
    allids = sorted({x for p in pairs for x in p})
    for chunk in _chunks(allids):
        q = f"SELECT {_INFO} FROM articles WHERE id IN ({', '.join('?' * len(chunk))})"
        for aid, *rest in conn.execute(q, chunk):
            info[aid] = _info(*rest)
    # union-find over confirmed pairs, with the groups already recorded
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    sims: dict[str, float] = {}
    for a, b in sorted(pairs):
        sa, sb = sh.get(a, set()), sh.get(b, set())
        if min(len(sa), len(sb)) < DUP_MIN_SHINGLES:
            continue
        inter = len(sa & sb)
        jac = inter / len(sa | sb)
        if jac >= DUP_JACCARD or inter / min(len(sa), len(sb)) >= DUP_CONTAINMENT:
            parent[find(a)] = find(b)
            sims[a] = max(sims.get(a, 0.0), jac)
            sims[b] = max(sims.get(b, 0.0), jac)
    if not parent:
        return {}
    members = set(parent) | set(parent.values())
    # existing links of the members' groups
    for chunk in _chunks(sorted(members)):
        marks = ", ".join("?" * len(chunk))
        for aid, orig, sim in conn.execute(
            f"""SELECT article_id, original_id, similarity FROM near_duplicates
                WHERE article_id IN ({marks}) OR original_id IN ({marks})""",
            (*chunk, *chunk),
        ):
            parent[find(aid)] = find(orig)
            sims.setdefault(aid, sim)
            for x in (aid, orig):
                if x not in info:
                    r = conn.execute(f"SELECT {_INFO} FROM articles WHERE id = ?", (x,)).fetchone()
                    info[x] = _info(*r[1:]) if r else (None, 0, False)
    groups: dict[str, list[str]] = defaultdict(list)
    for x in set(parent) | set(parent.values()):
        groups[find(x)].append(x)
    forced: dict[str, str] = {}
    new_set = set(new_ids)
    for group in groups.values():
        # the original: published first, then the one by the outlet its dateline credits, the longest,
        # the smallest id
        def rank(x: str) -> tuple:
            pub, n, own = info.get(x, (None, 0, False))
            return (pub or "9999", not own, -n, x)

        orig = min(group, key=rank)
        for x in group:
            if x == orig:
                conn.execute("DELETE FROM near_duplicates WHERE article_id = ?", (x,))
                continue
            cur = conn.execute(
                """INSERT INTO near_duplicates (article_id, original_id, similarity) VALUES (?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET original_id = excluded.original_id
                   WHERE original_id != excluded.original_id""",
                (x, orig, round(sims.get(x, 1.0), 3)),
            )
            rep.near_duplicates += cur.rowcount if x in new_set else 0
        anchor = next((x for x in sorted(group) if x not in new_set), orig)
        for x in group:
            if x in new_set and x != anchor:
                forced[x] = anchor
    return forced


_INFO = "id, published, length(body), outlet, agency, substr(body, 1, 300)"


def _info(published: str | None, n: int, outlet: str | None, agency: str | None, head: str) -> tuple:
    """(published, length, whether the article is by the outlet or agency its dateline credits)."""
    own = bool(outlet) and (outlet.lower() in head.lower() or (agency or "").lower() == outlet.lower())
    return (published, n, own)


def _drop_superseded(conn: sqlite3.Connection, touched: set[str]) -> int:
    """Take articles of superseded page versions out of the clusterer's tables and their stories."""
    gone = conn.execute(
        """SELECT s.article_id, s.features FROM story_docs s JOIN articles a ON a.id = s.article_id
           JOIN documents d ON d.id = a.document_id WHERE d.superseded_by IS NOT NULL"""
    ).fetchall()
    for aid, feats in gone:
        f = json.loads(feats)
        conn.executemany(
            "UPDATE story_df SET df = df - 1 WHERE term = ?",
            [(t,) for t in [*f["t"], *("@" + a for a in f["a"])]],
        )
        conn.execute("DELETE FROM story_docs WHERE article_id = ?", (aid,))
        conn.execute("DELETE FROM story_keys WHERE article_id = ?", (aid,))
        conn.execute("DELETE FROM near_duplicates WHERE article_id = ? OR original_id = ?", (aid, aid))
        row = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (aid,)).fetchone()
        if row:
            conn.execute("DELETE FROM story_articles WHERE article_id = ?", (aid,))
            touched.add(row[0])
    return len(gone)


# --------------------------------------------------------------------------- story records


def _refresh_story(conn: sqlite3.Connection, sid: str) -> int:
    """Recompute one story's record and its events' canonical ids; return merged events (>1 report)."""
    arts = conn.execute(
        """SELECT a.id, a.title, a.published, coalesce(a.outlet, d.site, a.source), nd.original_id
           FROM story_articles sa JOIN articles a ON a.id = sa.article_id
           JOIN documents d ON d.id = a.document_id
           LEFT JOIN near_duplicates nd ON nd.article_id = a.id
           WHERE sa.story_id = ? ORDER BY a.published IS NULL, a.published, a.id""",
        (sid,),
    ).fetchall()
    if not arts:
        conn.execute("DELETE FROM stories WHERE id = ?", (sid,))
        return 0
    ids = [a[0] for a in arts]
    marks = ", ".join("?" * len(ids))
    dates = [a[2] for a in arts if a[2]]
    outlets = sorted({a[3] for a in arts if a[3]})
    n_sources = sum(1 for a in arts if a[4] is None)
    kinds = ", ".join("?" * len(NAMING_KINDS))
    actor_rows = conn.execute(
        f"""SELECT actor_id, count(DISTINCT article_id) AS n, count(*) AS m FROM mentions
            WHERE article_id IN ({marks}) AND actor_id IS NOT NULL AND kind IN ({kinds})
            GROUP BY actor_id ORDER BY n DESC, m DESC, actor_id LIMIT ?""",
        (*ids, *NAMING_KINDS, KEY_ACTORS),
    ).fetchall()
    conn.execute(
        """INSERT INTO stories (id, headline, first_date, last_date, actors, outlets, n_articles, n_sources, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, first_date = excluded.first_date,
               last_date = excluded.last_date, actors = excluded.actors, outlets = excluded.outlets,
               n_articles = excluded.n_articles, n_sources = excluded.n_sources, updated_at = excluded.updated_at""",
        (
            sid,
            _headline(arts),
            min(dates) if dates else None,
            max(dates) if dates else None,
            json.dumps([r[0] for r in actor_rows]),
            json.dumps(outlets, ensure_ascii=False),
            len(arts),
            n_sources,
            datetime.now(UTC).isoformat(timespec="seconds"),
        ),
    )
    events = [
        EventRow(*r)
        for r in conn.execute(
            f"""SELECT e.id, e.article_id, e.type, e.source_id, e.target_id, e.date, e.location,
                       sa.country, ta.country
                FROM events e LEFT JOIN actors sa ON sa.id = e.source_id LEFT JOIN actors ta ON ta.id = e.target_id
                WHERE e.article_id IN ({marks}) ORDER BY e.id""",
            ids,
        )
    ]
    canon = merge_events(events)
    conn.executemany(
        "UPDATE events SET canonical_id = ? WHERE id = ? AND canonical_id IS NOT ?",
        [(c, eid, c) for eid, c in canon.items()],
    )
    counts = Counter(canon.values())
    return sum(1 for n in counts.values() if n > 1)


def _headline(arts: list) -> str:
    """The title sharing the most words with the story's other titles (the original's on a tie)."""
    from tidings.stories.features import terms

    titled = [(a[0], a[1], set(terms(a[1]))) for a in arts if a[1] and a[4] is None] or [
        (a[0], a[1], set(terms(a[1]))) for a in arts if a[1]
    ]
    if not titled:
        return ""
    df: Counter[str] = Counter(t for _, _, ts in titled for t in ts)
    best = max(
        enumerate(titled), key=lambda it: (sum(df[t] - 1 for t in it[1][2]) / (len(it[1][2]) or 1), -it[0])
    )
    return best[1][1]

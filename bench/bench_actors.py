"""Actor-extraction benchmark: entity F1 on re3d, cross-document person resolution on
MEANTIME, and the throughput of the actors stage.

Data is read in place from ``../shared/data`` (``--data``), never copied into the repo.

1. **re3d** (Dstl, defence & security news): mention-level precision/recall/F1 per type,
   exact-span and overlap match, for ``extract_actors`` and for plain spaCy NER
   (``en_core_web_md``, same parse) as a baseline.  Type mapping (printed with the results):

   ========================  ==============================  ==========================
   re3d gold                 ours (``extract_actors``)       spaCy baseline
   ========================  ==============================  ==========================
   Person                    PERSON                          PERSON
   Organisation              ORG ∪ IGO                       ORG
   Location naming a state   STATE                           GPE ∪ NORP
   Organisation naming one   STATE
   Nationality               STATE (also shown left out)
   ========================  ==============================  ==========================

   "Naming a state": the span (without "the" and a possessive) is a name, alias or acronym of
   a STATE entry of the tidings gazetteer.  Gold spans must contain a capitalised word that is
   not a pronoun ("we", "the city" are not scored); annotations below ``--min-confidence``
   and unscored spans are "don't care": a prediction on them is neither right nor wrong.
   Overlapping gold spans of one type (re3d has nested and alternative boundaries: "Iraqi
   President Fuad Masum" / "President Fuad") form one gold item; an exact match is a match
   with any of its spans.  Matching is one-to-one.

   Our pronoun and description mentions (coreference, not names) are left out of these
   scores and counted separately.  ``extract_actors`` returns only actors that *act* (a state named only as a place, "in Syria",
   is dropped by design).  The "ours" rows score what it returns; the "ours, all" rows score
   every mention it found before that filter (its ``ArticleActor`` is built with
   ``acts=True``), i.e. the NER view.

2. **MEANTIME** (Wikinews, business): gold person mentions (ENTITY ent_type=PER, via
   REFERS_TO) with their cross-document instance ids.  Each gold mention is mapped to the
   PERSON actor id of our mention that overlaps it most.  B-cubed P/R/F1 over the gold mentions
   found, mention recall (named mentions and all), gold persons split across >1 of our ids,
   and our ids merging >1 gold person.  Baseline: spaCy PERSON entities clustered by exact
   string.  "ours, no coref" leaves out our pronoun and description mentions.  "Named" gold
   mentions contain a capitalised word of the gold instance's descriptor.  The text of each
   document is rebuilt from its tokens (light detokenisation).

3. **Throughput** of the actors stage over the benchmark documents: spaCy parse alone
   (``tidings.nlp.annotate``) and ``extract_actors`` alone, mentions/s and articles/s; and the
   share of the actors stage in a whole ingest: ``tidings.open(db).ingest([folder])`` with
   ``extract=True`` vs ``extract=False`` over the texts written as ``.txt`` files to a temp dir.

Run: ``.venv/bin/python bench/bench_actors.py [--json] [--limit N]``.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
TYPES = ("PERSON", "ORG", "STATE")
PRONOUNS = {
    "we",
    "they",
    "he",
    "she",
    "it",
    "i",
    "you",
    "us",
    "them",
    "our",
    "their",
    "his",
    "her",
    "its",
    "my",
    "your",
    "him",
    "me",
    "who",
    "which",
    "this",
    "that",
    "these",
    "those",
    "the",
    "a",
    "an",
}
OURS_MAP = {"PERSON": "PERSON", "ORG": "ORG", "IGO": "ORG", "STATE": "STATE"}
SPACY_MAP = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "STATE", "NORP": "STATE"}
MAPPING_DOC = {
    "re3d Person": "PERSON | ours PERSON | spaCy PERSON",
    "re3d Organisation": "ORG | ours ORG+IGO | spaCy ORG (a span naming a state: STATE)",
    "re3d Location naming a state": "STATE | ours STATE | spaCy GPE+NORP",
    "re3d Nationality": "STATE (row STATE-noNat: not scored)",
    "re3d other Location, other types": "not scored (predictions on them count as FP)",
    "state names": "names/aliases/acronyms of the tidings gazetteer's STATE entries",
}


# ----------------------------------------------------------------------------- spans


def _norm(text: str, s: int, e: int) -> tuple[int, int]:
    """Char span without a leading article, a trailing possessive, punctuation or spaces."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    m = re.match(r"(?:the|a|an)\s+", text[s:e], re.I)
    if m and m.end() < e - s:
        s += m.end()
    for suf in ("’s", "'s", "’", "'"):
        if text[s:e].endswith(suf) and e - len(suf) > s:
            e -= len(suf)
            break
    while e > s and text[e - 1] in ',;:)("“”':
        e -= 1
    return s, e


def _named(text: str) -> bool:
    """A name, not a pronoun or a description: its first word after determiners and
    pronouns is capitalised ("ISIL", "our Coalition partners"; not "we", "the city",
    "commander of U.S. Central Command")."""
    for w in re.findall(r"[\w’'.-]+", text):
        if w.casefold() not in PRONOUNS:
            return w[:1].isupper()
    return False


@dataclass
class GoldItem:
    spans: list[tuple[int, int]]  # members (normalised); exact match with any
    label: str  # text of the first member, for error lists
    matched: bool = False


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fps: Counter = field(default_factory=Counter)
    fns: Counter = field(default_factory=Counter)

    def prf(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "p": round(p, 4),
            "r": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _ov(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _score_doc(
    gold: list[GoldItem],
    ignore: list[tuple[int, int]],
    preds: list[tuple[int, int, str]],
    mode: str,
    sc: Scores,
) -> None:
    for g in gold:
        g.matched = False
    # exact matches first, then (overlap mode) the most-overlapping free item
    rest = []
    for s, e, t in sorted(preds):
        hit = next((g for g in gold if not g.matched and (s, e) in g.spans), None)
        if hit:
            hit.matched = True
            sc.tp += 1
        else:
            rest.append((s, e, t))
    for s, e, t in rest:
        hit = None
        if mode == "overlap":
            best = 0
            for g in gold:
                o = max(_ov((s, e), sp) for sp in g.spans)
                if not g.matched and o > best:
                    best, hit = o, g
        if hit:
            hit.matched = True
            sc.tp += 1
            continue
        dont_care = any(_ov((s, e), sp) for sp in ignore) if mode == "overlap" else (s, e) in ignore
        if not dont_care:
            sc.fp += 1
            sc.fps[t] += 1
    for g in gold:
        if not g.matched:
            sc.fn += 1
            sc.fns[g.label] += 1


# ----------------------------------------------------------------------------- re3d


def load_re3d(folder: Path, limit: int | None):
    docs, ents = {}, defaultdict(list)
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        for line in (sub / "documents.json").read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                d = json.loads(line.lstrip("\ufeff"))
                docs[d["_id"]] = d
        for line in (sub / "entities.json").read_text(encoding="utf-8-sig").splitlines():
            if line.strip():
                e = json.loads(line.lstrip("\ufeff"))
                ents[e["documentId"]].append(e)
    ids = sorted(docs)[:limit] if limit else sorted(docs)
    return [(i, docs[i]["text"], ents.get(i, [])) for i in ids]


def state_names() -> set[str]:
    from tidings.actors import Gazetteer
    from tidings.models import ActorType

    out = set()
    for e in Gazetteer.default().entries.values():
        if e.actor.type is ActorType.STATE:
            for n in [*e.names, *e.acronyms]:
                out.add(n.casefold().removeprefix("the "))
    return out


def re3d_gold(text: str, ents: list[dict], states: set[str], min_conf: float, drop_nat: bool, any_type: bool):
    """Per mapped type: (gold items, don't-care spans)."""
    kept: dict[str, list] = defaultdict(list)  # type -> [(span, conf_ok, named, label)]
    for e in ents:
        s, t = _norm(text, e["begin"], e["end"])
        if s >= t:
            continue
        val = text[s:t]
        is_state = val.casefold().removeprefix("the ") in states
        typ = {
            "Person": "PERSON",
            "Organisation": "STATE" if is_state else "ORG",
            "Location": "STATE" if is_state else None,
            "Nationality": "STATE",
        }.get(e["type"])
        if typ is None:
            continue
        ok = e["confidence"] >= min_conf and _named(val) and not (drop_nat and e["type"] == "Nationality")
        kept["ANY" if any_type else typ].append(((s, t), ok, val))
    out = {}
    for typ in ("ANY",) if any_type else TYPES:
        items: list[GoldItem] = []
        good = sorted((sp, v) for sp, ok, v in kept[typ] if ok)
        for sp, v in good:  # cluster overlapping spans
            if items and any(_ov(sp, x) for x in items[-1].spans):
                items[-1].spans.append(sp)
            else:
                items.append(GoldItem([sp], v))
        ignore = []
        for sp, ok, _ in kept[typ]:
            if ok:
                continue
            host = next((g for g in items if any(_ov(sp, x) for x in g.spans)), None)
            if host is not None:
                host.spans.append(sp)  # an alternative boundary of a gold item
            else:
                ignore.append(sp)
        out[typ] = (items, ignore)
    return out


@contextmanager
def all_mentions():
    """Run extract_actors without its final "acts" filter (every actor found is kept)."""
    import tidings.actors.extract as ex

    orig = ex.ArticleActor
    ex.ArticleActor = functools.partial(orig, acts=True)
    try:
        yield
    finally:
        ex.ArticleActor = orig


# linked by coreference, not names, or a place inside a state ("strikes on Mosul": kept so that
# events can name the state acted on, never an entity mention of the state): not scored as entities
COREF_KINDS = ("pronoun", "description", "place")


def ours_spans(text: str, actors, any_type: bool) -> list[tuple[int, int, str, str]]:
    out = []
    for a in actors:
        t = OURS_MAP.get(a.actor.type.value)
        if t is None:
            continue
        for m in a.mentions:
            if m.kind in COREF_KINDS:
                continue
            s, e = _norm(text, m.span.start, m.span.end)
            out.append((s, e, "ANY" if any_type else t, text[s:e]))
    return out


def spacy_spans(text: str, doc, any_type: bool) -> list[tuple[int, int, str, str]]:
    out = []
    for ent in doc.ents:
        t = SPACY_MAP.get(ent.label_)
        if t:
            s, e = _norm(text, ent.start_char, ent.end_char)
            out.append((s, e, "ANY" if any_type else t, text[s:e]))
    return out


def eval_re3d(docs, parsed, ours, ours_all, min_conf: float) -> dict:
    states = state_names()
    systems = {"ours": ours, "ours, all": ours_all, "spaCy": None}
    res: dict = {}
    for sysname, actors_by_doc in systems.items():
        for variant in ("typed", "STATE-noNat", "ANY"):
            any_type = variant == "ANY"
            sc = {
                (t, m): Scores()
                for t in ((*TYPES,) if variant == "typed" else ("ANY",) if any_type else ("STATE",))
                for m in ("exact", "overlap")
            }
            for (_did, text, ents), doc, acts in zip(
                docs, parsed, actors_by_doc or [None] * len(docs), strict=True
            ):
                gold = re3d_gold(text, ents, states, min_conf, variant == "STATE-noNat", any_type)
                preds = spacy_spans(text, doc, any_type) if acts is None else ours_spans(text, acts, any_type)
                for (t, mode), s in sc.items():
                    items, ignore = gold[t]
                    _score_doc(items, ignore, [(a, b, x) for a, b, ty, x in preds if ty == t], mode, s)
            for (t, mode), s in sc.items():
                name = t if variant == "typed" else variant
                res.setdefault(sysname, {}).setdefault(name, {})[mode] = s.prf()
                if mode == "overlap" and variant in ("typed",):
                    res[sysname][name]["top_fp"] = s.fps.most_common(10)
                    res[sysname][name]["top_fn"] = s.fns.most_common(10)
    # coreference mentions (pronouns, descriptions) of ours: how many sit on a re3d Person span
    coref = Counter()
    for (_did, _text, ents), acts in zip(docs, ours, strict=True):
        for a in acts:
            for m in a.mentions:
                if m.kind in COREF_KINDS:
                    coref[m.kind] += 1
                    on = [e for e in ents if _ov((m.span.start, m.span.end), (e["begin"], e["end"]))]
                    coref[m.kind + "_on_gold_person"] += any(e["type"] == "Person" for e in on)
                    coref[m.kind + "_on_gold_other"] += bool(on) and not any(
                        e["type"] == "Person" for e in on
                    )
    res["ours_coref_mentions"] = dict(coref)
    return res


# ----------------------------------------------------------------------------- MEANTIME

NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "’s",
    "n't",
    "'",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#"}


def load_meantime(folder: Path, limit: int | None):
    """[(doc id, text, {m_id: (start, end, instance id, names the person, syntactic type)})]."""
    files = sorted(folder.glob("*/*.xml"))
    if limit:
        files = files[:limit]
    out = []
    for f in files:
        root = ET.parse(f).getroot()
        parts, offs, sent, quote_open, prev = [], {}, None, False, None
        pos = 0
        for tok in root.iter("token"):
            w = tok.text or ""
            sno = tok.get("sentence")
            if prev is None:
                sep = ""
            elif sno != sent and sent in ("0", "1"):
                sep = "\n"  # title, date line
            elif (
                w in NO_SPACE_BEFORE
                or prev in NO_SPACE_AFTER
                or (w == '"' and quote_open)
                or (prev == '"' and quote_open)
            ):
                sep = ""
            else:
                sep = " "
            if w == '"':
                quote_open = not quote_open
            pos += len(sep)
            parts.append(sep + w)
            offs[tok.get("t_id")] = (pos, pos + len(w))
            pos += len(w)
            sent, prev = sno, w
        text = "".join(parts)
        mk = root.find("Markables")
        mentions = {}
        for m in mk.findall("ENTITY_MENTION"):
            ts = [offs[a.get("t_id")] for a in m.findall("token_anchor") if a.get("t_id") in offs]
            if ts:
                mentions[m.get("m_id")] = (
                    min(s for s, _ in ts),
                    max(e for _, e in ts),
                    m.get("syntactic_type", ""),
                )
        persons = {
            m.get("m_id"): (m.get("instance_id"), m.get("TAG_DESCRIPTOR") or "")
            for m in mk.findall("ENTITY")
            if m.get("ent_type") == "PER"
        }
        gold = {}
        for r in root.find("Relations").findall("REFERS_TO"):
            tgt = r.find("target").get("m_id")
            if tgt in persons:
                for src in r.findall("source"):
                    if src.get("m_id") in mentions:
                        s, e, st = mentions[src.get("m_id")]
                        inst, descr = persons[tgt]
                        gold[src.get("m_id")] = (s, e, inst, _has_name(text[s:e], descr), st)
        out.append((f.stem, text, gold))
    return out


def _bcubed(items: list[tuple[str, str]]) -> dict:
    """B-cubed over (gold cluster, system cluster) pairs, one per mention."""
    if not items:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    g_of, s_of = defaultdict(Counter), defaultdict(Counter)
    for g, s in items:
        g_of[g][s] += 1
        s_of[s][g] += 1
    p = sum(s_of[s][g] / sum(s_of[s].values()) for g, s in items) / len(items)
    r = sum(g_of[g][s] / sum(g_of[g].values()) for g, s in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _has_name(mention: str, descriptor: str) -> bool:
    """Does the mention contain the person's name: a capitalised word of the gold instance's
    descriptor ("Apple CEO Steve Jobs" for "Steve Jobs": yes; "Apple CEO", "he": no)?"""
    words = {w for w in re.findall(r"[\w’'-]+", descriptor) if w[:1].isupper() and len(w) > 1}
    words -= {"CEO", "President", "Minister", "Prime", "Chief", "Executive", "Officer", "Mr", "Judge"}
    return any(w in words for w in re.findall(r"[\w’'-]+", mention))


def eval_meantime(docs, ours, parsed) -> dict:
    res = {}
    for sysname in ("ours", "ours, no coref", "spaCy"):
        pairs, total, named_total, found, named_found, pro_total, pro_found = [], 0, 0, 0, 0, 0, 0
        missed = Counter()
        for (_did, text, gold), acts, doc in zip(docs, ours, parsed, strict=True):
            if sysname.startswith("ours"):
                pred = [
                    (m.span.start, m.span.end, a.actor.id)
                    for a in acts
                    if a.actor.type.value == "PERSON"
                    for m in a.mentions
                    if sysname == "ours" or m.kind not in COREF_KINDS
                ]
            else:
                pred = []
                for ent in doc.ents:
                    if ent.label_ == "PERSON":
                        s, e = _norm(text, ent.start_char, ent.end_char)
                        pred.append((s, e, "spacy:" + text[s:e]))
            for _mid, (s, e, inst, named, st) in gold.items():
                total += 1
                pro_total += st == "PRO"
                named_total += named
                best = max(pred, key=lambda p: _ov((s, e), p[:2]), default=None)
                if best and _ov((s, e), best[:2]) > 0:
                    found += 1
                    named_found += named
                    pro_found += st == "PRO"
                    pairs.append((inst, best[2]))
                elif named:
                    missed[text[s:e]] += 1
        g2s, s2g = defaultdict(set), defaultdict(set)
        for g, s in pairs:
            g2s[g].add(s)
            s2g[s].add(g)
        splits = sorted(((g, sorted(v)) for g, v in g2s.items() if len(v) > 1), key=lambda x: -len(x[1]))
        merges = sorted(((s, sorted(v)) for s, v in s2g.items() if len(v) > 1), key=lambda x: -len(x[1]))
        res[sysname] = {
            "bcubed": _bcubed(pairs),
            "gold_mentions": total,
            "found": found,
            "mention_recall_all": round(found / total, 4) if total else 0.0,
            "gold_named_mentions": named_total,
            "mention_recall_named": round(named_found / named_total, 4) if named_total else 0.0,
            "gold_pronoun_mentions": pro_total,
            "mention_recall_pronouns": round(pro_found / pro_total, 4) if pro_total else 0.0,
            "gold_persons_found": len(g2s),
            "our_ids": len(s2g),
            "split_persons": len(splits),
            "merging_ids": len(merges),
            "examples_split": [[g, ids] for g, ids in splits[:5]],
            "examples_merge": [[s, gs] for s, gs in merges[:5]],
            "top_missed_named": missed.most_common(10),
        }
    return res


# ----------------------------------------------------------------------------- throughput


def timed_parse(texts: list[str]):
    from tidings.nlp import annotate

    t0 = time.perf_counter()
    docs = list(annotate(texts))
    return docs, time.perf_counter() - t0


def timed_extract(docs, ids: list[str], published: str | None = None):
    from tidings.actors import extract_actors

    t0 = time.perf_counter()
    out = [extract_actors(d, i, published) for d, i in zip(docs, ids, strict=True)]
    return out, time.perf_counter() - t0


def ingest_share(texts: list[str]) -> dict:
    import tidings

    tmp = Path(tempfile.mkdtemp(prefix="bench_actors_"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        for i, t in enumerate(texts):
            (corpus / f"doc{i:04d}.txt").write_text(t, encoding="utf-8")
        out = {}
        for extract in (False, True):
            db = tmp / f"kb_{extract}.db"
            t0 = time.perf_counter()
            with tidings.open(db) as kb:
                rep = kb.ingest([corpus], extract=extract)
            dt = time.perf_counter() - t0
            out["extract" if extract else "no_extract"] = {
                "s": round(dt, 3),
                "articles": rep.articles,
                "pages": rep.added,
                "failed": len(rep.failed),
            }
        a, b = out["extract"]["s"], out["no_extract"]["s"]
        out["actors_share"] = round((a - b) / a, 4) if a else None
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# ----------------------------------------------------------------------------- main


def _commit() -> str | None:
    try:
        return subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except Exception:
        return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="shared data folder (default ../shared/data)"
    )
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per corpus")
    ap.add_argument(
        "--min-confidence", type=float, default=0.5, help="re3d gold annotations below: don't care"
    )
    ap.add_argument("--no-ingest", action="store_true", help="skip the ingest share (step 3b)")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))

    from tidings.nlp import load_nlp

    t0 = time.perf_counter()
    load_nlp()
    load_s = time.perf_counter() - t0
    re3d = load_re3d(args.data / "re3d", args.limit)
    mt = load_meantime(args.data / "meantime-en" / "intra_cross-doc_annotation", args.limit)
    # warm the gazetteer and its phrase matchers (built once per process) outside the timings
    from tidings.actors import extract_actors

    t0 = time.perf_counter()
    extract_actors(load_nlp()("Warm up."), "warm", None)
    warm_s = time.perf_counter() - t0

    result: dict = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "commit": _commit(),
            "model_load_s": round(load_s, 2),
            "gazetteer_warmup_s": round(warm_s, 2),
        },
        "mapping": MAPPING_DOC,
        "throughput": {},
    }
    corpora = {"re3d": [(i, t) for i, t, _ in re3d], "meantime": [(i, t) for i, t, _ in mt]}
    parsed, extracted = {}, {}
    for name, items in corpora.items():
        texts = [t for _, t in items]
        docs, parse_s = timed_parse(texts)
        acts, ext_s = timed_extract(docs, [i for i, _ in items])
        parsed[name], extracted[name] = docs, acts
        n_m = sum(len(a.mentions) for doc_acts in acts for a in doc_acts)
        chars = sum(len(t) for t in texts)
        result["throughput"][name] = {
            "articles": len(texts),
            "chars": chars,
            "mentions": n_m,
            "parse_s": round(parse_s, 3),
            "extract_s": round(ext_s, 3),
            "parse_articles_per_s": round(len(texts) / parse_s, 1),
            "extract_articles_per_s": round(len(texts) / ext_s, 1),
            "extract_mentions_per_s": round(n_m / ext_s, 1),
            "stage_articles_per_s": round(len(texts) / (parse_s + ext_s), 1),
            "stage_mentions_per_s": round(n_m / (parse_s + ext_s), 1),
            "extract_share_of_stage": round(ext_s / (parse_s + ext_s), 4),
        }
    with all_mentions():
        re3d_all = [
            extract_actors(d, i, None) for d, (i, _) in zip(parsed["re3d"], corpora["re3d"], strict=True)
        ]
    result["re3d"] = eval_re3d(re3d, parsed["re3d"], extracted["re3d"], re3d_all, args.min_confidence)
    result["re3d_docs"] = len(re3d)
    result["meantime"] = eval_meantime(mt, extracted["meantime"], parsed["meantime"])
    result["meantime_docs"] = len(mt)
    if not args.no_ingest:
        result["ingest"] = ingest_share([t for _, t in corpora["re3d"]] + [t for _, t in corpora["meantime"]])

    if args.json:
        json.dump(result, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_report(result)
    return 0


def print_report(r: dict) -> None:
    m = r["machine"]
    print(
        f"bench_actors — commit {m['commit']}, Python {m['python']}, {m['cpus']} CPUs; "
        f"model load {m['model_load_s']} s, gazetteer/matchers warm-up {m['gazetteer_warmup_s']} s"
    )
    print("\nType mapping:")
    for k, v in r["mapping"].items():
        print(f"  {k:34} -> {v}")
    print(f"\n1. re3d entity P/R/F1 ({r['re3d_docs']} docs; mention level)")
    print(
        f"  {'system':10} {'type':12} {'exact P':>8} {'R':>6} {'F1':>6}   {'overlap P':>9} {'R':>6} {'F1':>6}   {'tp/fp/fn (overlap)':>18}"
    )
    for sysname, rows in r["re3d"].items():
        if sysname == "ours_coref_mentions":
            continue
        for typ, v in rows.items():
            ex, ov = v["exact"], v["overlap"]
            print(
                f"  {sysname:10} {typ:12} {ex['p']:8.3f} {ex['r']:6.3f} {ex['f1']:6.3f}   {ov['p']:9.3f} {ov['r']:6.3f} "
                f"{ov['f1']:6.3f}   {ov['tp']:>6}/{ov['fp']}/{ov['fn']}"
            )
    for sysname in ("ours", "ours, all"):
        print(f"\n  {sysname}: top false positives / false negatives (overlap match) per type")
        for typ in TYPES:
            v = r["re3d"][sysname][typ]
            print(f"   {typ} FP: " + ", ".join(f"{t} ({n})" for t, n in v["top_fp"]))
            print(f"   {typ} FN: " + ", ".join(f"{t} ({n})" for t, n in v["top_fn"]))
    c = r["re3d"]["ours_coref_mentions"]
    print(f"\n  ours: coreference mentions (not scored above): {c}")
    print(f"\n2. MEANTIME cross-document person resolution ({r['meantime_docs']} docs)")
    print(
        f"  {'system':15} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'recall named':>13} {'recall PRO':>11} {'recall all':>11} "
        f"{'gold persons':>13} {'our ids':>8} {'split':>6} {'merging':>8}"
    )
    for sysname, v in r["meantime"].items():
        b = v["bcubed"]
        print(
            f"  {sysname:15} {b['p']:6.3f} {b['r']:6.3f} {b['f1']:6.3f} {v['mention_recall_named']:13.3f} "
            f"{v['mention_recall_pronouns']:11.3f} {v['mention_recall_all']:11.3f} {v['gold_persons_found']:13} "
            f"{v['our_ids']:8} {v['split_persons']:6} {v['merging_ids']:8}"
        )
    for sysname, v in r["meantime"].items():
        print(
            f"  {sysname}: gold mentions {v['gold_mentions']} (named {v['gold_named_mentions']}, "
            f"pronouns {v['gold_pronoun_mentions']}), found {v['found']}"
        )
        print("    top missed named: " + ", ".join(f"{t} ({n})" for t, n in v["top_missed_named"]))
        print("    split e.g.: " + "; ".join(f"{g} -> {ids}" for g, ids in v["examples_split"][:3]))
        print("    merging e.g.: " + "; ".join(f"{s} <- {gs}" for s, gs in v["examples_merge"][:3]))
    print(
        "\n3. Throughput of the actors stage (one process, one core; parse = nlp.pipe, extract = extract_actors)"
    )
    print(
        f"  {'corpus':9} {'docs':>5} {'chars':>8} {'mentions':>8} {'parse s':>8} {'extract s':>9} {'parse art/s':>11} "
        f"{'extract art/s':>13} {'extract ment/s':>14} {'stage art/s':>11} {'stage ment/s':>12} {'extract share':>13}"
    )
    for name, v in r["throughput"].items():
        print(
            f"  {name:9} {v['articles']:5} {v['chars']:8} {v['mentions']:8} {v['parse_s']:8.2f} {v['extract_s']:9.2f} "
            f"{v['parse_articles_per_s']:11.1f} {v['extract_articles_per_s']:13.1f} {v['extract_mentions_per_s']:14.1f} "
            f"{v['stage_articles_per_s']:11.1f} {v['stage_mentions_per_s']:12.1f} {v['extract_share_of_stage']:13.1%}"
        )
    if "ingest" in r:
        i = r["ingest"]
        print(
            f"  ingest of the same texts as .txt: extract=False {i['no_extract']['s']:.2f} s "
            f"({i['no_extract']['articles']} articles), extract=True {i['extract']['s']:.2f} s "
            f"({i['extract']['articles']} articles); actors stage share of ingest {i['actors_share']:.1%}"
        )


if __name__ == "__main__":
    raise SystemExit(main())

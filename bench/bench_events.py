"""Events-stage benchmark: PLOVER coding on the PLOVER GSR (CAMEO manual sentences), date
normalisation on TempEval-3 platinum, and the throughput of the events stage.

Data is read in place from ``../shared/data`` (``--data``), never copied into the repo.

1. **plover-gsr-cameo** (322 sentences, one coded event each).  Labels mapped to the 16 current
   PLOVER types as the data's README says: DEMAND→REQUEST, DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE,
   FIGHT→ASSAULT.  Each sentence goes through the real pipeline stages (spaCy parse, actors,
   events; no publication date).  The sentence's event is the one whose trigger is nearest the
   root of the parse (factual before flagged ones, since the GSR also codes intents).
   Gold codes: ITL and JAP (slips) are read as ITA and JPN, NGO as IGO (a body of no country).
   Reported: type accuracy (a sentence with no event counts as wrong; also over the sentences
   that got an event: most misses are actors the actors stage does not find, "Burmese troops",
   "Palestinian police", which leave a clause without source), macro-F1 over types, and
   source / target accuracy: the actor's country (ISO3, or ``IGO`` for international bodies)
   equals one of the gold actor codes; computed over all sentences and over those whose type
   is right.
2. **tempeval3-platinum** (20 docs, 138 TIMEX3): :func:`tidings.events.timex.find_timexes` on the
   text with the DCT as reference date.  A system timex matches a gold one when their extents
   overlap (TempEval's relaxed match); value P/R/F1 counts matches with the gold ``value``
   (TempEval-3's value F1).  Anchor: HeidelTime 0.776, SUTime 0.674.
3. **Throughput**: sentences per second of :func:`tidings.events.extract_events` alone, on
   parses and actors computed beforehand (the GSR sentences and the seed corpus bodies).

Run: ``.venv/bin/python bench/bench_events.py [--data ../shared/data]``.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from html import unescape
from pathlib import Path

from tidings.actors.extract import (
    find_actors as extract_actors,  # every actor, as the pipeline gives the events stage
)
from tidings.events import extract_events
from tidings.events.timex import find_timexes
from tidings.models import PLOVER_TYPES, Article
from tidings.nlp import load_nlp

LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
HEIDELTIME_VALUE_F1 = 0.776


def _art(text: str, published: str | None = None) -> Article:
    return Article(id="b", document_id="b", seq=0, source="b", body=text, published=published)


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i:
        tok, d = tok.head, d + 1
    return d


# the GSR's own slips (ITL for Italy, JAP for Japan), and its two codes for bodies of no country
GOLD_CODE_FIX = {"ITL": "ITA", "JAP": "JPN", "NGO": "IGO"}


def _code(found, day: str | None = None) -> str | None:
    """An actor's country code; ``IGO`` for international bodies and for organisations of no
    country (Amnesty International, the Red Cross: the GSR codes them IGO or NGO)."""
    if found is None:
        return None
    actor = getattr(found, "actor", found)
    if hasattr(found, "igo_on") and found.igo_on(day):
        return "IGO"  # the head of an international body acts for it ("U.N. Secretary-General X urged")
    kind = getattr(actor.type, "value", actor.type)
    if kind == "IGO" or (kind == "ORG" and not actor.country):
        return "IGO"
    return actor.country


def split_of(rec_id: str) -> str:
    """The GSR's fixed split: odd sentence numbers are the dev half (look at these while tuning),
    even ones the held-out half (never looked at)."""
    return "dev" if int(rec_id.rsplit("-", 1)[1]) % 2 else "heldout"


def _main_event(evs, doc):
    def rank(e):
        toks = doc.char_span(e.span.start, e.span.end, alignment_mode="expand")
        root = toks.root if toks is not None else None
        return (e.negated or e.hypothetical, _depth(root) if root is not None else 9)

    return min(evs, key=rank) if evs else None


def _codes(actors) -> set[str]:
    """Gold actor codes; the GSR leaves a missing actor as null, "" or a bare word."""
    return (
        {GOLD_CODE_FIX.get(a["code"], a["code"]) for a in actors if isinstance(a, dict) and a.get("code")}
        if isinstance(actors, list)
        else set()
    )


def plover_rows(data: Path) -> list[dict]:
    """One row per GSR sentence: gold and system type, source and target codes."""
    recs = json.loads((data / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.json").read_text(encoding="utf-8"))
    recs = [r for r in recs if r.get("event") and r.get("text")]
    nlp = load_nlp()
    rows = []
    docs = list(nlp.pipe(r["text"] for r in recs))
    for r, doc in zip(recs, docs, strict=True):
        actors = extract_actors(doc, "b", None)
        byid = {a.actor.id: a for a in actors}
        evs = extract_events(doc, _art(r["text"]), actors, [])
        e = _main_event(evs, doc)
        rows.append(
            {
                "id": r["id"],
                "split": split_of(r["id"]),
                "text": r["text"],
                "markup": ti.get("markup", "") if isinstance(ti := r.get("textInfo"), dict) else "",
                "gold": LABELS.get(r["event"], r["event"]),
                "gold_source": _codes(r.get("source")),
                "gold_target": _codes(r.get("target")),
                "type": e.type if e else None,
                "source": _code(byid.get(e.source_id), None) if e else None,
                "target": _code(byid.get(e.target_id), None) if e else None,
                "flagged": bool(e and (e.negated or e.hypothetical)),
                "all": [
                    (
                        x.type,
                        _code(byid.get(x.source_id), None),
                        _code(byid.get(x.target_id), None),
                        x.negated,
                        x.hypothetical,
                    )
                    for x in evs
                ],
                "actors": [(a.actor.name, _code(a, None)) for a in actors],
            }
        )
    return rows


def plover_scores(rows: list[dict]) -> dict:
    n = len(rows)
    none = sum(r["type"] is None for r in rows)
    ok = [r for r in rows if r["type"] == r["gold"]]
    conf = Counter((r["gold"], r["type"]) for r in rows)
    f1s = []
    for t in PLOVER_TYPES:
        tp = conf[(t, t)]
        ns = sum(v for (g, s), v in conf.items() if s == t)
        ng = sum(v for (g, s), v in conf.items() if g == t)
        if ng:
            p = tp / ns if ns else 0.0
            rr = tp / ng
            f1s.append(2 * p * rr / (p + rr) if p + rr else 0.0)

    def src_ok(r):
        return r["type"] is not None and r["source"] in r["gold_source"]

    def tgt_ok(r):
        return r["type"] is not None and r["target"] in r["gold_target"]

    with_t = [r for r in rows if r["gold_target"]]
    coded_t = [r for r in with_t if r["type"] is not None]
    ok_t = [r for r in ok if r["gold_target"]]
    return {
        "sentences": n,
        "no_event": none,
        "type_accuracy": round(len(ok) / n, 3),
        "type_accuracy_when_coded": round(len(ok) / (n - none), 3) if n > none else None,
        "type_macro_f1": round(sum(f1s) / len(f1s), 3),
        "source_accuracy": round(sum(map(src_ok, rows)) / n, 3),
        "target_accuracy": round(sum(map(tgt_ok, with_t)) / len(with_t), 3) if with_t else None,
        "target_accuracy_when_coded": round(sum(map(tgt_ok, coded_t)) / len(coded_t), 3) if coded_t else None,
        "source_accuracy_type_right": round(sum(map(src_ok, ok)) / len(ok), 3) if ok else None,
        "target_accuracy_type_right": round(sum(map(tgt_ok, ok_t)) / len(ok_t), 3) if ok_t else None,
    }


def bench_plover(data: Path, rows: list[dict] | None = None) -> dict:
    rows = rows if rows is not None else plover_rows(data)
    return {
        "dev": plover_scores([r for r in rows if r["split"] == "dev"]),
        "heldout": plover_scores([r for r in rows if r["split"] == "heldout"]),
        "all": plover_scores(rows),
    }


def print_misses(rows: list[dict], split: str = "dev", limit: int = 400) -> None:
    """Confusion over ``split`` and its wrong sentences, for tuning (dev only, by default)."""
    rows = [r for r in rows if r["split"] == split]
    conf = Counter((r["gold"], r["type"]) for r in rows if r["gold"] != r["type"])
    print(f"== confusion ({split}, wrong only): gold -> system")
    for (g, s), v in conf.most_common():
        print(f"   {v:3d}  {g:10s} -> {s}")
    print(f"== misses ({split})")
    for r in rows[:limit]:
        bad = [
            k
            for k, b in (
                ("TYPE", r["type"] != r["gold"]),
                ("SRC", r["source"] not in r["gold_source"]),
                ("TGT", bool(r["gold_target"]) and r["target"] not in r["gold_target"]),
            )
            if b
        ]
        if not bad:
            continue
        print(
            f"-- {r['id']} [{' '.join(bad)}] gold {r['gold']} {sorted(map(str, r['gold_source']))}"
            f" -> {sorted(map(str, r['gold_target']))}; got {r['type']} {r['source']} -> {r['target']}"
        )
        print(f"   {r['markup']}")
        print(f"   events {r['all']}")
        print(f"   actors {r['actors']}")


_TIMEX = re.compile(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _tml(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>.*?value="([^"]+)"', raw, re.S).group(1)
    body = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S).group(1)
    text, gold, pos = [], [], 0
    i = 0
    for m in re.finditer(r"<TIMEX3([^>]*)>(.*?)</TIMEX3>|<[^>]+>", body, re.S):
        chunk = unescape(body[i : m.start()])
        text.append(chunk)
        pos += len(chunk)
        if m.group(0).startswith("<TIMEX3"):
            inner = unescape(_TAG.sub("", m.group(2)))
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
            gold.append((pos, pos + len(inner), attrs.get("value", ""), attrs.get("type", "")))
            text.append(inner)
            pos += len(inner)
        i = m.end()
    text.append(unescape(body[i:]))
    return "".join(text), dct, gold


def bench_tempeval(data: Path) -> dict:
    n_gold = n_sys = matched = value_ok = strict = 0
    misses = []
    for path in sorted((data / "tempeval3-platinum" / "te3-platinum").glob("*.tml")):
        text, dct, gold = _tml(path)
        sys = find_timexes(text, dct)
        n_gold += len(gold)
        n_sys += len(sys)
        used = set()
        for gs, ge, gv, _ in gold:
            hit = next((k for k, t in enumerate(sys) if k not in used and t.start < ge and gs < t.end), None)
            if hit is None:
                misses.append(f"missed {text[gs:ge]!r} {gv}")
                continue
            used.add(hit)
            matched += 1
            t = sys[hit]
            strict += (t.start, t.end) == (gs, ge)
            if (t.value or "") == gv:
                value_ok += 1
            else:
                misses.append(f"value {t.text!r} {t.value} != {gv}")

    def f(tp: int) -> float:
        p, r = tp / n_sys if n_sys else 0.0, tp / n_gold if n_gold else 0.0
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    return {
        "gold": n_gold,
        "system": n_sys,
        "relaxed_f1": f(matched),
        "strict_f1": f(strict),
        "value_p": round(value_ok / n_sys, 3) if n_sys else 0.0,
        "value_r": round(value_ok / n_gold, 3),
        "value_f1": f(value_ok),
        "heideltime_value_f1": HEIDELTIME_VALUE_F1,
        "examples_wrong": misses[:15],
    }


def bench_speed(data: Path, repeat: int = 3) -> dict:
    nlp = load_nlp()
    texts = [r["text"] for r in json.loads((data / "plover-gsr-cameo" / "PLOVER_GSR_CAMEO.json").read_text("utf-8"))
             if r.get("text")]  # fmt: skip
    seeds = data.parent / "corpus" / "seeds"
    if seeds.is_dir():
        texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(seeds.glob("*.txt"))]
    prepared = []
    for doc in nlp.pipe(texts):
        prepared.append((doc, extract_actors(doc, "b", "2024-11-12")))
    n_sents = sum(len(list(doc.sents)) for doc, _ in prepared)
    best = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        for doc, actors in prepared:
            extract_events(doc, _art(doc.text, "2024-11-12"), actors, [])
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return {"sentences": n_sents, "seconds": round(best, 3), "sentences_per_s": round(n_sents / best, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--misses", choices=["dev", "heldout"], help="print the confusion and wrong sentences of a split"
    )
    a = ap.parse_args()
    rows = plover_rows(a.data)
    if a.misses:
        print_misses(rows, a.misses)
        return
    res = {
        "plover_gsr": bench_plover(a.data, rows),
        "tempeval3": bench_tempeval(a.data),
        "speed": bench_speed(a.data),
    }
    if a.json:
        print(json.dumps(res, indent=2))
        return
    for k, v in res.items():
        print(f"== {k}")
        if k == "plover_gsr":
            print(f"   {'':28s}" + "".join(f"{split:>9s}" for split in v))
            for metric in v["all"]:
                print(f"   {metric:28s}" + "".join(f"{v[split][metric]!s:>9s}" for split in v))
            continue
        for kk, vv in v.items():
            if isinstance(vv, list):
                for x in vv:
                    print(f"   - {x}")
            else:
                print(f"   {kk}: {vv}")


if __name__ == "__main__":
    main()

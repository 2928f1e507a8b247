"""Events on present-day wire-news sentences: precision, recall and F1 of (type, source, target).

The PLOVER GSR (``bench_events.py``) holds one clean example event per sentence, most of them
from the 1980s and 1990s. The pages tidings is judged on are present-day news, where a sentence
may hold no event ("Washington and Seoul will hold drills next week": a plan, not a happening)
or two ("Seoul summoned the Russian ambassador to protest the deployment of North Korean troops
to Russia"). ``bench/data/news_events.jsonl`` is 100 such sentences, written for this benchmark
in the style of present-day wire copy and coded by the conventions of
``../shared/GOLD-CONVENTIONS.md``:

- ``events``: every event the sentence reports as a fact; ``type`` may list the PLOVER types a
  careful coder could defend, ``A|B`` (the first is the preferred one); ``source`` and ``target``
  are country codes (``IGO`` for international bodies), ``target`` null when none is named (any
  system target is then accepted).
- ``split``: ``dev`` (may be looked at while working on the events stage) and ``heldout`` (never
  looked at; report it).

An event counts as found when its type is one of the allowed ones and its source and target
codes match; CONSULT, AGREE and COOPERATE match either way round.  Each sentence goes through
:func:`tidings.extract.facts_of`, the pipeline's own stages: the events stage sees every actor the
actors stage finds (nationalities and unnamed groups too, "Israeli air strikes"), as in the pipeline. Every system event that is a
fact (not negated, not hypothetical) and matches no gold event is a false positive.

    .venv/bin/python bench/bench_events_news.py            # both halves
    .venv/bin/python bench/bench_events_news.py --misses dev
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from bench_events import _code  # the same country coding as the GSR bench (IGO heads included)
from tidings.extract import facts_of
from tidings.models import Article
from tidings.nlp import load_nlp

DATA = Path(__file__).resolve().parent / "data" / "news_events.jsonl"
EITHER_WAY = {"CONSULT", "AGREE", "COOPERATE"}


def _matches(gold: dict, got: tuple) -> bool:
    if got[0] not in gold["type"].split("|"):
        return False
    pairs = [(got[1], got[2])] + ([(got[2], got[1])] if got[0] in EITHER_WAY else [])
    return any(gold["source"] == s and gold["target"] in (None, t) for s, t in pairs)


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    type_tp: int = 0
    type_fp: int = 0
    type_fn: int = 0
    misses: list = field(default_factory=list)

    def scores(self) -> dict:
        def prf(tp, fp, fn):
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0

        p, r, f = prf(self.tp, self.fp, self.fn)
        tp_, tr_, tf_ = prf(self.type_tp, self.type_fp, self.type_fn)
        return {
            "precision": p,
            "recall": r,
            "f1": f,
            "type_precision": tp_,
            "type_recall": tr_,
            "type_f1": tf_,
        }


def run(records: list[dict]) -> dict[str, Tally]:
    nlp = load_nlp()
    tallies = {"dev": Tally(), "heldout": Tally(), "all": Tally()}
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        art = Article(
            id="b", document_id="b", seq=0, source="b", body=rec["text"], published=rec.get("published")
        )
        # the pipeline's own stages (every actor found, quotes, events), as ``tidings.extract`` runs them
        af = facts_of(doc, art)
        actors = af.actors
        byid = {a.actor.id: a for a in actors}
        facts = {
            (
                e.type,
                _code(byid.get(e.source_id), rec.get("published")),
                _code(byid.get(e.target_id), rec.get("published")),
            )
            for e in af.events
            if not (e.negated or e.hypothetical)
        }
        gold = rec["events"]
        used: set[tuple] = set()
        found = 0
        for g in gold:
            hit = next((f for f in sorted(facts, key=str) if f not in used and _matches(g, f)), None)
            if hit is not None:
                used.add(hit)
                found += 1
        gold_types = {g["type"].split("|")[0] for g in gold}
        got_types = {f[0] for f in facts}
        for t in (tallies[rec["split"]], tallies["all"]):
            t.tp += found
            t.fn += len(gold) - found
            t.fp += len(facts - used)
            t.type_tp += len(gold_types & got_types)
            t.type_fp += len(got_types - gold_types)
            t.type_fn += len(gold_types - got_types)
        if found < len(gold) or facts - used:
            tallies[rec["split"]].misses.append(
                (
                    rec["id"],
                    rec["text"],
                    gold,
                    sorted(facts, key=str),
                    [(a.actor.name, _code(a, rec.get("published"))) for a in actors],
                )
            )
    return tallies


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument(
        "--misses", choices=["dev"], help="print the dev half's misses (never the held-out half's)"
    )
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = ap.parse_args()
    records = [
        json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    tallies = run(records)
    result = {
        name: t.scores() | {"sentences": sum(1 for r in records if name in ("all", r["split"]))}
        for name, t in tallies.items()
    }
    if args.json:
        print(json.dumps(result))
    else:
        keys = list(result["all"])
        print(f"{'':18}" + "".join(f"{k:>9}" for k in result))
        for k in keys:
            print(f"   {k:15}" + "".join(f"{result[s][k]:>9}" for s in result))
    if args.misses:
        for rid, text, gold, got, actors in tallies[args.misses].misses:
            print(
                f"-- {rid} {text}\n   gold {[(g['type'], g['source'], g['target']) for g in gold]}\n   got  {got}\n   actors {actors}"
            )


if __name__ == "__main__":
    main()

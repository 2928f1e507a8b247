"""Quotation and speaker scores on quotes annotated by hand (bench/data/quotes_gold.yaml).

    .venv/bin/python bench/bench_statements.py [--json] [--verbose]

Matching follows ../shared/tools/score.py: a system quote matches a gold quote when one's first
60 normalised characters contain the other's (or their words overlap by 60 %); the speaker is
right when it names the gold actor (canonical name) or, for unnamed and joint speakers, shares
at least half the gold description's words.  Also prints statements/s of the statements stage.
"""

from __future__ import annotations

import argparse
import json
import re
import time
import unicodedata
from pathlib import Path

import yaml

from tidings.extract import annotate_articles
from tidings.models import Article
from tidings.nlp import annotate, load_nlp

GOLD = Path(__file__).parent / "data" / "quotes_gold.yaml"
QUOTE_CHARS = "\"'“”‘’«»„‟‹›「」『』"


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKC", s or "")
    for c in QUOTE_CHARS:
        s = s.replace(c, "")
    return re.sub(r"\s+", " ", s).strip().casefold()


def match(g: str, s: str) -> bool:
    g, s = norm(g), norm(s)
    if len(g) < 8 or len(s) < 8:
        return g == s and g != ""
    if g[:60] in s or s[:60] in g:
        return True
    tg, ts = set(g.split()), set(s.split())
    return len(tg & ts) / max(1, len(tg | ts)) >= 0.6


def speaker_ok(gold: str, name: str | None) -> bool:
    tg, ts = set(re.findall(r"\w+", norm(gold))), set(re.findall(r"\w+", norm(name)))
    return bool(tg) and (norm(gold) == norm(name) or len(tg & ts) / len(tg) >= 0.5)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    pages = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["pages"]
    arts = [
        Article(
            id=p["id"],
            document_id=p["id"],
            seq=0,
            source=p["id"],
            body=p["body"],
            published=p.get("published"),
        )
        for p in pages
    ]
    load_nlp()
    t0 = time.perf_counter()
    facts = annotate_articles(arts)
    elapsed = time.perf_counter() - t0
    t0 = time.perf_counter()
    list(annotate([x.body for x in arts]))
    parse = time.perf_counter() - t0
    tp = n_sys = n_gold = spk = 0
    fp_labels = 0
    misses: list[str] = []
    for page, f in zip(pages, facts, strict=True):
        sys_q = [s for s in f.statements if s.direct]
        n_sys += len(sys_q)
        n_gold += len(page["quotes"])
        used: set[int] = set()
        for g in page["quotes"]:
            for j, s in enumerate(sys_q):
                if j not in used and match(g["text"], s.text):
                    used.add(j)
                    tp += 1
                    ok = speaker_ok(g["speaker"], s.speaker_name)
                    spk += ok
                    if not ok:
                        misses.append(
                            f"{page['id']}: speaker {s.speaker_name!r} != {g['speaker']!r} for {g['text'][:40]!r}"
                        )
                    break
            else:
                misses.append(f"{page['id']}: missed {g['text'][:50]!r}")
        for j, s in enumerate(sys_q):
            if j not in used:
                misses.append(f"{page['id']}: extra {s.text[:50]!r} ({s.speaker_name})")
                fp_labels += any(match(x, s.text) for x in page.get("not_quotes", []))
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    n_statements = sum(len(f.statements) for f in facts)
    res = {
        "pages": len(pages), "gold": n_gold, "system": n_sys, "tp": tp,
        "p": round(p, 3), "r": round(r, 3), "f1": round(f1, 3),
        "speaker_ok": spk, "speaker_acc": round(spk / tp, 3) if tp else 0.0,
        "labels_taken_for_quotes": fp_labels,
        "statements": n_statements,
        "statements_per_s_all_stages": round(n_statements / elapsed, 1),
        "parse_share": round(parse / elapsed, 3),
    }  # fmt: skip
    if a.json:
        print(json.dumps(res))
    else:
        print("  ".join(f"{k}={v}" for k, v in res.items()))
        if a.verbose:
            print("\n".join("  - " + m for m in misses))


if __name__ == "__main__":
    main()

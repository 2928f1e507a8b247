"""End to end on the real seed pages: ingest ../shared/corpus/seeds.jsonl, export, score with
../shared/tools/score.py, and hold every line the work so far delivers above a pinned floor
(the eval gate: a change that makes extraction worse fails CI)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import tidings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds.jsonl"
GOLD = SHARED / "gold" / "seeds"
SCORER = SHARED / "tools" / "score.py"

pytestmark = pytest.mark.skipif(
    not (SEEDS.exists() and SCORER.exists()),
    reason="../shared (seeds, gold and score.py) is not beside the repository",
)

# Floors: what the seeds score now.  Raise them as the work improves; never lower them to pass.
FLOORS = {
    ("body", "ok"): 5,
    ("title", "ok"): 4,
    ("published", "ok"): 2,
    ("actors", "f1"): 0.95,
    ("quotes", "f1"): 0.95,
    ("quotes", "speaker_ok"): 43,  # of 45 gold quotes: >= 95 %
    ("events", "f1"): 0.85,
    ("events", "date_ok"): 4,  # of the 4 dated gold events
    ("stories", "f1"): 1.0,
}
CEILINGS = {("actor_identity", "split"): 0, ("actor_identity", "wrongly_merged"): 0}


@pytest.fixture(scope="module")
def scores(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("seeds")
    with tidings.open(tmp / "seeds.db") as kb:
        report = kb.ingest([SEEDS])
        assert report.ok, report.failed
        kb.export("jsonl", tmp / "out.jsonl")
    out = subprocess.run(
        [sys.executable, str(SCORER), "--gold", str(GOLD), "--export", str(tmp / "out.jsonl"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize(("line", "key"), list(FLOORS))
def test_seed_scores_at_or_above_floor(scores, line, key):
    assert scores[line][key] >= FLOORS[(line, key)], scores[line]


@pytest.mark.parametrize(("line", "key"), list(CEILINGS))
def test_seed_identity_errors_at_or_below_ceiling(scores, line, key):
    assert scores[line][key] <= CEILINGS[(line, key)], scores[line]


def test_every_seed_is_exported_and_matched(scores):
    assert scores["articles"]["matched"] == scores["articles"]["gold"] == 5

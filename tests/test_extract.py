"""The per-article facts stage (``tidings.extract``): what it does across the actor, statement and
event stages, here the wire dateline."""

from __future__ import annotations

import pytest

from tidings.extract import dateline_end, facts_of
from tidings.models import Article
from tidings.nlp import load_nlp


@pytest.mark.parametrize(
    ("body", "dateline"),
    [
        (
            "SEOUL, June 19 (Yonhap) -- Russian President Vladimir Putin arrived.",
            "SEOUL, June 19 (Yonhap) -- ",
        ),
        ("(LEAD) SEOUL, June 19 (Yonhap) -- Putin arrived.", "(LEAD) SEOUL, June 19 (Yonhap) -- "),
        ("LIMA, Peru (AP) — President Joe Biden met Xi.", "LIMA, Peru (AP) — "),
        ("WASHINGTON (Reuters) - The U.S. said.", "WASHINGTON (Reuters) - "),
        ("NEW YORK, Nov 9 - Stocks fell.", "NEW YORK, Nov 9 - "),
        ("MOSCOW, March 18. /TASS/. Russian President said.", "MOSCOW, March 18. /TASS/. "),
        ("Pyongyang, November 1 (KCNA) -- The bureau said.", "Pyongyang, November 1 (KCNA) -- "),
        ("JERUSALEM/DUBAI, Oct 1 (Reuters) - Iran fired.", "JERUSALEM/DUBAI, Oct 1 (Reuters) - "),
        ("SEOUL: North Korea fired a missile.", "SEOUL: "),
        (
            "A short standfirst line.\nBEIJING, Nov. 9 (Xinhua) -- China said.",
            "A short standfirst line.\nBEIJING, Nov. 9 (Xinhua) -- ",
        ),
    ],
)
def test_dateline_end_finds_wire_datelines(body: str, dateline: str) -> None:
    assert body[: dateline_end(body)] == dateline


@pytest.mark.parametrize(
    "body",
    [
        "NATO allies agreed - on Monday - to send more air defences.",
        "US-Japan talks - the third this year - ended.",
        "Kim Jong Un — the North's leader — watched the launch.",
        "President Moon (left) - flanked by aides - spoke.",
        "Kim Jong Un (KCNA) said the launch succeeded.",
        "New Delhi: tremors were felt across the city.",
        "One.\nTwo.\nPARIS (AFP) - a dateline in the third paragraph is no dateline.",
    ],
)
def test_dateline_end_leaves_other_openings(body: str) -> None:
    assert dateline_end(body) == 0


def _facts(body: str, published: str = "2024-11-16"):
    art = Article(id="a1", document_id="d1", seq=0, source="test", body=body, published=published)
    return facts_of(load_nlp()(body), art)


def test_dateline_place_is_no_party_to_the_events() -> None:
    facts = _facts(
        "LIMA, Peru (AP) — President Joe Biden and Chinese leader Xi Jinping met on Saturday "
        "on the sidelines of a summit."
    )
    ids = {a.actor.id for a in facts.actors}
    assert "state:per" not in ids
    parties = {x for e in facts.events for x in (e.source_id, e.target_id)}
    assert not any(p and p.startswith("state:per") for p in parties)
    assert any(e.type == "CONSULT" for e in facts.events)


def test_dateline_state_named_again_in_the_body_stays() -> None:
    facts = _facts("SEOUL, Nov. 9 (Yonhap) -- South Korea protested strongly against Japan on Saturday.")
    e = next(e for e in facts.events if e.type == "ACCUSE")
    assert e.source_id == "state:kor"

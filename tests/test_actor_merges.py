"""Merging actors later across articles (tidings.actors.resolve) on a real store."""

from __future__ import annotations

import json

import pytest

import tidings
from tidings.actors.resolve import merge_actors

PAGES = [
    ("a.txt", "2024-06-01", "Russian Deputy Foreign Minister Sergei Ryabkov said on Monday that talks with "
     "Washington were frozen. Foreign Minister Sergey Lavrov backed him."),
    ("b.txt", "2024-06-03", "Russian Deputy Foreign Minister Sergey Ryabkov told reporters that Moscow would "
     "not resume arms control talks soon. Lavrov agreed."),
    ("c.txt", "2024-06-05", "Park Min-soo and Park Min-woo, two South Korean lawmakers, met Lavrov's deputy "
     "on Friday in Seoul. Park Min-soo said the meeting was useful."),
]  # fmt: skip


@pytest.fixture()
def kb(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(json.dumps({"source": s, "published": d, "text": t}) for s, d, t in PAGES), encoding="utf-8"
    )
    with tidings.open(tmp_path / "m.db") as kb:
        assert kb.ingest([feed]).ok
        yield kb


def person_ids(kb, like: str) -> set[str]:
    return {
        r[0] for r in kb.store.execute("SELECT id FROM actors WHERE type = 'PERSON' AND name LIKE ?", (like,))
    }


def test_two_spellings_with_shared_context_merge_into_one(kb):
    from tidings.actors.names import person_key

    assert person_key("Sergei Ryabkov") != person_key("Sergey Ryabkov")  # the key does not fold them
    (survivor,) = person_ids(kb, "Serge% Ryabkov")  # ingest ran the merge pass
    (row,) = kb.store.execute("SELECT from_id, to_id, evidence FROM actor_merges").fetchall()
    assert row[1] == survivor and row[2].startswith("same country RUS")
    arts = {
        r[0]
        for r in kb.store.execute("SELECT DISTINCT article_id FROM mentions WHERE actor_id = ?", (survivor,))
    }
    assert len(arts) == 2
    assert merge_actors(kb.store) == []  # idempotent


def test_two_similar_names_in_one_article_are_never_merged(kb):
    merge_actors(kb.store)
    assert len(person_ids(kb, "Park Min-%")) == 2


def test_a_later_ingest_maps_the_merged_id(kb, tmp_path):
    merge_actors(kb.store)
    (survivor,) = person_ids(kb, "Serge% Ryabkov")
    later = tmp_path / "d.txt"
    later.write_text(
        "Russian Deputy Foreign Minister Sergei Ryabkov warned on Tuesday that the treaty was dead.",
        encoding="utf-8",
    )
    assert kb.ingest([later]).ok
    assert person_ids(kb, "Serge% Ryabkov") == {survivor}

"""Roles printed in the text and descriptions that refer back to a person ("the Ukrainian
president"): what the actors stage reads around a name."""

from __future__ import annotations

from tidings.actors import annotate_articles
from tidings.models import Article


def actors_of(body: str, published: str = "2025-01-06") -> dict[str, object]:
    article = Article(id="a1", document_id="d", seq=0, source="a1.txt", body=body, published=published)
    (found,) = annotate_articles([article])
    return {r.actor.id: r for r in found}


def titles(rec) -> list[str]:
    return [r.title for r in rec.text_roles]


def test_a_title_after_a_noun_of_is_the_title_not_the_phrase() -> None:
    found = actors_of("The strike came weeks after the killing of Hamas leader Ismail Haniyeh in Tehran.")
    rec = next(r for r in found.values() if r.actor.name.endswith("Haniyeh"))
    assert titles(rec) == ["Hamas leader"]


def test_a_title_with_of_inside_it_stays_whole() -> None:
    found = actors_of("The talks were led by Minister of Foreign Affairs Tarik Osmanov of Kazakhstan.")
    rec = next(r for r in found.values() if r.actor.name.endswith("Osmanov"))
    assert titles(rec) == ["Minister of Foreign Affairs"]


def test_then_title_is_a_former_role_at_the_articles_date() -> None:
    found = actors_of("Blinken last visited Seoul in November 2023, when he met then Foreign Minister Park Jin.")
    assert titles(found["person:park-jin"]) == ["former Foreign Minister"]


def test_a_rank_before_a_name_is_a_title_not_a_person() -> None:
    found = actors_of('"We will respond," army spokesman Rear Adm. Yoav Dalir said on Saturday.')
    people = [r for r in found.values() if str(r.actor.type) == "PERSON"]
    assert [r.actor.name for r in people] == ["Yoav Dalir"]
    assert "Adm." in titles(people[0])[0]


def test_a_description_with_a_nationality_refers_to_a_person_of_that_state() -> None:
    found = actors_of(
        "President Volodymyr Zelensky held a phone call with U.S. President Donald Trump on Feb. 12, "
        "shortly after Trump's conversation with Russian President Vladimir Putin, the Ukrainian president said."
    )
    described = {
        aid for aid, r in found.items() for m in r.mentions if m.kind == "description" and "president" in m.text
    }
    assert "person:volodymyr-zelensky" in described
    assert "person:vladimir-putin" not in described

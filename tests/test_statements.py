"""Statements: quotation spans, what is not a quotation, speakers, reported speech."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tidings.extract import annotate_articles
from tidings.models import Article
from tidings.statements import find_quote_spans

GOLD = Path(__file__).resolve().parents[1] / "bench" / "data" / "quotes_gold.yaml"


def spans(body: str) -> list[str]:
    return [q.text for q in find_quote_spans(body)]


def statements(body: str, published: str | None = "2024-11-12", direct: bool | None = True):
    (facts,) = annotate_articles(
        [Article(id="a", document_id="d", seq=0, source="a.txt", body=body, published=published)]
    )
    return [s for s in facts.statements if direct is None or s.direct == direct]


# --------------------------------------------------------------------------- spans


def test_curly_straight_and_mixed_marks():
    assert spans('“One,” he said. "Two," she said. "Three,” they said.') == ["One", "Two", "Three"]


def test_guillemets():
    assert spans("«Nous refusons», a-t-il dit.") == ["Nous refusons"]


def test_quote_interrupted_by_attribution_is_two_quotes():
    assert spans("“We agreed,” Cho said. “We will meet again.”") == ["We agreed", "We will meet again"]


def test_multi_paragraph_quote_opens_each_paragraph_and_closes_once():
    body = "“First part of the speech.\n\n“Second part of the speech,” he said."
    assert spans(body) == ["First part of the speech", "Second part of the speech"]


def test_nested_single_quotes_stay_inside():
    assert spans("He said the plan would “honour the ‘peace clause’ of the charter.”") == [
        "honour the ‘peace clause’ of the charter"
    ]


def test_apostrophes_and_single_quoted_names_are_not_quotes():
    assert spans("Korea’s ‘arms trade’ report and the 'America First' policy don’t count.") == []


def test_single_quotes_used_as_quotation_marks():
    assert spans("‘We will respond,’ the minister said.") == ["We will respond"]


def test_unbalanced_mark_runs_to_the_end_of_its_paragraph():
    assert spans('He said the talks would "go on for weeks.\n\nNext paragraph.') == ["go on for weeks"]


# --------------------------------------------------------------------------- attribution on written pages


@pytest.fixture(scope="module")
def gold_pages():
    return yaml.safe_load(GOLD.read_text(encoding="utf-8"))["pages"]


@pytest.fixture(scope="module")
def gold_facts(gold_pages):
    arts = [
        Article(
            id=p["id"], document_id=p["id"], seq=0, source=p["id"], body=p["body"], published=p["published"]
        )
        for p in gold_pages
    ]
    return dict(zip([p["id"] for p in gold_pages], annotate_articles(arts), strict=True))


def _speakers(facts):
    return [(s.text[:30], s.speaker_name) for s in facts.statements if s.direct]


@pytest.mark.parametrize(
    "page_id",
    [
        "curly-interrupted",
        "straight-said-x-multipara",
        "according-to-and-single",
        "unnamed-official-and-pronoun",
        "joint-statement-and-labels",
        "guillemets-and-treaty-name",
        "title-and-surname-speaker",
        "ministry-continues",
        "unbalanced-and-nested",
        "appositive-and-agency",
        "question-and-colon",
    ],
)
def test_every_annotated_quote_found_with_its_speaker(gold_pages, gold_facts, page_id):
    page = next(p for p in gold_pages if p["id"] == page_id)
    got = [s for s in gold_facts[page_id].statements if s.direct]
    assert len(got) == len(page["quotes"]), _speakers(gold_facts[page_id])
    for g, s in zip(page["quotes"], got, strict=True):
        assert s.text.startswith(g["text"][:30])
        assert s.speaker_name == g["speaker"], (g["text"], s.speaker_name)
    for label in page.get("not_quotes", []):
        assert not any(s.text == label for s in got), label


def test_named_speaker_carries_the_actor_id(gold_facts):
    s = next(s for s in gold_facts["curly-interrupted"].statements if s.direct)
    assert s.speaker_id == "person:cho-tae-yul" and s.verb == "say"


def test_unnamed_speaker_has_no_id_but_a_description(gold_facts):
    s = next(s for s in gold_facts["unnamed-official-and-pronoun"].statements if s.direct)
    assert s.speaker_id is None and s.speaker_name == "senior Unification Ministry official"


def test_quote_spans_point_into_the_body(gold_pages, gold_facts):
    for page in gold_pages:
        for s in gold_facts[page["id"]].statements:
            assert page["body"][s.span.start : s.span.end] == s.text


# --------------------------------------------------------------------------- reported speech


def test_reported_speech_is_a_statement_with_its_verb_and_speaker():
    found = statements(
        "Defense Minister Kim Yong-hyun said the military would respond sternly to any provocation.",
        published="2024-10-01",
        direct=False,
    )
    assert len(found) == 1
    s = found[0]
    assert s.speaker_name == "Kim Yong-hyun" and s.verb == "say"
    assert s.text.startswith("the military would respond sternly")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        # a verb inside the clause a reporting verb introduces gives the words to that verb's speaker
        ('Mexico\'s army said it would respond "with full force" to any further incursion.', "Mexico"),
        (
            'Starmer told Xi the two leaders had not always agreed, "but our talks have always been frank."',
            "Starmer",
        ),
        ('The Kremlin said the two presidents agreed that "the time for talks has come."', "Russia"),
        # a plain verb of saying with its own named subject keeps the quotation
        ('Peskov said Putin told Trump: "The time has come to work together."', "Vladimir Putin"),
    ],
)
def test_quotation_inside_a_reported_clause_goes_to_the_reporter(body: str, speaker: str) -> None:
    (q,) = statements(body, published="2025-02-13")
    assert q.speaker_name is not None and speaker in q.speaker_name


# --------------------------------------------------------------------------- store and CLI


@pytest.fixture(scope="module")
def quotes_db(tmp_path_factory, gold_pages):
    import json

    import tidings

    tmp = tmp_path_factory.mktemp("quotes")
    feed = tmp / "feed.jsonl"
    feed.write_text(
        "\n".join(
            json.dumps({"source": f"{p['id']}.txt", "text": p["body"], "published": p["published"]})
            for p in gold_pages
        ),
        encoding="utf-8",
    )
    db = tmp / "q.db"
    with tidings.open(db) as kb:
        assert kb.ingest([feed]).ok
    return str(db)


def run(*args):
    from click.testing import CliRunner

    from tidings.cli import main

    return CliRunner().invoke(main, list(args))


def test_quotes_by_speaker_name_in_another_romanisation(quotes_db):
    import json

    out = json.loads(run("quotes", "--speaker", "Cho Tae Yul", "--json", "--db", quotes_db).output)
    assert [q["text"][:20] for q in out] == [
        "We have agreed to me",
        "Both sides want resu",
        "narrowed their diffe",
    ]
    assert {q["speaker_id"] for q in out} == {"person:cho-tae-yul"}


def test_quotes_of_an_unnamed_speaker_by_words_of_the_description(quotes_db):
    import json

    out = json.loads(run("quotes", "--speaker", "unification official", "--json", "--db", quotes_db).output)
    assert len(out) == 2 and all(q["speaker_name"] == "senior Unification Ministry official" for q in out)


def test_quotes_filters_since_and_contains(quotes_db):
    import json

    out = json.loads(
        run(
            "quotes", "--since", "2024-09-01", "--contains", "provocation", "--json", "--db", quotes_db
        ).output
    )
    assert [q["speaker_name"] for q in out] == ["Kim Yong-hyun"]
    assert run("quotes", "--since", "2030-01-01", "--db", quotes_db).output.strip() == "no statements match"


def test_reported_speech_listed_apart(quotes_db):
    import json

    reported = json.loads(run("quotes", "--reported", "--json", "--db", quotes_db).output)
    assert reported and not any(q["direct"] for q in reported)


# --------------------------------------------------------------------------- headlines


def test_headline_quote_takes_the_speaker_the_body_gives_it():
    body = "Foreign Minister Cho Tae-yul said on Tuesday that the alliance would be “firmly maintained” under any U.S. administration."
    art = Article(
        id="h", document_id="h", seq=0, source="h.txt", body=body, published="2024-11-12",
        title="Alliance will be 'firmly maintained', Seoul's top diplomat says",
    )  # fmt: skip
    (facts,) = annotate_articles([art])
    (head,) = [s for s in facts.statements if s.in_title]
    assert art.title[head.span.start : head.span.end] == "firmly maintained"
    assert head.speaker_id == "person:cho-tae-yul"


def test_headline_quote_with_its_speaker_named_only_in_the_headline():
    art = Article(
        id="h2", document_id="h2", seq=0, source="h2.txt", published="2024-11-12",
        body="Japan's defense ministry said a missile fell outside its economic zone on Monday.",
        title="'No damage reported' after launch, Japan says",
    )  # fmt: skip
    (facts,) = annotate_articles([art])
    (head,) = [s for s in facts.statements if s.in_title]
    assert head.text == "No damage reported" and head.speaker_name in (
        "Japan",
        "Ministry of Defense of Japan",
    )


def test_headline_quotes_are_not_exported_among_body_quotes(quotes_db):
    import json

    out = json.loads(run("quotes", "--json", "--db", quotes_db).output)
    assert all(q["in_title"] is False for q in out)  # these pages have no title


def test_reported_claim_in_the_first_sentence_starts_after_the_dateline() -> None:
    (s,) = statements(
        "MANILA, Philippines — A coast guard ship fired its water cannon at a fisheries vessel near the shoal "
        "on Wednesday, the Philippine Coast Guard said.",
        direct=False,
    )
    assert s.text.startswith("A coast guard ship fired")

"""`tidings actors` and `tidings actor`: listing actors and one actor's profile, on pages
ingested through the real pipeline (spaCy runs: the knowledge base is built once per module)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run
from tidings.api import KnowledgeBase
from tidings.store import AmbiguousId, NotFound

# Wire-style pages: fictional events, real public actors, several spellings of one name.
PAGES = {
    "talks.txt": """Seoul, U.S. top diplomats discuss North Korea
POLITICS 10:15 May 14, 2024
SEOUL, May 14 (Harbor) -- Foreign Minister Cho Tae-yul met U.S. Secretary of State Antony Blinken in Seoul on Tuesday to discuss North Korea's missile programme, the foreign ministry said.
The two ministers agreed to strengthen trilateral cooperation with Japan, according to the ministry.
"Our alliance is stronger than ever," Blinken told reporters after the talks.
Cho said Seoul would keep working closely with Washington.
(END)
""",
    "praise.txt": """President Yoon pledges support for diplomats
POLITICS 16:40 May 20, 2024
SEOUL, May 20 (Harbor) -- President Yoon Seok-yeol on Monday praised Foreign Minister Cho Tae-yul for his work on the alliance with the United States.
Cho said the government would host a meeting of the United Nations Security Council next month.
Yoon said the talks with China would continue.
(END)
""",
    "tokyo.txt": """Yoon Suk Yeol visits Tokyo
POLITICS 09:00 June 3, 2024
TOKYO, June 3 (Harbor) -- South Korean President Yoon Suk Yeol arrived in Tokyo on Monday for talks with Japanese Prime Minister Fumio Kishida.
Kishida said Japan and South Korea share a common future.
(END)
""",
}
TALKS_TITLE = "Seoul, U.S. top diplomats discuss North Korea"
CHO, YOON, BLINKEN, KISHIDA = (
    "person:cho-tae-yul",
    "person:yoon-suk-yeol",
    "person:antony-blinken",
    "person:fumio-kishida",
)


@pytest.fixture(scope="module")
def kb_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A knowledge base of the three pages, built once (the spaCy model loads once per process)."""
    folder = tmp_path_factory.mktemp("actor-pages")
    for name, text in PAGES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "kb.db"
    result = run("ingest", folder, "--db", db, "--json", "-q")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 3
    return db


def actors_json(db: Path, *args: str) -> list[dict]:
    result = run("actors", "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def actor_json(db: Path, name: str, *args: str) -> dict:
    result = run("actor", name, "--db", db, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- tidings actors


def test_people_listed_once_across_pages_and_spellings(kb_db: Path) -> None:
    result = run("actors", "--type", "PERSON", "--db", kb_db)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "name", "type", "country", "articles", "mentions"]
    rows = {line.split()[0]: line for line in lines[1:]}
    assert set(rows) == {CHO, YOON, BLINKEN, KISHIDA}
    assert result.stdout.count("Cho Tae-yul") == 1
    assert rows[CHO].split()[-2:] == ["2", "4"]  # two articles; full name twice, "Cho" twice
    assert rows[YOON].split()[-2:] == ["2", "3"]  # "Yoon Seok-yeol", "Yoon", "Yoon Suk Yeol"
    assert all(line.split()[-4] == "PERSON" for line in lines[1:])


def test_actors_json_counts_and_order(kb_db: Path) -> None:
    rows = actors_json(kb_db)
    by_id = {r["id"]: r for r in rows}
    assert len(by_id) == len(rows)
    assert by_id[CHO] == {
        "id": CHO, "name": "Cho Tae-yul", "type": "PERSON", "country": "KOR", "n_articles": 2, "n_mentions": 4,
    }  # fmt: skip
    assert by_id[BLINKEN]["n_articles"] == 1
    assert by_id["igo:unsc"]["type"] == "IGO" and by_id["igo:unsc"]["country"] is None
    keys = [(-r["n_articles"], r["name"].casefold()) for r in rows]
    assert keys == sorted(keys)  # most named first, then by name
    assert {"state:kor", "state:usa", "state:prk", "state:jpn", "org:kor-mofa"} <= set(by_id)


def test_country_filter(kb_db: Path) -> None:
    rows = actors_json(kb_db, "--country", "KOR")
    assert {r["country"] for r in rows} == {"KOR"}
    assert {CHO, YOON, "state:kor", "org:kor-mofa"} == {r["id"] for r in rows}
    assert actors_json(kb_db, "--country", "kor") == rows  # any case
    people = actors_json(kb_db, "--country", "USA", "--type", "person")
    assert [r["id"] for r in people] == [BLINKEN]
    assert actors_json(kb_db, "--country", "FRA") == []


def test_limit(kb_db: Path) -> None:
    everyone = actors_json(kb_db)
    assert actors_json(kb_db, "--limit", "3") == everyone[:3]
    result = run("actors", "--db", kb_db, "-n", "2")
    assert len(result.stdout.splitlines()) == 3  # header + 2


def test_actors_bad_options_one_line_exit_2(kb_db: Path, tmp_path: Path) -> None:
    result = run("actors", "--country", "Korea", "--db", kb_db)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr.count("\n") == 1 and result.stderr.startswith("error: ") and "ISO 3166" in result.stderr
    )
    result = run("actors", "--db", tmp_path / "missing.db")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: no knowledge base at") and result.stderr.count("\n") == 1
    assert not (tmp_path / "missing.db").exists()
    assert run("actors", "--type", "CITY", "--db", kb_db).exit_code == 2


# --------------------------------------------------------------------------- tidings actor


@pytest.mark.parametrize(
    "query",
    [
        "Yoon Seok-yeol",
        "Yoon Suk Yeol",
        "yoon suk yeol",
        "Yoon Seokyeol",
        "yoon-suk-yeol",
        "person:yoon-suk-yeol",
    ],
)
def test_spellings_names_and_ids_resolve_to_one_actor(kb_db: Path, query: str) -> None:
    # "Yoon Seokyeol" is in no alias list: it is found by its romanisation key.
    assert actor_json(kb_db, query)["actor"]["id"] == YOON


def test_dated_dictionary_role(kb_db: Path) -> None:
    result = run("actor", "cho-tae-yul", "--db", kb_db)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.splitlines()[0] == "Cho Tae-yul"
    assert "id:        person:cho-tae-yul" in out
    assert "country:   KOR" in out
    assert "  2024-01-12 → 2025-07-18 South Korean Foreign Minister\n" in out
    # the sections come in this order
    heads = [
        "aliases",
        "roles",
        "roles stated in articles",
        "articles",
        "co-occurring actors (shared articles)",
    ]
    positions = [out.index(f"\n{h}\n") for h in heads]
    assert positions == sorted(positions)
    assert "Jo Tae-yul" in out  # a dictionary alias


def test_profile_json(kb_db: Path) -> None:
    p = actor_json(kb_db, "Cho Tae-yul")
    assert p["actor"]["id"] == CHO and p["actor"]["n_articles"] == 2
    assert p["roles"] == [
        {
            "title": "South Korean Foreign Minister",
            "country": "KOR",
            "start": "2024-01-12",
            "end": "2025-07-18",
        }
    ]
    assert "Cho Tae Yul" in p["aliases"]["name"]
    assert "Cho" in p["aliases"]["surface"]  # the surname the articles used
    for kind, names in p["aliases"].items():
        assert len(names) == len(set(names)), kind
    # stated roles: one per article, newest first, with the article's title and date
    assert [(s["title"], s["published"]) for s in p["stated_roles"]] == [
        ("Foreign Minister", "2024-05-20"),
        ("Foreign Minister", "2024-05-14"),
    ]
    assert p["stated_roles"][1]["article_title"] == TALKS_TITLE
    # articles: newest first, with source and mention count
    assert [a["published"] for a in p["articles"]] == ["2024-05-20", "2024-05-14"]
    assert p["articles"][1]["title"] == TALKS_TITLE
    assert p["articles"][1]["source"].endswith("talks.txt")
    assert p["stated_roles"][1]["article_id"] == p["articles"][1]["id"]
    assert all(a["n_mentions"] == 2 for a in p["articles"])


def test_co_occurring_actors(kb_db: Path) -> None:
    p = actor_json(kb_db, CHO)
    co = {c["id"]: c for c in p["co_actors"]}
    assert co[BLINKEN] == {
        "id": BLINKEN,
        "name": "Antony Blinken",
        "type": "PERSON",
        "country": "USA",
        "shared": 1,
    }
    assert co["state:usa"]["shared"] == 2  # "U.S."/"Washington" in one, "United States" in the other
    assert CHO not in co
    assert KISHIDA not in co  # only in the Tokyo page, which does not name Cho
    shared = [c["shared"] for c in p["co_actors"]]
    assert shared == sorted(shared, reverse=True)
    text = run("actor", CHO, "--db", kb_db).stdout
    assert "Antony Blinken (PERSON, USA)  person:antony-blinken" in text
    # and the other way round
    assert CHO in {c["id"] for c in actor_json(kb_db, "Blinken")["co_actors"]}


def test_articles_option_cuts_lists(kb_db: Path) -> None:
    p = actor_json(kb_db, YOON, "--articles", "1")
    assert [a["published"] for a in p["articles"]] == ["2024-06-03"]
    assert len(p["stated_roles"]) == 1
    text = run("actor", YOON, "--db", kb_db, "--articles", "1").stdout
    assert "first 1 of 2 shown" in text
    assert len(actor_json(kb_db, YOON, "--articles", "0")["articles"]) == 2


def test_unknown_actor_one_line_exit_2(kb_db: Path) -> None:
    result = run("actor", "Emmanuel Macron", "--db", kb_db)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("error: no actor 'Emmanuel Macron'")
    assert "tidings actors" in result.stderr
    # a near miss suggests the names that contain it
    result = run("actor", "Kishi", "--db", kb_db)
    assert result.exit_code == 2
    assert result.stderr == "error: no actor 'Kishi' (did you mean: Fumio Kishida (person:fumio-kishida)?)\n"
    assert actor_json(kb_db, "fumio")["actor"]["id"] == KISHIDA  # a unique prefix of the id without its type


def test_ambiguous_actor_lists_candidates(kb_db: Path) -> None:
    result = run("actor", "person:", "--db", kb_db)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    for aid in (CHO, YOON, BLINKEN, KISHIDA):
        assert aid in result.stderr


def test_api_and_store(kb_db: Path) -> None:
    with KnowledgeBase(kb_db) as kb:
        assert kb.actor("Cho").actor.id == CHO  # the surname the articles used
        assert kb.actor("Seoul").actor.id == "state:kor"  # a metonym seen in an article
        assert kb.actor("kor").actor.id == "state:kor"  # the id without its type
        assert [r.id for r in kb.actors(type="IGO")] == ["igo:unsc"]
        with pytest.raises(AmbiguousId):
            kb.store.find_actor("person:")
        with pytest.raises(NotFound, match="did you mean: Fumio Kishida"):
            kb.store.find_actor("Kishida Fumi")
        with pytest.raises(NotFound):
            kb.store.actor_profile("person:nobody")


def test_older_versions_are_not_counted(tmp_path: Path) -> None:
    """A changed page supersedes its older version: its actors are counted once, from the new text."""
    for name, text in PAGES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "kb.db"
    assert run("ingest", tmp_path, "--db", db, "-q").exit_code == 0
    changed = PAGES["talks.txt"].replace("with Washington.", "with Washington, and Blinken agreed.")
    assert changed != PAGES["talks.txt"]
    (tmp_path / "talks.txt").write_text(changed, encoding="utf-8")
    result = run("ingest", tmp_path, "--db", db, "--json", "-q")
    assert json.loads(result.stdout)["new_versions"] == 1
    by_id = {r["id"]: r for r in actors_json(db)}
    assert by_id[CHO]["n_articles"] == 2
    assert (by_id[BLINKEN]["n_articles"], by_id[BLINKEN]["n_mentions"]) == (1, 3)
    p = actor_json(db, CHO)
    assert len(p["articles"]) == 2 and len(p["stated_roles"]) == 2
    assert {c["id"]: c["shared"] for c in p["co_actors"]}[BLINKEN] == 1

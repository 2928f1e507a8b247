"""Schema and fact checks for the actor gazetteer (src/tidings/data/gazetteer/*.yaml).

Every YAML file in the folder is loaded with yaml.safe_load; its top-level ``kind`` says which
schema applies, so a user's extra file of a known kind is checked the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest
import yaml

GAZ = Path(__file__).resolve().parents[1] / "src" / "tidings" / "data" / "gazetteer"
KINDS = {"states", "territories", "igos", "government_bodies", "groups", "news_agencies", "people"}
ACTOR_TYPES = {"PERSON", "ORG", "STATE", "IGO"}
EXTRA_ISO3 = {"XKX"}  # Kosovo (user-assigned code)
OFFICES = {
    "head_of_state", "head_of_government", "vice_president", "head_of_state_elect", "foreign_minister",
    "defence_minister", "national_security_adviser", "unification_minister", "intelligence_chief",
    "chief_cabinet_secretary", "spokesperson", "party_official", "military_chief", "envoy", "igo_head",
    "legislature_head", "other",
}  # fmt: skip
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CORE = ["KOR", "PRK", "USA", "JPN", "CHN", "RUS", "UKR"]
COVER_FROM, COVER_TO = dt.date(2017, 1, 1), dt.date(2026, 6, 30)
ALIAS_FIELDS = ("aliases", "acronyms")


def _load_all() -> dict[Path, dict]:
    return {p: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(GAZ.glob("*.yaml"))}


DOCS = _load_all()


def _by_kind(kind: str) -> list[dict]:
    return [e for d in DOCS.values() if d["kind"] == kind for e in d["entries"]]


def _date(v) -> dt.date:
    if isinstance(v, dt.date):
        return v
    assert isinstance(v, str), f"bad date {v!r}"
    return dt.date.fromisoformat(v)


def _valid_iso3(code: str) -> bool:
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


def _strlist(entry: dict, key: str) -> list[str]:
    v = entry.get(key, [])
    assert isinstance(v, list), f"{entry.get('id')}: {key} must be a list"
    for s in v:
        assert isinstance(s, str) and s.strip() == s and s, f"{entry.get('id')}: bad {key} item {s!r}"
    return v


# ------------------------------------------------------------------ file level


def test_expected_files_present():
    names = {p.name for p in DOCS}
    for f in ("states.yaml", "igos.yaml", "government_bodies.yaml", "people.yaml", "news_agencies.yaml"):
        assert f in names
    assert (GAZ / "README.md").is_file()


@pytest.mark.parametrize("path", list(DOCS), ids=lambda p: p.name)
def test_file_header(path):
    doc = DOCS[path]
    assert isinstance(doc, dict)
    assert doc.get("kind") in KINDS, f"{path.name}: unknown kind {doc.get('kind')!r}"
    assert doc.get("version") == 1
    assert isinstance(doc.get("entries"), list) and doc["entries"]


def test_ids_unique_and_slugs():
    seen = {}
    for path, doc in DOCS.items():
        for e in doc["entries"]:
            assert ID_RE.match(str(e.get("id", ""))), f"{path.name}: bad id {e.get('id')!r}"
            assert e["id"] not in seen or (seen[e["id"]] == doc["kind"] and False), (
                f"duplicate id {e['id']} ({path.name})"
            )
            seen[e["id"]] = doc["kind"]


# ------------------------------------------------------------------ per kind


def _check_actor_common(e: dict, types: set[str]):
    assert isinstance(e.get("name"), str) and e["name"].strip(), e
    assert e.get("type") in types, f"{e['id']}: type {e.get('type')!r}"
    for k in (*ALIAS_FIELDS, "generic_aliases", "contextual_aliases", "metonyms", "landmark_metonyms"):
        _strlist(e, k)


def test_states_schema():
    states = _by_kind("states")
    assert len(states) >= 190
    codes = set()
    for e in states:
        _check_actor_common(e, {"STATE"})
        assert _valid_iso3(e["country"]), e["country"]
        assert e["id"] == e["country"].lower()
        assert e["country"] not in codes, f"duplicate state {e['country']}"
        codes.add(e["country"])
        for k in ("demonyms", "capitals"):
            assert _strlist(e, k), f"{e['id']}: {k} empty"
        assert set(e["metonyms"]) <= set(e["capitals"]), e["id"]
        assert isinstance(e.get("curated"), bool)
        # demonyms are signals, never surface forms
        forms = {s.casefold() for k in (*ALIAS_FIELDS, "contextual_aliases") for s in e.get(k, [])}
        forms.add(e["name"].casefold())
        for d in e["demonyms"]:
            assert d.casefold() not in forms or d == e["name"], f"{e['id']}: demonym {d} used as alias"
    # every UN-style sovereign state of pycountry is either a state or a listed territory
    terr = {t["country"] for t in _by_kind("territories")}
    for c in pycountry.countries:
        assert c.alpha_3 in codes or c.alpha_3 in terr, c.alpha_3
    assert not codes & terr


def test_state_conventions():
    s = {e["country"]: e for e in _by_kind("states")}
    expect = {"KOR": "South Korea", "PRK": "North Korea", "USA": "United States", "RUS": "Russia",
              "CHN": "China", "IRN": "Iran", "SYR": "Syria", "VNM": "Vietnam", "TWN": "Taiwan",
              "LAO": "Laos", "BOL": "Bolivia", "VEN": "Venezuela", "TZA": "Tanzania", "MDA": "Moldova",
              "GBR": "United Kingdom", "JPN": "Japan", "UKR": "Ukraine"}  # fmt: skip
    for code, name in expect.items():
        assert s[code]["name"] == name
    assert {"DPRK"} <= set(s["PRK"]["acronyms"])
    assert {"US", "U.S.", "USA"} <= set(s["USA"]["acronyms"]) and "America" in s["USA"]["aliases"]
    assert {"UK", "U.K."} <= set(s["GBR"]["acronyms"]) and "Britain" in s["GBR"]["aliases"]
    assert "ROK" in s["KOR"]["acronyms"] and "PRC" in s["CHN"]["acronyms"] and "UAE" in s["ARE"]["acronyms"]
    assert "the North" in s["PRK"]["contextual_aliases"] and "the South" in s["KOR"]["contextual_aliases"]
    for e in s.values():
        assert "the North" not in e["aliases"] and "the South" not in e["aliases"]
    assert "Pyongyang" in s["PRK"]["metonyms"] and "Washington" in s["USA"]["metonyms"]
    assert "Kyiv" in s["UKR"]["metonyms"] and "Kiev" in s["UKR"]["metonyms"]
    assert "the Kremlin" in s["RUS"]["landmark_metonyms"]
    assert "South Korean" in s["KOR"]["demonyms"] and "American" in s["USA"]["demonyms"]
    for code in ("KOR", "PRK", "USA", "JPN", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "IND", "IRN", "ISR",
                 "SYR", "TWN", "VNM", "PHL", "AUS", "CAN", "MNG", "BLR", "KAZ", "TUR", "SAU", "ARE", "EGY",
                 "QAT", "PAK", "AFG", "IRQ"):  # fmt: skip
        assert s[code]["curated"], code
    # the White House is not a surface form of the state
    assert "White House" not in s["USA"]["aliases"] + s["USA"]["landmark_metonyms"]


def test_territories_schema():
    for e in _by_kind("territories"):
        assert pycountry.countries.get(alpha_3=e["country"]) is not None
        assert e["sovereign"] is None or _valid_iso3(e["sovereign"])
        _strlist(e, "aliases")


def test_igos_schema():
    igos = _by_kind("igos")
    ids = {e["id"] for e in igos}
    for e in igos:
        _check_actor_common(e, {"IGO", "ORG"})
        assert e.get("country", "missing") is None, f"{e['id']}: IGOs have country null"
        if "parent" in e:
            assert e["parent"] in ids, e["id"]
    names = {e["name"] for e in igos}
    for n in (
        "United Nations",
        "UN Security Council",
        "Asia-Pacific Economic Cooperation",
        "NATO",
        "International Atomic Energy Agency",
        "European Union",
        "ASEAN",
        "G7",
        "G20",
        "BRICS",
    ):
        assert n in names, n
    unsc = next(e for e in igos if e["id"] == "unsc")
    assert "UNSC" in unsc["acronyms"] and "the Security Council" in unsc["generic_aliases"]
    assert next(e for e in igos if e["id"] == "icrc")["type"] == "ORG"


def test_government_bodies_schema():
    bodies = _by_kind("government_bodies")
    ids = {e["id"] for e in bodies}
    for e in bodies:
        _check_actor_common(e, {"ORG"})
        assert _valid_iso3(e["country"]), e["id"]
        assert e["id"].startswith(e["country"].lower() + "-"), e["id"]
        for k in ("state_media", "metonym_for_state"):
            if k in e:
                assert isinstance(e[k], bool), (e["id"], k)
        if "parent" in e:
            assert e["parent"] in ids, e["id"]
    by_id = {e["id"]: e for e in bodies}
    for code in ("kor", "prk", "usa", "jpn", "chn", "rus", "ukr", "gbr"):
        assert any(i.startswith(code + "-") for i in ids), code
    assert by_id["kor-mofa"]["name"] == "Ministry of Foreign Affairs of South Korea"
    assert "Foreign Ministry" in by_id["kor-mofa"]["generic_aliases"]
    assert by_id["kor-president-office"]["name"] == "Office of the President of South Korea"
    assert "Presidential Office" in by_id["kor-president-office"]["generic_aliases"]
    assert by_id["usa-state"]["name"] == "US Department of State"
    assert "U.S. Department of State" in by_id["usa-state"]["aliases"]
    assert by_id["kor-national-assembly"]["name"] == "National Assembly of South Korea"
    assert by_id["usa-white-house"]["metonym_for_state"] is False
    assert "the Pentagon" in by_id["usa-dod"]["aliases"]
    for i in ("prk-kcna", "prk-rodong-sinmun", "prk-kctv"):
        assert by_id[i]["state_media"] is True
    assert "KCNA" in by_id["prk-kcna"]["acronyms"]


def test_news_agencies_schema():
    agencies = _by_kind("news_agencies")
    for e in agencies:
        assert isinstance(e["name"], str) and e["name"]
        assert "type" not in e, "news agencies are not actors"
        assert isinstance(e.get("state_media"), bool), e["id"]
        assert e.get("country") is None or _valid_iso3(e["country"])
        for k in ALIAS_FIELDS:
            _strlist(e, k)
    names = {e["id"] for e in agencies}
    assert {"yonhap", "reuters", "ap", "afp", "ians", "kyodo", "tass", "xinhua"} <= names
    body_forms = {f for e in _by_kind("government_bodies") for k in ALIAS_FIELDS for f in e.get(k, [])}
    assert "KCNA" in body_forms and "Yonhap" not in body_forms


# ------------------------------------------------------------------ aliases


def _check_unique_aliases(doc: dict):
    allowed = {a.casefold() for a in doc.get("ambiguous_aliases", [])}
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for e in doc["entries"]:
        forms = [e["name"]] + [f for k in ALIAS_FIELDS for f in e.get(k, [])]
        for f in forms:
            owners[(e.get("type", doc["kind"]), f.casefold())].add(e["id"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1 and k[1] not in allowed}
    return clashes


@pytest.mark.parametrize("path", list(DOCS), ids=lambda p: p.name)
def test_no_alias_maps_to_two_actors(path):
    clashes = _check_unique_aliases(DOCS[path])
    assert not clashes, clashes


def test_alias_check_really_catches_clashes():
    doc = {
        "kind": "x",
        "entries": [
            {"id": "a", "type": "ORG", "name": "A", "aliases": ["Foo"]},
            {"id": "b", "type": "ORG", "name": "B", "acronyms": ["FOO"]},
        ],
    }
    assert _check_unique_aliases(doc)
    doc["ambiguous_aliases"] = ["foo"]
    assert not _check_unique_aliases(doc)


# ------------------------------------------------------------------ people


PEOPLE = _by_kind("people")
PEOPLE_BY_ID = {p["id"]: p for p in PEOPLE}


def test_people_schema():
    assert len(PEOPLE) >= 100
    for p in PEOPLE:
        _check_actor_common(p, {"PERSON"})
        assert p.get("gender") in {"m", "f"}, p["id"]
        assert _valid_iso3(p["country"]), p["id"]
        assert isinstance(p.get("surname"), str) and p["surname"], p["id"]
        assert p["surname"].casefold() in p["name"].casefold(), p["id"]
        assert isinstance(p.get("roles"), list) and p["roles"], p["id"]
        for r in p["roles"]:
            assert set(r) <= {"title", "office", "country", "start", "end", "acting", "approx", "note"}, r
            assert isinstance(r["title"], str) and r["title"], (p["id"], r)
            assert r["office"] in OFFICES, (p["id"], r)
            assert r["country"] is None or _valid_iso3(r["country"]), (p["id"], r)
            start = _date(r["start"])
            if r["end"] is not None:
                assert start <= _date(r["end"]), (p["id"], r)
            for k in ("acting", "approx"):
                assert isinstance(r.get(k, False), bool)
            if r.get("acting"):
                assert r["office"] != "other"


def test_people_gold_names_and_roles():
    names = {p["name"] for p in PEOPLE}
    for n in (
        "Yoon Suk Yeol",
        "Kim Jong Un",
        "Cho Tae-yul",
        "Cho Tae-yong",
        "Park Jin",
        "Shin Won-sik",
        "Antony Blinken",
        "Donald Trump",
    ):
        assert n in names, n
    yoon = PEOPLE_BY_ID["yoon-suk-yeol"]
    assert {"Yoon Seok-yeol", "Yoon Suk-yeol"} <= set(yoon["aliases"])
    assert "Kim Jong-un" in PEOPLE_BY_ID["kim-jong-un"]["aliases"]
    titles = {r["title"] for p in PEOPLE for r in p["roles"]}
    for t in (
        "South Korean Foreign Minister",
        "US Secretary of State",
        "President of South Korea",
        "US President-elect",
        "Leader of North Korea",
        "Director of the South Korean National Security Office",
    ):
        assert t in titles, t


def _holders(country: str, office: str, day: dt.date) -> list[str]:
    out = []
    for p in PEOPLE:
        for r in p["roles"]:
            if r["country"] == country and r["office"] == office:
                end = _date(r["end"]) if r["end"] is not None else dt.date.max
                if _date(r["start"]) <= day <= end:
                    out.append(p["id"])
    return out


def role_at(person_id: str, day: dt.date) -> list[str]:
    return [
        r["title"]
        for r in PEOPLE_BY_ID[person_id]["roles"]
        if _date(r["start"]) <= day <= (_date(r["end"]) if r["end"] else dt.date.max)
    ]


def test_cho_tae_yul_and_cho_tae_yong_are_distinct():
    yul, yong = PEOPLE_BY_ID["cho-tae-yul"], PEOPLE_BY_ID["cho-tae-yong"]
    assert yul["name"] != yong["name"]
    forms_yul = {f.casefold() for f in [yul["name"], *yul["aliases"]]}
    forms_yong = {f.casefold() for f in [yong["name"], *yong["aliases"]]}
    assert not forms_yul & forms_yong
    offices_yul = {r["office"] for r in yul["roles"]}
    offices_yong = {r["office"] for r in yong["roles"]}
    assert "foreign_minister" in offices_yul and "national_security_adviser" not in offices_yul
    assert "national_security_adviser" in offices_yong and "foreign_minister" not in offices_yong
    # the roles do not overlap in time: Cho Tae-yong left the NSO before Cho Tae-yul became FM
    nso = next(r for r in yong["roles"] if r["office"] == "national_security_adviser")
    fm = next(r for r in yul["roles"] if r["office"] == "foreign_minister")
    assert _date(nso["end"]) < _date(fm["start"])
    assert role_at("cho-tae-yul", dt.date(2024, 11, 12)) == ["South Korean Foreign Minister"]
    assert role_at("cho-tae-yong", dt.date(2023, 6, 1)) == [
        "Director of the South Korean National Security Office"
    ]


def test_known_roles_at_dates():
    assert role_at("donald-trump", dt.date(2024, 11, 12)) == ["US President-elect"]
    assert role_at("donald-trump", dt.date(2025, 3, 1)) == ["US President"]
    assert "US Secretary of State" in role_at("antony-blinken", dt.date(2023, 4, 1))
    assert _holders("KOR", "head_of_state", dt.date(2024, 11, 12)) == ["yoon-suk-yeol"]
    assert _holders("KOR", "head_of_state", dt.date(2025, 8, 1)) == ["lee-jae-myung"]
    assert _holders("JPN", "head_of_government", dt.date(2025, 11, 1)) == ["sanae-takaichi"]
    assert _holders("RUS", "foreign_minister", dt.date(2017, 1, 1)) == ["sergey-lavrov"]
    assert _holders("KOR", "national_security_adviser", dt.date(2024, 11, 12)) == ["shin-won-sik"]


def _gaps(country: str, office: str) -> list[tuple[dt.date, dt.date]]:
    out = []
    for d in DOCS.values():
        for g in d.get("documented_gaps", []):
            if g["country"] == country and g["office"] == office:
                out.append((_date(g["start"]), _date(g["end"])))
    return out


def _uncovered(country: str, office: str) -> list[dt.date]:
    gaps = _gaps(country, office)
    missing = []
    day = COVER_FROM
    while day <= COVER_TO:
        if not _holders(country, office, day) and not any(a <= day <= b for a, b in gaps):
            missing.append(day)
        day += dt.timedelta(days=1)
    return missing


@pytest.mark.parametrize("country", CORE)
@pytest.mark.parametrize("office", ["head_of_state", "foreign_minister", "defence_minister"])
def test_core_offices_always_filled(country, office):
    missing = _uncovered(country, office)
    assert not missing, f"{country} {office}: {len(missing)} uncovered days, first {missing[:3]}"


@pytest.mark.parametrize("country", ["JPN", "CHN", "RUS", "UKR"])
def test_heads_of_government_always_filled(country):
    assert not _uncovered(country, "head_of_government")


def test_documented_gaps_are_real_gaps():
    for d in DOCS.values():
        for g in d.get("documented_gaps", []):
            day = _date(g["start"])
            while day <= _date(g["end"]):
                assert not _holders(g["country"], g["office"], day), f"gap {g} is not a gap on {day}"
                day += dt.timedelta(days=1)


def test_no_two_full_holders_of_an_office():
    """Two non-acting holders of the same core office may only overlap on a handover day."""
    for country in CORE:
        for office in ("head_of_state", "foreign_minister", "defence_minister"):
            spans = [
                (p["id"], _date(r["start"]), _date(r["end"]) if r["end"] else dt.date.max)
                for p in PEOPLE
                for r in p["roles"]
                if r["country"] == country and r["office"] == office and not r.get("acting")
            ]
            for i, (a, s1, e1) in enumerate(spans):
                for b, s2, e2 in spans[i + 1 :]:
                    if a == b:
                        continue
                    overlap = (min(e1, e2) - max(s1, s2)).days
                    assert overlap <= 0, f"{country} {office}: {a} and {b} overlap {overlap} days"

#!/usr/bin/env python3
"""Generate ``src/tidings/data/gazetteer/states.yaml`` and ``territories.yaml``.

The skeleton comes from pycountry (ISO 3166-1); the news-facing knowledge
(canonical short names, capitals, demonyms, extra aliases) comes from
``src/tidings/data/gazetteer/_build/states_table.txt``; acronyms, contextual aliases,
landmark metonyms and notes for the countries tidings cares most about are
curated in the ``CURATED`` dict below.  Hand edits belong here (or in the
table), not in the generated YAML, so that re-running the script is lossless.

    .venv/bin/python scripts/build_gazetteer.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import yaml

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "src" / "tidings" / "data" / "gazetteer" / "_build" / "states_table.txt"
MISSPELLINGS = ROOT / "src" / "tidings" / "data" / "gazetteer" / "_build" / "misspellings.txt"
OUT = ROOT / "src" / "tidings" / "data" / "gazetteer"

# Capitals that are NOT used as metonyms for the government: same string as the
# state or another place / common word, or not the seat of government.
NON_METONYM_CAPITALS = {
    "Djibouti", "Luxembourg", "Monaco", "San Marino", "Singapore", "Vatican City", "Kuwait City",
    "Victoria", "Kingston", "Kingstown", "Georgetown", "St. John's", "St. George's", "Malé", "Male",
    "Praia", "Panama City", "Guatemala City", "Amsterdam", "Cotonou", "Abidjan", "Bujumbura",
    "Dar es Salaam", "Sucre", "Cape Town", "Lobamba", "Aden", "Tarawa", "Washington, D.C.",
    "Washington D.C.", "Washington, DC", "Delhi", "Yaren", "Palikir", "Ngerulmud", "Funafuti",
    "Majuro", "Apia", "Port Louis", "Castries", "Basseterre", "Roseau", "Nassau", "Belmopan",
    "Valletta", "Vaduz", "Andorra la Vella", "Honiara", "Port Vila", "Nuku'alofa", "Dili", "Suva",
}  # fmt: skip

CURATED: dict[str, dict] = {
    "KOR": {
        "acronyms": ["ROK", "R.O.K."],
        "contextual_aliases": ["the South", "South"],
        "notes": "'Korea' alone means South Korea in most English news (gold: seed-001); in North "
        "Korean state media it can mean the DPRK or the peninsula. 'the South' only with a Korean "
        "context. The presidential office (Blue House / Cheong Wa Dae, Yongsan) is an ORG in "
        "government_bodies.yaml, not a state metonym.",
    },
    "PRK": {
        "acronyms": ["DPRK", "D.P.R.K."],
        "contextual_aliases": ["the North", "North"],
        "notes": "'the North' used as a noun is a surface form of North Korea (gold conventions) but "
        "only where the article is about the Korean peninsula.",
    },
    "USA": {
        "acronyms": ["US", "U.S.", "USA", "U.S.A.", "U.S.A"],
        "contextual_aliases": ["the States"],
        "notes": "The White House and the Pentagon are ORGs (government_bodies.yaml, "
        "metonym_for_state: false); 'Washington' standing for the government is a STATE surface form.",
    },
    "GBR": {
        "acronyms": ["UK", "U.K."],
        "landmark_metonyms": ["Whitehall"],
        "notes": "Downing Street / Number 10 is the Prime Minister's Office (ORG).",
    },
    "CHN": {
        "acronyms": ["PRC", "P.R.C."],
        "contextual_aliases": ["the mainland"],
        "landmark_metonyms": ["Zhongnanhai"],
    },
    "RUS": {
        "landmark_metonyms": ["the Kremlin", "Kremlin"],
        "notes": "Decision: 'the Kremlin' standing for the Russian leadership is a STATE surface form of "
        "Russia (like a capital), because the gold treats capitals standing for their government as "
        "STATE surface forms and news uses 'the Kremlin said' exactly like 'Moscow said'. The "
        "Presidential Executive Office of Russia (ORG) keeps only its own names; 'Kremlin "
        "spokesman' is a role title (Dmitry Peskov), not an actor.",
    },
    "JPN": {
        "landmark_metonyms": ["Kasumigaseki"],
        "notes": "'Kasumigaseki' stands for Japan's central bureaucracy (often the Foreign Ministry); "
        "it is kept here as a government metonym. 'Nagatacho' means the political world (Diet/LDP), "
        "not the state, and is not listed.",
    },
    "TWN": {
        "acronyms": ["ROC", "R.O.C."],
        "notes": "pycountry names it 'Taiwan, Province of China'; news uses 'Taiwan'. 'Chinese Taipei' "
        "is the name used in sports and APEC.",
    },
    "ARE": {"acronyms": ["UAE", "U.A.E."]},
    "SAU": {"acronyms": ["KSA"]},
    "ISR": {
        "contextual_aliases": ["the Jewish state"],
        "notes": "Israel's seat of government is Jerusalem; some outlets (and Arab/Iranian/Chinese "
        "state media) use 'Tel Aviv' as the metonym. Both are listed as metonyms; 'Jerusalem' is also "
        "claimed as the capital of Palestine, so resolve it as Israel only when it acts as a speaker.",
    },
    "PSE": {"notes": "Ramallah is the seat of the Palestinian Authority; Gaza is governed separately. "
                     "The Gaza Strip, the West Bank and East Jerusalem (the Palestinian territories) are "
                     "names of Palestine: places when they are places ('in Gaza'), the Palestinian side "
                     "when they act or are acted on ('Gaza's health ministry', 'strikes on Gaza')."},
    "IRN": {"contextual_aliases": ["the Islamic Republic"],
            "notes": "'the Islamic Republic' alone is Iran in news (Pakistan, Afghanistan and Mauritania "
            "are so named only with 'of'); 'the Jewish state' is Israel. 'The hermit kingdom' and 'the "
            "reclusive state' are left out: they are also said of other states (Bhutan, Turkmenistan)."},
    "TUR": {"notes": "Official English name changed to 'Türkiye' in 2022; most news still writes 'Turkey'."},
    "CZE": {"notes": "Short name 'Czechia' since 2016; news uses both."},
    "UKR": {"notes": "'Kiev' is the older romanisation of Kyiv, still used by some outlets and in Russian media."},
    "KAZ": {"notes": "The capital was named Nur-Sultan from 2019-03-23 to 2022-09-17."},
    "MKD": {"notes": "Renamed from 'Macedonia' / FYROM in February 2019."},
    "SWZ": {"notes": "Renamed from Swaziland in 2018."},
    "COD": {"notes": "Named Zaire from 1971 to 1997; 'Zaire' in older news is this state."},
    "KHM": {"notes": "Named (Democratic) Kampuchea 1975-1989; older news writes 'Kampuchean'."},
    "LKA": {"notes": "Named Ceylon until 1972."},
    "DEU": {"notes": "'West Germany' (the Federal Republic before 1990) is the same state; East Germany "
                     "(GDR, 1949-1990) is not listed."},
    "ZWE": {"notes": "'Rhodesia' (the unrecognised state of 1965-1979) is the same territory's government "
                     "in older news."},
    "GEO": {"notes": "Also a US state: resolve 'Georgia' as the country only with a foreign-affairs context."},
    "JOR": {"notes": "Also a given name (Jordan)."},
    "YEM": {"notes": "Sanaa is held by the Houthis since 2014; the recognised government sits in Aden. "
            "'Sanaa' as a speaker usually means the Houthi authorities."},
    "SDN": {"notes": "Wartime seat of the army-led government is Port Sudan (since 2023)."},
    "NLD": {"notes": "The Hague is the seat of government and of the ICC/ICJ: 'The Hague' may mean the courts."},
    "IND": {"notes": "'New Delhi' and 'Delhi' are both used as metonyms; 'Delhi' is not listed as one."},
    "VNM": {"notes": "pycountry/ISO name is 'Viet Nam'."},
    "PHL": {"notes": "'Philippine' is an adjective, 'Filipino' the demonym."},
    "MNG": {}, "BLR": {}, "TWN_": {}, "SYR": {}, "IRQ": {}, "AFG": {}, "PAK": {}, "QAT": {},
    "EGY": {}, "AUS": {}, "CAN": {}, "FRA": {"landmark_metonyms": ["the Élysée", "the Elysee", "Élysée"]},
    "CAF": {},
}  # fmt: skip
CURATED.pop("TWN_")

TERRITORY_PARENT = {
    "ABW": "NLD", "AIA": "GBR", "ALA": "FIN", "ASM": "USA", "ATA": None, "ATF": "FRA", "BES": "NLD",
    "BLM": "FRA", "BMU": "GBR", "BVT": "NOR", "CCK": "AUS", "COK": "NZL", "CUW": "NLD", "CXR": "AUS",
    "CYM": "GBR", "ESH": None, "FLK": "GBR", "FRO": "DNK", "GGY": "GBR", "GIB": "GBR", "GLP": "FRA",
    "GRL": "DNK", "GUF": "FRA", "GUM": "USA", "HKG": "CHN", "HMD": "AUS", "IMN": "GBR", "IOT": "GBR",
    "JEY": "GBR", "MAC": "CHN", "MAF": "FRA", "MNP": "USA", "MSR": "GBR", "MTQ": "FRA", "MYT": "FRA",
    "NCL": "FRA", "NFK": "AUS", "NIU": "NZL", "PCN": "GBR", "PRI": "USA", "PYF": "FRA", "REU": "FRA",
    "SGS": "GBR", "SHN": "GBR", "SJM": "NOR", "SPM": "FRA", "SXM": "NLD", "TCA": "GBR", "TKL": "NZL",
    "UMI": "USA", "VGB": "GBR", "VIR": "USA", "WLF": "FRA",
}  # fmt: skip
TERRITORY_EXTRA = {"MAC": ["Macau"], "HKG": ["Hong Kong SAR"], "ESH": ["Sahrawi Arab Democratic Republic"]}

OFFICIAL = {
    "KOR": "Republic of Korea", "XKX": "Republic of Kosovo", "TWN": "Republic of China (Taiwan)",
    "VAT": "Holy See (Vatican City State)", "FSM": "Federated States of Micronesia",
    "COD": "Democratic Republic of the Congo", "LAO": "Lao People's Democratic Republic",
    "SYR": "Syrian Arab Republic", "ARE": "United Arab Emirates", "RUS": "Russian Federation",
    "JPN": "Japan", "GBR": "United Kingdom of Great Britain and Northern Ireland",
    "ERI": "State of Eritrea", "PSE": "State of Palestine",
}

CORE = ["KOR", "PRK", "USA", "JPN", "CHN", "RUS", "UKR"]


def is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def uniq(seq):
    seen, out = set(), []
    for s in seq:
        s = s.strip()
        if s and s.casefold() not in seen:
            seen.add(s.casefold())
            out.append(s)
    return out


def iso_names(c) -> list[str]:
    names = [getattr(c, "name", ""), getattr(c, "common_name", ""), getattr(c, "official_name", "")]
    out = []
    for n in names:
        if not n or "," in n:  # "Korea, Republic of": never printed in news
            continue
        out.append(re.sub(r"^the ", "", n))
    return out


def read_misspellings() -> dict[str, tuple[list[str], list[str]]]:
    """ISO3 -> (misspelt names, misspelt demonyms) from ``_build/misspellings.txt``."""
    out = {}
    for line in MISSPELLINGS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, names, dems = (f.strip() for f in line.split("|"))
        out[iso3] = ([s for s in names.split(";") if s], [s for s in dems.split(";") if s])
    return out


def build_states() -> list[dict]:
    misspelt = read_misspellings()
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        iso3, name, caps, dems, extra = (f.strip() for f in line.split("|"))
        rows.append((iso3, name, caps, dems, extra))
    entries = []
    for iso3, name, caps, dems, extra in sorted(rows):
        c = pycountry.countries.get(alpha_3=iso3)
        cur = CURATED.get(iso3, {})
        names = ([*iso_names(c)] if c else []) + [s for s in extra.split(";") if s]
        acronyms = [n for n in names if is_acronym(n)] + cur.get("acronyms", [])
        aliases = [n for n in names if not is_acronym(n) and n.casefold() != name.casefold()]
        capitals = [s for s in caps.split(";") if s]
        entry = {
            "id": iso3.lower(),
            "name": name,
            "type": "STATE",
            "country": iso3,
            "iso2": c.alpha_2 if c else "XK",
            "official_name": OFFICIAL.get(iso3) or getattr(c, "official_name", None) or (
                c.name if c and "," not in c.name else name),
            "aliases": uniq(aliases),
            "acronyms": uniq(acronyms),
            "contextual_aliases": cur.get("contextual_aliases", []),
            "demonyms": uniq(dems.split(";")),
            "capitals": capitals,
            "metonyms": [s for s in capitals if s not in NON_METONYM_CAPITALS and s != name],
            "landmark_metonyms": cur.get("landmark_metonyms", []),
            "curated": iso3 in CURATED,
        }
        names_bad, dems_bad = misspelt.get(iso3, ([], []))
        known = {x.casefold() for x in [name, *aliases, *entry["demonyms"]]}
        if [x for x in names_bad if x.casefold() not in known]:
            entry["misspellings"] = [x for x in names_bad if x.casefold() not in known]
        if [x for x in dems_bad if x.casefold() not in known]:
            entry["demonym_misspellings"] = [x for x in dems_bad if x.casefold() not in known]
        if iso3 == "XKX":
            entry["iso_user_assigned"] = True
        if cur.get("notes"):
            entry["notes"] = cur["notes"]
        entries.append(entry)
    return entries


def build_territories(state_codes: set[str]) -> list[dict]:
    out = []
    for c in pycountry.countries:
        if c.alpha_3 in state_codes:
            continue
        if c.alpha_3 not in TERRITORY_PARENT:
            raise SystemExit(f"{c.alpha_3} ({c.name}) is neither a state in the table nor a known territory")
        names = iso_names(c) + TERRITORY_EXTRA.get(c.alpha_3, [])
        name = getattr(c, "common_name", None) or c.name
        out.append({
            "id": c.alpha_3.lower(),
            "name": name,
            "country": c.alpha_3,
            "iso2": c.alpha_2,
            "sovereign": TERRITORY_PARENT[c.alpha_3],
            "aliases": uniq(n for n in names if n.casefold() != name.casefold()),
        })
    return out


HEADER_STATES = """\
# States: generated by scripts/build_gazetteer.py from pycountry + src/tidings/data/gazetteer/_build/states_table.txt
# (+ the CURATED dict in the script). Edit those, then re-run the script; do not edit by hand.
# Schema: see README.md in this folder. Fields:
#   name: canonical short name as news uses it; country: ISO 3166-1 alpha-3 (XKX = Kosovo, user-assigned)
#   aliases: proper-name variants (match case-insensitively); acronyms: match case-sensitively, exactly
#   contextual_aliases: only with a matching article context (the North / the South)
#   demonyms: country SIGNALS only, never actor surface forms
#   capitals: facts; metonyms: capitals/seats that stand for the government (STATE surface forms when
#   they act or speak: "Pyongyang said"), never when they are places ("talks in Seoul")
#   landmark_metonyms: buildings standing for the whole government (the Kremlin)
#   misspellings / demonym_misspellings: misspelt forms real news prints ("Isreal", "Quatari"),
#   from _build/misspellings.txt; matched only capitalised and exactly, never actor aliases
"""

HEADER_TERR = """\
# Dependent territories and special areas from ISO 3166-1 that are not states (generated by
# scripts/build_gazetteer.py). Not actors by themselves; 'sovereign' is the administering state.
"""


def dump(path: Path, header: str, doc: dict) -> None:
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=110, default_flow_style=None)
    path.write_text(header + text, encoding="utf-8")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    states = build_states()
    codes = {s["country"] for s in states}
    missing = set(CURATED) - codes
    assert not missing, missing
    dump(OUT / "states.yaml", HEADER_STATES, {"kind": "states", "version": 1, "ambiguous_aliases": [
        "Congo", "Dominican", "Congolese"], "entries": states})
    terr = build_territories(codes)
    dump(OUT / "territories.yaml", HEADER_TERR, {"kind": "territories", "version": 1, "entries": terr})
    print(f"states: {len(states)}  territories: {len(terr)}")


if __name__ == "__main__":
    main()

"""Cleaning rules, on pages written for these tests and on the real seed pages in ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.clean import clean, line_keys, part_source, site_of
from tidings.clean.dates import find_dates, url_date
from tidings.clean.lexicon import Lexicon
from tidings.clean.lines import Kind, classify, split_lines
from tidings.models import RawDocument
from tidings.read import iter_documents

PAGES = Path(__file__).parent / "fixtures" / "pages"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "corpus" / "seeds.jsonl"
GOLD = SHARED / "gold" / "seeds"
needs_shared = pytest.mark.skipif(
    not SEEDS.exists(), reason="../shared (real seed pages) is not beside the repo"
)


def page(name: str):
    docs = list(iter_documents([PAGES / name]))
    assert len(docs) == 1 and isinstance(docs[0], RawDocument), docs
    return clean(docs[0])


def raw_text(name: str) -> str:
    doc = next(iter(iter_documents([PAGES / name])))
    return doc.text


# --------------------------------------------------------------------------- lines


def test_word_broken_across_lines_is_rejoined_without_a_space():
    lines = split_lines("On the deepening of military coope\nration between Russia and North Korea, it said.")
    assert len(lines) == 1
    assert "military cooperation between" in lines[0].text


def test_sentence_broken_across_lines_is_rejoined_with_a_space():
    lines = split_lines(
        "It will work closely with Tokyo in a future-oriented manner,\nparticularly as next year marks."
    )
    assert lines[0].text.endswith("manner, particularly as next year marks.")


def test_two_whole_words_across_a_break_keep_their_space():
    lines = split_lines("The talks were held over\nall three days of the summit.")
    assert "over all three" in lines[0].text


def test_lines_after_a_blank_line_are_not_joined():
    lines = split_lines("A headline without an end\n\nlower-case start of something else.")
    assert len(lines) == 2


def test_kinds_of_lines():
    text = "\n".join(
        [
            "Copyright © 2024 Example Daily. All rights reserved.",
            "이 글자크기로 변경됩니다.",
            "By Kim Min-ji",
            "Updated: Nov 12, 2024 6:57 pm",
            "Seoul and Tokyo agree to expand defense talks",
            "The two governments agreed on Tuesday to hold regular talks between their defense chiefs, officials said.",
            "Most Commented",
            "6091",
        ]
    )
    lines = split_lines(text)
    classify(lines, Lexicon.default())
    kinds = [x.kind for x in lines]
    assert kinds == [
        Kind.FURNITURE,
        Kind.FOREIGN,
        Kind.META,
        Kind.META,
        Kind.HEADLINE,
        Kind.PROSE,
        Kind.FURNITURE,
        Kind.FURNITURE,
    ]


def test_learned_boilerplate_is_furniture():
    lines = split_lines("Readers can reach the newsroom around the clock with tips and corrections.")
    classify(lines, Lexicon.default())
    assert lines[0].kind is Kind.PROSE
    classify(lines, Lexicon.default(), boilerplate=frozenset({lines[0].key}))
    assert lines[0].kind is Kind.FURNITURE


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuesday, November 12, 2024", "2024-11-12"),
        ("By IANS Updated: Nov 12, 2024 6:57 pm", "2024-11-12"),
        ("2024/06/13 17:05 KST", "2024-06-13"),
        ("Written: 2024-06-20 15:16:36", "2024-06-20"),
        ("Published : Feb. 18, 2025 - 14:22", "2025-02-18"),
        ("12 November 2024", "2024-11-12"),
        ("입력 2024.11.12. 오후 6:57", "2024-11-12"),
        ("2024년 6월 13일", "2024-06-13"),
        ("12.03.2025 10:15", "2025-03-12"),
    ],
)
def test_page_dates(text, value):
    assert [d.value for d in find_dates(text)] == [value]


def test_ambiguous_slash_dates_are_not_guessed():
    assert find_dates("06/07/2024") == []
    assert find_dates("February 30, 2024") == []


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://v.daum.net/v/20241112182451750", "2024-11-12"),
        ("https://example.com/news/2024/11/12/some-story/", "2024-11-12"),
        ("https://example.com/world/2024-11-12-some-story", "2024-11-12"),
        ("https://kangnamtimes.com/korea/article/58085", None),
        ("https://wire.example/view/AEN20240619007352315", "2024-06-19"),  # an article code opening with the date
        ("https://example.com/world/2025/mar/19/talks-resume", "2025-03-19"),  # month by name
        ("https://example.com/world/2025/mar/talks-resume", None),
        ("https://example.com/p/20241301abc", None),  # no month 13
        ("https://example.com/article/1234567", None),
    ],
)
def test_url_dates(url, value):
    assert url_date(url) == value


# --------------------------------------------------------------------------- whole pages written for the tests


def test_agency_page_keeps_paragraphs_and_drops_furniture():
    (art,) = page("agency-lead.txt")
    assert art.title == "(LEAD) N. Korea fires ballistic missile into East Sea: JCS"
    assert art.published == "2025-03-04"
    assert art.body.startswith("SEOUL, March 4 (Harbor) -- North Korea fired")
    assert art.body.endswith("outside its exclusive economic zone.")
    for junk in [
        "Advertisement",
        "This photo, released",
        "(END)",
        "Most Viewed",
        "BTS member",
        "Copyright",
        "jdoe@",
    ]:
        assert junk not in art.body
    assert art.body.count("\n\n") == 4  # five paragraphs, caption and ad gone


def test_related_box_inside_the_body_is_dropped_and_the_body_goes_on():
    (art,) = page("herald-style.txt")
    assert art.title == "Seoul, Tokyo vow closer coordination on North Korea"
    assert art.byline == "Park Min-seo"
    assert art.published == "2025-02-18"
    assert art.body.startswith("TOKYO -- The foreign ministers")
    assert art.body.endswith("Group of Seven gathering next month.")
    assert "Japan PM to visit Seoul" not in art.body
    assert "(Meridian Herald)" not in art.body
    assert "K-pop group" not in art.body
    assert "The two sides did not settle" in art.body


def test_wire_page_drops_credits_and_reads_byline_and_date():
    (art,) = page("wire-reuters-style.txt")
    assert art.title.startswith("Ukraine says it downed 40 drones overnight")
    assert art.byline == "Anna Petrenko and Mark Hollis"
    assert art.published == "2025-07-09"
    assert art.body.endswith("could be independently verified.")
    assert "Reporting by" not in art.body and "Trust Principles" not in art.body


def test_cp1251_page_is_decoded_and_its_russian_ui_dropped():
    docs = list(iter_documents([PAGES / "ledger-cp1251.txt"]))
    assert docs[0].encoding.lower().replace("-", "") in {"cp1251", "windows1251"}
    (art,) = clean(docs[0])
    assert art.title == "Russia and Belarus hold joint drills near Polish border"
    assert art.published == "2025-03-12"
    assert "Поделиться" not in art.body and "права" not in art.body
    assert art.language == "en"


def test_offsets_map_body_back_to_raw_text():
    (art,) = page("agency-lead.txt")
    raw = raw_text("agency-lead.txt")
    for word in ["ballistic", "springtime", "exclusive"]:
        at = art.body.index(word)
        r = art.offsets.to_raw(at)
        assert raw[r : r + len(word)] == word


def test_appended_article_is_split_off_with_its_own_title():
    text = "\n".join(
        [
            "Allies pledge support for reconstruction fund - Daily Ledger",
            "Allies pledge support for reconstruction fund",
            "By Daily Ledger staff",
            "LONDON -- Donor countries pledged new money for a reconstruction fund on Monday, officials said.",
            "The pledges came at a conference attended by ministers from more than forty countries and agencies.",
            "Organizers said the fund would finance housing, power grids and water systems over five years.",
            "Central bank holds rates steady as inflation cools",
            "Allies pledge support for reconstruction fund",
            "FRANKFURT -- The central bank kept its key interest rate unchanged on Thursday, as expected by markets.",
            "Policymakers said inflation had eased for a third month but remained above their target for the year.",
            "The bank will publish new forecasts at its next meeting in six weeks, a spokesperson said.",
        ]
    )
    arts = clean(
        RawDocument(source="ledger/page.txt", text=text, url="https://dailyledger.example/2025/03/10/x")
    )
    assert [a.seq for a in arts] == [0, 1]
    main, second = arts
    assert main.title == "Allies pledge support for reconstruction fund"
    assert main.outlet == "Daily Ledger"
    assert main.body.endswith("over five years.") and "FRANKFURT" not in main.body
    assert second.title == "Central bank holds rates steady as inflation cools"
    assert second.body.startswith("FRANKFURT") and second.body.endswith("in six weeks, a spokesperson said.")
    assert second.source == "ledger/page#1.txt" and second.id != main.id
    assert main.published == second.published == "2025-03-10"


def test_crosshead_between_paragraphs_stays_in_the_body():
    text = "\n".join(
        [
            "Parliament passes budget after all-night session",
            "The parliament approved next year's budget early on Friday after a session that lasted all night.",
            "Lawmakers from both main parties voted for the bill, which raises defense spending by six percent.",
            "Spending on welfare",
            "Welfare spending will rise more slowly than inflation, a change the opposition had fought against.",
        ]
    )
    (art,) = clean(RawDocument(source="x.txt", text=text))
    assert "\n\nSpending on welfare\n\n" in art.body


def test_a_page_without_prose_has_no_article():
    assert clean(RawDocument(source="x.txt", text="Home\nNews\nLogin\nCopyright 2024")) == []


def test_paragraph_printed_twice_is_kept_once():
    para = "The ministry said on Monday that it would review the agreement with its partners before the end of the year."
    (art,) = clean(
        RawDocument(source="x.txt", text=f"{para}\n{para}\nIt gave no further details of the review.")
    )
    assert art.body.count("review the agreement") == 1


def test_site_and_line_keys():
    doc = RawDocument(source="a/b.txt", text="Line one here\nLine two here", url="https://www.example.com/x")
    assert site_of(doc) == "example.com"
    assert len(line_keys(doc)) == 2
    assert site_of(RawDocument(source="folder/sub/page.txt", text="x")) == "folder/sub"
    assert part_source("seed-000.txt", 1) == "seed-000#1.txt"


def test_pattern_set_answers_as_its_patterns_one_by_one():
    import re

    from tidings.clean.lexicon import PatternSet

    patterns = [
        "^(home|menu)$",  # anchored: joined with the other anchored ones
        "^(a+)b\\1$",  # a back-reference: kept apart
        "^(?P<n>x)y",  # a named group
        "^(?P<n>z)w",  # the same name again: cannot join, kept apart
        "©|ⓒ",  # literals: run only when one is in the line
        "\\bcopyright\\s*\\d{4}",
        "[.!?]\\s*\\([^()]{2,40}\\)$",
        "\\d+ views",  # no literal every match holds but ' views'
    ]
    ps = PatternSet(patterns)
    lines = [
        "home", "home page", "aabaa", "aaba", "xy", "zw", "zwx", "© 2024", "copyright 2024 x", "copyright x",
        "the end. (ap photo)", "12 views", "views", "", "menu",
    ]  # fmt: skip
    for line in lines:
        assert ps.search(line) == any(re.search(p, line) for p in patterns), line
    lex = Lexicon.default()
    for line in [
        "© 2024 the courier. all rights reserved.",
        "share this",
        "read more:",
        "by kim",
        "12,345 views",
    ]:
        for name in ("furniture", "furniture_short", "caption", "ui_short"):
            pset = getattr(lex, name)
            assert pset.search(line) == any(p.search(line) for p in pset.patterns), (name, line)


def test_split_lines_spans_and_blank_lines():
    raw = "  Title here \n\n\t\nFirst paragraph of the story goes on and\r\ncontinues here.\n \nLast one."
    lines = split_lines(raw)
    assert [x.text for x in lines] == [
        "Title here",
        "First paragraph of the story goes on and continues here.",
        "Last one.",
    ]
    assert [x.blank_before for x in lines] == [False, True, True]  # white space only counts as blank
    assert [[raw[s:e] for s, e in x.parts] for x in lines] == [
        ["Title here"],
        ["First paragraph of the story goes on and", "continues here."],
        ["Last one."],
    ]
    assert lines[1].seps == [" "] and [x.index for x in lines] == [0, 1, 2]


# --------------------------------------------------------------------------- real pages (../shared)


@needs_shared
@pytest.mark.parametrize("n", range(5))
def test_seed_pages_body_title_date_against_gold(n):
    records = [json.loads(x) for x in SEEDS.read_text(encoding="utf-8").splitlines() if x.strip()]
    rec = records[n]
    gold = json.loads((GOLD / (Path(rec["source"]).stem + ".json")).read_text(encoding="utf-8"))
    arts = clean(RawDocument(source=rec["source"], text=rec["text"], url=rec.get("url")))
    main = arts[0]
    assert main.body.startswith(gold["body_start"].strip()[:40])
    assert main.body.endswith(gold["body_end"].strip()[-40:])
    for junk in gold["boilerplate_examples"]:
        if len(junk) >= 15:
            assert junk not in main.body
    assert (main.title or None) == gold["title"] or main.title.casefold() == (gold["title"] or "").casefold()
    assert main.published == gold["published"]


@needs_shared
def test_seed_000_carries_a_second_article():
    rec = json.loads(SEEDS.read_text(encoding="utf-8").splitlines()[0])
    arts = clean(RawDocument(source=rec["source"], text=rec["text"], url=rec.get("url")))
    assert len(arts) == 2
    assert arts[1].title.startswith("Trump’s focus on allies’ security")
    assert arts[1].body.startswith("The foreign policy focus of the incoming US administration")
    assert "Shin Won-sik" not in arts[1].body and "Cho Tae-yul" not in arts[0].body


def test_keyed_lines_classify_as_split_lines():
    from tidings.clean import keyed_lines

    raw = raw_text("herald-style.txt")
    lex = Lexicon.default()
    a, b = split_lines(raw), keyed_lines(raw)
    assert all(x.key and x.norm for x in b)
    classify(a, lex)
    classify(b, lex)
    fields = ("text", "parts", "kind", "why", "words", "key", "norm", "repeats", "list_item")
    assert [[getattr(x, f) for f in fields] for x in a] == [[getattr(x, f) for f in fields] for x in b]
    doc = RawDocument(source="herald-style.txt", text=raw)
    assert clean(doc, lines=keyed_lines(raw)) == clean(doc)


def test_last_paragraph_closed_by_a_wire_end_mark_is_kept():
    (art,) = page("agency-end-mark.txt")
    # "(END)" closes the story's last sentence: no caption credit, no headline
    assert art.body.endswith("a joint survey of stocks would begin in April. (END)")
    assert "ending a year-long pause" in art.body
    # a caption's credit in brackets still marks a caption
    assert "shaking hands" not in art.body
    assert "Copyright" not in art.body
    assert "Become a member" not in art.body  # a membership appeal after the story


def test_lower_case_byline_under_a_headline_is_its_own_line_and_stops_at_the_date():
    raw = (
        "Envoys agree to reopen the border crossing after a week of talks\n"
        "by Dana Whitlock February 13, 2025 1:05 AM\n"
        "Envoys from the two neighbours agreed on Wednesday to reopen the crossing, officials said.\n\n"
        "Trucks carrying grain and fuel had been stranded on both sides of the border since the closure, "
        "and traders said the week without the crossing had cost them dearly.\n\n"
        "The crossing will reopen to freight first and to passengers a week later, the envoys said in a "
        "joint statement read out to reporters after the last session of the talks.\n"
    )
    lines = split_lines(raw)
    assert [x.text for x in lines][1] == "by Dana Whitlock February 13, 2025 1:05 AM"
    (art,) = clean(RawDocument(source="t.txt", text=raw))
    assert art.byline == "Dana Whitlock"
    assert art.title.startswith("Envoys agree to reopen")


def test_a_sentence_broken_before_by_is_still_rejoined():
    raw = "The bill to expand the fund was passed on Tuesday after it was signed\nby President Rhee Jae-sung.\n"
    assert [x.text for x in split_lines(raw)] == [
        "The bill to expand the fund was passed on Tuesday after it was signed by President Rhee Jae-sung."
    ]

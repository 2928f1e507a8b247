"""The demo corpus (demo/pages) cleans as demo/expected.json says.

Every demo page is ingested through the Python API, exported as JSON Lines, and each
exported main article is checked for its title, publication date, where its body starts
and ends, boilerplate that must not survive and text that must.  Pages that carry an
appended (infinite-scroll) article must have it split off as an article of its own.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

import tidings

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "demo" / "pages"
EXPECTED = json.loads((ROOT / "demo" / "expected.json").read_text(encoding="utf-8"))["pages"]

QUOTE_CHARS = "\"'“”‘’«»„‟‹›"


def norm(s: str | None) -> str:
    """Fold the differences the scorer folds: case, quote marks, dashes, white space."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    for c in QUOTE_CHARS:
        s = s.replace(c, "")
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s).strip().casefold()


def source_key(source: str | None) -> str:
    """The expected.json key of an exported source: its file name, without a split-off suffix."""
    # a split-off article may carry a marker in its source ("page#1.txt", "page.txt#1")
    return re.sub(r"#\d+", "", Path(str(source or "")).name)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    """Ingest demo/pages once, export JSON Lines, and group the articles by source name."""
    tmp = tmp_path_factory.mktemp("demo")
    kb = tidings.open(tmp / "d.db")
    try:
        report = kb.ingest([str(PAGES)])
        assert not report.failed, f"demo pages failed to read: {report.failed}"
        out = tmp / "export.jsonl"
        kb.export("jsonl", str(out))
    finally:
        kb.close()
    groups: dict[str, list[dict]] = {}
    with out.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                article = json.loads(line)
                groups.setdefault(source_key(article.get("source")), []).append(article)
    return groups


def main_article(articles: list[dict]) -> dict:
    """The page's main article: ``seq`` 0 when the export carries it, else the first exported."""
    with_seq = [a for a in articles if isinstance(a.get("seq"), int)]
    return min(with_seq, key=lambda a: a["seq"]) if with_seq else articles[0]


def body_problems(body: str | None, spec: dict) -> list[str]:
    problems = []
    nb = norm(body)
    start, end = norm(spec["body_start"]), norm(spec["body_end"])
    if not nb.startswith(start):
        problems.append(f"body starts {nb[:60]!r}, expected {start!r}")
    if not nb.endswith(end):
        problems.append(f"body ends {nb[-60:]!r}, expected {end!r}")
    lines = {norm(line) for line in (body or "").splitlines() if line.strip()}
    for bad in spec.get("must_not_contain", []):
        nbad = norm(bad)
        # short strings ("Home", "4127") are checked as whole lines, long ones anywhere
        if (len(nbad) < 15 and nbad in lines) or (len(nbad) >= 15 and nbad in nb):
            problems.append(f"boilerplate left in body: {bad!r}")
    squeezed = re.sub(r"\s+", "", nb)
    for good in spec.get("must_contain", []):
        if re.sub(r"\s+", "", norm(good)) not in squeezed:
            problems.append(f"text missing from body: {good!r}")
    return problems


def test_expected_file_covers_every_demo_input() -> None:
    inputs = {spec["input"].split(":")[0] for spec in EXPECTED.values()}
    on_disk = {p.name for p in PAGES.iterdir() if p.is_file()}
    assert inputs == on_disk


def test_every_demo_page_is_exported(exported: dict[str, list[dict]]) -> None:
    missing = sorted(set(EXPECTED) - set(exported))
    assert not missing, f"no article exported for {missing}; exported sources: {sorted(exported)}"


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_demo_page(exported: dict[str, list[dict]], key: str) -> None:
    spec = EXPECTED[key]
    articles = exported.get(key)
    assert articles, f"{key}: not exported"
    article = main_article(articles)
    problems = []
    if norm(article.get("title")) != norm(spec["title"]):
        problems.append(f"title {article.get('title')!r} != {spec['title']!r}")
    if article.get("published") != spec["published"]:
        problems.append(f"published {article.get('published')!r} != {spec['published']!r}")
    problems += body_problems(article.get("body"), spec)
    assert not problems, f"{key}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize(
    ("key", "n"), [(key, n) for key in sorted(EXPECTED) for n in range(len(EXPECTED[key]["appended"]))]
)
def test_appended_article_is_split_off(exported: dict[str, list[dict]], key: str, n: int) -> None:
    spec = EXPECTED[key]["appended"][n]
    articles = exported.get(key) or []
    main = main_article(articles) if articles else None
    others = [a for a in articles if a is not main]
    assert others, f"{key}: the appended article {spec['title']!r} was not split off"
    # the split-off article that starts where expected
    start = norm(spec["body_start"])
    match = [a for a in others if norm(a.get("body")).startswith(start)]
    assert match, f"{key}: no split-off article starts with {spec['body_start']!r}"
    article = match[0]
    problems = []
    if norm(article.get("title")) != norm(spec["title"]):
        problems.append(f"title {article.get('title')!r} != {spec['title']!r}")
    if article.get("published") != spec["published"]:
        problems.append(f"published {article.get('published')!r} != {spec['published']!r}")
    problems += body_problems(article.get("body"), spec)
    assert not problems, f"{key} (appended #{n + 1}):\n  " + "\n  ".join(problems)

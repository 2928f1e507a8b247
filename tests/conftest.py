"""Shared fixtures: a store on a real SQLite file, generated news pages, a CLI runner."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
if str(SRC) not in sys.path:  # run from a checkout without `pip install -e .`
    sys.path.insert(0, str(SRC))

from click.testing import CliRunner, Result  # noqa: E402

from tidings.cli import main  # noqa: E402
from tidings.models import Article, OffsetMap, RawDocument  # noqa: E402
from tidings.store import Store  # noqa: E402

NAV_LINES = (
    "The Example Courier",
    "Home | World | Politics | Business | Sport",
    "Subscribe to our newsletter for the morning briefing",
)
FOOTER_LINES = ("Copyright 2024 The Example Courier. All rights reserved.",)
TOPICS = (
    ("harbour", "Port workers end strike after wage deal"),
    ("glacier", "Scientists warn of faster glacier retreat"),
    ("railway", "Cabinet approves cross-border railway plan"),
    ("orchard", "Frost damages orchards across the valley"),
    ("satellite", "Space agency launches weather satellite"),
)

REPORTERS = ("Alex Morgan", "Sam Okafor", "Lee Ji-won", "Maria Costa", "Tom Becker", "Ana Silva", "Raj Patel")


PLACES = (
    "northern province", "river delta", "coastal district", "mountain county", "border region", "capital",
    "island chain", "eastern valley", "southern plateau", "lake district", "old port", "steppe towns",
)  # fmt: skip
WHO = (
    "Officials", "Farmers", "Union leaders", "Local councillors", "Engineers", "Teachers", "Residents",
    "Fishermen", "Doctors", "Students", "Shopkeepers", "Pilots",
)  # fmt: skip
DID = (
    "welcomed", "criticised", "questioned", "praised", "opposed", "debated", "reviewed", "endorsed",
    "challenged", "examined", "celebrated", "doubted",
)  # fmt: skip
WHAT = (
    "the new budget", "a pay offer", "the flood barrier", "a school reform", "the tariff cut",
    "a bridge project", "the water plan", "a clinic closure", "the fishing quota", "a tram line",
    "the power tariff", "a census delay",
)  # fmt: skip
WHEN = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "overnight")


def _sentence(rng: random.Random) -> str:
    return (
        f"{rng.choice(WHO)} in the {rng.choice(PLACES)} {rng.choice(DID)} {rng.choice(WHAT)} "
        f"{rng.choice(WHEN)}, while {rng.choice(WHO).lower()} from the {rng.choice(PLACES)} "
        f"{rng.choice(DID)} {rng.choice(WHAT)}."
    )


def page_text(i: int, *, word: str | None = None, title: str | None = None, extra: str = "") -> str:
    """A made-up news page: navigation, headline, date, byline, three paragraphs, footer.

    Pages differ in every body line (built from words drawn with seed ``i``) and
    share their navigation and footer lines, as pages of one site do.
    """
    rng = random.Random(i)
    topic, headline = TOPICS[i % len(TOPICS)]
    word = word or topic
    title = title or f"{headline}: {rng.choice(WHO).lower()} in the {rng.choice(PLACES)} {rng.choice(DID)} it"
    day = 1 + i % 28
    body = [
        f"{_sentence(rng)} The {word} dispute was settled after talks between the two sides.",
        f'"This agreement protects jobs and keeps the {word} open," the governor of the {rng.choice(PLACES)} '
        f"told reporters. {_sentence(rng)}",
        f"{_sentence(rng)} {_sentence(rng)} {extra}".rstrip(),
    ]
    return "\n".join(
        [
            *NAV_LINES,
            title,
            f"Posted : 2024-03-{day:02d} 09:30",
            f"By {REPORTERS[i % len(REPORTERS)]}",
            "",
            *(p + "\n" for p in body),
            *FOOTER_LINES,
            "",
        ]
    )


def write_pages(folder: Path, n: int, *, start: int = 0, suffix: str = ".txt") -> list[Path]:
    """Write ``n`` generated pages into ``folder`` (created), named ``page-NNNNN.txt``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"page-{i:05d}{suffix}"
        p.write_text(page_text(i), encoding="utf-8")
        paths.append(p)
    return paths


def make_doc(source: str, text: str, url: str | None = None) -> RawDocument:
    return RawDocument(source=source, text=text, url=url)


def make_article(doc: RawDocument, seq: int = 0, **fields: object) -> Article:
    """An article of ``doc`` built by hand (no cleaning)."""
    values: dict = {
        "id": f"{doc.id}-{seq}",
        "document_id": doc.id,
        "seq": seq,
        "source": doc.source,
        "body": doc.text or "",
        "title": None,
        "offsets": OffsetMap([(0, 0, len(doc.text or ""))]),
    }
    values.update(fields)
    return Article(**values)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "kb.db"


@pytest.fixture
def store(db_path: Path):
    s = Store(db_path)
    yield s
    s.close()


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A folder of six generated pages of one site (enough to learn its boilerplate)."""
    folder = tmp_path / "pages"
    write_pages(folder, 6)
    return folder


def run(*args: str | os.PathLike, env: dict[str, str] | None = None) -> Result:
    """Invoke the ``tidings`` command in-process; stdout and stderr are kept apart."""
    return CliRunner().invoke(main, [str(a) for a in args], env=env, catch_exceptions=False)


def subprocess_env() -> dict[str, str]:
    """Environment for running ``python -m tidings.cli`` from this checkout in a subprocess."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.pop("TIDINGS_DB", None)
    return env

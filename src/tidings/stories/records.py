"""Story records as the queries return them, and the brief ``tidings story`` prints."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["StoryArticle", "StoryDetail", "StoryEvent", "StoryRow", "StoryStatement", "brief"]


@dataclass(slots=True, frozen=True)
class StoryRow:
    """One story in a list: headline, date span, size and who is in it."""

    id: str
    headline: str
    first_date: str | None
    last_date: str | None
    n_articles: int
    n_sources: int  # articles less near-duplicates (syndicated copies)
    outlets: list[str]
    actors: list[dict]  # {"id", "name", "type"} of the key actors, most named first


@dataclass(slots=True, frozen=True)
class StoryArticle:
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    source: str
    original_id: str | None  # set when the article is a near-duplicate of that one
    lede: str  # the body's first sentence


@dataclass(slots=True)
class StoryEvent:
    """A merged event: every report of one real event, with how many outlets carried it."""

    id: str
    type: str
    source: str | None  # actor names
    target: str | None
    date: str | None
    location: str | None
    articles: list[str] = field(default_factory=list)  # reporting article ids, first report first
    evidence: str = ""
    n_reports: int = 0
    n_outlets: int = 0
    n_sources: int = 0  # reports less near-duplicates


@dataclass(slots=True, frozen=True)
class StoryStatement:
    speaker: str
    text: str
    direct: bool
    article_id: str


@dataclass(slots=True)
class StoryDetail:
    story: StoryRow
    articles: list[StoryArticle]
    events: list[StoryEvent]
    statements: list[StoryStatement]


_SENT_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z])")


def first_sentence(body: str, limit: int = 240) -> str:
    para = body.strip().split("\n\n", 1)[0]
    end = len(para)
    for m in _SENT_END.finditer(para, 20):
        word = para[: m.start()].rsplit(None, 1)[-1]
        if "." not in word and not (len(word) <= 3 and word[:1].isupper()):  # U.S., Mr., St.
            end = m.end()
            break
    s = para[:end].strip()
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def brief(d: StoryDetail) -> str:
    """The story as a short text: what happened, who said what, each line citing its articles."""
    ref = {a.id: i + 1 for i, a in enumerate(d.articles)}

    def cite(ids: list[str]) -> str:
        return "[" + ", ".join(str(ref[i]) for i in dict.fromkeys(ids) if i in ref) + "]"

    s = d.story
    span = s.first_date or "undated"
    if s.last_date and s.last_date != s.first_date:
        span += f" → {s.last_date}"
    lines = [s.headline or "(no headline)", f"{s.id} · {span} · {s.n_articles} articles"]
    lines[-1] += f", {s.n_sources} independent" if s.n_sources != s.n_articles else ""
    lines[-1] += f" · {len(s.outlets)} outlets"
    if s.actors:
        lines.append("actors: " + ", ".join(a["name"] for a in s.actors))
    lines += ["", "What happened"]
    if d.events:
        for e in d.events:
            who = e.source or "?"
            whom = f" → {e.target}" if e.target else ""
            where = f" in {e.location}" if e.location else ""
            outlets = f", {e.n_outlets} outlets" if e.n_outlets > 1 else ""
            lines.append(
                f"  {e.date or '----------'}  {e.type} {who}{whom}{where}{outlets} {cite(e.articles)}"
            )
    else:
        originals = [a for a in d.articles if a.original_id is None] or d.articles
        for a in originals:
            copies = [x.id for x in d.articles if x.original_id == a.id]
            lines.append(f"  {a.published or '----------'}  {a.lede} {cite([a.id, *copies])}")
    if d.statements:
        lines += ["", "Who said what"]
        for st in d.statements:
            text = st.text if len(st.text) <= 200 else st.text[:199] + "…"
            said = f"“{text}”" if st.direct else text
            lines.append(f"  {st.speaker}: {said} {cite([st.article_id])}")
    lines += ["", "Articles"]
    for a in d.articles:
        dup = f" (copy of [{ref[a.original_id]}])" if a.original_id in ref else ""
        lines.append(
            f"  [{ref[a.id]}] {a.published or '----------'}  {a.outlet or '-'}  {a.title or '(no title)'}"
            f"  {a.id}{dup}"
        )
    return "\n".join(lines)

"""The data model of tidings, in one place.

Typed records pass between the stages; nothing downstream of the readers sees
a nested dict.  Every extracted fact carries a :class:`Span` — the article it
came from and the character offsets into that article's clean ``body`` — so it
can be traced back to the text, and through ``Article.offsets`` to the raw page.

Stage by stage:

``read``     → :class:`RawDocument` (or :class:`InputError`)
``clean``    → :class:`Article` (one page may hold several: appended articles are split off)
``extract``  → :class:`Mention`, :class:`Statement`, :class:`Event` (per article)
``resolve``  → :class:`Actor` with :class:`Alias` and :class:`Role` (across articles)
``cluster``  → :class:`Story`, merged :class:`Event` ids
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "PLOVER_TYPES",
    "SURFACE_KINDS",
    "Actor",
    "ActorType",
    "Alias",
    "Article",
    "ArticleFacts",
    "Event",
    "InputError",
    "Mention",
    "OffsetMap",
    "RawDocument",
    "Role",
    "Span",
    "Statement",
    "Story",
    "content_hash",
]

# Mention kinds that are proper names of their actor (its surface forms in the export); the
# others (pronoun, description, demonym) are references only.
SURFACE_KINDS = ("name", "acronym", "metonym", "surname", "generic", "contextual")

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


def content_hash(*parts: str | None, length: int = 16) -> str:
    """A stable hex key over the given strings (``None`` and ``""`` differ)."""
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        h.update(b"\x01" if p is None else b"\x02" + p.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()[:length]


# --------------------------------------------------------------------------- read


@dataclass(slots=True)
class RawDocument:
    """One page as read from the input, decoded to text, before any cleaning.

    ``text`` is the raw page text; for HTML input ``html`` holds the markup and
    ``text`` is filled by the cleaner from it.  The hint fields come from a
    JSON Lines record or are ``None``.
    """

    source: str  # what the user gave: a path, ``FILE.jsonl:LINE``, or the record's ``source``
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None  # hint
    published: str | None = None  # hint, any date form
    outlet: str | None = None  # hint
    encoding: str = "utf-8"  # the encoding the bytes were decoded from

    @property
    def payload(self) -> str:
        return self.html if self.html is not None else (self.text or "")

    @property
    def id(self) -> str:
        """Content key: the same page content from the same URL is the same document."""
        return content_hash("html" if self.html is not None else "text", self.payload, self.url)


@dataclass(slots=True, frozen=True)
class InputError:
    """An input that could not be read: reported, never fatal to the batch."""

    source: str
    reason: str
    code: str = "E000"

    def __str__(self) -> str:
        return f"{self.source}: [{self.code}] {self.reason}"


# --------------------------------------------------------------------------- clean


@dataclass(slots=True)
class OffsetMap:
    """Maps offsets in a clean body back to the raw text it was cut from.

    ``segments`` holds ``(body_start, raw_start, length)`` triples, sorted, one per
    run of characters copied verbatim; characters the cleaner inserted (paragraph
    breaks, a space where a line break was) belong to no segment.
    """

    segments: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, body_start: int, raw_start: int, length: int) -> None:
        if length <= 0:
            return
        if self.segments:
            b, r, n = self.segments[-1]
            if b + n == body_start and r + n == raw_start:
                self.segments[-1] = (b, r, n + length)
                return
        self.segments.append((body_start, raw_start, length))

    def to_raw(self, body_offset: int) -> int | None:
        """The raw offset of a body offset, or ``None`` for an inserted character."""
        lo, hi = 0, len(self.segments)
        while lo < hi:
            mid = (lo + hi) // 2
            b, r, n = self.segments[mid]
            if body_offset < b:
                hi = mid
            elif body_offset >= b + n:
                lo = mid + 1
            else:
                return r + body_offset - b
        return None


@dataclass(slots=True)
class Article:
    """A clean article: what the rest of tidings works on."""

    id: str
    document_id: str
    seq: int  # 0 for the page's main article, 1… for articles split off after it
    source: str
    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: str | None = None
    agency: str | None = None  # original source credited ("Source: Yonhap News Agency")
    published: str | None = None  # YYYY-MM-DD
    published_from: str | None = None  # "page", "url", "hint" or None
    language: str | None = None
    offsets: OffsetMap = field(default_factory=OffsetMap)
    removed: list[str] = field(default_factory=list)  # why lines were dropped, for ``show --why``


# --------------------------------------------------------------------------- extract & resolve


class ActorType(StrEnum):
    PERSON = "PERSON"
    ORG = "ORG"
    STATE = "STATE"
    IGO = "IGO"


@dataclass(slots=True, frozen=True)
class Span:
    """Provenance of a fact: an article and character offsets into its body."""

    article_id: str
    start: int
    end: int


@dataclass(slots=True)
class Role:
    """A dated role: ``end`` is ``None`` while it is held."""

    title: str
    country: str | None = None  # ISO 3166 alpha-3
    start: str | None = None  # YYYY-MM-DD
    end: str | None = None
    origin: str = "dictionary"  # "dictionary" or "text" (stated in an article)
    span: Span | None = None

    def held_on(self, day: str | None) -> bool:
        if day is None:
            return self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(slots=True)
class Alias:
    name: str
    kind: str = "name"  # name, surname, acronym, romanisation, metonym


@dataclass(slots=True)
class Actor:
    """A canonical actor, the same across spellings, articles and years."""

    id: str
    name: str
    type: ActorType
    country: str | None = None
    aliases: list[Alias] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def role_on(self, day: str | None) -> Role | None:
        for role in self.roles:
            if role.held_on(day):
                return role
        return None


@dataclass(slots=True)
class Mention:
    """One place where an article names (or refers to) an actor."""

    span: Span
    text: str
    actor_id: str | None = None
    kind: str = "name"  # name, title, pronoun, description, metonym


@dataclass(slots=True)
class Statement:
    """A quotation (``direct``) or a reported claim, with its speaker."""

    span: Span
    text: str
    direct: bool = True
    speaker_id: str | None = None
    speaker_name: str | None = None  # canonical name, or a description of an unnamed speaker
    verb: str | None = None  # reporting verb lemma: say, warn, add, ...
    id: str = ""
    in_title: bool = False  # a quotation in the headline: ``span`` offsets are into the title


@dataclass(slots=True)
class Event:
    """Who did what to whom, when and where, in PLOVER terms."""

    span: Span
    type: str  # one of PLOVER_TYPES
    source_id: str | None
    target_id: str | None = None
    mode: str | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_granularity: str | None = None  # day, month, year, range
    location: str | None = None
    evidence: str = ""
    negated: bool = False
    hypothetical: bool = False
    id: str = ""  # canonical (merged) event id once clustered


@dataclass(slots=True)
class Story:
    """Articles about one happening."""

    id: str
    headline: str
    article_ids: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None


@dataclass(slots=True)
class ArticleFacts:
    """What the per-article NLP stages found in one article (pure: no store involved)."""

    article_id: str
    actors: list = field(default_factory=list)  # tidings.actors.ArticleActor
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

"""Find the article bodies among a page's classified lines.

A body is a run of prose lines.  Between two prose lines a run may hold a
crosshead (one headline-shaped line seen nowhere else on the page) and dropped
furniture (captions, ads, widgets, foreign UI text); it ends at a gap that
looks like the boundary of another article: a repeated or several headlines,
a date or byline, or a long stretch of non-prose lines.

The main article is the first large run; large runs after it, each under a
headline, are articles appended to the page (infinite scroll) and are split off.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tidings.clean.lines import Kind, Line

__all__ = ["Block", "find_blocks"]

MIN_BODY_CHARS = 120  # shorter runs are not article bodies
MIN_APPENDED_CHARS = 250  # a later run must be this long to count as a second article
MIN_APPENDED_LINES = 2
MAIN_SHARE = 0.4  # the first run at least this share of the largest one is the main article
MAX_GAP_LINES = 4  # this many non-prose lines in a row always end a body


@dataclass(slots=True)
class Block:
    """A run of body lines; ``head`` holds the lines between it and the previous run."""

    lines: list[Line] = field(default_factory=list)
    head: list[Line] = field(default_factory=list)
    dropped: list[Line] = field(default_factory=list)

    @property
    def chars(self) -> int:
        return sum(len(x.text) for x in self.lines if x.kind is Kind.PROSE)

    @property
    def prose_lines(self) -> int:
        return sum(1 for x in self.lines if x.kind is Kind.PROSE)


def _breaks(gap: list[Line], title_keys: set[str]) -> bool:
    """Does this gap of non-prose lines between two prose lines end the article?"""
    if len(gap) >= MAX_GAP_LINES:
        return True
    heads = [x for x in gap if x.kind in (Kind.HEADLINE, Kind.OTHER)]
    if any(x.kind is Kind.META for x in gap):
        return True
    if len([x for x in heads if x.kind is Kind.HEADLINE]) >= 2:
        return True
    if any(x.repeats > 1 or x.key in title_keys for x in heads):
        return True
    if any(x.list_item for x in heads):
        return True
    return len([x for x in gap if x.kind is Kind.FOREIGN]) >= 2


def _runs(lines: list[Line], title_keys: set[str]) -> list[Block]:
    blocks: list[Block] = []
    cur: Block | None = None
    gap: list[Line] = []
    for line in lines:
        if line.kind is not Kind.PROSE:
            gap.append(line)
            continue
        if cur is not None and not _breaks(gap, title_keys):
            if len(gap) == 1 and gap[0].kind is Kind.HEADLINE:
                cur.lines.append(gap[0])  # a crosshead stands alone between paragraphs
            else:
                cur.dropped.extend(gap)
            cur.lines.append(line)
        else:
            cur = Block(lines=[line], head=gap)
            blocks.append(cur)
        gap = []
    return blocks


def find_blocks(lines: list[Line], title_keys: set[str] = frozenset()) -> tuple[Block | None, list[Block]]:
    """The main article's block and the blocks of articles appended after it."""
    runs = [b for b in _runs(lines, set(title_keys)) if b.chars >= MIN_BODY_CHARS]
    if not runs:
        return None, []
    largest = max(b.chars for b in runs)
    main_i = next(i for i, b in enumerate(runs) if b.chars >= MAIN_SHARE * largest)
    main = runs[main_i]
    appended = [
        b
        for b in runs[main_i + 1 :]
        if b.chars >= MIN_APPENDED_CHARS
        and b.prose_lines >= MIN_APPENDED_LINES
        and any(x.kind is Kind.HEADLINE for x in b.head)
    ]
    return main, appended

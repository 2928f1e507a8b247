"""Quotation spans in a clean body, in every convention news uses.

Double marks (straight ``"``, curly ``“ ”``, low ``„``, guillemets ``« »``) open and close by
position: a mark after a space or an opening bracket opens, a mark after a word or punctuation
and before a space or punctuation closes.  A quotation still open at the end of a paragraph ends
there (news opens every paragraph of a long quotation and closes only the last).  Single marks
(``‘ ’``, ``'``) quote only outside double marks and only when the closing mark follows
sentence punctuation (``‘We will respond,’ he said``): otherwise they are apostrophes, names,
slogans or scare quotes (``the ‘arms trade’``, ``'America First'``).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quote_spans"]

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
DOUBLE_ANY = '"' + DOUBLE_OPEN + DOUBLE_CLOSE + "‟"
SINGLE_OPEN = "‘‹"
SINGLE_ANY = "'‘’‹›"
OPEN_BEFORE = "([{—–-/:"  # a mark after these (or a space) opens
CLOSE_AFTER = ".,;:!?)]}—–-…"  # a mark before these (or a space) closes
SINGLE_CLOSE_AFTER_PUNCT = ",.!?"
TRIM = " ,.;:\n\t"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """The words inside one pair of marks: ``start``/``end`` are offsets into the body."""

    start: int
    end: int
    text: str
    closed: bool  # False: ran to the end of its paragraph
    single: bool = False


def _paragraphs(body: str):
    start = 0
    while start <= len(body):
        end = body.find("\n\n", start)
        if end == -1:
            end = len(body)
        yield start, end
        start = end + 2


def _can_open(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (
        prev.isspace() or prev in OPEN_BEFORE or prev in DOUBLE_ANY or prev in SINGLE_ANY
    ) and not nxt.isspace()


def _can_close(text: str, i: int) -> bool:
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not prev.isspace() and (
        nxt.isspace() or nxt in CLOSE_AFTER or nxt in DOUBLE_ANY or nxt in SINGLE_ANY
    )


def _span(body: str, s: int, e: int, closed: bool, single: bool = False) -> QuoteSpan | None:
    while s < e and body[s] in TRIM:
        s += 1
    while e > s and body[e - 1] in TRIM:
        e -= 1
    if e <= s:
        return None
    return QuoteSpan(s, e, body[s:e], closed, single)


def find_quote_spans(body: str, *, headline: bool = False) -> list[QuoteSpan]:
    """Every quotation in ``body``, in order; nested marks stay inside their outer quotation.

    ``headline``: headlines quote with single marks and no closing punctuation
    (``Alliance will be 'firmly maintained' ...``), so any single-quoted words count there."""
    out: list[QuoteSpan] = []
    for p_start, p_end in _paragraphs(body):
        para = body[p_start:p_end]
        open_at: int | None = None  # index in para of the open double mark
        single_at: int | None = None
        for i, ch in enumerate(para):
            if ch in DOUBLE_ANY:
                if open_at is None:
                    if ch in DOUBLE_CLOSE and not _can_open(para, i):
                        continue  # a stray closing mark
                    if ch in DOUBLE_OPEN or _can_open(para, i):
                        open_at, single_at = i, None
                elif ch in DOUBLE_CLOSE or (ch not in DOUBLE_OPEN and _can_close(para, i)):
                    q = _span(body, p_start + open_at + 1, p_start + i, True)
                    if q:
                        out.append(q)
                    open_at = None
                elif ch in DOUBLE_OPEN or _can_open(para, i):
                    # an opening mark while one is open: the first was never closed
                    q = _span(body, p_start + open_at + 1, p_start + i, False)
                    if q:
                        out.append(q)
                    open_at = i
            elif ch in SINGLE_ANY and open_at is None:
                if single_at is None:
                    if (
                        (ch in SINGLE_OPEN or ch == "'")
                        and _can_open(para, i)
                        and para[i + 1 : i + 2].isalpha()
                    ):
                        single_at = i
                elif _can_close(para, i) and (headline or para[i - 1 : i] in SINGLE_CLOSE_AFTER_PUNCT):
                    q = _span(body, p_start + single_at + 1, p_start + i, True, single=True)
                    if q:
                        out.append(q)
                    single_at = None
        if open_at is not None:
            q = _span(body, p_start + open_at + 1, p_end, False)
            if q:
                out.append(q)
    return out

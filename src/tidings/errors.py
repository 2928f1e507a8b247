"""Error codes that tidings reports for inputs it could not use.

Every :class:`tidings.models.InputError` carries one of these codes; the CLI
prints ``error: SOURCE: [CODE] reason``.  Each code has a short meaning and a
hint on how to fix the input, shown by ``describe(code)``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BAD_GZIP",
    "BAD_JSON_LINE",
    "BINARY",
    "CLEAN_FAILED",
    "CODES",
    "EMPTY",
    "MISSING_PATH",
    "NO_TEXT_FIELD",
    "TOO_LARGE",
    "UNDECODABLE",
    "UNKNOWN",
    "UNREADABLE",
    "UNSUPPORTED",
    "ErrorCode",
    "describe",
]


@dataclass(slots=True, frozen=True)
class ErrorCode:
    """One error code: what it means and how to fix the input."""

    code: str
    meaning: str
    fix: str


EMPTY = "E101"
BINARY = "E102"
TOO_LARGE = "E103"
BAD_GZIP = "E104"
BAD_JSON_LINE = "E105"
MISSING_PATH = "E106"
UNDECODABLE = "E107"
UNREADABLE = "E108"
UNSUPPORTED = "E109"
NO_TEXT_FIELD = "E110"
CLEAN_FAILED = "E900"
UNKNOWN = "E000"

CODES: dict[str, ErrorCode] = {
    e.code: e
    for e in (
        ErrorCode(EMPTY, "the input is empty (no bytes, or only white space)", "check that the scrape saved the page"),
        ErrorCode(BINARY, "the input looks binary, not text or HTML", "pass .txt, .html/.htm or .jsonl files, optionally gzipped"),
        ErrorCode(TOO_LARGE, "the input is larger than the size limit", "split the file, or raise max_bytes if it is genuine"),
        ErrorCode(BAD_GZIP, "the gzip stream is corrupt or truncated", "re-download or re-compress the file"),
        ErrorCode(BAD_JSON_LINE, "a JSON Lines record is not valid JSON or not an object", "fix the line named FILE:LINE; the other lines are still read"),
        ErrorCode(MISSING_PATH, "the path does not exist", "check the spelling of the path"),
        ErrorCode(UNDECODABLE, "the bytes could not be decoded as text in any known encoding", "re-save the file as UTF-8"),
        ErrorCode(UNREADABLE, "the file could not be read (permissions or I/O error)", "check the file's permissions"),
        ErrorCode(UNSUPPORTED, "the file type is not supported", "pass .txt, .html/.htm or .jsonl files, optionally gzipped"),
        ErrorCode(NO_TEXT_FIELD, "a JSON Lines record has neither 'text' nor 'html'", "add a 'text' or 'html' field to the record"),
        ErrorCode(CLEAN_FAILED, "cleaning the page failed with an internal error", "report it as a bug with the input attached"),
        ErrorCode(UNKNOWN, "an unclassified error", "report it as a bug with the input attached"),
    )
}  # fmt: skip


def describe(code: str) -> ErrorCode:
    """The :class:`ErrorCode` for ``code`` (the ``E000`` entry when unknown)."""
    return CODES.get(code, CODES[UNKNOWN])

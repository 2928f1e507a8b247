"""Readers: files and folders in, :class:`RawDocument` (or :class:`InputError`) out.

Formats, chosen by file name (a ``.gz`` suffix is stripped first):

* ``.txt`` (and files with no known suffix that hold text): the raw text of one page;
* ``.html`` / ``.htm``: one page of HTML (its text is extracted by the cleaner);
* ``.jsonl``: scraped-page records, one per line, with ``text`` or ``html`` and the
  optional hints ``source``, ``url``, ``title``, ``published``, ``outlet``.

Bytes that are not UTF-8 are decoded with the encoding charset-normalizer detects
(EUC-KR/cp949, cp1251, Latin-1, …).  Bad input never raises: it yields an
:class:`InputError` naming the input and the reason, and reading goes on.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from tidings.errors import (
    BAD_GZIP,
    BAD_JSON_LINE,
    BINARY,
    EMPTY,
    MISSING_PATH,
    NO_TEXT_FIELD,
    TOO_LARGE,
    UNDECODABLE,
    UNREADABLE,
)
from tidings.models import InputError, RawDocument

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "input_kind", "iter_documents", "iter_inputs", "read_input"]

DEFAULT_MAX_BYTES = 20_000_000  # one page; a JSON Lines file may be larger, its records may not
TEXT_SUFFIXES = {".txt", ".text", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
CONTROL_SHARE_MAX = 0.01  # more control characters than this: a binary file
HINT_FIELDS = ("url", "title", "published", "outlet")


def iter_documents(
    paths: Iterable[str | os.PathLike], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """Yield one :class:`RawDocument` per page found under ``paths``, or an :class:`InputError`.

    Folders are walked recursively in sorted order; hidden files are skipped.
    """
    for unit in iter_inputs(paths):
        if isinstance(unit, InputError):
            yield unit
        else:
            yield from read_input(unit, max_bytes)


def iter_inputs(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, str | None] | InputError]:
    """The files :func:`iter_documents` reads, in its order, without reading them: ``(path,
    kind)`` (``kind`` is ``None`` for a file named by the user whose name has no known
    suffix: read as text), or an :class:`InputError` for a missing path."""
    for path in paths:
        p = Path(path)
        if not p.exists():
            yield InputError(str(path), "no such file or folder", MISSING_PATH)
        elif p.is_dir():
            yield from _walk(p)
        else:
            yield p, None


def read_input(
    unit: tuple[Path, str | None], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawDocument | InputError]:
    """What :func:`iter_documents` yields for one file of :func:`iter_inputs`: one page or error,
    or for JSON Lines one per record."""
    return _read_file(unit[0], max_bytes, unit[1])


def input_kind(unit: tuple[Path, str | None]) -> str:
    """``"jsonl"``, ``"html"`` or ``"text"``: how :func:`read_input` reads the file."""
    return unit[1] or _kind(unit[0]) or "text"


def _walk(folder: Path) -> Iterator[tuple[Path, str]]:
    """The files to read under ``folder``, with their kind."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            kind = _kind_of_name(name)
            if kind is not None:
                yield Path(root, name), kind


def _kind(path: Path) -> str | None:
    return _kind_of_name(path.name)


def _kind_of_name(name: str) -> str | None:
    name = name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")  # the suffix as Path(name).suffix gives it
    suffix = name[dot:] if 0 < dot < len(name) - 1 else ""
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def _read_file(path: Path, max_bytes: int, kind: str | None = None) -> Iterator[RawDocument | InputError]:
    src = str(path)
    kind = kind or _kind(path) or "text"
    gz = src.lower().endswith(".gz")
    try:
        size = path.stat().st_size
    except OSError as e:
        yield InputError(src, f"cannot read: {e.strerror or e}", UNREADABLE)
        return
    if kind == "jsonl":
        yield from _read_jsonl(path, gz, max_bytes)
        return
    if size > max_bytes and not gz:
        yield InputError(src, _too_large(size, max_bytes), TOO_LARGE)
        return
    try:
        data = _read_bytes(path, gz, max_bytes)
    except _TooLarge:
        yield InputError(src, _too_large(None, max_bytes), TOO_LARGE)
        return
    except (OSError, EOFError, zlib.error) as e:
        if gz and not isinstance(e, PermissionError):
            yield InputError(src, f"truncated or corrupt gzip: {e}", BAD_GZIP)
        else:
            yield InputError(src, f"cannot read: {e}", UNREADABLE)
        return
    result = decode_bytes(data)
    if isinstance(result, tuple):
        text, encoding = result
    else:
        yield InputError(src, result[1], result[0])
        return
    if kind == "html":
        yield RawDocument(source=src, html=text, encoding=encoding)
    else:
        yield RawDocument(source=src, text=text, encoding=encoding)


class _TooLarge(Exception):
    pass


def _read_bytes(path: Path, gz: bool, max_bytes: int) -> bytes:
    opener = gzip.open if gz else open
    with opener(path, "rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _TooLarge
    return data


def _too_large(size: int | None, max_bytes: int) -> str:
    have = f"{size / 1e6:.1f} MB" if size is not None else "more"
    return f"too large for one page ({have} > {max_bytes / 1e6:.0f} MB limit; raise it with --max-bytes)"


def decode_bytes(data: bytes) -> tuple[str, str] | list[str]:
    """Decode a page: ``(text, encoding)``, or ``[code, reason]`` when it is not text.

    UTF-8 (with or without BOM) is tried first; other encodings are detected.
    """
    if not data.strip():
        return [EMPTY, "empty input"]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data[:8192] and not _is_utf16(data):
        return [BINARY, "binary data, not a text page (NUL bytes)"]
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = _detect(data)
        if text is None:
            return [UNDECODABLE, "undecodable bytes: no text encoding fits"]
    if _control_share(text, data if encoding == "utf-8" else None) > CONTROL_SHARE_MAX:
        return [BINARY, "binary data, not a text page (control characters)"]
    if not text.strip():
        return [EMPTY, "empty input"]
    return text, encoding


def _is_utf16(data: bytes) -> bool:
    return data[:2] in (b"\xff\xfe", b"\xfe\xff")


def _detect(data: bytes) -> tuple[str | None, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None, ""
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None, ""


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # C0 controls but \t \n \v \f \r; U+FFFD


_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20)])
CONTROL_SAMPLE_CHARS = 20_000


def _control_share(text: str, utf8: bytes | None = None) -> float:
    """Share of control characters (and U+FFFD) in the first ``CONTROL_SAMPLE_CHARS`` of ``text``.

    ``utf8``: the bytes ``text`` was decoded from as UTF-8, where a C0 control is one byte,
    and a byte below 0x80 is always that character: counted without a regex scan when the
    sample is the whole text."""
    if utf8 is not None and len(text) <= CONTROL_SAMPLE_CHARS:
        controls = len(utf8) - len(utf8.translate(None, _CONTROL_BYTES)) + text.count("\ufffd")
        return controls / max(1, len(text))
    sample = text[:CONTROL_SAMPLE_CHARS]
    return len(_CONTROL.findall(sample)) / max(1, len(sample))


def _read_jsonl(path: Path, gz: bool, max_bytes: int) -> Iterator[RawDocument | InputError]:
    src = str(path)
    opener = gzip.open if gz else open
    n = 0
    try:
        with opener(path, "rb") as fh:
            for n, raw in enumerate(fh, 1):
                where = f"{src}:{n}"
                if len(raw) > max_bytes:
                    yield InputError(where, _too_large(len(raw), max_bytes), TOO_LARGE)
                    continue
                if not raw.strip():
                    continue
                yield _jsonl_record(raw, where)
    except (OSError, EOFError, zlib.error) as e:
        code = BAD_GZIP if gz else UNREADABLE
        yield InputError(f"{src}:{n + 1}", f"truncated or corrupt input: {e}", code)
        return
    if n == 0:
        yield InputError(src, "empty input", EMPTY)


def _jsonl_record(raw: bytes, where: str) -> RawDocument | InputError:
    decoded = decode_bytes(raw)
    if not isinstance(decoded, tuple):
        return InputError(where, decoded[1], decoded[0])
    try:
        rec = json.loads(decoded[0])
    except json.JSONDecodeError as e:
        return InputError(where, f"malformed JSON line: {e.msg} at column {e.colno}", BAD_JSON_LINE)
    if not isinstance(rec, dict):
        return InputError(where, "malformed JSON line: not an object", BAD_JSON_LINE)
    text, html = rec.get("text"), rec.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(where, "record has neither a 'text' nor an 'html' string", NO_TEXT_FIELD)
    body = html if isinstance(html, str) else text
    if not body.strip():
        return InputError(where, "empty input", EMPTY)
    hints = {k: (str(rec[k]) if rec.get(k) not in (None, "") else None) for k in HINT_FIELDS}
    source = rec.get("source")
    return RawDocument(
        source=str(source) if source else where,
        text=text if isinstance(text, str) and not isinstance(html, str) else None,
        html=html if isinstance(html, str) else None,
        encoding=decoded[1],
        **hints,
    )

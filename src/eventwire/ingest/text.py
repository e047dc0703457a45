"""Plain-text inputs: refusing binary files, bounded reads, decoding any encoding, sniffing.

Binary files (PDF, images, archives) are refused from their first bytes, before any
decoding, so a PDF is never analysed as mojibake. Text is decoded as UTF-8 (with or
without a BOM) or UTF-16/32 with a BOM; anything else goes to charset-normalizer, with
one rule of thumb on top: eventwire reads English news, so a mostly-ASCII text that is
not UTF-8 is Windows-1252 (a superset of Latin-1 in every printable position) when it
decodes as such, because charset-normalizer guesses poorly on short Western texts.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from typing import Any, BinaryIO, TextIO

from charset_normalizer import from_bytes

from ..errors import BinaryInputError, EmptyArticleError, TooLargeError
from ..settings import Settings

#: Leading bytes of the binary formats people most often pass by mistake.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a zip archive (or a Word/Excel file)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x7fELF", "an executable"),
)
_RIFF_KINDS = {b"WEBP": "a WebP image", b"WAVE": "a WAV file", b"AVI ": "an AVI video"}

#: Byte-order marks, longest first so UTF-32 LE is not taken for UTF-16 LE.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
SNIFF_BYTES = 65_536
_MOSTLY_ASCII = 0.30  # above this share of non-ASCII bytes, trust charset-normalizer
_HTML_START = re.compile(
    rb"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)


def bom_encoding(head: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, encoding in BOMS:
        if head.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit only in odd/even positions (ASCII text in UTF-16)."""
    sample = head[: len(head) - len(head) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= len(odd) * 0.9 and 0 not in even:
        return "utf-16-le"
    if even.count(0) >= len(even) * 0.9 and 0 not in odd:
        return "utf-16-be"
    return None


def binary_kind(head: bytes) -> str | None:
    """What binary thing ``head`` starts, or None if it may be text (NULs mean binary)."""
    for magic, kind in MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"RIFF") and head[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[head[8:12]]
    if bom_encoding(head) or _utf16_without_bom(head):
        return None
    if b"\x00" in head:
        return "a binary file (it holds NUL bytes)"
    return None


def check_binary(head: bytes, where: str) -> None:
    """Raise ``BinaryInputError`` if ``head`` is the start of a binary file."""
    kind = binary_kind(head)
    if kind:
        raise BinaryInputError(f"this is {kind}, not text", where=where)


def decode(data: bytes, where: str = "<input>") -> str:
    """Text from bytes in any common encoding; ``BinaryInputError`` if none fits."""
    encoding = bom_encoding(data) or _utf16_without_bom(data[:SNIFF_BYTES])
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    non_ascii = sum(1 for byte in data if byte > 0x7F) / max(len(data), 1)
    if non_ascii <= _MOSTLY_ASCII:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    best = from_bytes(data).best()
    if best is None:
        raise BinaryInputError("cannot tell the text's encoding", where=where)
    return str(best)


def read_file(path: str, settings: Settings) -> bytes:
    """A whole single-article file, refused when empty, too large or binary.

    The size is checked from the file system before reading, and the binary check runs
    on the first bytes before the rest is read.
    """
    size = os.path.getsize(path)
    if size > settings.max_bytes:
        raise TooLargeError(
            f"the file is {size:,} bytes, over the {settings.max_bytes:,}-byte limit", where=path
        )
    with open(path, "rb") as handle:
        head = handle.read(SNIFF_BYTES)
        check_binary(head, path)
        data = head + handle.read()
    if not data.strip():
        raise EmptyArticleError("the file is empty", where=path)
    return data


def read_stream(stream: BinaryIO, settings: Settings, where: str) -> bytes:
    """All of a stream, up to the size limit; refused like a file when it breaks a rule."""
    data = stream.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        raise TooLargeError(f"the input is over the {settings.max_bytes:,}-byte limit", where=where)
    check_binary(data[:SNIFF_BYTES], where)
    if not data.strip():
        raise EmptyArticleError("the input is empty", where=where)
    return data


def first_char(head: bytes) -> str:
    """The first non-blank character of ``head`` (after any BOM), or ''."""
    encoding = bom_encoding(head) or _utf16_without_bom(head)
    if encoding:
        text = head.decode(encoding, errors="ignore")
    else:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff \t\r\n\f\v")
    return text[:1]


def sniff(head: bytes) -> str:
    """``"jsonl"``, ``"html"`` or ``"text"`` from the first bytes of an input."""
    char = first_char(head)
    if char == "{":
        return "jsonl"
    if char == "<" and looks_like_html(head):
        return "html"
    return "text"


def looks_like_html(head: bytes) -> bool:
    """True when the input starts like an HTML page (doctype, html/head/body/article tag)."""
    encoding = bom_encoding(head) or _utf16_without_bom(head)
    if encoding:
        head = head.decode(encoding, errors="ignore").encode("utf-8")
    return bool(_HTML_START.match(head.lstrip(b"\xef\xbb\xbf \t\r\n")))


def peekable(stream: TextIO | BinaryIO) -> io.BufferedReader:
    """Any text or byte stream as a byte stream that can be peeked at before reading.

    A text stream with a ``buffer`` (``sys.stdin``) is read through it; one without
    (``io.StringIO``) is encoded as UTF-8 as it is read.
    """
    source: Any = stream
    if isinstance(source, io.TextIOBase) or hasattr(source, "encoding"):
        buffer = getattr(source, "buffer", None)
        source = buffer if buffer is not None else _EncodedText(source)
    if isinstance(source, io.BufferedReader):
        return source
    if not isinstance(source, io.RawIOBase | io.BufferedIOBase):
        source = _Raw(source)
    return io.BufferedReader(source, buffer_size=SNIFF_BYTES)


class _Raw(io.RawIOBase):
    """A raw byte stream over any object whose ``read(n)`` returns bytes."""

    def __init__(self, source: Any):
        self._source = source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._source.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


class _EncodedText(_Raw):
    """A raw byte stream over a text stream, encoding it as UTF-8 as it is read."""

    def __init__(self, source: TextIO):
        super().__init__(source)
        self._pending = b""

    def readinto(self, buffer: Any) -> int:
        while len(self._pending) < len(buffer):
            chunk = self._source.read(max(len(buffer) // 4, 1))
            if not chunk:
                break
            self._pending += chunk.encode("utf-8")
        data, self._pending = self._pending[: len(buffer)], self._pending[len(buffer) :]
        buffer[: len(data)] = data
        return len(data)

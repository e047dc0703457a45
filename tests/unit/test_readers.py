"""Readers for plain text, files, directories and standard input (HTML and JSON lines are
in ``test_readers_html_jsonl.py``). Every input is written by hand into ``tmp_path``."""

from __future__ import annotations

import codecs
import io
import json
import os
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import (
    BadDateError,
    BinaryInputError,
    EmptyArticleError,
    InputError,
    InvalidJSONLineError,
    MissingPathError,
    RefusedError,
    TooLargeError,
    UsageError,
)
from eventwire.ingest.raw import RawArticle
from eventwire.ingest.readers import iter_inputs
from eventwire.ingest.text import binary_kind, decode, sniff
from eventwire.settings import Settings

SETTINGS = Settings()
STORY = "LONDON, Dec 3 - The minister said talks would resume on Monday, officials said."


def read(*paths, settings=SETTINGS, **kw) -> list:
    return list(iter_inputs([str(p) for p in paths], settings, **kw))


def only_article(*paths, **kw) -> RawArticle:
    items = read(*paths, **kw)
    assert len(items) == 1 and isinstance(items[0], RawArticle), items
    return items[0]


def only_refusal(*paths, **kw) -> RefusedError:
    items = read(*paths, **kw)
    assert len(items) == 1 and isinstance(items[0], RefusedError), items
    return items[0]


# --- encodings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, data",
    [
        (
            "Caf\u00e9 owners in Z\u00fcrich said the na\u00efve plan failed.",
            "Café owners in Zürich said the naïve plan failed.".encode("latin-1"),
        ),
        (
            "\u201cNo deal,\u201d he said \u2014 it\u2019s a \u20ac5 million gap.",
            "\u201cNo deal,\u201d he said \u2014 it\u2019s a \u20ac5 million gap.".encode("cp1252"),
        ),
        (
            "Plain UTF-8: Kyiv \u2013 Kramatorsk, 5,000 km\u00b2.",
            "Plain UTF-8: Kyiv \u2013 Kramatorsk, 5,000 km\u00b2.".encode("utf-8"),
        ),
        ("With a BOM: caf\u00e9.", codecs.BOM_UTF8 + "With a BOM: caf\u00e9.".encode("utf-8")),
        (
            "UTF-16 text: caf\u00e9 \u201cquoted\u201d.",
            "UTF-16 text: caf\u00e9 \u201cquoted\u201d.".encode("utf-16"),
        ),
        (
            "UTF-16 BE: na\u00efve.",
            codecs.BOM_UTF16_BE + "UTF-16 BE: na\u00efve.".encode("utf-16-be"),
        ),
    ],
    ids=["latin-1", "cp1252-smart-quotes", "utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom"],
)
def test_text_file_in_any_encoding_decodes(tmp_path: Path, text: str, data: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    article = only_article(path)
    assert article.text == text
    assert article.origin == str(path)


def test_cyrillic_windows_1251_goes_to_charset_detection() -> None:
    text = "Переговоры в Москве продолжались пять часов, сообщили в Кремле. " * 4
    assert decode(text.encode("cp1251")) == text


@given(st.text(min_size=1, max_size=200))
def test_decode_round_trips_utf8_and_utf16(text: str) -> None:
    text = text.replace("\x00", "")
    assert decode(text.encode("utf-8")) == text
    assert decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text


_ASCII_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.", min_size=1, max_size=12)
_ACCENTED = st.sampled_from("éèàüöñçøåßÉÜ")


@given(st.lists(st.tuples(_ASCII_WORD, _ACCENTED), min_size=1, max_size=10))
def test_decode_reads_latin1_accents_in_mostly_ascii_text(parts: list[tuple[str, str]]) -> None:
    text = "The story " + "".join(word + accent for word, accent in parts) + " ends."
    assert decode(text.encode("latin-1")) == text


# --- binary, empty, too large ------------------------------------------------------


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "JPEG"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "zip"),
        (b"some text\x00with\x00NULs\x01\x02\x03 in the middle of it", "NUL"),
    ],
)
def test_binary_files_are_refused_before_decoding(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    refusal = only_refusal(path)
    assert isinstance(refusal, BinaryInputError)
    assert refusal.where == str(path)
    assert kind in refusal.message


def test_utf16_without_bom_is_not_taken_for_binary() -> None:
    data = "Plain English text in UTF-16".encode("utf-16-le")
    assert binary_kind(data) is None
    assert decode(data) == "Plain English text in UTF-16"


@pytest.mark.parametrize("data", [b"", b"  \n\t\n"])
def test_empty_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    refusal = only_refusal(path)
    assert isinstance(refusal, EmptyArticleError) and refusal.where == str(path)


def test_oversize_file_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(STORY * 10, encoding="utf-8")
    refusal = only_refusal(path, settings=Settings(max_bytes=100))
    assert isinstance(refusal, TooLargeError)
    assert "100-byte limit" in refusal.message and refusal.where == str(path)
    assert isinstance(only_article(path, settings=Settings(max_bytes=10_000)), RawArticle)


def test_a_refusal_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.4 fake")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    items = read(tmp_path / "a.txt", tmp_path / "b.txt")
    assert [type(item) for item in items] == [BinaryInputError, RawArticle]


# --- paths and directories ---------------------------------------------------------


def test_missing_path_raises_before_anything_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    with pytest.raises(MissingPathError) as info:
        iter_inputs([str(good), str(missing)], SETTINGS)  # raised by the call, not on reading
    assert info.value.where == str(missing)
    assert str(missing) in str(info.value)


def test_directory_is_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "deeper").mkdir()
    (tmp_path / "a.txt").write_text("First " + STORY, encoding="utf-8")
    (tmp_path / "b" / "c.TXT").write_text("Second " + STORY, encoding="utf-8")
    (tmp_path / "b" / "deeper" / "d.jsonl").write_text(
        json.dumps({"text": "Third " + STORY}) + "\n", encoding="utf-8"
    )
    (tmp_path / "b" / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / "b" / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    (tmp_path / "b" / "config.json").write_text("[1, 2, 3]", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden " + STORY, encoding="utf-8")
    items = read(tmp_path)
    assert all(isinstance(item, RawArticle) for item in items), items
    assert [item.text.split()[0] for item in items] == ["First", "Second", "Third"]
    assert items[2].origin == str(tmp_path / "b" / "deeper" / "d.jsonl") + ":1"


def test_json_file_in_a_directory_is_read_when_it_holds_json_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"text": f"Story {n}. {STORY}"}) for n in range(2)]
    (tmp_path / "dump.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(tmp_path)
    assert [item.origin for item in items] == [f"{tmp_path / 'dump.json'}:{n}" for n in (1, 2)]


def test_named_file_of_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    text_file, json_file, html_file, pdf_file = (
        tmp_path / n for n in ("a.dat", "b.dat", "c.dat", "d.dat")
    )
    text_file.write_text(STORY, encoding="utf-8")
    json_file.write_text(json.dumps({"text": STORY, "id": 7}) + "\n", encoding="utf-8")
    html_file.write_text(
        f"<!DOCTYPE html><html><body><article><p>{STORY}</p></article></body></html>",
        encoding="utf-8",
    )
    pdf_file.write_bytes(b"%PDF-1.4\n")
    items = read(text_file, json_file, html_file, pdf_file)
    assert items[0].text == STORY and items[0].origin == str(text_file)
    assert items[1].input_id == "7" and items[1].origin == f"{json_file}:1"
    assert items[2].text == STORY
    assert isinstance(items[3], BinaryInputError)


def test_named_json_document_is_one_article(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": STORY, "title": "T"}, indent=2), encoding="utf-8")
    article = only_article(path)
    assert (article.text, article.title, article.origin) == (STORY, "T", str(path))


@pytest.mark.parametrize(
    "head, kind",
    [
        (b'  \n{"text": "x"}', "jsonl"),
        (b"<!doctype html><html>", "html"),
        (b"<html lang=en>", "html"),
        (b"\xef\xbb\xbf<!DOCTYPE HTML>", "html"),
        (b"<3 is a heart", "text"),
        (b"MOSCOW, Dec 3 -", "text"),
    ],
)
def test_sniff(head: bytes, kind: str) -> None:
    assert sniff(head) == kind


# --- sidecars and meta -------------------------------------------------------------


def test_sidecar_fills_metadata(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    sidecar = {
        "published": "2025-12-03",
        "title": "Talks",
        "source": "Wire",
        "url": "https://x.test/a",
        "authors": ["A One", "B Two"],
        "id": 42,
    }
    (tmp_path / "story.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    items = read(tmp_path)
    assert len(items) == 1  # the sidecar itself is not an article
    article = items[0]
    assert (article.published, article.title, article.source, article.url) == (
        "2025-12-03",
        "Talks",
        "Wire",
        "https://x.test/a",
    )
    assert article.authors == ["A One", "B Two"] and article.input_id == "42"


@pytest.mark.parametrize(
    "sidecar, problem",
    [
        ("{not json", "not valid JSON"),
        ("[1]", "JSON object"),
        ('{"published": "next Tuesday"}', "published"),
        ('{"title": 5}', "title"),
    ],
)
def test_bad_sidecar_refuses_the_article(tmp_path: Path, sidecar: str, problem: str) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(sidecar, encoding="utf-8")
    refusal = only_refusal(tmp_path / "story.txt")
    assert "story.meta.json" in refusal.message and problem in refusal.message
    assert refusal.where == str(tmp_path / "story.txt")


def test_meta_sets_plain_text_fields_and_overrides_sidecar(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(
        '{"title": "Sidecar", "source": "Wire"}', encoding="utf-8"
    )
    article = only_article(
        tmp_path / "story.txt", meta={"title": "Flag", "published": "2025-12-03"}
    )
    assert (article.title, article.source, article.published) == ("Flag", "Wire", "2025-12-03")


def test_meta_only_fills_gaps_in_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": STORY, "title": "Own"}) + "\n", encoding="utf-8")
    article = only_article(path, meta={"title": "Flag", "source": "Flag source"})
    assert (article.title, article.source) == ("Own", "Flag source")


def test_bad_meta_date_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    with pytest.raises(BadDateError):
        read(tmp_path / "a.txt", meta={"published": "yesterday-ish"})
    with pytest.raises(UsageError):
        read(tmp_path / "a.txt", meta={"colour": "red"})


# --- standard input ----------------------------------------------------------------


def test_stdin_plain_text_bytes_with_meta() -> None:
    data = ("\u201cNo,\u201d she said. " + STORY).encode("cp1252")
    article = only_article(
        "-", stdin=io.BytesIO(data), meta={"published": "2025-12-03", "source": "Wire"}
    )
    assert article.text.startswith("\u201cNo,\u201d")
    assert (article.origin, article.published, article.source) == ("<stdin>", "2025-12-03", "Wire")


def test_stdin_text_stream_of_json_lines() -> None:
    lines = "\n".join(
        [json.dumps({"text": STORY, "id": 1}), "", json.dumps({"text": "Another " + STORY})]
    )
    items = read("-", stdin=io.StringIO(lines + "\n"))
    assert [item.origin for item in items] == ["<stdin>:1", "<stdin>:3"]
    assert items[0].input_id == "1"


def test_stdin_json_lines_whatever_the_first_lines_length() -> None:
    # issue 13: a first line longer than a peek (4,096 bytes) was read as one JSON document
    # and the whole input refused ("Extra data at line 2")
    long_story = " ".join([STORY] * 200)
    lines = [json.dumps({"text": long_story, "id": "a"}), json.dumps({"text": STORY, "id": "b"})]
    items = read("-", stdin=io.BytesIO(("\n" + "\n".join(lines) + "\n").encode()))
    assert [(item.input_id, item.origin) for item in items] == [("a", "<stdin>:2"), ("b", "<stdin>:3")]
    assert items[0].text == long_story
    pretty = json.dumps({"text": long_story, "id": "p"}, indent=2)
    assert only_article("-", stdin=io.BytesIO(pretty.encode())).input_id == "p"
    # a first line over the size limit is refused alone; the next line is read
    small = Settings(max_bytes=len(lines[1]) + 10)
    items = read("-", stdin=io.BytesIO(("\n".join(lines) + "\n").encode()), settings=small)
    assert isinstance(items[0], TooLargeError) and items[1].input_id == "b"


@pytest.mark.parametrize("field", ['"text": "Bad \\ud800 ' , '"authors": ["\\udc00"], "title": "x\\ud83d", "text": "'])
def test_a_lone_surrogate_refuses_its_line_only(field) -> None:
    # issue 13: "\ud800" in any field crashed the reader and lost the rest of the file
    bad = "{" + field + STORY + '"}'
    items = read("-", stdin=io.BytesIO((bad + "\n" + json.dumps({"text": STORY, "id": "b"}) + "\n").encode()))
    assert isinstance(items[0], InvalidJSONLineError) and "lone surrogate" in str(items[0])
    assert items[0].where == "<stdin>:1" and items[1].input_id == "b"
    pair = json.dumps({"text": "\U0001F600 " + STORY})  # an escaped pair is one character, and fine
    assert only_article("-", stdin=io.BytesIO(pair.encode())).text.startswith("\U0001F600")


def test_stdin_html_and_binary() -> None:
    page = f"<!DOCTYPE html><html><body><nav>Home World Sport</nav><article><p>{STORY}</p></article></body></html>"
    assert only_article("-", stdin=io.StringIO(page)).text == STORY
    refusal = only_refusal("-", stdin=io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00"))
    assert isinstance(refusal, BinaryInputError) and refusal.where == "<stdin>"


def test_stdin_too_large_and_empty() -> None:
    assert isinstance(
        only_refusal("-", stdin=io.BytesIO(b"x" * 50), settings=Settings(max_bytes=10)),
        TooLargeError,
    )
    assert isinstance(only_refusal("-", stdin=io.BytesIO(b"\n \n")), EmptyArticleError)


def test_stdin_pretty_printed_json_object_is_one_article() -> None:
    data = json.dumps({"text": STORY, "title": "One", "id": 5}, indent=2)
    article = only_article("-", stdin=io.StringIO(data))
    assert (article.text, article.title, article.input_id, article.origin) == (
        STORY,
        "One",
        "5",
        "<stdin>",
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_named_pipe_is_read_once_as_a_stream(tmp_path: Path) -> None:
    pipe = tmp_path / "feed"
    os.mkfifo(pipe)
    lines = "".join(json.dumps({"text": f"{n} {STORY}"}) + "\n" for n in range(3))

    def write() -> None:
        with open(pipe, "w", encoding="utf-8") as handle:
            handle.write(lines)

    writer = threading.Thread(target=write)
    writer.start()
    items = read(pipe)
    writer.join(timeout=5)
    assert [item.origin for item in items] == [f"{pipe}:{n}" for n in (1, 2, 3)]


def test_unreadable_file_is_an_input_error(tmp_path: Path, monkeypatch) -> None:
    from eventwire.ingest import text as text_module

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    path = tmp_path / "locked.txt"
    path.write_text(STORY, encoding="utf-8")
    monkeypatch.setattr(text_module, "open", refuse, raising=False)
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.where == str(path) and "Permission denied" in info.value.message


def test_inputs_are_counted_for_the_progress_bar_without_reading_articles(tmp_path):
    # issue 14: the progress bar showed `200/?` with no ETA for a file of known size
    from eventwire.ingest.readers import count_inputs

    (tmp_path / "a.txt").write_text("One article.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Not read.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}\n', encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an article kind.", encoding="utf-8")
    lines = tmp_path / "lines"
    lines.write_text('{"text": "sniffed as JSON lines"}\n{"text": "two"}\n', encoding="utf-8")
    assert count_inputs([str(tmp_path / "b.jsonl")]) == 3
    assert count_inputs([str(tmp_path)]) == 4  # a.txt and b.jsonl's three lines
    assert count_inputs([str(lines)]) == 2
    assert count_inputs([str(tmp_path), "-"]) is None

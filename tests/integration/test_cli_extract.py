"""`eventwire extract` as a user runs it: formats, metadata flags, and every bad input
giving one line, a distinct exit code and no traceback."""

from __future__ import annotations

import json

import pytest
from conftest import SEED_TEXT
from typer.testing import CliRunner

from eventwire.cli import app

pytestmark = pytest.mark.slow
ARTICLE = ("LONDON, March 4 (Wire) - The foreign minister said on Tuesday that talks with "
           "France would resume next week, according to a statement from the ministry.\n")


def run(*args, input=None):
    result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
    return result


def test_json_document_with_metadata(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE)
    result = run("extract", str(path), "--published", "2025-03-05", "--title", "Talks", "--format", "json")
    assert result.exit_code == 0, result.output
    docs = json.loads(result.stdout)
    assert isinstance(docs, list) and len(docs) == 1  # one article: still a list
    doc = docs[0]
    assert doc["schema_version"] == "2"
    assert doc["article"]["title"] == "Talks"
    assert doc["article"]["dateline"]["date"]["value"] == "2025-03-04"


def test_jsonl_and_pretty(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(SEED_TEXT.read_text())
    lines = run("extract", str(tmp_path), "--format", "jsonl").stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["article"]["text"] for line in lines)
    pretty = run("extract", str(tmp_path / "b.txt"), "--format", "pretty", "--published", "2025-12-03")
    assert pretty.exit_code == 0 and "Moscow" in pretty.stdout


def test_stdin():
    result = run("extract", "-", "--format", "json", input=ARTICLE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["article"]["text"].startswith("LONDON")


def _bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00")
    (tmp_path / "big.txt").write_text(ARTICLE * 200)
    (tmp_path / "nav.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (tmp_path / "bad.jsonl").write_text('{"text": "' + ARTICLE.strip() + '"}\n{not json}\n')
    (tmp_path / "de.txt").write_text("Der Bundeskanzler hat am Dienstag in Berlin gesagt, dass die "
                                     "Verhandlungen mit der Regierung weitergehen werden.")
    return {
        "missing": ([str(tmp_path / "nope.txt")], 3, "no such"),
        "empty": ([str(tmp_path / "empty.txt")], 4, "empty"),
        "binary": ([str(tmp_path / "doc.pdf")], 5, "PDF"),
        "too_large": ([str(tmp_path / "big.txt"), "--max-bytes", "1000"], 6, "limit"),
        "no_article_text": ([str(tmp_path / "nav.html")], 7, "article text"),
        "not_english": ([str(tmp_path / "de.txt")], 9, "English"),
        "bad_published": ([str(tmp_path / "empty.txt"), "--published", "last Tuesday"], 2, "date"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "binary", "too_large", "no_article_text",
                                  "not_english", "bad_published"])
def test_bad_input_one_line_and_exit_code(tmp_path, case):
    args, code, words = _bad_inputs(tmp_path)[case]
    result = run("extract", *args, "--format", "json")
    assert result.exit_code == code, result.output
    message = result.stderr.strip().splitlines()
    assert "Traceback" not in result.output
    assert any(words.lower() in line.lower() for line in message), message
    assert len(message[0]) < 400
    if case not in ("missing", "bad_published"):  # read, analysed nothing: still a list, empty
        assert json.loads(result.stdout) == []


def test_batch_reports_and_skips_bad_articles(tmp_path):
    _bad_inputs(tmp_path)
    (tmp_path / "good.txt").write_text(ARTICLE)
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 0
    ids = {json.loads(line)["article"]["text"][:6] for line in result.stdout.splitlines()}
    assert ids == {"LONDON"}
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("analysed 3, refused") and "invalid_json_line" in summary
    assert "bad.jsonl:2" in result.stderr

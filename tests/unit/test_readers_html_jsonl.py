"""HTML pages (through trafilatura) and JSON lines, written by hand into ``tmp_path``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from eventwire.errors import (
    EmptyArticleError,
    InvalidJSONLineError,
    NoArticleTextError,
    TooLargeError,
)
from eventwire.ingest.html import html_article
from eventwire.ingest.jsonl import iter_jsonl
from eventwire.ingest.raw import RawArticle
from eventwire.ingest.readers import iter_inputs
from eventwire.settings import Settings

SETTINGS = Settings()
PARAS = [
    "PARIS, Dec 3 (Wire) - French farmers blocked motorways around Paris on Wednesday, police said.",
    "Police said about 2,000 tractors took part, while organisers put the number at 5,000.",
    '"We will not stop until the deal is dead," said union leader Anne Morel.',
]
FURNITURE = {
    "nav": "NAVWORDS Markets Opinion",
    "ad": "ADWORDS refinance your mortgage",
    "cookie": "COOKIEWORDS accept all cookies",
    "script": "SCRIPTWORDS",
    "footer": "FOOTERWORDS copyright",
    "aside": "ASIDEWORDS related stories",
}


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


FULL_PAGE = page(
    head=(
        "<title>Farmers block Paris | The Wire</title>"
        "<meta name='author' content='Anne Writer; Bob Reporter'>"
        "<meta property='article:published_time' content='2025-12-03T09:30:00+01:00'>"
        f"<script>var x = '{FURNITURE['script']}';</script>"
    ),
    body=(
        f"<div id='cookie-consent'>{FURNITURE['cookie']}</div>"
        f"<header><nav><a href='/'>{FURNITURE['nav']}</a></nav></header>"
        f"<div class='ad-slot ad'>{FURNITURE['ad']}</div>"
        "<article><h1>Farmers block Paris</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAS)
        + "</article>"
        f"<aside class='related'>{FURNITURE['aside']}</aside>"
        f"<footer>{FURNITURE['footer']}</footer><script>track('{FURNITURE['script']}')</script>"
    ),
)


def test_html_body_title_authors_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(FULL_PAGE, encoding="utf-8")
    [article] = iter_inputs([str(path)], SETTINGS)
    assert isinstance(article, RawArticle)
    assert article.text == "\n".join(PARAS)  # one paragraph per line, headline left to title
    assert article.title == "Farmers block Paris"
    assert article.authors == ["Anne Writer", "Bob Reporter"]
    assert article.published == "2025-12-03"
    assert article.origin == str(path)


@pytest.mark.parametrize("part", sorted(FURNITURE))
def test_html_furniture_never_reaches_the_text(part: str) -> None:
    article = html_article(FULL_PAGE, "page")
    assert FURNITURE[part].split()[0] not in article.text


def test_html_with_only_navigation_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nav.htm"
    path.write_text(
        page(
            f"<header><nav><a href='/'>Home</a> <a href='/world'>World news today</a></nav></header>"
            f"<div class='ad'>{FURNITURE['ad']}</div><div id='cookie-banner'>{FURNITURE['cookie']}</div>"
            f"<footer>{FURNITURE['footer']}</footer>"
        ),
        encoding="utf-8",
    )
    [refusal] = iter_inputs([str(path)], SETTINGS)
    assert isinstance(refusal, NoArticleTextError) and refusal.where == str(path)


def test_html_without_article_element_uses_fallback() -> None:
    html = page("<nav>Home World</nav><div><div>" + "<br><br>".join(PARAS) + "</div></div>")
    article = html_article(html, "x")
    assert article.text == "\n".join(PARAS)


def test_html_unreadable_date_is_left_out() -> None:
    html = page(
        "<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article>",
        head="<meta property='article:published_time' content='sometime soon'>",
    )
    assert html_article(html, "x").published is None


# --- JSON lines ----------------------------------------------------------------------


def write_lines(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_fields(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path,
        [
            json.dumps(
                {
                    "text": PARAS[0],
                    "title": "T",
                    "url": "https://x.test/1",
                    "published": "2025-12-03T10:00:00Z",
                    "source": "Wire",
                    "id": 12,
                    "authors": ["A", "B"],
                }
            ),
            json.dumps({"text": PARAS[1], "id": "abc", "authors": "C; D"}),
        ],
    )
    first, second = iter_inputs([str(path)], SETTINGS)
    assert (first.text, first.title, first.url, first.source) == (
        PARAS[0],
        "T",
        "https://x.test/1",
        "Wire",
    )
    assert first.published == "2025-12-03T10:00:00+00:00"
    assert (first.input_id, first.authors, first.origin) == ("12", ["A", "B"], f"{path}:1")
    assert (second.input_id, second.authors, second.origin) == ("abc", ["C", "D"], f"{path}:2")


def test_jsonl_html_field_goes_through_trafilatura(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path, [json.dumps({"html": FULL_PAGE, "title": "Own title", "id": "h1"})]
    )
    [article] = iter_inputs([str(path)], SETTINGS)
    assert article.text == "\n".join(PARAS)
    assert article.title == "Own title"  # the line's own fields win
    assert article.published == "2025-12-03"  # the page fills what the line lacks
    assert "NAVWORDS" not in article.text


@pytest.mark.parametrize(
    "line, problem",
    [
        ("{not json}", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('"just a string"', "JSON object"),
        ('{"title": "no body"}', '"text" or "html"'),
        ('{"text": 5}', '"text" must be a string'),
        ('{"text": "x", "title": ["a"]}', '"title" must be a string'),
        ('{"text": "x", "authors": [1]}', '"authors"'),
        ('{"text": "x", "id": true}', '"id"'),
        ('{"text": "x", "published": "2025-13-45"}', '"published"'),
        ('{"text": "x", "published": "last week"}', '"published"'),
    ],
)
def test_invalid_json_line_is_refused_with_its_line_number(
    tmp_path: Path, line: str, problem: str
) -> None:
    good = json.dumps({"text": PARAS[0]})
    path = write_lines(tmp_path, [good, "", line, good])
    items = list(iter_inputs([str(path)], SETTINGS))
    assert [type(item) for item in items] == [RawArticle, InvalidJSONLineError, RawArticle]
    refusal = items[1]
    assert refusal.where == f"{path}:3"
    assert problem in refusal.message
    assert f"{path}:3" in str(refusal)
    assert items[2].origin == f"{path}:4"


def test_jsonl_empty_text_is_refused(tmp_path: Path) -> None:
    path = write_lines(tmp_path, ['{"text": "   "}'])
    [refusal] = iter_inputs([str(path)], SETTINGS)
    assert isinstance(refusal, EmptyArticleError) and refusal.where == f"{path}:1"


def test_jsonl_oversize_line_is_skipped_without_reading_it_whole() -> None:
    big = json.dumps({"text": "x" * 5000})
    small = json.dumps({"text": PARAS[0]})
    stream = io.BytesIO((small + "\n" + big + "\n" + small + "\n").encode())
    items = list(iter_jsonl(stream, "dump", Settings(max_bytes=1000)))
    assert [type(item) for item in items] == [RawArticle, TooLargeError, RawArticle]
    assert items[1].where == "dump:2" and items[2].origin == "dump:3"


def test_jsonl_is_streamed(tmp_path: Path) -> None:
    """The reader yields the first article before it reads the rest of the stream."""

    class Watched(io.BytesIO):
        lines_read = 0

        def readline(self, size: int = -1) -> bytes:
            Watched.lines_read += 1
            return super().readline(size)

    data = "\n".join(json.dumps({"text": f"Story {n}"}) for n in range(1000)).encode()
    articles = iter_jsonl(Watched(data), "big", SETTINGS)
    assert next(articles).text == "Story 0"
    assert Watched.lines_read == 1


def test_html_in_windows_1252_without_charset_decodes(tmp_path: Path) -> None:
    quote = "\u201cWe will not stop,\u201d said Ren\u00e9e \u2014 the caf\u00e9 owner, on Monday."
    path = tmp_path / "page.html"
    path.write_bytes(page(f"<article><p>{quote}</p><p>{PARAS[1]}</p></article>").encode("cp1252"))
    [article] = iter_inputs([str(path)], SETTINGS)
    assert article.text == f"{quote}\n{PARAS[1]}"


def test_html_sidecar_overrides_the_page(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(FULL_PAGE, encoding="utf-8")
    (tmp_path / "page.meta.json").write_text(
        '{"title": "Sidecar title", "id": 9}', encoding="utf-8"
    )
    [article] = iter_inputs([str(tmp_path)], SETTINGS)
    assert (article.title, article.input_id, article.published) == (
        "Sidecar title",
        "9",
        "2025-12-03",
    )

"""The article highlighter: every piece escaped, marks nested or split, the text unchanged."""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from eventwire.web.highlight import Mark, highlight


class _Check(HTMLParser):
    """Collects the visible text and checks tags open and close in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack}"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(html: str) -> _Check:
    check = _Check()
    check.feed(html)
    check.close()
    assert check.stack == []
    return check


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab <>&\"'\n"), max_size=40))
    n = len(text)
    marks = []
    for i in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, max(n - 1, 0)))
        end = draw(st.integers(start, n))
        marks.append(Mark(start, end, draw(st.sampled_from(["ent", "quote", "event"])), f"k:{i}"))
    return text, marks


@given(text_and_marks())
def test_text_is_unchanged_and_tags_nest(case):
    text, marks = case
    html = str(highlight(text, marks))
    check = parse(html)
    assert "".join(check.text) == text
    assert set(check.tags) <= {"mark"}


@given(text_and_marks())
def test_every_character_is_inside_the_marks_that_cover_it(case):
    text, marks = case
    html = str(highlight(text, marks))

    class Cover(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.open: list[str] = []
            self.covered: list[set[str]] = []

        def handle_starttag(self, tag, attrs):
            self.open.append(dict(attrs)["data-fact"])

        def handle_endtag(self, tag):
            self.open.pop()

        def handle_data(self, data):
            self.covered.extend(set(self.open) for _ in data)

    cover = Cover()
    cover.feed(html)
    for i, keys in enumerate(cover.covered):
        expected = {m.key for m in marks if m.start <= i < m.end}
        assert keys == expected


def test_script_in_text_is_escaped():
    text = 'He said <script>alert(1)</script> & <img src=x onerror="y">'
    html = str(highlight(text, [Mark(8, 33, "quote", "quote:Q1", title='<b>"x"</b>')]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'title="&lt;b&gt;&#34;x&#34;&lt;/b&gt;"' in html
    assert unescape(html.replace('<mark class="hl hl-quote" data-fact="quote:Q1" '
                                 'title="&lt;b&gt;&#34;x&#34;&lt;/b&gt;" tabindex="0">', "")
                    .replace("</mark>", "")) == text


def test_crossing_marks_are_split_and_anchor_only_on_the_first_piece():
    text = "abcdef"
    html = str(highlight(text, [Mark(0, 4, "quote", "q", anchor="Q1"), Mark(2, 6, "event", "e", anchor="V1")]))
    assert html.count('id="Q1"') == 1 and html.count('id="V1"') == 1
    assert html.count('data-fact="e"') == 2  # split where it leaves the quote
    assert "".join(parse(html).text) == text


def test_out_of_range_and_empty_marks_are_ignored():
    assert str(highlight("abc", [Mark(1, 1, "ent", "x"), Mark(2, 9, "ent", "y")])) == "abc"

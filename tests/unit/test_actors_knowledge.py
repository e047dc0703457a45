"""Actor knowledge files: titles, metonyms, demonyms, sector words, relation patterns."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import KnowledgeError
from eventwire.knowledge.actors import (
    canonical_titles,
    demonym_country,
    metonyms,
    parse_metonyms,
    parse_patterns,
    parse_titles,
    phrase_tokens,
    relation_patterns,
    sector_words,
    title_index,
)


def _file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text("# test\n" + text, encoding="utf-8")
    return path


def test_phrase_tokens_split_like_spacy():
    assert phrase_tokens("son-in-law") == ("son", "-", "in", "-", "law")
    assert phrase_tokens("Sen.") == ("sen.",)
    assert phrase_tokens("prime  minister") == ("prime", "minister")


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=40))
def test_phrase_tokens_never_hold_spaces_and_are_lower(text):
    tokens = phrase_tokens(text)
    assert all(t and not any(c.isspace() for c in t) for t in tokens)
    assert tokens == phrase_tokens(text.upper().lower())


def test_bundled_titles_index_longest_first():
    firsts = title_index()["prime"]
    assert firsts[0].phrase == ("prime", "minister")
    envoy = next(t for t in title_index()["special"] if t.phrase == ("special", "envoy"))
    assert (envoy.canonical, envoy.kind, envoy.predicate) == ("envoy", "staff", "envoy_of")
    assert {"president", "foreign minister", "defence minister"} <= canonical_titles()


def test_titles_errors_name_line(tmp_path):
    path = _file(tmp_path, "titles.tsv", "president\tpresident\tGOV\thead_of\toffice\n"
                                          "envoy\tenvoy\t\tenvoy_to\tstaff\n")
    with pytest.raises(KnowledgeError, match=r"titles.tsv:3.*unknown predicate"):
        parse_titles(path)
    path = _file(tmp_path, "titles.tsv", "general\tgeneral\tARMY\tmember_of\toffice\n")
    with pytest.raises(KnowledgeError, match=r"titles.tsv:2.*unknown sector"):
        parse_titles(path)


def test_metonyms_and_errors(tmp_path):
    assert metonyms()["kremlin"].country == "RUS"
    assert metonyms()["moscow"].kind == "capital"
    path = _file(tmp_path, "metonyms.tsv", "Kremlin\tRUS\tGOV\tseat\nElysee\tFR\tGOV\tseat\n")
    with pytest.raises(KnowledgeError, match=r"metonyms.tsv:3.*ISO3"):
        parse_metonyms(path)


def test_patterns_must_compile_and_name_groups(tmp_path):
    assert relation_patterns()
    path = _file(tmp_path, "relation_patterns.tsv", "ok\t(?P<subj>N)(?P<title>T)\nbad\t(?P<subj>N\n")
    with pytest.raises(KnowledgeError, match=r"relation_patterns.tsv:3.*compile"):
        parse_patterns(path)
    path = _file(tmp_path, "relation_patterns.tsv", "nogroups\tNT\n")
    with pytest.raises(KnowledgeError, match="subj and title"):
        parse_patterns(path)


def test_demonyms_plural_and_unknown():
    assert demonym_country("Russian") == "RUS"
    assert demonym_country("Palestinians") == "PSE"
    assert demonym_country("Kurdish") is None
    assert demonym_country("Martian") is None


def test_sector_words():
    assert sector_words()["soldier"] == ("MIL", "NORP")
    assert sector_words()["government"] == ("GOV", "ORG")


def test_gender_words(tmp_path):
    from eventwire.knowledge.actors import gender_words, parse_gender_words

    assert gender_words()["mrs."] == "f" and gender_words()["son-in-law"] == "m"
    path = _file(tmp_path, "gender_words.tsv", "mr\tm\nmx\tx\n")
    with pytest.raises(KnowledgeError, match=r"gender_words.tsv:3"):
        parse_gender_words(path)

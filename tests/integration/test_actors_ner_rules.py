"""Name mentions with the real parse: sports teams named after places, tables, datelines and
company names (the conventions the CoNLL-2003 scorer in ``eval/ner.py`` measures)."""

from __future__ import annotations

import pytest

import eventwire.extract.actors  # noqa: F401  (registers the component)

pytestmark = pytest.mark.slow

REPORT = (
    "SOCCER - LEEDS BEAT CHELSEA IN CUP TIE .\n"
    "LONDON 1997-03-01\n"
    "Leeds beat Chelsea 2-1 in the FA Cup on Saturday , with striker Tony Yeboah scoring twice .\n"
    "Chelsea manager Ruud Gullit said his side had deserved a draw .\n"
    "Thousands of fans celebrated in Leeds on Saturday night .\n"
    "Standings :\n"
    "Leeds 5 4 1 0 9 2 13\n"
    "Chelsea 5 3 0 2 7 5 9\n"
)


def typed_names(ann) -> set[tuple[str, str]]:
    return {(ann.article.text[m.start:m.end], e.type) for e in ann.entities for m in e.mentions}


def test_sports_report_teams_are_organisations_and_places_stay_places(annotate):
    ann = annotate(REPORT, components=("sports", "actors"))
    names = typed_names(ann)
    assert ("Chelsea", "ORG") in names and ("Leeds", "ORG") in names
    assert ("Chelsea", "GPE") not in names
    assert ("Tony Yeboah", "PERSON") in names and ("Ruud Gullit", "PERSON") in names
    assert ("Leeds", "GPE") in names  # "celebrated in Leeds": the city
    assert not any(text.endswith(("2-1", "13", "9")) for text, _ in names)


def test_city_in_ordinary_news_stays_a_place(annotate):
    ann = annotate("The mayor of Leeds said on Monday that the city would bid for new funds .\n"
                   "Leeds council will vote on the plan in May .\n", components=("actors",))
    names = typed_names(ann)
    assert ("Leeds", "GPE") in names and ("Leeds", "ORG") not in names


def test_company_short_name_follows_its_full_name(annotate):
    ann = annotate("Cofinec S.A. said on Friday its first-half profit fell .\n"
                   "Cofinec shares fell 10 percent in Budapest .\n", components=("actors",))
    names = typed_names(ann)
    assert ("Cofinec", "ORG") in names and ("Cofinec", "PERSON") not in names
    assert ("Budapest", "GPE") in names

"""The places component on hand-written sentences, with the real parse."""

from __future__ import annotations

import pytest

import eventwire.extract.places  # noqa: F401  (registers the component)
from eventwire.eval.fixtures import distance_km

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def places(annotate):
    """``places(text)`` -> (Annotated, {place name: Place})."""
    def run(text: str):
        ann = annotate(text, components=("places",), published="2025-12-03")
        return ann, {p.name: p for p in ann.places}
    return run


def test_moscow_idaho_qualifier(places):
    _, found = places("The mayor of Moscow, Idaho, said the town would host a fair.")
    moscow = found["Moscow"]
    assert moscow.country == "USA"
    assert distance_km(moscow.lat, moscow.lon, 46.73, -117.0) < 20
    assert found["Idaho"].feature == "region"


def test_paris_is_texas_when_the_text_names_texas(places):
    _, found = places("Residents of Paris gathered on Saturday. The Texas town is near the Oklahoma border.")
    assert found["Paris"].country == "USA"


def test_paris_is_france_under_a_washington_dateline(places):
    _, found = places("WASHINGTON (Reuters) - Officials met in Paris on Monday to discuss trade.")
    assert found["Paris"].country == "FRA"
    washington = found["Washington"]
    assert washington.mentions[0].text == "WASHINGTON"
    assert distance_km(washington.lat, washington.lon, 38.9, -77.04) < 50


def test_washington_state_is_the_state(places):
    _, found = places("Wildfires spread across Washington state on Tuesday, officials in Seattle said.")
    assert (found["Washington"].feature, found["Washington"].country) == ("region", "USA")
    assert found["Seattle"].country == "USA"


def test_georgia_is_the_us_state_under_an_atlanta_dateline(places):
    _, found = places("ATLANTA (AP) — Voters in Georgia went to the polls on Tuesday.")
    assert found["Georgia"].country == "USA"


def test_kremlin_is_a_place_only_where_something_is_in_it(places):
    ann, found = places("The Kremlin said talks would continue. Reporters waited outside the Kremlin for hours.")
    kremlin = found["Kremlin"]
    assert (kremlin.feature, kremlin.country) == ("site", "RUS")
    assert [m.start for m in kremlin.mentions] == [ann.text.rindex("Kremlin")]


def test_regions_and_seas(places):
    _, found = places("Ships in the Red Sea were attacked. Israel continued strikes in the Gaza Strip "
                      "and the West Bank.")
    assert found["Red Sea"].country is None and found["Red Sea"].feature == "water"
    assert found["Gaza Strip"].country == "PSE"
    assert found["West Bank"].mentions[0].text == "West Bank"


def test_aliases_cluster_into_one_place_and_norp_is_not_a_place(places):
    _, found = places("Russian officials said the United States and the US Congress disagreed.")
    assert list(found) == ["United States"]
    assert [m.text for m in found["United States"].mentions] == ["United States", "US"]


def test_unknown_place_keeps_mentions_without_a_guess(places):
    _, found = places("Heavy shelling hit the area overnight, and fighting continued near Krasnohirske.")
    unknown = found["Krasnohirske"]
    assert unknown.country is None and unknown.lat is None and unknown.geonameid is None


def test_city_mislabelled_as_person_is_found_and_dateline_qualifier_used(places):
    _, found = places("KYIV, Ukraine, Dec 3 (AP) — Drones struck Kharkiv overnight.")
    assert found["Kyiv"].mentions[0].text == "KYIV"
    assert found["Kharkiv"].country == "UKR"
    assert found["Ukraine"].feature == "country"


def test_people_are_not_places(places):
    _, found = places("Trump met Putin. Trump said the talks went well. Hamilton said the plan would work.")
    assert found == {}


def test_spans_and_token_index_agree(places):
    ann, _ = places("MOSCOW, Dec 3 — Talks in Moscow ended. Russia and Ukraine fought over Donbas "
                    "and the Sea of Azov.")
    assert [p.name for p in ann.places][:1] == ["Moscow"]
    assert len(ann.places[0].mentions) == 2
    seen = set()
    for place in ann.places:
        for span in place.mentions:
            assert ann.text[span.start:span.end] == span.text
            tokens = ann.token_range(span.start, span.end)
            assert all(ann.token_place[t.i] == place.id for t in tokens)
            seen |= {t.i for t in tokens}
    assert seen == set(ann.token_place)
    assert {p.name for p in ann.places} >= {"Moscow", "Russia", "Ukraine", "Donbas", "Sea of Azov"}


def test_an_institution_acted_on_is_not_a_place(places):
    _, found = places("Witkoff went to the US embassy in Moscow after the talks to brief the White House.")
    assert "White House" not in found
    assert found["Moscow"].country == "RUS"


def test_the_articles_spelling_names_the_place(places):
    _, found = places("Israeli troops advanced in Rafah on Monday, and shelling hit Odessa.")
    assert found["Rafah"].country == "PSE"
    assert found["Odesa"].country == "UKR"  # another name: the gazetteer's spelling
    assert found["Odesa"].mentions[0].text == "Odessa"

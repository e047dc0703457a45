"""The offline gazetteer: names, aliases, disambiguation, curated data and its loader."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import KnowledgeError
from eventwire.eval.fixtures import distance_km
from eventwire.knowledge import gazetteer as g
from eventwire.knowledge.countries import country_code
from eventwire.knowledge.gazetteer import Context

US_CONTEXT = Context(dateline="USA", countries=frozenset({"USA"}))


@pytest.mark.parametrize("name, iso3", [
    ("U.S.", "USA"), ("United States", "USA"), ("Britain", "GBR"), ("Russian Federation", "RUS"),
    ("Russia", "RUS"), ("Turkiye", "TUR"), ("DRC", "COD"), ("Ukraine", "UKR"),
])
def test_country_code_knows_aliases(name, iso3):
    assert country_code(name) == iso3


def test_country_code_of_a_city_is_none():
    assert country_code("Moscow") is None


@pytest.mark.parametrize("name, canonical, iso3, feature", [
    ("Kiev", "Kyiv", "UKR", "city"),
    ("Donbass", "Donbas", "UKR", "region"),
    ("the Gaza Strip", "Gaza Strip", "PSE", "region"),
    ("Golan Heights", "Golan Heights", "SYR", "region"),
    ("Crimean Peninsula", "Crimea", "UKR", "region"),
    ("Abkhazia", "Abkhazia", "GEO", "region"),
    ("Transnistria", "Transnistria", "MDA", "region"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh", "AZE", "region"),
    ("Red Square", "Red Square", "RUS", "site"),
    ("ÉLYSÉE PALACE", "Elysee Palace", "FRA", "site"),
])
def test_aliases_and_curated_names(name, canonical, iso3, feature):
    hit = g.lookup(name)
    assert (hit.name, hit.country, hit.feature) == (canonical, iso3, feature)


@pytest.mark.parametrize("name, feature", [
    ("Kashmir", "region"), ("Red Sea", "water"), ("Middle East", "macro_region"), ("Europe", "continent"),
])
def test_multi_country_areas_have_no_country_but_coordinates(name, feature):
    hit = g.lookup(name)
    assert hit.country is None and hit.feature == feature
    assert -90 <= hit.lat <= 90 and -180 <= hit.lon <= 180


def test_moscow_is_russias_capital_even_in_a_us_article():
    hit = g.lookup("Moscow", context=US_CONTEXT)
    assert hit.country == "RUS"
    assert distance_km(hit.lat, hit.lon, 55.75, 37.62) < 10


def test_moscow_is_in_idaho_when_the_text_names_idaho():
    hit = g.lookup("Moscow", context=Context(states=frozenset({"ID"})))
    assert (hit.country, hit.admin1) == ("USA", "ID")


def test_qualifying_state_and_country_hints():
    assert g.lookup("Moscow", state="ID").admin1 == "ID"
    assert g.lookup("Moscow", hint="USA").country == "USA"
    assert g.lookup("Paris", hint="FRA").country == "FRA"


def test_washington_is_the_capital_not_the_state_or_the_english_town():
    hit = g.lookup("Washington", context=Context(dateline="RUS", countries=frozenset({"USA", "UKR"})))
    assert (hit.country, hit.feature, hit.admin1) == ("USA", "city", "DC")
    assert distance_km(hit.lat, hit.lon, 38.9, -77.04) < 10


def test_washington_state_is_reachable_as_a_state():
    states = [h for h in g.candidates("Washington") if h.kind == "state"]
    assert states and states[0].admin1 == "WA" and states[0].feature == "region"


def test_paris_is_france_unless_texas_is_named():
    assert g.lookup("Paris", context=US_CONTEXT).country == "FRA"
    texas = g.lookup("Paris", context=Context(dateline="USA", states=frozenset({"TX"})))
    assert (texas.country, texas.admin1) == ("USA", "TX")


def test_georgia_is_the_state_in_a_us_article_that_names_georgia_cities():
    assert g.lookup("Georgia").country == "GEO"
    state = g.lookup("Georgia", context=Context(dateline="USA", states=frozenset({"GA"})))
    assert state.kind == "state" or state.country == "USA"


@pytest.mark.parametrize("name", ["Trump", "Qwertyville", "", "   ", "the"])
def test_unknown_names_give_none(name):
    assert g.lookup(name) is None


def test_countries_have_centroids_near_their_capitals():
    """Catches swapped lat/lon and sign slips in country_centroids.tsv."""
    far = []
    for c in g._gc().get_countries().values():
        country = g.lookup(c["name"])
        capital = g.lookup(c["capital"], hint=c["iso3"]) if c["capital"] else None
        if country is None or capital is None or capital.country != c["iso3"] or country.lat is None:
            continue
        if distance_km(country.lat, country.lon, capital.lat, capital.lon) > 4000:
            far.append(c["iso3"])
    assert far == []


def test_every_populous_country_has_a_centroid():
    missing = [c["iso3"] for c in g._gc().get_countries().values()
               if c["population"] > 1_000_000 and g.lookup(c["name"]).lat is None]
    assert missing == []


def test_state_codes_from_names_and_ap_abbreviations():
    assert g.state_code("Idaho") == "ID"
    assert g.state_code("Ore.") == "OR"
    assert g.state_code("Ukraine") is None


def test_curated_first_words_cover_hyphenated_names():
    assert "nagorno" in g.curated_first_words()
    assert "donbas" in g.curated_keys()


@given(st.text(max_size=40))
def test_normalize_is_idempotent(text):
    once = g.normalize(text)
    assert g.normalize(once) == once or once.startswith("the ") or once.endswith("'")


@given(st.from_regex(r"[A-Za-z][A-Za-z ]{0,20}[A-Za-z]", fullmatch=True))
def test_normalize_ignores_case_and_a_leading_the(name):
    assert g.normalize(name.upper()) == g.normalize(name.lower())
    assert g.normalize("The " + name) == g.normalize(name) or g.normalize(name).startswith("the ")


# --- the loaders fail on malformed files, naming file and line -------------------------

REGION_HEADER = "# test\nname\taliases\tcountry\tfeature\tlat\tlon\n"


@pytest.mark.parametrize("row, problem", [
    ("Donbas\t\tUKR\tregion\t48.2", "columns"),
    ("Donbas\t\tUKR\tregion\tnorth\t38.5", "not a number"),
    ("Donbas\t\tUKR\tregion\t148.2\t38.5", "outside"),
    ("Donbas\t\tXYZ\tregion\t48.2\t38.5", "ISO 3166"),
    ("Donbas\t\tUKR\tprovince\t48.2\t38.5", "feature"),
    ("\t\tUKR\tregion\t48.2\t38.5", "name column is empty"),
])
def test_malformed_regions_file_names_file_and_line(tmp_path, row, problem):
    path = tmp_path / "regions.tsv"
    path.write_text(REGION_HEADER + "Crimea\t\tUKR\tregion\t45.3\t34.4\n" + row + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        g.load_regions(path)
    assert f"{path}:4" in str(err.value)
    assert problem in str(err.value)


def test_duplicate_alias_in_regions_file_is_an_error(tmp_path):
    path = tmp_path / "regions.tsv"
    path.write_text(REGION_HEADER + "Donbas\tDonbass\tUKR\tregion\t48\t38\n"
                    "Donbass\t\tUKR\tregion\t48\t39\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"regions.tsv:4"):
        g.load_regions(path)


def test_malformed_landmark_institution_flag(tmp_path):
    path = tmp_path / "landmarks.tsv"
    path.write_text("name\taliases\tcountry\tlat\tlon\tinstitution\nKremlin\t\tRUS\t55.7\t37.6\tmaybe\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"landmarks.tsv:2: institution"):
        g.load_landmarks(path)


def test_malformed_centroids_file(tmp_path):
    path = tmp_path / "country_centroids.tsv"
    path.write_text("iso3\tlat\tlon\nRUS\t60\t200\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"country_centroids.tsv:2: lon"):
        g.load_centroids(path)


def test_bundled_files_load():
    assert len(g.load_regions()) > 50 and len(g.load_landmarks()) > 10
    assert len(g.load_states()) > 51 and len(g.load_centroids()) == len(g.known_iso3())


def test_context_does_not_override_a_much_bigger_city():
    assert g.lookup("Geneva", context=US_CONTEXT).country == "CHE"


def test_dateline_country_breaks_a_near_tie():
    assert g.lookup("Birmingham").country == "GBR"
    assert g.lookup("Birmingham", context=Context(dateline="USA")).admin1 == "AL"


def test_new_york_is_the_city_when_no_state_context_says_otherwise():
    hit = g.lookup("New York")
    assert hit.feature == "city" and hit.country == "USA"


def test_other_names_of_cities_never_shadow_a_curated_name():
    """Casablanca's other name is "White House": the landmark must win, alone."""
    assert [h.name for h in g.candidates("White House")] == ["White House"]


def test_a_big_citys_other_name_beats_a_small_towns_own_name():
    assert g.lookup("Odessa").country == "UKR"  # Odesa, not Odessa, Texas


@pytest.mark.parametrize("name, iso3", [
    ("Avdiivka", "UKR"), ("Sukhumi", "GEO"), ("Tskhinvali", "GEO"), ("Khankendi", "AZE"),
    ("Sudzha", "RUS"), ("Jenin", "PSE"), ("Sevastopol", "UKR"), ("Donetsk", "UKR"),
])
def test_front_line_and_disputed_towns(name, iso3):
    assert g.lookup(name).country == iso3


def _ambiguous_names() -> list[str]:
    primary, _ = g._cities()
    return sorted(k for k, hits in primary.items() if len({h.country for h in hits}) > 1)[:2000]


@given(st.sampled_from(_ambiguous_names()), st.data())
def test_an_explicit_country_qualifier_always_wins(name, data):
    """Whatever the context, "NAME, Country" means the NAME in that country."""
    country = data.draw(st.sampled_from(sorted({h.country for h in g.candidates(name) if h.country})))
    context = Context(dateline=data.draw(st.sampled_from(["USA", "RUS", None])))
    assert g.lookup(name, hint=country, context=context).country == country

"""One country resolver for extraction and filters (issue 16): the same names give the same
country on both sides; only a filter takes ISO codes."""

from __future__ import annotations

import pytest

from eventwire.errors import UsageError
from eventwire.knowledge.countries import country_code, parse_country
from eventwire.store.queries import country_filter


@pytest.mark.parametrize(("name", "iso3"), [
    ("Russia", "RUS"), ("Russian Federation", "RUS"), ("U.S.", "USA"), ("Britain", "GBR"),
    ("Congo", "COD"), ("Republic of Congo", "COG"), ("Ivory Coast", "CIV"),
])
def test_extraction_and_filters_read_a_name_alike(name, iso3):
    assert country_code(name) == parse_country(name) == country_filter(name) == iso3


@pytest.mark.parametrize(("code", "iso3"), [("RUS", "RUS"), ("RU", "RUS"), ("643", "RUS"), ("gbr", "GBR")])
def test_only_a_filter_takes_iso_codes(code, iso3):
    assert parse_country(code) == iso3
    assert country_code(code) is None  # in a text, "RU" or "IN" is no country


def test_aliases_that_are_codes_are_names_in_news_too():
    assert country_code("USA") == "USA" and country_code("UK") == "GBR" and country_code("IN") is None


def test_a_filter_refuses_what_is_no_country_naming_the_closest():
    assert parse_country("Moscow") is None
    with pytest.raises(UsageError, match="did you mean Russia"):
        country_filter("Rusia")

"""Hostile clients (issue 13): each reproduction the outside attack found, against the app
in-process. The store is the hand-built one of ``test_api.py``."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from eventwire.api.cache import cache_key

from test_api import client, make_store  # the hand-built store and app of test_api.py


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with client(make_store(tmp_path_factory.mktemp("hostile"))) as c:
        yield c


def test_an_encoded_ampersand_never_takes_another_querys_cache_key():
    poisoned = cache_key("/events", QueryParams("event=CONSULT%26limit%3D1"))
    assert poisoned != cache_key("/events", QueryParams("event=CONSULT&limit=1"))
    assert cache_key("/events", QueryParams("b=2&a=1")) == cache_key("/events", QueryParams("a=1&b=2"))


def test_a_poisoned_query_does_not_change_what_other_clients_read(api):
    poisoned = api.get("/events?event=CONSULT%26limit%3D1")
    honest = api.get("/events?event=CONSULT&limit=1")
    assert honest.status_code == 200 and len(honest.json()["items"]) == 1
    assert poisoned.text != honest.text
    assert api.get("/events?event=CONSULT&limit=1").text == honest.text  # cached, and still right

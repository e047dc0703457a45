"""CSV download of any list (issue 14, part 6): the API's lists answer CSV with format=csv,
cached or not, and the web pages link to it."""

from __future__ import annotations

import csv
import re

import pytest
from test_api import client, make_store

from eventwire.api.routes import list_csv


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with client(make_store(tmp_path_factory.mktemp("csv"))) as c:
        yield c


@pytest.mark.parametrize("path", ["/events", "/stories", "/actors", "/quotes", "/claims", "/articles"])
def test_every_list_answers_csv_with_the_same_rows_as_json(api, path):
    items = api.get(path).json()["items"]
    for attempt in range(2):  # the second answer comes from the read cache
        answer = api.get(f"{path}?format=csv")
        assert answer.status_code == 200, attempt
        assert answer.headers["content-type"].startswith("text/csv")
        assert answer.headers["content-disposition"] == f'attachment; filename="{path.strip("/")}.csv"'
        rows = list(csv.DictReader(answer.text.splitlines()))
        assert len(rows) == len(items) and (not items or set(rows[0]) == set(items[0]))


def test_lists_and_objects_become_cells_and_formulas_are_defused():
    text = list_csv({"items": [{"name": "=HYPERLINK(\"x\")", "codes": ["RUS", "GOV"], "where": {"lat": 1.5},
                                "n": -3, "none": None}]})
    assert text.splitlines() == ["name,codes,where,n,none", "\"'=HYPERLINK(\"\"x\"\")\",RUS; GOV,\"{\"\"lat\"\": 1.5}\",-3,"]


def test_a_single_item_is_not_a_list(api):
    story = api.get("/stories").json()["items"][0]["id"]
    refused = api.get(f"/stories/{story}?format=csv")
    assert refused.status_code == 400 and refused.json()["error"]["code"] == "not_a_list"


def test_the_web_pages_link_to_their_csv(api):
    story = api.get("/stories").json()["items"][0]["id"]
    for page in ("/web/", "/web/actors", f"/web/stories/{story}", "/web/actors/Vladimir%20Putin"):
        html = api.get(page).text
        link = re.search(r'<a class="download" href="([^"]+)"', html)
        assert link, page
        answer = api.get(link[1].replace("&amp;", "&"))
        assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv"), page

"""Facets of the events (issue 14, part 6): what a filtered list breaks down into, and the
per-day counts a time chart draws, from the same filters as /events."""

from __future__ import annotations

import re

import pytest
from test_api import client, make_store


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    with client(make_store(tmp_path_factory.mktemp("facets"))) as c:
        yield c


def test_facets_count_what_the_list_holds(api):
    listed = api.get("/events", params={"limit": 500}).json()
    answer = api.get("/events/facets").json()
    facets = answer["facets"]
    assert answer["total"] == listed["total"] == 3
    for name in ("event", "quad", "status"):
        assert sum(f["n"] for f in facets[name]) == listed["total"], name
        assert {f["value"] for f in facets[name]} == {item[name] for item in listed["items"]}
    assert facets["actor"][0] == {"value": "Vladimir Putin", "n": 2}  # largest first
    days = [f["value"] for f in facets["day"]]
    assert days == sorted(days) and sum(f["n"] for f in facets["day"]) == 3


def test_facets_follow_the_filters_and_refuse_what_cannot_match(api):
    narrowed = api.get("/events/facets", params={"actor": "Putin", "status": "negated"}).json()
    assert narrowed["total"] == 1 and narrowed["facets"]["status"] == [{"value": "negated", "n": 1}]
    refused = api.get("/events/facets", params={"quad": "5"})
    assert refused.status_code == 400 and "can match no event" in refused.json()["error"]["message"]


def test_a_day_chart_keeps_quiet_days_as_gaps():
    from eventwire.web.charts import day_chart

    chart = day_chart([{"value": "2025-12-01", "n": 2}, {"value": "2025-12-04", "n": 1}])
    assert [b["day"] for b in chart["bars"]] == ["2025-12-01", "2025-12-04"]
    first, last = chart["bars"]
    assert last["x"] - first["x"] == pytest.approx(3 * chart["width"] / 4)  # three days apart on a four-day axis
    assert first["h"] == pytest.approx(2 * last["h"]) and chart["total"] == 3
    assert day_chart([]) is None


def test_story_and_actor_pages_draw_events_per_day(api):
    story = next(s["id"] for s in api.get("/stories").json()["items"] if "Putin" in (s["title"] or ""))
    days = api.get("/events/facets", params={"story": story}).json()["facets"]["day"]
    for page in (f"/web/stories/{story}", "/web/actors/Vladimir%20Putin"):
        html = api.get(page).text
        assert '<figure class="day-chart">' in html, page
    story_html = api.get(f"/web/stories/{story}").text
    assert story_html.count('<rect class="bar"') == len(days)


def test_the_events_page_narrows_by_facets_and_keeps_the_filters_given(api):
    # issue 14: no filters or facets on the web lists
    import re

    html = api.get("/web/events", params={"actor": "Putin"}).text
    assert "2 events matching actor <strong>Putin</strong>" in html
    links = [link.replace("&amp;", "&") for link in re.findall(r'<a href="\?([^"]+)">', html)]
    assert "actor=Putin&status=negated" in links  # a facet value adds itself to the filters
    narrowed = api.get("/web/events?actor=Putin&status=negated").text
    assert "1 event matching" in narrowed and narrowed.count('<span class="badge') == 1
    csv_link = re.search(r'<a class="download" href="([^"]+)"', narrowed)[1].replace("&amp;", "&")
    answer = api.get(csv_link)
    assert answer.status_code == 200 and len(answer.text.strip().splitlines()) == 2  # header + the one event
    assert api.get("/web/events", params={"status": "negatd"}).status_code == 400
    assert '<a href="/web/events">Events</a>' in api.get("/web/").text


def test_a_search_result_has_its_day_chart(api):
    from eventwire.api import queries

    html = api.get("/web/search", params={"q": "Putin"}).text
    assert '<figure class="day-chart">' in html
    totals = re.search(r"Events per day \(the event's date, else its article's\): (\d+) from", html)
    assert int(totals[1]) == 2  # both events with Putin as a side, not only the page shown
    assert html.count('<rect class="bar"') == html.count("event</title>") + html.count("events</title>")
    with api.app.state.backend.cursor() as con:
        assert queries.search_days(con, "no such words anywhere") == []
    assert '<figure class="day-chart">' not in api.get("/web/search", params={"q": "no such words"}).text


def test_stories_narrow_by_event_actor_and_country_with_their_facets(api):
    everything = api.get("/stories/facets").json()
    assert everything["total"] == api.get("/stories").json()["total"] == 2
    assert {"value": "RETREAT", "n": 1} in everything["facets"]["event"]
    retreat = api.get("/stories", params={"event": "RETREAT"}).json()
    assert retreat["total"] == 1 and retreat["items"][0]["title"].startswith("Kyiv")
    assert api.get("/stories", params={"actor": "putin"}).json()["items"][0]["title"] == "Putin meets Witkoff"
    narrowed = api.get("/stories/facets", params={"country": "Ukraine"}).json()
    assert narrowed["total"] == 1 and narrowed["facets"]["country"] == [{"value": "UKR", "n": 1}]
    for bad in ({"event": "CONSLT"}, {"country": "Englnd"}):
        refused = api.get("/stories", params=bad)
        assert refused.status_code == 400, bad
        assert "did you mean" in refused.json()["error"]["message"].lower() or "closest" in refused.text


def test_actors_narrow_by_type_country_and_sector_with_their_facets(api):
    facets = api.get("/actors/facets").json()
    assert facets["total"] == api.get("/actors").json()["total"] == 4
    assert facets["facets"]["country"][0] == {"value": "RUS", "n": 2}
    russians = api.get("/actors", params={"country": "RUS"}).json()
    assert {a["name"] for a in russians["items"]} == {"Vladimir Putin", "Yuri Ushakov"}
    assert api.get("/actors/facets", params={"sector": "gov"}).json()["total"] == 1


def test_the_stories_and_actors_pages_have_facets_that_narrow_and_pages_that_keep_them(api):
    html = api.get("/web/").text
    links = [link.replace("&amp;", "&") for link in re.findall(r'<a href="\?([^"]+)">', html)]
    assert "event=RETREAT" in links and "country=UKR" in links
    narrowed = api.get("/web/?event=RETREAT").text
    assert "1 story matching event <strong>RETREAT</strong>" in narrowed and narrowed.count('class="story-link"') == 1
    actors = api.get("/web/actors", params={"country": "RUS"}).text
    assert "2 actors matching country <strong>RUS</strong>" in actors
    assert "country=RUS&type=PERSON" in actors.replace("&amp;", "&")  # a facet adds itself to the filters
    assert api.get("/web/actors", params={"country": "Englnd"}).status_code == 400


def test_a_list_page_keeps_its_filters_from_page_to_page():
    from eventwire.web.pages import make_templates

    class Page:
        items, total, offset = [1] * 50, 120, 50

    html = make_templates().env.get_template("pager.html").render(
        page=Page, page_size=50, query=lambda **more: "&".join(f"{k}={v}" for k, v in {"country": "RUS", **more}.items()))
    assert '<a href="?country=RUS&amp;offset=0">' in html and '<a href="?country=RUS&amp;offset=100">' in html


def test_quotes_narrow_by_speaker_kind_and_country_with_their_facets(api):
    facets = api.get("/quotes/facets").json()
    assert facets["total"] == api.get("/quotes").json()["total"] == 2
    assert {f["value"] for f in facets["facets"]["kind"]} == {"direct", "indirect"}
    assert facets["facets"]["country"] == [{"value": "RUS", "n": 1}, {"value": "UKR", "n": 1}]
    russian = api.get("/quotes", params={"country": "Russia"}).json()
    assert [q["speaker_name"] for q in russian["items"]] == ["Yuri Ushakov"]
    assert api.get("/quotes", params={"kind": "INDIRECT"}).json()["total"] == 1
    refused = api.get("/quotes", params={"kind": "direkt"})
    assert refused.status_code == 400
    assert "can match no quote" in refused.json()["error"]["message"] and "did you mean direct" in refused.text
    html = api.get("/web/quotes", params={"kind": "direct"}).text
    assert "1 quote matching kind <strong>direct</strong>" in html and "Ushakov" in html
    assert "kind=direct&country=RUS" in html.replace("&amp;", "&")
    assert '<a href="/web/quotes">Quotes</a>' in api.get("/web/").text


def test_counts_read_as_english():
    from eventwire.web.pages import counted

    assert [counted(1, "event"), counted(2, "event"), counted(1, "story"), counted(0, "story")] == [
        "1 event", "2 events", "1 story", "0 stories"]

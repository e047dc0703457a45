"""The GDELT 2.0 exports (issue 14, part 1), loaded as a GDELT user loads them: no header,
tab-separated, the codebook's column names given by the reader."""

from __future__ import annotations

import duckdb
import pytest
from test_store_docs import make_document, talks_document

from eventwire.store import Store
from eventwire.store.exports import export
from eventwire.store.queries import Filters

#: The GDELT 2.0 Event codebook's 61 columns, in order (GDELT-Event_Codebook-V2.0.pdf), written
#: out here rather than imported, so the test checks the export against the codebook.
CODEBOOK = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
    "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode", "Actor1Religion1Code",
    "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code", "Actor2Code",
    "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone", "Actor1Geo_Type",
    "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID", "Actor2Geo_Type",
    "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID", "ActionGeo_Type",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL",
]
#: The GDELT 2.0 Mentions table's 16 columns, in order.
MENTIONS = [
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
    "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo",
    "Extras",
]

SECOND = ("Vladimir Putin met Steve Witkoff in the Kremlin on Tuesday, the two sides said, and talks "
          "ended with no compromise on the territorial questions.")


@pytest.fixture()
def store(tmp_path):
    talks = talks_document()
    talks.article.url = "https://example.org/kremlin-talks"
    again = make_document(
        SECOND, title="Putin and Witkoff talk", published="2025-12-03", input_id="talks-2",
        entities=[("E1", "Vladimir Putin", "PERSON", "RUS", "GOV"), ("E2", "Steve Witkoff", "PERSON", "USA", "GOV")],
        events=[("V1", "CONSULT", "verbal_cooperation", "met", ["E1"], ["E2"], "asserted", "P1")],
        places=[("P1", "Kremlin", "RUS", 55.75, 37.62)])
    again.article.source = "Wire"
    strike = make_document(
        "Dockers in Hamburg protested against Maersk on Friday. Police said 300 joined.",
        published="2024-03-08", input_id="strike-1",
        entities=[("E1", "Dockers", "NORP", "DEU", "LAB"), ("E2", "Maersk", "ORG", "DNK", "BUS")],
        events=[("V1", "PROTEST", "verbal_conflict", "protested", ["E1"], ["E2"], "asserted", "P1")],
        places=[("P1", "Hamburg", "DEU", 53.55, 9.99)])
    path = tmp_path / "g.duckdb"
    with Store(path) as db:
        db.add([talks, again, strike])
        db.con.execute("UPDATE articles SET story = (SELECT story FROM articles WHERE input_id = 'talks-1') "
                       "WHERE input_id = 'talks-2'")  # one story, whatever the clustering made of two lines
    with Store(path, read_only=True) as db:
        yield db


def load(path, names) -> list[dict[str, str]]:
    """The rows as DuckDB's CSV reader gives them with the codebook's names ('' for empty)."""
    con = duckdb.connect()
    rel = con.read_csv(str(path), delimiter="\t", header=False, names=names, all_varchar=True, quotechar="")
    return [{k: v or "" for k, v in zip(names, row)} for row in rel.fetchall()]


def test_the_event_table_loads_with_the_codebook_columns_and_each_means_what_it_says(store, tmp_path):
    assert export(store.con, "gdelt", tmp_path / "events.tsv") == 3
    lines = (tmp_path / "events.tsv").read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)  # no header, 61 columns
    table = load(tmp_path / "events.tsv", CODEBOOK)
    talks = [r for r in table if r["Actor1Name"] == "VLADIMIR PUTIN"]
    assert len(talks) == 1  # two articles report the meeting: one GDELT event
    met = talks[0]
    assert (met["Actor1Code"], met["Actor1CountryCode"], met["Actor1Type1Code"]) == ("RUSGOV", "RUS", "GOV")
    assert (met["Actor2Code"], met["Actor2Name"], met["Actor2CountryCode"]) == ("USAGOV", "STEVE WITKOFF", "USA")
    assert (met["SQLDATE"], met["MonthYear"], met["Year"]) == ("20251203", "202512", "2025")
    assert float(met["FractionDate"]) == pytest.approx(2025 + 337 / 365, abs=1e-4)
    assert (met["EventCode"], met["EventBaseCode"], met["EventRootCode"]) == ("04", "04", "04")
    assert met["QuadClass"] == "1" and float(met["GoldsteinScale"]) == 1.0  # GDELT's value for CAMEO 04
    assert (met["NumMentions"], met["NumSources"], met["NumArticles"]) == ("2", "2", "2")
    assert met["IsRootEvent"] == "1" and met["AvgTone"] == ""
    assert met["ActionGeo_FullName"].startswith("Kremlin") and met["ActionGeo_CountryCode"] == "RS"  # FIPS
    assert float(met["ActionGeo_Lat"]) == 55.75 and float(met["ActionGeo_Long"]) == 37.62
    assert len(met["DATEADDED"]) == 14 and met["DATEADDED"].isdigit()
    assert met["SOURCEURL"] == "https://example.org/kremlin-talks"
    protest = next(r for r in table if r["Actor1Name"] == "DOCKERS")
    assert protest["ActionGeo_CountryCode"] == "GM" and protest["QuadClass"] == "3"  # FIPS for Germany
    assert protest["SOURCEURL"] == "eventwire:article/strike-1"  # the documented placeholder
    assert len({r["GLOBALEVENTID"] for r in table}) == len(table)


def test_the_mentions_table_has_one_row_per_report(store, tmp_path):
    assert export(store.con, "gdelt-mentions", tmp_path / "mentions.tsv") == 4
    mentions = load(tmp_path / "mentions.tsv", MENTIONS)
    export(store.con, "gdelt", tmp_path / "events.tsv")
    events = load(tmp_path / "events.tsv", CODEBOOK)
    met = next(r for r in events if r["Actor1Name"] == "VLADIMIR PUTIN")
    reports = [m for m in mentions if m["GLOBALEVENTID"] == met["GLOBALEVENTID"]]
    assert len(reports) == 2 and {m["MentionType"] for m in reports} == {"1"}
    second = next(m for m in reports if m["MentionSourceName"] == "Wire")
    assert int(second["ActionCharOffset"]) == SECOND.index("met")
    assert int(second["Actor1CharOffset"]) == SECOND.index("Vladimir Putin")
    assert int(second["MentionDocLen"]) == len(SECOND) and second["SentenceID"] == "1"
    assert {m["GLOBALEVENTID"] for m in mentions} == {e["GLOBALEVENTID"] for e in events}


def test_filters_choose_events_and_an_event_keeps_all_its_reports(store, tmp_path):
    assert export(store.con, "gdelt", tmp_path / "f.tsv", Filters(event="PROTEST")) == 1
    assert export(store.con, "gdelt-mentions", tmp_path / "m.tsv", Filters(recipient="Witkoff")) == 2


def test_the_lead_paragraph_and_sentence_numbers():
    from eventwire.store.gdelt import lead_end, sentence_number

    text = ("Talks end\n\nVladimir Putin met Steve Witkoff in the Kremlin on Tuesday for five hours.\n"
            "The meeting ended late.\n\nLater, aides said \"nothing\" was agreed. Both sides left.")
    assert text[:lead_end(text)].rstrip().endswith("The meeting ended late.")  # the headline is not the lead
    wrapped = "MOSCOW - Vladimir Putin met Steve Witkoff in the Kremlin on Tuesday evening.\nAides said so."
    assert wrapped[:lead_end(wrapped)].rstrip().endswith("Tuesday evening.")  # lines are paragraphs here
    assert sentence_number(text, text.index("met")) == 1
    assert sentence_number(text, text.index("Both")) == 4

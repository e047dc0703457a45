"""The roster and organisation lists: parsing, errors with file and line, lookups by date."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import KnowledgeError
from eventwire.knowledge.roster import Roster, name_key, orgs, parse_orgs, parse_roster, roster

HEADER = "# test roster\ncountry\ttitle\tname\taliases\tstart\tend\n"


def _write(tmp_path, body: str, name: str = "roster.tsv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def _small() -> Roster:
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "roster.tsv"
        path.write_text(HEADER + (
            "USA\tpresident\tJoe Biden\tJoseph Biden\t2021-01-20\t2025-01-20\n"
            "USA\tpresident\tDonald Trump\t\t2025-01-20\t\n"
            "USA\tpresident\tGeorge W. Bush\t\t2001-01-20\t2009-01-20\n"
            "USA\tpresident\tGeorge H. W. Bush\tGeorge Bush\t1989-01-20\t1993-01-20\n"
            "RUS\tpresident\tVladimir Putin\t\t2012-05-07\t\n"), encoding="utf-8")
        return Roster(parse_roster(path))


def test_holder_by_date_and_handover_day():
    r = _small()
    assert r.holder("USA", "president", date(2024, 6, 1)).name == "Joe Biden"
    assert r.holder("USA", "president", date(2025, 1, 20)).name == "Donald Trump"
    assert r.holder("USA", "president", date(2025, 1, 19)).name == "Joe Biden"
    assert r.holder("USA", "prime minister", date(2024, 6, 1)) is None
    assert r.holder("USA", "president", date(1995, 1, 1)) is None


def test_by_name_aliases_and_case():
    r = _small()
    assert r.by_name("joseph  BIDEN").name == "Joe Biden"
    assert r.by_name("Biden") is None  # a bare surname is for the text to connect


def test_by_surname_only_when_unique():
    r = _small()
    assert r.by_surname("Putin", "president").name == "Vladimir Putin"
    assert r.by_surname("Bush", "president") is None  # two Bushes
    assert r.surname_countries("Bush", "president") == {"USA"}
    assert r.by_surname("Putin", "prime minister") is None


@pytest.mark.parametrize("row, problem", [
    ("USA\tpresident\tX Y\t\t2021-13-01\t\n", "not a date"),
    ("usa\tpresident\tX Y\t\t2021-01-01\t\n", "ISO3"),
    ("USA\tpresident\tX Y\t\t2021-01-01\t2020-01-01\n", "before start"),
    ("USA\tpresident\tX Y\t2021-01-01\n", "columns"),
    ("USA\temperor\tX Y\t\t2021-01-01\t\n", "canonical title"),
])
def test_roster_errors_name_file_and_line(tmp_path, row, problem):
    path = _write(tmp_path, "RUS\tpresident\tVladimir Putin\t\t2012-05-07\t\n" + row)
    with pytest.raises(KnowledgeError) as err:
        parse_roster(path, frozenset({"president"}))
    assert problem in str(err.value)
    assert f"{path}:4" in str(err.value)


def test_org_errors_name_line(tmp_path):
    path = tmp_path / "igos.tsv"
    path.write_text("# x\nname\taliases\tsector\nUnited Nations\tUN\tIGO\nFoo\t\tGOV\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=f"{path}:4"):
        parse_orgs(path)


def test_bundled_roster_facts():
    r = roster()
    assert r.holder("USA", "president", date(2025, 12, 3)).name == "Donald Trump"
    assert r.holder("USA", "president", date(2022, 3, 1)).name == "Joe Biden"
    assert r.holder("RUS", "defence minister", date(2025, 1, 1)).name == "Andrei Belousov"
    assert r.holder("RUS", "defence minister", date(2020, 1, 1)).name == "Sergei Shoigu"
    assert r.by_name("Zelensky").name == "Volodymyr Zelenskiy"
    assert r.same_person("Zelenskyy", "Volodymyr Zelenskiy")


def test_bundled_orgs():
    assert orgs().get("NATO").name == "North Atlantic Treaty Organization"
    assert orgs().get("the U.N.").sector == "IGO"
    assert orgs().get("Hamas").country == "PSE"


def test_name_key():
    assert name_key("The  U.S.") == "us"
    assert name_key("Sa\u2019ar") == "sa'ar"

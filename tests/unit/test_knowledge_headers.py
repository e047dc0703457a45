"""Knowledge lives in data files with a header, not in code (issue 16): every TSV in
``knowledge/data`` opens with comment lines that say what it is and where it comes from,
then a line of column names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventwire.errors import KnowledgeError
from eventwire.knowledge import data_path
from eventwire.knowledge.countries import country_code
from eventwire.knowledge.gazetteer import country_aliases

DATA = data_path("x").parent
COLUMNS = re.compile(r"^[a-z][a-z0-9_]*(\t[a-z][a-z0-9_]*)*$")


@pytest.mark.parametrize("path", sorted(DATA.glob("*.tsv")), ids=lambda p: p.name)
def test_every_data_file_has_a_header(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    assert lines[0].startswith("#") and len(comments) >= 2, "say what the file is and its source"
    assert any(word in " ".join(comments).lower() for word in ("source", "generated", "written", "http")), \
        "the header names the file's source"
    first = next(line for line in lines if line.strip() and not line.startswith("#"))
    assert COLUMNS.match(first), f"the first data line must name the columns, not {first!r}"


def test_knowledge_words_moved_out_of_code_are_read_from_their_files():
    assert country_code("Congo") == "COD"  # the alias wins over ISO's short name (COG)
    assert country_code("Republic of Congo") == "COG"
    from eventwire.extract.actors.shape import particles

    assert {"von", "der", "bin", "al"} <= particles()


def test_a_country_alias_without_an_iso3_code_names_its_line(tmp_path):
    path = tmp_path / "country_aliases.tsv"
    path.write_text("# test\nalias\tcountry\nholland\tNLD\nburma\tMyanmar\n", encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        country_aliases(path)
    assert f"{path}:4" in str(err.value) and "ISO3" in str(err.value)

"""Name-mention rules on hand-built parses (no model): where a name can run (shape.py), sports
reports and their tables (the sports component, actors/teams.py), naming words (kinds.py), datelines and headlines
(mentions.py), and the two knowledge files they read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.lang.en import English
from spacy.tokens import Doc

from eventwire.errors import KnowledgeError
from eventwire.extract.actors.mentions import find_mentions
from eventwire.extract.actors.shape import BREAKS, drop_leading_modifiers, pieces
from eventwire.extract.sports import sports_kind, table_names
from eventwire.ingest.dateline import find_dateline
from eventwire.knowledge.actors import parse_name_words, parse_sports_words

VOCAB = English().vocab
TAGS = {"NOUN", "ADJ", "PROPN", "PUNCT", "DET", "ADP", "CCONJ", "PART", "VERB", "NUM", "X"}


def build(*lines: str) -> Doc:
    """A doc from lines of "word/TAG" items (TAG an entity label opening an entity, =LABEL
    continuing it, else a part of speech; a bare word is PROPN if capitalised, else X); lines
    are joined by newline tokens, each line a sentence."""
    words, spaces, ents, pos, starts = [], [], [], [], []
    for n, line in enumerate(lines):
        items = line.split(" ")
        for k, item in enumerate(items):
            word, _, tag = item.rpartition("/") if "/" in item[1:] else ("", "", "")
            word = word or item
            words.append(word)
            spaces.append(k < len(items) - 1)
            starts.append(k == 0)
            if tag.startswith("="):
                ents.append("I-" + tag[1:]), pos.append("PROPN")
            elif tag and tag not in TAGS:
                ents.append("B-" + tag), pos.append("PROPN")
            else:
                ents.append("O"), pos.append(tag or ("PROPN" if word[:1].isupper() else "X"))
        if n < len(lines) - 1:
            words.append("\n"), spaces.append(False), ents.append("O"), pos.append("SPACE")
            starts.append(False)
    return Doc(VOCAB, words=words, spaces=spaces, ents=ents, pos=pos, sent_starts=starts)


def laid_out(doc: Doc) -> list:
    """The name mentions, with the layout read as the pipeline reads it: the dateline as
    ``prepare`` does, the sports report and its tables as the ``sports`` component does."""
    dateline = find_dateline(doc.text, None)
    place = (dateline.span.start, dateline.span.start + len(dateline.place)) if dateline else None
    sport = sports_kind(doc.text)
    rows = table_names(doc) if sport else []
    return find_mentions(doc, sport=sport, table_rows=rows, dateline=place)


def found(doc: Doc) -> set[tuple[str, str]]:
    return {(m.text(doc), m.label) for m in laid_out(doc) if m.kind == "name"}


def test_a_name_stops_at_numbers_brackets_commas_and_spaced_dashes():
    doc = build("Durham 114 ( Scott Draper ( Australia ) , Oval , Surrey - Kent")
    assert [doc[s:e].text for s, e in pieces(doc, 0, len(doc))] == [
        "Durham", "Scott Draper", "Australia", "Oval", "Surrey", "Kent"]


def test_a_name_keeps_its_particles_and_inner_hyphens():
    doc = Doc(VOCAB, words=["Bank", "of", "England", "and", "Chester", "-", "le", "-", "Street"],
              spaces=[True, True, True, True, False, False, False, False, False])
    assert pieces(doc, 0, 3) == [(0, 3)]
    assert pieces(doc, 4, 9) == [(4, 9)]
    assert pieces(doc, 0, 9) == [(0, 9)]  # "and" joins names ("Bosnia and Herzegovina")
    yorkshire = build("Yorkshire at Headingley")
    assert pieces(yorkshire, 0, 3) == [(0, 1), (2, 3)]


@given(st.lists(st.sampled_from(["Kent", "of", "(", "12", ",", "-", "beat", "Red", "Star", ":"]),
                min_size=1, max_size=12))
def test_pieces_lie_inside_the_span_and_hold_no_break(words):
    doc = Doc(VOCAB, words=words, spaces=[True] * len(words))
    previous_end = 0
    for start, end in pieces(doc, 0, len(doc)):
        assert previous_end <= start < end <= len(doc)
        assert not any(t.text in BREAKS or t.text.isdigit() for t in doc[start:end])
        previous_end = end


def test_nationality_and_month_before_a_name_are_not_part_of_it():
    doc = build("American Dennis Mitchell and August Chicago NAPM")
    assert drop_leading_modifiers(doc, 0, 3, "PERSON") == 1
    assert drop_leading_modifiers(doc, 4, 7, "ORG") == 5
    assert drop_leading_modifiers(doc, 0, 3, "ORG") == 0  # "Panamanian Boxing ..." is not cut
    single = build("American")
    assert drop_leading_modifiers(single, 0, 1, "PERSON") == 0


def test_sports_reports_are_told_by_kicker_or_density():
    assert sports_kind("SOCCER - LEEDS BEAT CHELSEA .\nLeeds won 2-1 .") == "team"
    assert sports_kind("TENNIS - SELES WINS .\nSeles won in Berlin .") == "solo"
    assert sports_kind("Boxing-Bruno quits on doctor 's advice .") == "solo"
    dense = "The striker scored twice as the league leaders won 3-1 in the cup semi-final ."
    assert sports_kind(dense) == "team"
    assert sports_kind("The minister said the talks in Geneva would resume on Monday .") is None
    assert sports_kind("Parliament beat the deadline by two days and won 3-1 in the vote .") is None


def test_table_rows_name_teams_places_and_players():
    doc = build("Wigan 4 3 1 0 9 4 10", "Pohang 3 Ulsan 2", "HOUSTON AT PITTSBURGH",
                "Leah Pells ( Canada ) 4:09.95", "S. Law c Tillekeratne b Dharmasena 13",
                "He lost his World Boxing Council ( WBC ) title")
    rows = {(doc[s:e].text, label) for s, e, label in table_names(doc)}
    assert not any(text.startswith("World Boxing") for text, _ in rows)
    assert {("Wigan", "ORG"), ("Pohang", "ORG"), ("Ulsan", "ORG"), ("HOUSTON", "ORG"),
            ("PITTSBURGH", "GPE"), ("Leah Pells", "PERSON"), ("Canada", "GPE"),
            ("S. Law", "PERSON"), ("Tillekeratne", "PERSON"), ("Dharmasena", "PERSON")} <= rows


def test_in_a_team_sports_report_a_competing_city_is_its_team_but_a_venue_stays_a_place():
    doc = build("SOCCER/X -/PUNCT LEEDS/X WIN/X ./PUNCT",
                "Leeds/GPE beat/VERB Chelsea/GPE 2-1/NUM in/ADP Leeds/GPE ./PUNCT",
                "France/GPE drew/VERB with/ADP Leeds/GPE ./PUNCT")
    names = [(m.text(doc), m.label) for m in laid_out(doc)]
    assert names.count(("Leeds", "ORG")) == 2 and ("Chelsea", "ORG") in names
    assert ("Leeds", "GPE") in names  # "in Leeds"
    assert ("France", "GPE") in names  # a national team keeps its country's name


def test_cities_in_individual_sports_and_other_news_stay_places():
    tennis = build("TENNIS/X -/PUNCT RESULTS/X", "Seles/PERSON beat/VERB Graf/PERSON in/ADP Berlin/GPE",
                   "Berlin/GPE hosts/VERB the/DET final/NOUN")
    assert ("Berlin", "GPE") in found(tennis) and ("Berlin", "ORG") not in found(tennis)
    news = build("Leeds/GPE council/NOUN voted/VERB on/ADP the/DET plan/NOUN ./PUNCT")
    assert ("Leeds", "GPE") in found(news)


def test_naming_words_make_events_organisations_and_company_short_names():
    doc = build("Hong/GPE Kong/=GPE Open/=GPE results/NOUN ./PUNCT",
                "Pirelli/ORG SpA/=ORG said/VERB Pirelli/PERSON shares/NOUN rose/VERB ./PUNCT",
                "Rwanda/PERSON Airlines/=PERSON flew/VERB to/ADP the/DET West/GPE Bank/=GPE ./PUNCT")
    names = found(doc)
    assert ("Hong Kong Open", "EVENT") in names
    assert ("Pirelli", "ORG") in names and ("Pirelli", "PERSON") not in names
    assert ("Rwanda Airlines", "ORG") in names
    assert ("West Bank", "GPE") in names


def test_dateline_is_one_place_and_headline_guesses_are_dropped():
    doc = build("ENGLAND/ORG BEAT/=ORG MOLDOVA IN QUALIFIER",
                "LA/GPE CORUNA/X ,/PUNCT Spain/GPE 1996-08-31/NUM",
                "England/GPE beat/VERB Moldova/GPE 3-0/NUM ./PUNCT")
    names = found(doc)
    assert ("ENGLAND BEAT", "ORG") not in names
    assert ("ENGLAND", "GPE") in names and ("MOLDOVA", "GPE") in names
    assert ("LA CORUNA", "GPE") in names
    undated = build("LA/GPE CORUNA/X ,/PUNCT Spain/GPE is/VERB wet/ADJ")  # no date: no dateline
    assert ("LA CORUNA", "GPE") not in found(undated)


def test_lone_common_word_at_a_line_start_is_not_a_name():
    doc = build("Attendance/NOUN :/PUNCT 2,000/NUM", "Death/NOUN is/VERB natural/ADJ")
    doc.ents = [doc.char_span(0, 10, label="PERSON"), doc.char_span(19, 24, label="PERSON")]
    assert found(doc) == set()


@pytest.mark.parametrize("loader,name,good,bad,problem", [
    (parse_sports_words, "sports_words.tsv", "rugby\tsport\n", "cricket\tgame\n", "kind must be one of"),
    (parse_name_words, "name_words.tsv", "inc\tcompany\n", "inc\tlegal\n", "kind must be one of"),
    (parse_name_words, "name_words.tsv", "inc\tcompany\n", "\tclub\n", "empty word"),
])
def test_name_knowledge_files_fail_with_file_and_line(tmp_path, loader, name, good, bad, problem):
    path = tmp_path / name
    path.write_text("# test\nword\tkind\n" + good + bad, encoding="utf-8")
    with pytest.raises(KnowledgeError) as err:
        loader(path)
    assert problem in str(err.value) and f"{path}:4" in str(err.value)


def test_bundled_name_knowledge_loads():
    assert "solo" in parse_sports_words()["tennis"]
    assert parse_name_words()["inc"] == frozenset({"company"})
    assert "event" in parse_name_words()["open"]


def test_the_sports_component_lays_out_a_report_before_the_actors():
    from eventwire.extract.sports import SportsComponent
    from eventwire.model import Article
    from eventwire.nlp import Annotated
    from eventwire.pipeline import DEFAULT_COMPONENTS

    report = build("SOCCER/X -/PUNCT RESULTS/X", "Pohang 3 Ulsan 2")
    ann = Annotated(article=Article(id="r", text=report.text), doc=report)
    SportsComponent()(ann)
    assert ann.sport == "team"
    assert {(report[s:e].text, label) for s, e, label in ann.table_names} == {("Pohang", "ORG"), ("Ulsan", "ORG")}
    news = build("Leeds/GPE council/NOUN voted/VERB 3/NUM 2/NUM")
    plain = Annotated(article=Article(id="n", text=news.text), doc=news)
    SportsComponent()(plain)
    assert (plain.sport, plain.table_names) == (None, [])
    assert DEFAULT_COMPONENTS.index("sports") < DEFAULT_COMPONENTS.index("actors")


def test_without_the_sports_layout_a_competing_city_stays_a_place():
    doc = build("SOCCER/X -/PUNCT LEEDS/X WIN/X ./PUNCT",
                "Leeds/GPE beat/VERB Chelsea/GPE 2-1/NUM ./PUNCT")
    names = {(m.text(doc), m.label) for m in find_mentions(doc)}
    assert ("Leeds", "GPE") in names and ("Leeds", "ORG") not in names


def test_a_span_without_a_capital_is_no_name():
    doc = build("Profits/NOUN rose/VERB to/ADP 280bn/NUM in/ADP the/DET year/NOUN of/ADP Kent/PROPN")
    doc.ents = [doc.char_span(16, 21, label="PERSON"), doc.char_span(34, 36, label="ORG"),
                doc.char_span(37, 41, label="GPE")]
    assert found(doc) == {("Kent", "GPE")}

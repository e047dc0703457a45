"""The PETRARCH-2 CAMEO converter (knowledge/build/cameo.py) and its loader
(knowledge/cameo.py): parsers on hand-written snippets, the CAMEO -> PLOVER mapping, the
committed files equal to a fresh build, and the CLI's one-line error."""

from __future__ import annotations

import pytest
import typer
from conftest import SHARED
from typer.testing import CliRunner

from eventwire.cli.knowledge import app
from eventwire.errors import KnowledgeError
from eventwire.knowledge import data_path
from eventwire.knowledge.build import cameo as build
from eventwire.knowledge.cameo import (
    AGENTS_FILE,
    SYNSETS_FILE,
    VERB_COLUMNS,
    VERBS_FILE,
    cameo_agents,
    cameo_synsets,
    cameo_verbs,
)

CAMEO_DIR = SHARED / "data" / "cameo"  # ../shared/data/cameo from the project root

PLOVER = """\
# CAMEO to PLOVER conversion table
10: REQUEST
100: REQUEST,  ,  # REQUEST
103: REQUEST, assist,  # Demand aid
1033: REQUEST, assist, humanitarian # Demand humanitarian aid
06: COOPERATE
061: COOPERATE,   ,   economic # Cooperate economically
09: ACCUSE
091: ACCUSE, investigate, crime; corruption # Investigate crime, corruption
17: COERCE
173: COERCE, arrest, legal            # Arrest, detain, or charge with legal action
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
193: ASSAULT, firearms, military # Fight with small arms and light weapons
194: ASSAULT, heavy-weapons, military # Fight with artillery and tanks
195: ASSAULT, heavy-weapons, military # Employ aerial weapons
19: ASSAULT
~~~~~
"""

VERBS = """\
# CAMEO VERB PATTERN DICTIONARY (a test snippet)
####### SYNONYM SETS #######

&WEAPON
+RIFLE
+MACHINE_GUN_

####### VERB PATTERNS #######

---  ATTACK   [190]  ---
ATTACK  # pas
STRIKE {STRIKES STRUCK STRIKING} [195]
+ROUND_UP [173]
+WAGE_WAR {+WAGES_WAR +WAGED_WAR +WAGING_WAR}
- * {ARMED CONVOY}                 [193]   # ATTACK
- * (WITH &WEAPON)                 [194]   # ATTACK
- * &WEAPON                        [---]   # ATTACK
- * TALKS                          [061:061]
- * (INTO CORRUPTION)              [091]
- * ASSAULT                        [190]
- ELECTION *                       [120]
- * (FOR HELP)                     [0233]
- * (BEFORE COURT)                 [:173]

---  SAY   [010]  ---
SAY {SAID SAYING SAYS}
+KILLED_AND {}
- * &ARMOR                         [190]
- * ATTACK                         [012]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""

LINE = {text.split("#")[0].strip(): number for number, text in enumerate(VERBS.splitlines(), 1)}


def rows_by(rows, **match):
    return [r for r in rows if all(getattr(r, key) == value for key, value in match.items())]


@pytest.fixture(scope="module")
def verbs():
    return build.verb_rows(VERBS, PLOVER)


def test_bare_verbs_take_the_block_default_or_their_own_code(verbs):
    rows, _, _ = verbs
    attack = rows_by(rows, lemma="attack", object="-", prep="-")
    assert attack == [build.VerbRow("attack", "-", "-", "-", "190", "ASSAULT", "-", "military",
                                    LINE["ATTACK"])]
    strike = rows_by(rows, lemma="strike", object="-", prep="-")[0]
    assert (strike.cameo, strike.event, strike.mode) == ("195", "ASSAULT", "heavy-weapons")


def test_multi_word_verbs_split_into_verb_particle_and_object(verbs):
    rows, _, _ = verbs
    round_up = rows_by(rows, lemma="round", object="-", prep="-")[0]
    assert (round_up.particle, round_up.cameo, round_up.event, round_up.mode) == (
        "up", "173", "COERCE", "arrest")
    wage = rows_by(rows, lemma="wage")  # its own object: the block's patterns do not apply
    assert [(r.particle, r.object, r.cameo, r.line) for r in wage] == [
        ("-", "war", "190", LINE["+WAGE_WAR {+WAGES_WAR +WAGED_WAR +WAGING_WAR}"])]


def test_patterns_give_object_prep_and_synonym_set_rows(verbs):
    rows, synsets, _ = verbs
    strike = {(r.object, r.prep): r for r in rows_by(rows, lemma="strike")}
    assert strike[("armed convoy", "-")].mode == "firearms"
    assert strike[("&weapon", "with")].cameo == "194"
    assert strike[("corruption", "into")].context == "crime,corruption"
    assert strike[("talks", "-")][4:8] == ("061", "COOPERATE", "-", "economic")
    assert synsets["&weapon"] == (("rifle", LINE["+RIFLE"]), ("machine gun", LINE["+MACHINE_GUN_"]))


def test_not_an_event_rows_are_kept_and_appeals_are_requests(verbs):
    rows, _, _ = verbs
    strike = {(r.object, r.prep): r for r in rows_by(rows, lemma="strike")}
    assert strike[("&weapon", "-")][4:6] == ("-", "-")
    assert strike[("court", "before")][4:6] == (":173", "-")
    assert strike[("help", "for")][4:8] == ("0233", "REQUEST", "assist", "humanitarian")
    assert strike[("&weapon", "-")].line == LINE["- * &WEAPON                        [---]"]


def test_rows_with_nothing_to_add_and_unusable_entries_are_counted(verbs):
    rows, _, skipped = verbs
    assert not rows_by(rows, lemma="attack", object="assault")  # same as "attack" alone
    assert rows_by(rows, lemma="strike", object="assault")[0].cameo == "190"
    assert not rows_by(rows, object="election") and not rows_by(rows, lemma="killed")
    assert not rows_by(rows, lemma="say", object="attack")  # 012 and 010: no event either way
    assert skipped["pattern with words before the verb (no subject column)"] == 1
    assert skipped["pattern uses an undefined synonym set"] == 1
    assert skipped["multi-word verb given only as a fixed inflected form ({})"] == 1
    assert skipped["duplicate code in CAMEO2PLOVER-2021.txt (first kept)"] == 1
    assert not any("~" in r.lemma for r in rows)  # TRANSFORMATIONS are not read


def test_identical_rows_keep_the_first_line():
    text = VERBS.replace("STRIKE {STRIKES", "ATTACK  # again\nSTRIKE {STRIKES")
    rows, _, _ = build.verb_rows(text, PLOVER)
    assert [r.line for r in rows_by(rows, lemma="attack", object="-", prep="-")] == [LINE["ATTACK"]]


def test_cameo_to_plover_mapping():
    table, _ = build.parse_plover_table(PLOVER)
    assert build.plover_for("1033", table) == ("REQUEST", "assist", ("humanitarian",))
    assert build.plover_for("0233", table) == ("REQUEST", "assist", ("humanitarian",))  # 02x -> 10x
    assert build.plover_for("020", table) == ("REQUEST", None, ())
    assert build.plover_for("1931", table) == ("ASSAULT", "firearms", ("military",))  # 4 -> 3 digits
    assert build.plover_for("176", table) == ("COERCE", None, ())  # 3 -> 2 digits
    assert build.plover_for("012", table) is None and build.plover_for("220", table) is None
    codes = [build.active_code(c) for c in ("---", "061:061", ":173", "080!")]
    assert codes == ["-", "061", ":173", "080"]


AGENTS = """\
# CAMEO agents file (a test snippet)
!PERSON! = MAN, MEN
POLICE {} [~COP] # ab 2005
CONGRESS!PERSON! [~LEG}
FOREIGN_MINISTER [~GOVFRM]
STATE_MEDIA [~GOVMED]
IMAM [~MUS]
HUMAN_RIGHTS_BODY  [NGO~] # BNL
GUNMAN {GUNMEN} [~UAF]
EXTREMIST [~RAD]
ISLAMIC_EXTREMIST
POLICE [~MIL]
"""


def test_agents_become_nouns_with_sectors():
    rows, skipped = build.agent_rows(AGENTS)
    assert [(r.noun, r.sector) for r in rows] == [
        ("police", "COP"), ("congressman", "LEG"), ("congressmen", "LEG"),
        ("foreign minister", "GOV"), ("state media", "GOV"), ("imam", "REL"),
        ("human rights body", "NGO"), ("gunman", "UAF"), ("gunmen", "UAF"),
    ]
    assert rows[0].line == 3 and rows[2].line == 4
    assert skipped == {"agent code with no sector (RAD)": 1, "agent without a [code]": 1,
                       "noun listed again with another sector (first kept)": 1}


def write_files(folder, verb_rows, synsets="&weapon\trifle\t5\n"):
    header = "\t".join(VERB_COLUMNS)
    (folder / VERBS_FILE).write_text(f"# test\n{header}\n" + "".join(r + "\n" for r in verb_rows))
    (folder / SYNSETS_FILE).write_text(f"# test\nsynset\tmember\tline\n{synsets}")
    return folder / VERBS_FILE, folder / SYNSETS_FILE


def test_loader_expands_synonym_sets_and_puts_specific_patterns_first(tmp_path):
    verbs, synsets = write_files(tmp_path, [
        "strike\t-\t-\t-\t195\tASSAULT\theavy-weapons\tmilitary\t12",
        "strike\t-\t&weapon\twith\t194\tASSAULT\theavy-weapons\tmilitary\t15",
        "strike\t-\t&weapon\t-\t-\t-\t-\t-\t16",
    ])
    patterns = cameo_verbs(verbs, synsets)["strike"]
    assert [p.line for p in patterns] == [15, 16, 12]
    assert patterns[0].objects == ("rifle",) and patterns[0].prep == "with"
    assert patterns[1].event is None and patterns[2].bare and patterns[2].context == ("military",)


def test_loader_names_the_file_and_row_of_a_bad_event_type(tmp_path):
    verbs, synsets = write_files(tmp_path, [
        "attack\t-\t-\t-\t190\tASSAULT\t-\tmilitary\t10",
        "attack\t-\taid\t-\t070\tHELP\t-\t-\t11",
    ])
    with pytest.raises(KnowledgeError, match=r"unknown PLOVER event type 'HELP'") as caught:
        cameo_verbs(verbs, synsets)
    assert caught.value.where == f"{verbs} (row 2)"


def test_loader_rejects_an_unknown_synonym_set_and_sector(tmp_path):
    verbs, synsets = write_files(tmp_path, ["attack\t-\t&tank\t-\t190\tASSAULT\t-\t-\t10"])
    with pytest.raises(KnowledgeError, match="unknown synonym set '&tank'"):
        cameo_verbs(verbs, synsets)
    agents = tmp_path / AGENTS_FILE
    agents.write_text("noun\tsector\tline\npolice\tCOP\t3\nspy\tXXX\t4\n")
    with pytest.raises(KnowledgeError, match="unknown sector 'XXX'"):
        cameo_agents(agents)


def test_committed_files_load():
    assert cameo_agents()["police"] == "COP"
    assert "&weapon" in cameo_synsets()
    attack = cameo_verbs()["attack"]
    assert attack[-1].bare and attack[-1].event == "ASSAULT"


def test_committed_files_are_current(tmp_path):
    if not CAMEO_DIR.is_dir():
        pytest.skip(
            f"{CAMEO_DIR} is not beside the project (CI lays ../shared there), "
            "so the committed files cannot be compared with their source"
        )
    counts = build.build(CAMEO_DIR, tmp_path)
    for name in (VERBS_FILE, SYNSETS_FILE, AGENTS_FILE):
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        assert fresh == data_path(name).read_text(encoding="utf-8"), (
            f"{name} is stale: run `eventwire knowledge build --cameo {CAMEO_DIR}`")
        assert fresh.count("\n") > counts[name] > 0
    assert data_path(VERBS_FILE).stat().st_size < 2_100_000


def test_cli_missing_dictionary_folder_is_one_line(tmp_path):
    root = typer.Typer()
    root.add_typer(app, name="knowledge")
    args = ["knowledge", "build", "--cameo", str(tmp_path / "nope"), "--out", str(tmp_path)]
    result = CliRunner().invoke(root, args)
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "CAMEO.2.0.txt" in lines[0]
    assert not (tmp_path / VERBS_FILE).exists()

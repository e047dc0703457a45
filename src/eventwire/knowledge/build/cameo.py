"""Convert PETRARCH-2's CAMEO dictionaries into ``cameo_verbs.tsv``, ``cameo_synsets.tsv``
and ``cameo_agents.tsv`` (the loader is ``knowledge/cameo.py``).

Sources, in one folder (``eventwire knowledge build --cameo DIR``):

    CAMEO.2.0.txt           the verb dictionary: synonym sets, then verb blocks
    Phoenix.agents.txt      the agents dictionary: nouns with CAMEO agent codes
    CAMEO2PLOVER-2021.txt   PLOVER's CAMEO -> type, mode, context table
    LICENSE.petrarch2       PETRARCH-2's MIT notice, copied into every generated file

The parsers take text and return rows; only ``read_sources`` and ``build`` touch files.
Entries the converter cannot express are counted by reason (``Skipped``) and the counts
are written into the file headers, so nothing is dropped silently.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from pathlib import Path
from typing import NamedTuple

from ...errors import EventwireError, MissingPathError
from .. import cameo as loader

PETRARCH_COMMIT = "676801c"
VERB_SOURCE = "CAMEO.2.0.txt"
AGENT_SOURCE = "Phoenix.agents.txt"
PLOVER_SOURCE = "CAMEO2PLOVER-2021.txt"
LICENSE_SOURCE = "LICENSE.petrarch2"
SOURCES = (VERB_SOURCE, AGENT_SOURCE, PLOVER_SOURCE, LICENSE_SOURCE)

#: Words after the verb of a multi-word verb that go to ``particle``; others go to ``object``.
PARTICLES = frozenset({
    "about", "across", "after", "against", "ahead", "along", "apart", "around", "aside", "at",
    "away", "back", "behind", "by", "down", "for", "forth", "forward", "from", "in", "into", "of",
    "off", "on", "onto", "out", "over", "through", "to", "together", "up", "upon", "with",
})
_CONJUNCTIONS = frozenset({"and", "or"})
_BASE_FORMS = {"is": "be", "are": "be", "was": "be", "were": "be"}
_PATTERN_MARKERS = frozenset({"$", "+", "%", "^"})

Skipped = Counter  # reason -> how many source entries (or rows) were not written
Synsets = dict[str, tuple[tuple[str, int], ...]]  # "&name" -> (member, source line) pairs


class Skip(Exception):
    """A source entry the converter cannot express; the message is the reason."""


# ---------------------------------------------------------------- CAMEO -> PLOVER table

class Plover(NamedTuple):
    event: str
    mode: str | None
    context: tuple[str, ...]


_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,(.*))?$")


def parse_plover_table(text: str) -> tuple[dict[str, Plover], Skipped]:
    """``CODE: TYPE, MODE, CONTEXT # description`` lines -> CAMEO code -> PLOVER coding.
    Blank modes and contexts are None / (); ``a; b`` is two contexts. The first line for a
    code wins; later ones are counted as duplicates."""
    table: dict[str, Plover] = {}
    skipped: Skipped = Counter()
    for line in text.splitlines():
        match = _PLOVER_LINE.match(line.split("#", 1)[0].strip())
        if not match:
            continue
        code, event, rest = match.groups()
        if code in table:
            skipped[f"duplicate code in {PLOVER_SOURCE} (first kept)"] += 1
            continue
        mode, _, context = (rest or "").partition(",")
        contexts = tuple(c.strip() for c in context.split(";") if c.strip())
        table[code] = Plover(event, mode.strip() or None, contexts)
    return table, skipped


def plover_for(code: str, table: dict[str, Plover]) -> Plover | None:
    """The PLOVER coding of a CAMEO code: CAMEO 01x (public statements) has none; 02x
    (appeals) is REQUEST with the mode and context of the parallel 10x demand code;
    a code not in the table falls back to its 3-digit parent, then its 2-digit root."""
    if code.startswith("01"):
        return None
    if code.startswith("02"):
        demand = plover_for("10" + code[2:], table)
        return Plover("REQUEST", demand.mode, demand.context) if demand else None
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    return None


def active_code(raw: str) -> str:
    """A dictionary code as written in the ``cameo`` column: '-' for ``---``, the active
    part of ``active:passive``, or ':NNN' when only a passive code is given."""
    active, _, passive = (re.sub(r"[^\d:]", "", part) for part in raw.partition(":"))
    if not raw.strip("- "):
        return "-"
    if active or passive:
        return active or f":{passive}"
    raise Skip("unreadable CAMEO code")


# ---------------------------------------------------------------- verb dictionary


class VerbRow(NamedTuple):
    lemma: str
    particle: str
    object: str
    prep: str
    cameo: str
    event: str
    mode: str
    context: str
    line: int


class SynsetRow(NamedTuple):
    synset: str
    member: str
    line: int


class _Verb(NamedTuple):
    lemma: str
    particle: str
    object: str
    code: str | None  # None: the block's default
    line: int


class _Pattern(NamedTuple):
    expansions: tuple[tuple[str, str], ...]  # (object, prep) pairs
    code: str
    line: int


def _word(token: str) -> str:
    return " ".join(token.strip("_").replace("_", " ").lower().split())


def parse_synsets(lines: list[tuple[int, str]]) -> Synsets:
    """Numbered ``&NAME`` / ``+WORD`` lines -> "&name" -> its lower-case members with their
    line (phrase words joined by a space, the word-boundary ``_`` dropped, repeats once)."""
    synsets: dict[str, dict[str, int]] = {}
    name = None
    for number, line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            name = text.split()[0].lower()
            synsets.setdefault(name, {})
        elif text.startswith("+") and name and _word(text[1:]):
            synsets[name].setdefault(_word(text[1:]), number)
    return {key: tuple(members.items()) for key, members in synsets.items()}


def _alternatives(token: str, synsets: Synsets) -> tuple[str, ...]:
    """The words a pattern token stands for: a defined "&name" as itself (members are in
    cameo_synsets.tsv), ``A/B`` as two words."""
    if token.startswith("&"):
        if token.lower() not in synsets:
            raise Skip("pattern uses an undefined synonym set")
        return (token.lower(),)
    return tuple(_word(part) for part in token.split("/") if _word(part))


def _slots(tokens: list[str], synsets) -> tuple[list[tuple[str, ...]], list[list]]:
    """Words after the verb -> direct-object slots and ``[prep, slots]`` groups; a slot is
    the tuple of words (synonyms, ``A/B`` alternatives) that may fill it."""
    direct: list[tuple[str, ...]] = []
    groups: list[list] = []
    current, brace, want_prep = direct, None, False
    for token in tokens:
        if token == "(":
            groups.append([None, []])
            current, want_prep = groups[-1][1], True
        elif token == ")":
            current, want_prep = direct, False
        elif token == "{":
            brace = []
        elif token == "}":
            if brace:
                current.append(tuple(" ".join(p) for p in itertools.product(*brace)))
            brace = None
        elif brace is not None:
            brace.append(_alternatives(token, synsets))
        elif want_prep:
            groups[-1][0], want_prep = _alternatives(token, synsets), False
        else:
            current.append(_alternatives(token, synsets))
    return direct, groups


def _pattern_tokens(text: str) -> list[str]:
    spaced = re.sub(r"([(){}])", r" \1 ", text)
    return [token for token in spaced.split() if token not in _PATTERN_MARKERS]


def parse_pattern(body: str, synsets) -> tuple[tuple[str, str], ...]:
    """``BEFORE * AFTER`` -> (object, prep) pairs, one per ``A/B`` alternative. The object
    is the direct object's words, or, when there is none, the noun of the first
    ``(PREP ...)`` group; prep is that group's preposition. '-' where there is none."""
    before, star, after = body.partition("*")
    if not star:
        raise Skip("pattern without the verb's position '*'")
    if any(token not in "(){}" for token in _pattern_tokens(before)):
        raise Skip("pattern with words before the verb (no subject column)")
    direct, groups = _slots(_pattern_tokens(after), synsets)
    slots = direct or (groups[0][1] if groups else [])
    preps = (groups[0][0] or ("-",)) if groups else ("-",)
    objects = [" ".join(words) for words in itertools.product(*slots)] if slots else ["-"]
    return tuple((obj, prep) for obj in objects for prep in preps)


_VERB_LINE = re.compile(r"^\+?([A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*$")


def parse_verb_line(text: str, line: int) -> _Verb:
    """``WORD {FORMS} [code]`` or ``+WORD_PARTICLE ...`` -> the verb's base form, its
    particle and object words, and its own code."""
    match = _VERB_LINE.match(re.split(r"[#;]", text, maxsplit=1)[0].strip())
    if not match:
        raise Skip("unreadable verb line")
    name, forms, code = match.groups()
    words = [w.lower() for w in name.split("_") if w]
    rest = words[1:]
    if rest and forms is not None and not forms.strip("{} "):
        raise Skip("multi-word verb given only as a fixed inflected form ({})")
    if _CONJUNCTIONS & set(rest):
        raise Skip("two verbs joined by and/or")
    lemma = _BASE_FORMS.get(words[0], words[0])
    particle = " ".join(w for w in rest if w in PARTICLES) or "-"
    obj = " ".join(w for w in rest if w not in PARTICLES) or "-"
    return _Verb(lemma, particle, obj, active_code(code) if code else None, line)


_BLOCK_HEADER = re.compile(r"^---\s+(\S+?)\s*(?:\[([^\]]*)\])?[\s-]*$")


def _block_rows(block: dict, skipped: Skipped) -> list[tuple]:
    """Each verb of a block alone, then with each of the block's patterns; a multi-word verb
    with its own object ("wage war") only alone: the pattern's object would not be its."""
    rows = []
    for verb in block["verbs"]:
        code = verb.code or block["default"]
        rows.append((verb.lemma, verb.particle, verb.object, "-", code, verb.line, True))
        if verb.object != "-":
            skipped["block pattern not applied to a multi-word verb with its own object"] += len(
                block["patterns"])
            continue
        for pattern in block["patterns"]:
            for obj, prep in pattern.expansions:
                rows.append((verb.lemma, verb.particle, obj, prep, pattern.code, pattern.line, False))
    return rows


def _verb_section(text: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The numbered synonym-set and verb-block lines (TRANSFORMATIONS dropped)."""
    parts: dict[str, list[tuple[int, str]]] = {"head": [], "SYNONYM SETS": [], "VERB PATTERNS": []}
    part = "head"
    markers = ("SYNONYM SETS", "VERB PATTERNS", "TRANSFORMATIONS")
    for number, line in enumerate(text.splitlines(), start=1):
        marker = next((m for m in markers if line.startswith("#") and m in line), None)
        if marker == "TRANSFORMATIONS":
            break
        part = marker or part
        if not marker:
            parts[part].append((number, line))
    return parts["SYNONYM SETS"], parts["VERB PATTERNS"]


def _read_line(number: int, line: str, block: dict, synsets, skipped: Skipped) -> None:
    text = line.strip()
    try:
        if text.startswith("---"):
            block["rows"] += _block_rows(block, skipped)
            block.update(default="-", verbs=[], patterns=[])
            match = _BLOCK_HEADER.match(text)
            block["default"] = active_code(match.group(2) or "---") if match else "-"
        elif text.startswith("-"):
            body = text[1:].split("#", 1)[0]
            codes = re.findall(r"\[([^\]]*)\]", body)
            if not codes:
                raise Skip("pattern without a [code]")
            body = body[: body.rindex("[")]
            pattern = _Pattern(parse_pattern(body, synsets), active_code(codes[-1]), number)
            block["patterns"].append(pattern)
        elif text and not text.startswith("#"):
            block["verbs"].append(parse_verb_line(text, number))
    except Skip as reason:
        skipped[str(reason)] += 1


def parse_verb_dictionary(text: str) -> tuple[list[tuple], Synsets, Skipped]:
    """CAMEO.2.0.txt -> (lemma, particle, object, prep, code, line, bare) rows in source
    order (every verb of a block alone, then with each of the block's patterns), and the
    synonym sets the patterns refer to."""
    synonym_lines, verb_lines = _verb_section(text)
    synsets = parse_synsets(synonym_lines)
    block: dict = {"default": "-", "verbs": [], "patterns": [], "rows": []}
    skipped: Skipped = Counter()
    for number, line in verb_lines:
        _read_line(number, line, block, synsets, skipped)
    block["rows"] += _block_rows(block, skipped)
    return block["rows"], synsets, skipped


def _coded(row: tuple, table: dict[str, Plover]) -> VerbRow:
    lemma, particle, obj, prep, code, line, _ = row
    coding = None if code == "-" or code.startswith(":") else plover_for(code, table)
    if coding is None and code != "-" and not code.startswith((":", "01")):
        raise Skip(f"CAMEO code not in {PLOVER_SOURCE}")
    event, mode, context = coding or ("-", None, ())
    return VerbRow(lemma, particle, obj, prep, code, event, mode or "-",
                   ",".join(context) or "-", line)


def _same_coding(row: VerbRow, bare: VerbRow | None) -> bool:
    """A pattern row that codes what its verb alone codes: the same PLOVER type, mode and
    context and the same CAMEO root, or no event either way."""
    if bare is None or row.event != bare.event:
        return False
    return row.event == "-" or (row[5:8] == bare[5:8] and row.cameo[:2] == bare.cameo[:2])


def _generalises(general: VerbRow, row: VerbRow) -> bool:
    """True when ``general`` would match wherever ``row`` does (same verb, and its object
    and preposition each the same or '-'), so dropping ``row`` would change the result."""
    return (
        general is not row and general[:2] == row[:2] and (general.object, general.prep) != ("-", "-")
        and general.object in (row.object, "-") and general.prep in (row.prep, "-")
    )


def _coded_rows(raw: list[tuple], table: dict[str, Plover], skipped: Skipped) -> list[tuple]:
    """(row, redundant) in source order; redundant marks a pattern row coded the same as
    its verb alone."""
    rows: list[tuple[VerbRow, bool]] = []
    bare: VerbRow | None = None
    for entry in raw:
        try:
            row = _coded(entry, table)
        except Skip as reason:
            skipped[str(reason)] += 1
            bare = None if entry[-1] else bare
            continue
        bare = row if entry[-1] else bare
        rows.append((row, not entry[-1] and _same_coding(row, bare)))
    return rows


def verb_rows(verbs_text: str, plover_text: str) -> tuple[list[VerbRow], Synsets, Skipped]:
    """The rows of cameo_verbs.tsv in source order, identical rows once (first line kept),
    and the synonym sets they refer to. A pattern row coded the same as its verb alone is
    left out (it adds nothing) unless a more general pattern of the verb would otherwise
    match in its place."""
    table, skipped = parse_plover_table(plover_text)
    raw, synsets, verb_skipped = parse_verb_dictionary(verbs_text)
    skipped.update(verb_skipped)
    coded = _coded_rows(raw, table, skipped)
    general: dict[tuple, list[VerbRow]] = {}
    for row, redundant in coded:
        if not redundant:
            general.setdefault(row[:2], []).append(row)
    rows: dict[tuple, VerbRow] = {}
    for row, redundant in coded:
        if redundant and not any(_generalises(g, row) for g in general.get(row[:2], ())):
            skipped["pattern row coded the same as its verb alone (no information)"] += 1
        else:
            rows.setdefault(row[:-1], row)
    return list(rows.values()), synsets, skipped


def synset_rows(synsets: Synsets) -> list[SynsetRow]:
    """The rows of cameo_synsets.tsv, in source order."""
    return [SynsetRow(name, member, line)
            for name, members in synsets.items() for member, line in members]


# ---------------------------------------------------------------- agents dictionary


class AgentRow(NamedTuple):
    noun: str
    sector: str
    line: int


_SUBSTITUTION = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
_AGENT_LINE = re.compile(r"^(.*?)\s*(\{[^}]*\})?\s*\[([^\]}]*)[\]}]\s*$")


def agent_sector(code: str) -> str | None:
    """A CAMEO agent code (``~GOVMED``, ``NGO~``) -> its sector: the first three-letter part
    that is an eventwire sector, else the first with an alias (religions -> REL, ...)."""
    parts = re.findall(r"[A-Z]{3}", code.replace("~", ""))
    for part in parts:
        if part in loader.AGENT_SECTORS:
            return part
    for part in parts:
        if part in loader.PART_SECTORS:
            return loader.PART_SECTORS[part]
    return None


def _expand(phrase: str, substitutions: dict[str, tuple[str, ...]]) -> list[str]:
    for marker, words in substitutions.items():
        if marker in phrase:
            phrases = [phrase.replace(marker, word, 1) for word in words]
            return [form for one in phrases for form in _expand(one, substitutions)]
    return [_word(phrase)] if _word(phrase) else []


def _agent_nouns(text: str, substitutions) -> tuple[list[str], str]:
    match = _AGENT_LINE.match(text)
    if not match:
        raise Skip("agent without a [code]")
    phrase, plurals, code = match.groups()
    sector = agent_sector(code)
    if sector is None:
        raise Skip(f"agent code with no sector ({code.strip('~')})")
    forms = [phrase] + (plurals.strip("{}").split() if plurals else [])
    return [noun for form in forms for noun in _expand(form, substitutions)], sector


def agent_rows(text: str) -> tuple[list[AgentRow], Skipped]:
    """Phoenix.agents.txt -> (noun, sector, line) rows in source order: the phrase and any
    plural given in ``{...}``, ``!SET!`` markers expanded; a noun listed twice keeps its
    first sector."""
    substitutions: dict[str, tuple[str, ...]] = {}
    rows: dict[str, AgentRow] = {}
    skipped: Skipped = Counter()
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.split("#", 1)[0].strip()
        substitution = _SUBSTITUTION.match(body)
        if not body:
            continue
        if substitution:
            words = tuple(w.strip() for w in substitution.group(2).split(","))
            substitutions[substitution.group(1)] = words
            continue
        try:
            nouns, sector = _agent_nouns(body, substitutions)
        except Skip as reason:
            skipped[str(reason)] += 1
            continue
        for noun in nouns:
            if noun in rows and rows[noun].sector != sector:
                skipped["noun listed again with another sector (first kept)"] += 1
            rows.setdefault(noun, AgentRow(noun, sector, number))
    return list(rows.values()), skipped


# ---------------------------------------------------------------- writing


_PROVENANCE = [
    "Generated by `eventwire knowledge build --cameo DIR` from PETRARCH-2 (openeventdata/petrarch2",
    f"commit {PETRARCH_COMMIT}) and PLOVER's CAMEO2PLOVER-2021 table; do not edit by hand.",
]
_CC_BY_SA = [
    "PLOVER's CAMEO2PLOVER-2021.txt (openeventdata/PLOVER, ed. Philip Schrodt, Open Event Data",
    "Alliance) is licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).",
]
_CC_USE = ("It gives cameo_verbs.tsv its event, mode and context; nothing in this file.",
           "The event, mode and context columns are adapted from it, under the same licence.")
_ABOUT = {
    loader.VERBS_FILE: [
        f"CAMEO verb patterns from PETRARCH-2's verb dictionary ({VERB_SOURCE}), PLOVER-coded.",
        *_PROVENANCE,
        "One row per verb synonym alone (object '-') and per verb synonym x pattern of its block",
        "(a block's patterns apply to all its verbs); identical rows once, first line kept. A",
        "synonym set stays a reference (&weapon) whose members are in cameo_synsets.tsv: written",
        "out, one row per member, the file would be ~200,000 rows (11 MB); the loader expands them.",
        "Left out: patterns with words before the verb (no subject column), and pattern rows coded",
        "the same as their verb alone (same PLOVER type, mode, context and CAMEO root, or no event",
        "either way) unless a more general pattern of the verb would match in their place.",
        "Codes: the part before ':' is used. Rows with event '-' (not an event) are kept: [---]",
        "patterns, CAMEO 01x public statements (PLOVER has no type for them) and passive-only codes",
        "(cameo ':NNN', [:NNN]: the subject is the recipient), so such a pattern never falls back",
        "to its verb's default. CAMEO 02x appeals are REQUEST, with the mode and context of the",
        "parallel 10x code (021->101, 0233->1033): the table has no 02x lines and the stored",
        "PLOVER_MANUAL.tex drafts (type DEMAND) leave appeals uncoded, but the 2021 table renames",
        "CAMEO 10 REQUEST and PLOVER's current REQUEST is all requests, demands and orders. A code",
        "not in the table uses its 3-digit parent, then its 2-digit root.",
    ],
    loader.SYNSETS_FILE: [
        f"The synonym sets (&name) of PETRARCH-2's verb dictionary ({VERB_SOURCE}) that",
        "cameo_verbs.tsv refers to in its object column, one row per member.",
        *_PROVENANCE,
        "Members are lower case, phrase words joined by a space; plurals are not generated.",
    ],
    loader.AGENTS_FILE: [
        f"CAMEO agent nouns from PETRARCH-2's agents dictionary ({AGENT_SOURCE}) -> sector.",
        *_PROVENANCE,
        "One row per noun: the phrase and any plural given in {...} (regular plurals are not",
        "generated), !PERSON!-style sets expanded; a noun listed twice keeps its first sector.",
        "Sector: the first three-letter part of the agent code that eventwire uses (actors.py",
        "SECTORS, with CAMEO's meanings: MED media, HLH health, ELI elites) or PLOVER's UAF;",
        "else religions (MUS CHR JEW HIN BUD) -> REL, ENV HRI DEV -> NGO, PPL -> CVL, IMG -> REB.",
    ],
}
_COLUMNS = {
    loader.VERBS_FILE: [
        "lemma     the verb's base form, lower case (first word of a multi-word verb)",
        "particle  the other words of a multi-word verb that are particles or prepositions",
        "object    the object's words ({MULTI WORD} nouns as one phrase), or a multi-word verb's",
        "          own (\"wage war\"); with no direct object, the noun of the first (PREP ...)",
        "prep      the preposition of the pattern's first (PREP ...) group",
        "cameo     the CAMEO code ('-' for [---])",
        "event     PLOVER type ('-' = not an event); mode, context: PLOVER values from the",
        "          table (several contexts separated by ',')",
        f"line      the line in {VERB_SOURCE}; '-' = none, in every column",
    ],
    loader.SYNSETS_FILE: ["synset  &name", "member  a word or phrase", f"line    the line in {VERB_SOURCE}"],
    loader.AGENTS_FILE: ["noun    lower case, phrase words joined by a space", "sector  (see above)",
                  f"line    the line in {AGENT_SOURCE}"],
}


def header(name: str, license_text: str, skipped: Skipped) -> list[str]:
    """The comment lines at the top of a generated file: what it is, where it comes from,
    what was left out, the licences and the columns."""
    lines = list(_ABOUT[name])
    if skipped:
        lines.append("Left out, by reason:")
        lines += [f"  {count:6d}  {reason}" for reason, count in sorted(skipped.items())]
    lines += ["", "PETRARCH-2's licence:", ""] + license_text.strip().splitlines()
    lines += ["", *_CC_BY_SA, _CC_USE[name == loader.VERBS_FILE], "", "Columns:", *_COLUMNS[name]]
    return [f"# {line}".rstrip() for line in lines]


def format_tsv(comments: list[str], columns: tuple[str, ...], rows: list[tuple]) -> str:
    """A knowledge file as ``read_tsv`` reads it: comments, the column row, the rows."""
    lines = comments + ["\t".join(columns)]
    lines += ["\t".join(str(cell) for cell in row) for row in rows]
    return "\n".join(lines) + "\n"


def read_sources(cameo_dir: Path, names=SOURCES) -> dict[str, str]:
    """The text of each source file (by default the four this converter reads); a missing or
    unreadable one is a ``MissingPathError`` naming them all."""
    texts = {}
    for name in names:
        path = Path(cameo_dir) / name
        try:
            texts[name] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            raise MissingPathError(
                f"cannot read the CAMEO dictionary {path} ({reason})",
                hint="pass --cameo the folder holding " + ", ".join(names),
            ) from None
    return texts


def generate(texts: dict[str, str]) -> dict[str, tuple[str, int]]:
    """Source texts -> file name -> (file text, rows)."""
    verbs, synsets, verb_skipped = verb_rows(texts[VERB_SOURCE], texts[PLOVER_SOURCE])
    agents, agent_skipped = agent_rows(texts[AGENT_SOURCE])
    license_text = texts[LICENSE_SOURCE]
    tables = {
        loader.VERBS_FILE: (loader.VERB_COLUMNS, verbs, verb_skipped),
        loader.SYNSETS_FILE: (loader.SYNSET_COLUMNS, synset_rows(synsets), Counter()),
        loader.AGENTS_FILE: (loader.AGENT_COLUMNS, agents, agent_skipped),
    }
    return {
        name: (format_tsv(header(name, license_text, skipped), columns, rows), len(rows))
        for name, (columns, rows, skipped) in tables.items()
    }


def build(cameo_dir: Path, out_dir: Path) -> dict[str, int]:
    """Write cameo_verbs.tsv, cameo_synsets.tsv and cameo_agents.tsv into ``out_dir`` from
    the dictionaries in ``cameo_dir``; returns the rows written per file."""
    files = generate(read_sources(cameo_dir))
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for name, (text, _) in files.items():
            (out_dir / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise EventwireError(f"cannot write {out_dir} ({exc.strerror})",
                             hint="pass --out a folder you can write to") from None
    return {name: rows for name, (_, rows) in files.items()}

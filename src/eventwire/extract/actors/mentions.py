"""Name mentions: spaCy's entities, trimmed and relabelled where the small model errs
systematically.

Fixes, each a rule about the language, not about one article:
- a leading "the" and a trailing possessive "'s" are not part of a name;
- a title at the start of a PERSON span ("President Putin") is a title, not the name;
- a span the roster, the IGO list or the metonym list knows gets that list's type, and so
  does an international body or armed group PETRARCH-2's dictionaries name; a one-word
  "person" in capitals ("SADC") is an acronym, so an organisation;
- a surname already seen as a PERSON in the article, tagged ORG/PRODUCT/... elsewhere, is the
  PERSON ("Kushner", "Trump");
- a name right after a person title or kinship word ("daughter Ivanka") is a PERSON;
- a capital that acts ("Moscow said", "talks with Washington", "Moscow's demand") is its
  country's government, a separate actor from the city it names (not in sports reports,
  where "Moscow" beating someone is a team);
- a span is cut where no name can run (numbers, brackets, commas, spaced dashes, lower-case
  words other than particles: shape.py), and a month or a person's nationality before a name
  is dropped;
- a lone capitalised common word ("Attendance :") is not a person or organisation, and a
  span with no capital letter ("280bn", "of") is no name at all;
- naming words decide the kind (kinds.py): "... Open" an event, "... Airlines" an
  organisation, "Pirelli" after "Pirelli SpA" the company;
- the dateline's place (read by ``ingest/dateline.py``) is one place mention; in a headline
  in capitals only names the article also writes in ordinary case (or the lists know) are
  kept;
- sports reports (``ann.sport``, from the ``sports`` component): its table rows name teams,
  places and players; places named as competitors are teams (teams.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.tokens import Doc

from ...knowledge import name_key, word_list
from ...knowledge.actors import demonym_country, metonyms, title_index
from ...knowledge.cameo_actors import cameo_actors, code_parts
from ...knowledge.countries import country_code
from ...knowledge.events import trigger_lexicon
from ...knowledge.roster import orgs, roster
from ..sports import is_sport_name
from .kinds import apply_name_words
from .shape import drop_leading_modifiers, hyphenated_syllable, particles, pieces
from .teams import relabel_teams
from .tokens import NAME_POS, NameMention, TokenTable, title_at

KEPT = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"})
#: Labels the small model gives names it does not recognise as people.
RELABELLABLE = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "NORP", "FAC", "LAW", "LANGUAGE"})
POSSESSIVE = frozenset({"'s", "'", "\u2019s", "\u2019"})
ACTING_DEPS = frozenset({"nsubj", "nsubjpass"})


def match_title(doc: Doc, i: int, limit: int | None = None, table: TokenTable | None = None):
    """The longest title starting at token ``i`` (and ending before ``limit``), as
    ``(title, end)``, else None. With a ``table`` no Token objects are made (hot loops)."""
    limit = len(doc) if limit is None else limit
    if table is not None:
        return title_at(table, i, limit)
    for title in title_index().get(doc[i].lower_, ()):
        end = i + len(title.phrase)
        if end <= limit and tuple(t.lower_ for t in doc[i:end]) == title.phrase:
            return title, end
    return None


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop a leading article, a trailing possessive or punctuation, and (for people) leading
    titles, so a mention is just the name."""
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_space):
        start += 1
    while end > start and not hyphenated_syllable(doc, end - 1) and (
            doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
            or (end - start > 1 and doc[end - 1].is_lower)):
        end -= 1  # "Donald Trump's", "Interfax news agency": the name ends before
    if label == "PERSON":
        while start < end - 1:
            found = match_title(doc, start, end - 1)
            if not found:
                break
            start = found[1]
    return start, end


def _known_label(text: str) -> tuple[str, str | None, str | None] | None:
    """The (label, country, sector) a knowledge list gives a name, if any."""
    key = name_key(text)
    meto = metonyms().get(key)
    if meto is not None and meto.kind == "seat":
        return "ORG", meto.country, meto.sector
    org = orgs().get(text)
    if org is not None:
        return "ORG", org.country, org.sector
    if roster().by_name(text) is not None and " " in key:
        return "PERSON", None, None
    if text.isupper() and _body_label(key):  # an acronym: people are listed too, by name
        return "ORG", None, None
    return None


#: Particles that join the words of any name, not the parts of a person's surname.
CONNECTORS = frozenset({"of", "for", "and", "&", "the", "on", "in", "upon", "'s", "'", "\u2019s",
                        "\u2019", "y", "e", "en", "op", "aan", "am", "sur", "st", "st."})


def _entity_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """spaCy's entities as (start, end, label), with a person's name that the model broke
    after its particles joined again: "Ursula von der" PERSON + "Leyen" GPE (or untagged) is
    one person, "Ursula von der Leyen"."""
    spans: list[tuple[int, int, str]] = []
    skip_to = 0
    for ent in doc.ents:
        if ent.start < skip_to:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        last = doc[end - 1]
        if label == "PERSON" and end < len(doc) and last.is_lower and last.lower_ in particles() \
                and last.lower_ not in CONNECTORS and doc[end].is_title and doc[end].is_alpha:
            end += 1  # the surname after the particles
            skip_to = end
        spans.append((start, end, label))
    return spans


def _raw_mentions(doc: Doc) -> list[NameMention]:
    found = []
    for ent_start, ent_end, ent_label in _entity_spans(doc):
        if ent_label not in KEPT and ent_label not in RELABELLABLE:
            continue
        parts = pieces(doc, ent_start, ent_end)
        for piece_start, piece_end in parts:
            start, end = _trim(doc, piece_start, piece_end, ent_label)
            start = drop_leading_modifiers(doc, start, end, ent_label)
            if start >= end:
                continue
            mention = NameMention(start, end, ent_label)
            known = _known_label(mention.text(doc))
            if known is None and _acronym_person(doc, mention):
                known = ("ORG", None, None)
            if known:
                mention.label, mention.country, mention.sector = known
                if name_key(mention.text(doc)) in metonyms():
                    mention.key = "seat:" + name_key(mention.text(doc))
            elif len(parts) > 1 and _place_label(name_key(mention.text(doc))):
                mention.label = "GPE"  # "Scott Draper ( Australia": the country is a place
            found.append(mention)
    return found


def _acronym_person(doc: Doc, mention: NameMention) -> bool:
    """A person that is one word in capitals of two to six letters ("SADC said"): an acronym
    names a body, never a person (a line in capitals is the headline rule's to judge)."""
    if mention.label != "PERSON" or mention.end - mention.start != 1:
        return False
    token = doc[mention.start]
    line_caps = all(t.is_upper or not t.is_alpha for t in token.sent)
    return token.is_upper and token.is_alpha and 2 <= len(token.text) <= 6 and not line_caps


def _after_person_title(doc: Doc, mention: NameMention) -> bool:
    """A name directly after a person's title or kinship word ("daughter Ivanka")."""
    i = mention.start - 1
    while i >= 0 and doc[i].text == ",":
        i -= 1
    for j in range(max(0, i - 3), i + 1):
        found = match_title(doc, j, i + 1)
        if found and found[1] == i + 1 and found[0].kind in {"kin", "staff", "office"}:
            return True
    return False


def _relabel_places(doc: Doc, mentions: list[NameMention]) -> None:
    """A one-word PERSON that is a country or a capital ("Kyiv") is the place; an ORG whose
    whole name is a country's ("Democratic People's Republic of Korea") is the country."""
    for m in mentions:
        if m.label == "ORG" and not m.key and country_code(name_key(m.text(doc))):
            m.label = "GPE"
    for m in mentions:
        if m.label != "PERSON" or m.end - m.start != 1 or m.key:
            continue
        key = name_key(m.text(doc))
        if demonym_country(key):
            m.label = "NORP"
            continue
        meto = metonyms().get(key)
        if (meto is not None and meto.kind == "capital") or country_code(key):
            m.label = "GPE"


def _relabel_people(doc: Doc, mentions: list[NameMention]) -> None:
    """A word of a person's name seen in the article, tagged otherwise elsewhere, is the
    person ("Kushner" ORG, "Lebed" GPE, "Wang" ORG next to "Wang Junxia"); a country or
    capital keeps its own label ("Jordan" stays the country)."""
    person_forms: set[str] = set()
    for m in mentions:
        if m.label == "PERSON":
            person_forms.add(name_key(m.text(doc)))
        if m.label == "PERSON" and m.end - m.start >= 2:
            person_forms.update(t.lower_ for t in doc[m.start:m.end] if len(t.text) > 2)
    for m in mentions:
        if m.key or m.label == "PERSON":
            continue
        text = m.text(doc)
        if demonym_country(text) or country_code(text) or name_key(text) in metonyms():
            continue
        if m.label in {"GPE", "LOC"} and name_key(text) in person_forms and m.end - m.start == 1 or m.label in RELABELLABLE and (name_key(text) in person_forms or _after_person_title(doc, m)):
            m.label = "PERSON"


#: The key prefix of a capital standing for its government ("capital-gov:RUS").
CAPITAL_GOVERNMENT = "capital-gov:"
#: Prepositions whose object is a party to what happens, not a place: "talks with
#: Washington", "sanctions against Moscow", "the war between Moscow and Kyiv".
_PARTY_PREPS = frozenset({"with", "against", "between", "among"})


def _acting_capital(doc: Doc, mention: NameMention) -> bool:
    """A capital standing for its government: the subject of a verb ("Moscow said", "Beijing
    has warned"), a party after "with", "against" or "between" ("talking with Washington"),
    the one a thing is given to ("gave Kyiv a deadline"), or the owner of an act or stance
    the event lexicon names ("Moscow's demand"). Elsewhere ("in Moscow", "the Moscow talks",
    "Moscow's streets") the city stays a place."""
    meto = metonyms().get(name_key(mention.text(doc)))
    if meto is None or meto.kind != "capital" or mention.end - mention.start > 3:
        return False
    if mention.text(doc).isupper():  # a dateline or headline word, not a subject
        return False
    root = doc[mention.start:mention.end].root
    while root.dep_ == "conj" and root.head.i < root.i:  # "between Moscow and Kyiv"
        root = root.head
    head = root.head
    if root.dep_ in ACTING_DEPS:
        return head.pos_ in {"VERB", "AUX"} and head.i > root.i
    if root.dep_ == "pobj":
        return head.lower_ in _PARTY_PREPS
    if root.dep_ in {"dative", "iobj"}:
        return head.pos_ == "VERB"
    if root.dep_ == "poss":
        return head.pos_ == "NOUN" and (head.lemma_.lower(), "N") in trigger_lexicon()
    return False


def _capitalised_runs(table: TokenTable, taken: set[int]) -> list[tuple[int, int]]:
    """Stretches of capitalised tokens no mention holds: the only places an untagged name
    can be, so the scans below never look at the rest of the text."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, cap in enumerate(table.caps):
        free = cap and i not in taken
        if free and start is None:
            start = i
        elif not free and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(table.caps)))
    return runs


def _scan(table: TokenTable, taken: set[int], label_of: Callable[[int, int, str], NameMention | None]) -> list[NameMention]:
    """Longest-first matches (up to four tokens) inside the capitalised runs."""
    found = []
    for run_start, run_end in _capitalised_runs(table, taken):
        i = run_start
        while i < run_end:
            for length in range(min(4, run_end - i), 0, -1):
                end = i + length
                mention = label_of(i, end, name_key(table.text[table.start[i]:table.end[end - 1]]))
                if mention is not None:
                    found.append(mention)
                    taken.update(range(i, end))
                    i = end - 1
                    break
            i += 1
    return found


def _seat_mentions(table: TokenTable, taken: set[int]) -> list[NameMention]:
    """Government seats the model did not tag at all ("Downing Street said")."""
    def seat(start: int, end: int, key: str) -> NameMention | None:
        meto = metonyms().get(key)
        if meto is None or meto.kind != "seat":
            return None
        return NameMention(start, end, "ORG", country=meto.country, sector=meto.sector, key="seat:" + key)

    return _scan(table, taken, seat)


@lru_cache(maxsize=65536)
def _body_label(key: str) -> str | None:
    """ORG for an international body, NGO or armed group the knowledge lists know by this
    name or acronym ("ECOWAS", "SADC", "Hezbollah"): igos.tsv and organisations.tsv, then
    PETRARCH-2's international and non-state dictionaries (not its companies or countries,
    whose names are also words and places)."""
    if orgs().get(key) is not None:
        return "ORG"
    actor = cameo_actors().get(key)
    if actor is None or actor.source == "countries":
        return None
    sectors = {code_parts(r.code)[1] for r in actor.roles}
    return "ORG" if sectors & {"IGO", "NGO", "REB"} else None


@lru_cache(maxsize=65536)
def _place_label(key: str) -> str | None:
    """GPE for a country or capital name the knowledge lists know."""
    meto = metonyms().get(key)
    if (meto is not None and meto.kind == "capital") or country_code(key):
        return "GPE"
    return None


def _untagged_names(doc: Doc, table: TokenTable, mentions: list[NameMention], taken: set[int],
                    companies: set[str] = frozenset()) -> list[NameMention]:
    """Names where the model tagged nothing: the same name tagged elsewhere in the article
    (the model is inconsistent across sentences and misses names in capitals), a company's
    short name ("Cofinec" after "Cofinec S.A."), a country or capital the knowledge lists
    name, or an international body or armed group they name (in capitals if one word:
    "ECOWAS")."""
    names = dict.fromkeys((c for c in companies if len(c) >= 3), "ORG")
    names.update({name_key(m.text(doc)): m.label for m in mentions
                  if m.kind == "name" and len(m.text(doc)) >= 3 and not m.key})

    def known(start: int, end: int, key: str) -> NameMention | None:
        if table.pos[start] not in NAME_POS:
            return None
        label = names.get(key) or _place_label(key)
        if label is None and (end - start > 1 or table.text[table.start[start]:table.end[start]].isupper()):
            label = _body_label(key)
        return NameMention(start, end, label) if label else None

    return _scan(table, taken, known)


def find_mentions(
    doc: Doc, table: TokenTable | None = None, *, sport: str | None = None,
    table_rows: Sequence[tuple[int, int, str]] = (), dateline: tuple[int, int] | None = None,
) -> list[NameMention]:
    """Every name mention in the document, fixed, in text order. The layout comes from
    before: ``sport`` and ``table_rows`` as the ``sports`` component read them (a sports
    report's kind, its tables' competitors as (start token, end token, label)), ``dateline``
    the character range of the dateline's place as ``ingest/dateline.py`` read it."""
    table = table or TokenTable.of(doc)
    mentions = _raw_mentions(doc)
    _relabel_people(doc, mentions)
    _relabel_places(doc, mentions)
    mentions = [_demonym_of(doc, m) if _portfolio(doc, m) else m for m in mentions]
    mentions = [m for m in mentions if m is not None and m.label in KEPT and not _common_word(doc, m)
                and not _uncapitalised(doc, m)]
    sports = sport is not None
    if sports:
        mentions = _with_table_names(doc, table_rows, mentions)
    if dateline is not None:
        mentions = _with_dateline(doc, dateline, mentions)
    companies = apply_name_words(doc, mentions, sports)
    mentions = _outside_headlines(doc, mentions)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions.extend(_seat_mentions(table, taken))
    mentions.extend(_untagged_names(doc, table, mentions, taken, companies))
    for m in mentions:
        if m.label in {"GPE", "LOC"} and _acting_capital(doc, m) and not sports:
            meto = metonyms()[name_key(m.text(doc))]
            m.label, m.country, m.sector = "ORG", meto.country, meto.sector
            m.key = CAPITAL_GOVERNMENT + meto.country
    if sport == "team":
        relabel_teams(doc, mentions)
    return sorted(mentions, key=lambda m: m.start)


def _portfolio(doc: Doc, m: NameMention) -> bool:
    """A minister's portfolio the tagger read as an organisation: "the *Trade and Industry*
    Secretary", "*Health* Minister". A name holding a body noun ("the Foreign Office
    minister", "the Health Department secretary") or one the knowledge lists know is the body."""
    if m.label != "ORG" or m.key or m.end >= len(doc) or _known_label(m.text(doc)):
        return False
    found = match_title(doc, m.end)
    if found is None or found[0].kind != "office" or found[0].predicate != "minister_of":
        return False
    return not any(t.lower_ in word_list("body_nouns.tsv") for t in doc[m.start:m.end])


def _demonym_of(doc: Doc, m: NameMention) -> NameMention | None:
    """What is left of a portfolio read as an organisation: its nationality word ("*British*
    Defence Secretary"), else nothing."""
    if demonym_country(doc[m.start].text):
        return NameMention(m.start, m.start + 1, "NORP")
    return None


def _common_word(doc: Doc, m: NameMention) -> bool:
    """A lone capitalised word the tagger reads as a common noun, verb or adverb ("Attendance :",
    "Death is ...", "Overseas ,"), or as an adjective opening a sentence ("Joint exercises
    began"): capitalised by its place at a line start, not a name."""
    if m.end - m.start != 1 or m.key or m.label not in {"PERSON", "ORG"}:
        return False
    token = doc[m.start]
    common = token.pos_ in {"NOUN", "VERB", "ADV", "ADP", "PRON", "DET"} or (
        token.pos_ == "ADJ" and token.is_sent_start)  # "Joint exercises began": an adjective
    return common and token.is_title and not _known_label(token.text) and not _place_label(name_key(token.text))


def _uncapitalised(doc: Doc, m: NameMention) -> bool:
    """A span with no capital letter at all is no name, whatever the tagger says: an amount
    ("280bn" PERSON), a lower-case word ("of" ORG)."""
    return not any(c.isupper() for c in m.text(doc))


def _caps_line(doc: Doc, i: int, seen: dict[int, bool]) -> bool:
    """Token ``i`` is in a sentence written all in capitals (three words or more)."""
    sent = doc[i].sent
    if sent.start not in seen:
        words = [t for t in sent if t.is_alpha]
        seen[sent.start] = len(words) >= 3 and all(t.is_upper for t in words)
    return seen[sent.start]


def _outside_headlines(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """A headline in capitals defeats the model ("ENGLAND BEAT", "MAJOR LEAGUE STANDINGS"):
    there, keep only names the article also writes in ordinary case, or the knowledge lists
    know; the scan for untagged names then finds the rest by the same test."""
    seen: dict[int, bool] = {}
    flagged = [m for m in mentions if not m.fixed and m.text(doc).isupper() and _caps_line(doc, m.start, seen)]
    if not flagged:
        return mentions
    ordinary = {name_key(m.text(doc)) for m in mentions if not m.text(doc).isupper()}
    dropped = {id(m) for m in flagged if not (
        name_key(m.text(doc)) in ordinary or _place_label(name_key(m.text(doc)))
        or _known_label(m.text(doc)) or m.key)}
    return [m for m in mentions if id(m) not in dropped]


def _with_dateline(doc: Doc, place: tuple[int, int], mentions: list[NameMention]) -> list[NameMention]:
    """The dateline's place as one place mention, whatever the model made of it."""
    span = doc.char_span(*place, alignment_mode="contract")
    if span is None or not len(span):
        return mentions
    meto = metonyms().get(name_key(span.text))
    if meto is not None and meto.kind == "seat":
        return mentions
    kept = [m for m in mentions if m.end <= span.start or m.start >= span.end]
    return sorted([*kept, NameMention(span.start, span.end, "GPE", fixed=True)], key=lambda m: m.start)


def _with_table_names(doc: Doc, rows: Sequence[tuple[int, int, str]],
                      mentions: list[NameMention]) -> list[NameMention]:
    """A sports report's mentions with the competitors its tables name in place of whatever
    the model made of those lines, and without bare sport names ("CRICKET -")."""
    covered = {i for start, end, _ in rows for i in range(start, end)}
    kept = [m for m in mentions if not covered.intersection(range(m.start, m.end))
            and not is_sport_name(m.text(doc))]
    kept.extend(NameMention(start, end, label, fixed=True) for start, end, label in rows)
    return kept


"""Pronouns and definite descriptions resolved to the entities they refer to.

Covers news' common cases, and leaves the rest unresolved rather than guessing:
- "the US president", "the Kremlin aide": a title (with the country or body it belongs to)
  not followed by a name refers to the entity the article gave that role (the most recent
  one), else to whoever the roster says held the office on the article's date, if the
  article names them; an office of a known country that the article never fills stays its
  own entity ("the Russian foreign minister"), with the country and sector the words give;
- he/she as a subject: the nearest person who is a subject earlier in the same sentence,
  else the subject of the previous sentence (a named speaker: "Ushakov said ... He added");
- his/her/him: the person subject of the clause the pronoun sits in, else the only person
  named in the sentence so far;
- never a person the text marks with the other gender (an honorific, a gendered title or
  kinship word, or an earlier pronoun): "Mrs Clinton" is not "he".
"They" and "it" are left alone: a group or a thing needs more than these rules.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ...knowledge.actors import gender_words
from ...knowledge.roster import roster
from .cluster import Draft, RoleDraft
from .relations import Item
from .tokens import NameMention

SUBJECT_PRONOUNS = frozenset({"he", "she"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NOMINAL_KINDS = frozenset({"office", "staff"})


def _holder_draft(drafts: list[Draft], country: str, canonical: str, when: date | None) -> Draft | None:
    if when is None:
        return None
    tenure = roster().holder(country, canonical, when)
    if tenure is None:
        return None
    return next((d for d in drafts if d.tenure is not None and d.tenure.name == tenure.name), None)


def _role_draft(drafts: list[Draft], canonical: str, country: str | None, before: int) -> Draft | None:
    """The draft most recently mentioned before token ``before`` holding that role."""
    best, best_at = None, -1
    for draft in drafts:
        if draft.label != "PERSON":
            continue
        if not any(r.title.canonical == canonical for r in draft.roles):
            continue
        if country is not None and draft.country not in (None, country):
            continue
        last = max((m.start for m in draft.mentions if m.start < before), default=-1)
        if last > best_at:
            best, best_at = draft, last
    return best


def _followed_by_name(items: list[Item], k: int) -> bool:
    following = [it.symbol for it in items[k + 1:k + 3]]
    return following[:1] in (["N"], ["P"]) or following[:2] == [",", "N"]


def _nominal_at(items: list[Item], k: int) -> tuple[int, int, Draft | None] | None:
    """If item ``k`` is a title used as a description, the first and last item of the
    description and the country or body that qualifies it: "the US president", "the Kremlin
    aide", "Taiwan's foreign minister", "the president of Armenia"."""
    title = items[k].title
    if title is None or title.kind not in NOMINAL_KINDS or title.phrase[-1].endswith("s"):
        return None
    if _followed_by_name(items, k):
        return None
    j = k
    while j > 0 and items[j - 1].symbol == "M" and k - j < 3:
        j -= 1
    after = items[k + 2] if k + 2 < len(items) and items[k + 1].symbol == "o" else None
    if after is not None:
        if after.symbol not in "GJO" or after.draft is None or _followed_by_name(items, k + 2):
            return None
        first = j - 1 if j > 0 and items[j - 1].symbol == "t" else j
        return first, k + 2, after.draft
    if j > 1 and items[j - 1].symbol == "P" and items[j - 2].symbol in "GO" and items[j - 2].draft:
        return j - 2, k, items[j - 2].draft
    qualifier = None
    if j > 0 and items[j - 1].symbol in "GJO" and items[j - 1].draft is not None:
        j -= 1
        qualifier = items[j].draft
    if j > 0 and items[j - 1].symbol == "t":
        return j - 1, k, qualifier
    return None


def resolve_nominals(doc: Doc, items: list[Item], drafts: list[Draft],
                     when: date | None) -> list[tuple[NameMention, Draft, RoleDraft]]:
    """Definite descriptions in one sentence, each with the draft it refers to and the role
    the description states ("the US president": president of the US); new drafts for
    unfilled offices are appended to ``drafts``."""
    found = []
    for k, item in enumerate(items):
        hit = _nominal_at(items, k)
        if hit is None:
            continue
        first, last, qualifier = hit
        title = item.title
        country = qualifier.country if qualifier is not None else None
        target = _role_draft(drafts, title.canonical, country, items[first].start)
        if target is None and country:
            target = _holder_draft(drafts, country, title.canonical, when)
        mention = NameMention(items[first].start, items[last].end, "PERSON", kind="nominal")
        if target is None and country and title.kind == "office":
            target = Draft(key=f"nominal:{country}:{title.canonical}", label="PERSON",
                           country=country, sector=title.sector)
            drafts.append(target)
        if target is not None:
            found.append((mention, target, RoleDraft(title, item.start, item.end, qualifier)))
    return found


PRONOUN_GENDER = {"he": "m", "his": "m", "him": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}


def text_genders(doc: Doc, drafts: list[Draft]) -> dict[int, str]:
    """Gender the text itself marks for a person (by draft id): an honorific before a name
    ("Mrs Clinton") or a gendered title or kinship word ("the husband of"). A person marked
    both ways is left unmarked."""
    words = gender_words()
    marks: dict[int, set[str]] = {}
    for draft in drafts:
        if draft.label != "PERSON":
            continue
        found = {words[doc[m.start - 1].lower_] for m in draft.names
                 if m.start > 0 and doc[m.start - 1].lower_ in words}
        found |= {words[r.title.phrase[-1]] for r in draft.roles if r.title.phrase[-1] in words}
        found |= {words["".join(r.title.phrase)] for r in draft.roles if "".join(r.title.phrase) in words}
        marks[id(draft)] = found
    return {key: next(iter(found)) for key, found in marks.items() if len(found) == 1}


def _subjects(sent: Span, token_draft: dict[int, Draft], before: int | None = None) -> list[Draft]:
    """Person subjects in the sentence: before token ``before`` nearest first, else the
    root's subject first, then the others in text order."""
    subjects = [t for t in sent if t.dep_ in SUBJECT_DEPS and t.i in token_draft
                and token_draft[t.i].label == "PERSON" and (before is None or t.i < before)]
    if before is not None:
        subjects.reverse()
    else:
        subjects.sort(key=lambda t: t.head.dep_ != "ROOT")
    return [token_draft[t.i] for t in subjects]


def _clause_subjects(token: Token, token_draft: dict[int, Draft]) -> list[Draft]:
    """Climbing from a possessive or object pronoun, the person subjects of the verbs above it,
    nearest first."""
    found, node = [], token
    for _ in range(10):
        if node.head is node:
            break
        node = node.head
        for child in node.children:
            if (child.dep_ in SUBJECT_DEPS and child.i in token_draft and child.i != token.i
                    and token_draft[child.i].label == "PERSON"):
                found.append(token_draft[child.i])
    return found


def _only_person(sent: Span, token_draft: dict[int, Draft], before: int) -> list[Draft]:
    people = {id(token_draft[i]): token_draft[i] for i in range(sent.start, before)
              if i in token_draft and token_draft[i].label == "PERSON"}
    return list(people.values()) if len(people) == 1 else []


def _candidates(token: Token, sent: Span, token_draft: dict[int, Draft], previous: Draft | None) -> list[Draft]:
    if token.lower_ in SUBJECT_PRONOUNS:
        found = _subjects(sent, token_draft, before=token.i)
        return found + ([previous] if previous else [])
    found = _clause_subjects(token, token_draft) + _only_person(sent, token_draft, token.i)
    return found + ([previous] if previous and token.i == sent.start else [])


def _recent_people(sent: Span, token_draft: dict[int, Draft], before: int) -> list[Draft]:
    """People named in the two sentences before and this one up to ``before``, latest first."""
    doc = sent.doc
    start = sent.start
    for _ in range(2):
        start = doc[start - 1].sent.start if start > 0 else start
    people = [token_draft[i] for i in range(before - 1, start - 1, -1)
              if i in token_draft and token_draft[i].label == "PERSON"]
    return list({id(d): d for d in people}.values())


def resolve_pronouns(sent: Span, token_draft: dict[int, Draft], previous: Draft | None,
                     genders: dict[int, str]) -> list[tuple[NameMention, Draft]]:
    """He/she/his/her in one sentence; ``previous`` is the last sentence's person subject.
    The first candidate whose known gender does not contradict the pronoun wins; failing
    that, the latest person just named whom the text marks with the pronoun's gender ("Mrs
    Clinton"); a resolved pronoun then marks its person's gender for the rest of the article."""
    found = []
    for token in sent:
        word = token.lower_
        if token.i in token_draft or word not in PRONOUN_GENDER:
            continue
        gender = PRONOUN_GENDER[word]
        target = next((d for d in _candidates(token, sent, token_draft, previous)
                       if genders.get(id(d), gender) == gender), None)
        if target is None:
            target = next((d for d in _recent_people(sent, token_draft, token.i)
                           if genders.get(id(d)) == gender), None)
        if target is not None:
            genders.setdefault(id(target), gender)
            found.append((NameMention(token.i, token.i + 1, "PERSON", kind="pronoun"), target))
            token_draft[token.i] = target
    return found


def sentence_subject(sent: Span, token_draft: dict[int, Draft]) -> Draft | None:
    subjects = _subjects(sent, token_draft)
    return subjects[0] if subjects else None

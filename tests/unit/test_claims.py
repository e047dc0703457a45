"""Claims: numbers typed, bounded and attributed, on hand-built parses (no model)."""

from __future__ import annotations

import pytest
from events_docs import add_quote, annotated
from hypothesis import given
from hypothesis import strategies as st

from eventwire.errors import KnowledgeError
from eventwire.extract import claims as cl
from eventwire.extract.claims import ClaimsComponent, number_value
from eventwire.knowledge import read_tsv

CASUALTIES = (
    "Trump|Trump|PROPN|NNP|nsubj|1 said|say|VERB|VBD|ROOT|1 there|there|PRON|EX|expl|3 "
    "were|be|VERB|VBD|ccomp|1 casualties|casualty|NOUN|NNS|attr|3 of|of|ADP|IN|prep|4 "
    "25,000|25,000|NUM|CD|pobj|5 to|to|PART|TO|quantmod|6 30,000|30,000|NUM|CD|conj|6 "
    "per|per|ADP|IN|prep|6 month|month|NOUN|NN|pobj|9|- .|.|PUNCT|.|punct|1|-"
)
AREA = (
    "Ukraine|Ukraine|PROPN|NNP|nsubj|1 controls|control|VERB|VBZ|ROOT|1 at|at|ADP|IN|advmod|3 "
    "least|least|ADJ|JJS|advmod|4 5,000|5,000|NUM|CD|nummod|6 square|square|ADJ|JJ|amod|6 "
    "km|km|NOUN|NNS|dobj|1|- .|.|PUNCT|.|punct|1|-"
)
DURATION = (
    "a|a|DET|DT|det|4 five|five|NUM|CD|nummod|3 -|-|PUNCT|HYPH|punct|3|- hour|hour|NOUN|NN|compound|4 "
    "meeting|meeting|NOUN|NN|nsubj|5 ended|end|VERB|VBD|ROOT|5|- .|.|PUNCT|.|punct|5|-"
)
KILLED = (
    "Rebels|rebel|NOUN|NNS|nsubj|1 killed|kill|VERB|VBD|ROOT|1 more|more|ADJ|JJR|amod|4 than|than|ADP|IN|quantmod|4 "
    "2|2|NUM|CD|nummod|6 million|million|NUM|CD|nummod|6 people|people|NOUN|NNS|dobj|1|- .|.|PUNCT|.|punct|1|-"
)
BARE = (
    "He|he|PRON|PRP|nsubj|1 was|be|AUX|VBD|ROOT|1 one|one|NUM|CD|attr|1 of|of|ADP|IN|prep|2 "
    "them|they|PRON|PRP|pobj|3|- .|.|PUNCT|.|punct|1|-"
)


def claims_of(sentences, quote=None):
    ann = annotated(sentences, {"Trump": ("PERSON", "USA", "GOV")})
    if quote:
        add_quote(ann, quote, "Trump")
    ClaimsComponent()(ann)
    return ann.claims


def test_range_with_rate_claimed_by_the_quote_speaker():
    [claim] = claims_of([CASUALTIES], quote="there were casualties of 25,000 to 30,000 per month")
    assert (claim.about, claim.value, claim.max, claim.bound, claim.per) == (
        "casualties",
        25000,
        30000,
        "range",
        "month",
    )
    assert claim.unit == "person" and claim.claimant == "E1"


def test_lower_bound_area_is_the_reporters():
    [claim] = claims_of([AREA])
    assert (claim.about, claim.value, claim.unit, claim.bound, claim.claimant) == (
        "area",
        5000,
        "km2",
        "at_least",
        None,
    )
    assert claim.evidence.text.startswith("Ukraine controls")


def test_hyphenated_duration():
    [claim] = claims_of([DURATION])
    assert (claim.about, claim.value, claim.unit) == ("duration", 5, "hour")


def test_scale_words_and_keyword_from_the_verb():
    [claim] = claims_of([KILLED])
    assert (claim.about, claim.value, claim.bound, claim.unit) == (
        "deaths",
        2_000_000,
        "at_least",
        "person",
    )


def test_a_bare_number_is_no_claim():
    assert claims_of([BARE]) == []


@given(st.integers(min_value=0, max_value=10**12))
def test_grouped_digits_read_back(n):
    doc = annotated([f"{n:,}|{n:,}|NUM|CD|ROOT|0"]).doc
    assert number_value(doc[0]) == n


def test_malformed_claim_words_are_refused(monkeypatch, tmp_path):
    path = tmp_path / "claim_words.tsv"
    path.write_text("dozen\tnumber\ttwelve\t-\n", encoding="utf-8")
    monkeypatch.setattr(cl, "read_tsv", lambda name, columns: read_tsv(name, columns, path=path))
    with pytest.raises(KnowledgeError, match="'twelve' is not a number"):
        cl.claim_words.__wrapped__()

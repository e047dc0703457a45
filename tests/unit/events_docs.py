"""Hand-built parses for the events and claims unit tests (no model needed).

A sentence is written token by token as ``text|lemma|POS|tag|dep|head`` (head: index within
the sentence; a trailing ``|-`` means no space after the token). Entities are given by the
word that names them; every token with that text is linked to the entity.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventwire.model import Article, Entity, Quote, Span
from eventwire.nlp import Annotated

_VOCAB = spacy.blank("en").vocab  # English lexical attributes (is_alpha...), no model


def build_doc(sentences: list[str]) -> Doc:
    words, spaces, lemmas, pos, tags, deps, heads, starts = [], [], [], [], [], [], [], []
    for sentence in sentences:
        offset = len(words)
        for n, item in enumerate(sentence.split(" ")):
            parts = item.split("|")
            text, lemma, p, tag, dep, head = parts[:6]
            words.append(text)
            spaces.append(len(parts) < 7)
            lemmas.append(lemma)
            pos.append(p)
            tags.append(tag)
            deps.append(dep)
            heads.append(offset + int(head))
            starts.append(n == 0)
        spaces[-1] = True
    spaces[-1] = False
    return Doc(_VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps,
               heads=heads, sent_starts=starts)


def annotated(sentences: list[str], entities: dict[str, tuple[str, str | None, str | None]] | None = None,
              published: str | None = "2025-12-03") -> Annotated:
    """An Annotated over the hand-built parse, with entities linked by their word."""
    doc = build_doc(sentences)
    ann = Annotated(article=Article(id="test", text=doc.text, published=published), doc=doc)
    for number, (word, (kind, country, sector)) in enumerate((entities or {}).items(), start=1):
        tokens = [t for t in doc if t.text == word]
        entity = Entity(id=f"E{number}", name=word, type=kind, country=country, sector=sector,
                        code=f"{country or ''}{sector or ''}" or None,
                        mentions=[ann.span_of(t) for t in tokens])
        ann.entities.append(entity)
        for token in tokens:
            ann.token_entity[token.i] = entity.id
    return ann


def span_of_text(ann: Annotated, text: str) -> Span:
    start = ann.text.index(text)
    return ann.span(start, start + len(text))


def add_quote(ann: Annotated, content: str, speaker_word: str, cue: str = "said") -> Quote:
    speaker = next(e.id for e in ann.entities if e.name == speaker_word)
    quote = Quote(id=f"Q{len(ann.quotes) + 1}", kind="indirect", content=span_of_text(ann, content),
                  cue=span_of_text(ann, cue), source=span_of_text(ann, speaker_word), speaker=speaker)
    ann.quotes.append(quote)
    return quote


NEGATED_AGREE = "Russia|Russia|PROPN|NNP|nsubj|6 and|and|CCONJ|CC|cc|0 the|the|DET|DT|det|3 US|US|PROPN|NNP|conj|0 did|do|AUX|VBD|aux|6 not|not|PART|RB|neg|6 reach|reach|VERB|VB|ccomp|12 a|a|DET|DT|det|8 compromise|compromise|NOUN|NN|dobj|6|- ,|,|PUNCT|,|punct|12 the|the|DET|DT|det|11 Kremlin|Kremlin|PROPN|NNP|nsubj|12 said|say|VERB|VBD|ROOT|12|- .|.|PUNCT|.|punct|12|-"
NOT_PLANNED = "A|a|DET|DT|det|1 meeting|meeting|NOUN|NN|nsubjpass|8 between|between|ADP|IN|prep|1 Putin|Putin|PROPN|NNP|pobj|2 and|and|CCONJ|CC|cc|3 Trump|Trump|PROPN|NNP|conj|3 was|be|AUX|VBD|auxpass|8 not|not|PART|RB|neg|8 planned|plan|VERB|VBN|ROOT|8|- .|.|PUNCT|.|punct|8|-"
REACTED = "Putin|Putin|PROPN|NNP|nsubj|1 reacted|react|VERB|VBD|ccomp|8 negatively|negatively|ADV|RB|advmod|1 to|to|ADP|IN|prep|1 US|US|PROPN|NNP|compound|5 proposals|proposal|NOUN|NNS|pobj|3|- ,|,|PUNCT|,|punct|8 Ushakov|Ushakov|PROPN|NNP|nsubj|8 said|say|VERB|VBD|ROOT|8|- .|.|PUNCT|.|punct|8|-"
INVADED = "Russia|Russia|PROPN|NNP|nsubj|1 invaded|invade|VERB|VBD|ROOT|1 Ukraine|Ukraine|PROPN|NNP|dobj|1 in|in|ADP|IN|prep|1 February|February|PROPN|NNP|pobj|3 2022|2022|NUM|CD|nummod|4|- .|.|PUNCT|.|punct|1|-"
BLEW_UP = "The|the|DET|DT|det|1 army|army|NOUN|NN|nsubj|2 blew|blow|VERB|VBD|ROOT|2 up|up|ADP|RP|prt|2 a|a|DET|DT|det|5 bridge|bridge|NOUN|NN|dobj|2|- .|.|PUNCT|.|punct|2|-"
CONDITIONAL = "Russia|Russia|PROPN|NNP|nsubj|2 will|will|AUX|MD|aux|2 meet|meet|VERB|VB|ROOT|2 Ukraine|Ukraine|PROPN|NNP|dobj|2 if|if|SCONJ|IN|mark|6 France|France|PROPN|NNP|nsubj|6 agrees|agree|VERB|VBZ|advcl|2|- .|.|PUNCT|.|punct|2|-"
DEMANDED = "China|China|PROPN|NNP|nsubj|1 demanded|demand|VERB|VBD|ROOT|1 that|that|SCONJ|IN|mark|4 Japan|Japan|PROPN|NNP|nsubj|4 withdraw|withdraw|VERB|VB|ccomp|1 its|its|PRON|PRP$|poss|6 troops|troop|NOUN|NNS|dobj|4|- .|.|PUNCT|.|punct|1|-"
POSSIBLE = "Britain|Britain|PROPN|NNP|nsubj|2 could|could|AUX|MD|aux|2 impose|impose|VERB|VB|ROOT|2 sanctions|sanction|NOUN|NNS|dobj|2 on|on|ADP|IN|prep|2 Iran|Iran|PROPN|NNP|pobj|4|- .|.|PUNCT|.|punct|2|-"
TALKS = "Talks|talk|NOUN|NNS|nsubj|7 in|in|ADP|IN|prep|0 Moscow|Moscow|PROPN|NNP|pobj|1 between|between|ADP|IN|prep|0 Putin|Putin|PROPN|NNP|pobj|3 and|and|CCONJ|CC|cc|4 Witkoff|Witkoff|PROPN|NNP|conj|4 ended|end|VERB|VBD|ROOT|7|- .|.|PUNCT|.|punct|7|-"
TALKED = "They|they|PRON|PRP|nsubj|1 talked|talk|VERB|VBD|ROOT|1 with|with|ADP|IN|prep|1 Putin|Putin|PROPN|NNP|pobj|2 in|in|ADP|IN|prep|1 Moscow|Moscow|PROPN|NNP|pobj|4|- .|.|PUNCT|.|punct|1|-"
STROLL = "The|the|DET|DT|det|1 team|team|NOUN|NN|nsubj|2 took|take|VERB|VBD|ROOT|2 a|a|DET|DT|det|4 stroll|stroll|NOUN|NN|dobj|2 across|across|ADP|IN|prep|2 Red|Red|PROPN|NNP|compound|7 Square|Square|PROPN|NNP|pobj|5|- .|.|PUNCT|.|punct|2|-"

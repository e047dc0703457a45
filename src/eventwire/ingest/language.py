"""Language identification with py3langid (offline, bundled model)."""

from __future__ import annotations

from functools import cache


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, min_chars: int = 40) -> str:
    """ISO 639-1 code of the text's language; texts too short to tell count as English."""
    sample = text[:3000]
    if len(sample.strip()) < min_chars:
        return "en"
    language, probability = _identifier().classify(sample)
    return language if probability >= 0.9 else "en"

"""Language identification with py3langid (offline, bundled model).

py3langid's own loader unpacks its LZMA-compressed model (65 MB) into a temporary file; under
a file-size limit (``ulimit -f``) that write kills the process. The model is unpacked in
memory here instead, from the same file, and py3langid's loader is the fallback for a model
layout this reader does not know.
"""

from __future__ import annotations

import io
import lzma
from array import array
from functools import cache
from pathlib import Path

#: stdlib array type codes by item size, for the tokenizer's tables
_TYPECODE = {2: "H", 4: "I", 8: "Q"}


def _table(values) -> array:
    """A NumPy unsigned array as the stdlib array py3langid's tokenizer walks."""
    import numpy as np

    out = array(_TYPECODE[values.dtype.itemsize])
    out.frombytes(memoryview(np.ascontiguousarray(values)).cast("B"))
    return out


def _in_memory(identifier, path: Path):
    """The identifier from the npz+LZMA model at ``path``, unpacked in memory."""
    import numpy as np

    with lzma.open(path) as src:
        data = np.load(io.BytesIO(src.read()), allow_pickle=False)
    return identifier(np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(),
                      _table(data["nextmove"]), data["out_feat"].tolist(), norm_probs=True,
                      tk_row=_table(data["nextmove_row"]))


@cache
def _identifier():
    from py3langid import langid

    path = Path(langid.MODEL_FILE)
    if not path.is_absolute():
        path = Path(getattr(langid, "MODEL_DIR", "")) / path
    try:
        return _in_memory(langid.LanguageIdentifier, path)
    except (OSError, KeyError, ValueError, TypeError, lzma.LZMAError):  # another model layout
        return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)


def detect_language(text: str, min_chars: int = 40) -> str:
    """ISO 639-1 code of the text's language; texts too short to tell count as English."""
    sample = text[:3000]
    if len(sample.strip()) < min_chars:
        return "en"
    language, probability = _identifier().classify(sample)
    return language if probability >= 0.9 else "en"

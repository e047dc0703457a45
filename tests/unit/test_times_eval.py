"""The TempEval-3 scorer's pieces on hand-written TimeML (no model)."""

from __future__ import annotations

from eventwire.eval.timex import Timex, _prf, match, read_tml

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>x</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">19980807</TIMEX3></DCT>
<TEXT>
Shares fell <TIMEX3 tid="t1" type="DATE" value="1998-08-06">yesterday</TIMEX3> &amp; rose <EVENT eid="e1">again</EVENT> for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml_offsets_point_into_the_plain_text(tmp_path):
    path = tmp_path / "x.tml"
    path.write_text(TML, encoding="utf-8")
    doc = read_tml(path)
    assert doc.dct == "1998-08-07"
    assert "<" not in doc.text and "&amp;" not in doc.text and " & " in doc.text
    assert [doc.text[t.start:t.end] for t in doc.timexes] == ["yesterday", "three days"]
    assert [t.value for t in doc.timexes] == ["1998-08-06", "P3D"]  # the DCT is not scored


def test_match_strict_and_relaxed():
    gold = [Timex(0, 10, "DATE", "a"), Timex(20, 30, "DURATION", "b"), Timex(40, 45, "DATE", "c")]
    system = [Timex(0, 10, "DATE", "a"), Timex(24, 30, "DURATION", "x"), Timex(50, 55, "DATE", "c")]
    strict, pairs = match(gold, system)
    assert strict == 1
    assert [(g.value, s.value) for g, s in pairs] == [("a", "a"), ("b", "x")]


def test_prf():
    assert _prf(1, 2, 4) == (0.5, 0.25, 1 / 3)
    assert _prf(0, 0, 3) == (0.0, 0.0, 0.0)

"""What extraction tells resolution travels as declared Hints on the mention, not as underscored properties, and
survives the packed form stored with each document (and the older form stored by earlier versions)."""
from __future__ import annotations

from graph.model import NO_HINTS, DocExtraction, Evidence, Hints, Mention, pack_extraction, unpack_extraction


def _extraction() -> tuple[DocExtraction, str]:
    text = "SocSam:s presidium möts."
    x = DocExtraction("doc:x")
    ev = Evidence("doc:x", None, 0, 18, text[0:18], "genitive-organ", 0.9)
    x.mentions.append(Mention("body:socsam", "Body", {"name": "SocSam"}, ev))
    x.mentions.append(Mention("body:socsam#presidium", "Body", {"name": "SocSam:s presidium"}, ev,
                              Hints(owner="body:socsam", organ="presidium")))
    return x, text


def test_hints_survive_the_stored_form():
    x, text = _extraction()
    back = DocExtraction.from_wire(unpack_extraction(pack_extraction(x)), text)
    assert [m.hints for m in back.mentions] == [NO_HINTS, Hints(owner="body:socsam", organ="presidium")]
    assert DocExtraction.from_dict(x.to_dict()).mentions[1].hints == x.mentions[1].hints


def test_an_extraction_stored_by_an_older_version_gives_its_hints():
    x, text = _extraction()
    wire = x.to_wire()
    wire["v"] = 1
    wire["m"] = [[k, lab, {**props, **({"_owner": "body:socsam", "_organ": "presidium"} if k.endswith("presidium")
                                       else {})}, ev] for k, lab, props, ev, *_ in wire["m"]]
    back = DocExtraction.from_wire(wire, text)
    assert back.mentions[1].hints == Hints(owner="body:socsam", organ="presidium")
    assert "_owner" not in back.mentions[1].props


def test_no_mention_in_data_carries_an_underscored_property(sample_extractions):
    for _, x in sample_extractions:
        for m in x.mentions:
            hidden = [k for k in m.props if k.startswith("_")]
            assert not hidden, f"{x.doc_id} {m.key}: {hidden} (declare it in graph.model.Hints)"


def test_hints_merge_without_overwriting():
    a = Hints(owner="body:a")
    assert a.merged(Hints(owner="body:b", region="uppsala")) == Hints(owner="body:a", region="uppsala")

"""The document's head: labelled header fields (also a label glued to its value, or its value on the next line)
and the meeting's and the document's dates."""
from __future__ import annotations

import re
from functools import lru_cache

from ingest import lexicon
from ingest.dates import find_dates, parse_compact, parse_one
from ingest.segment.model import Field, Segmented

# "Sammanträdesdatum 2022-05-17": a date label and its value with only spaces between (a letterhead, a PDF)
SPACED_LABEL_RE = re.compile(r"^[ \t]*(?P<label>(?i:sammanträdesdatum|mötesdatum|datum|tid|dnr|diarienummer))[ \t]+"
                             r"(?P<value>\d.*?)[ \t]*$")
LABEL_RE = re.compile(r"^[ \t]*(?P<label>[A-ZÅÄÖa-zåäö][A-Za-zÅÄÖåäö/ ]{1,40}?)[ \t]*(?::[ \t]*|\t+[ \t]*|[ ]{3,})"
                      r"(?P<value>\S.*?)[ \t]*$")


@lru_cache(maxsize=1)
def _glued_label_re() -> re.Pattern[str]:
    """'Utses att justeraIsabel Hildén', 'Paragrafer12 – 22': a header label glued to its value, as a PDF's text
    layer gives a two-column head (the value begins with a capital or a digit)."""
    alt = "|".join(re.escape(lab) for lab in sorted(lexicon.header_labels(), key=len, reverse=True))
    return re.compile(rf"^[ \t]*(?P<label>(?i:{alt}))(?=[A-ZÅÄÖ0-9])(?P<value>\S.*?)[ \t]*$")


def find_fields(seg: Segmented, body_end: int) -> None:
    labels = lexicon.header_labels()
    lines = seg.lines
    for k, ln in enumerate(lines):
        if ln.start >= body_end:
            break
        m = LABEL_RE.match(ln.text) or SPACED_LABEL_RE.match(ln.text) or _glued_label_re().match(ln.text)
        if not m:
            # "Sammanträdesdatum" / "2023-10-18": a label alone on its line, the value on the next one (a
            # letterhead exported from PDF); the role words of a signature block are not such labels
            label = ln.strip.rstrip(":").lower()
            name = labels.get(label)
            if name and name not in ("chair", "secretary") and label not in ("justerare", "justerande"):
                nxt = next((x for x in lines[k + 1:k + 3] if x.strip), None)
                if nxt and nxt.start < body_end and nxt.strip.rstrip(":").lower() not in labels \
                        and not LABEL_RE.match(nxt.text):
                    vs = nxt.start + nxt.text.index(nxt.strip)
                    seg.fields.append(Field(name, nxt.strip, vs, vs + len(nxt.strip), ln.start))
            continue
        label = m["label"].strip().lower()
        name = labels.get(label)
        if not name:
            continue
        v = m["value"]
        vs = ln.start + m.start("value")
        seg.fields.append(Field(name, v, vs, vs + len(v), ln.start))
    # "Sekreterare" / "Ordförande" written on the line below a name are signatures, handled elsewhere.


MEETING_LINE_RE = re.compile(r"(?i)^(?:möte|mötet|sammanträde|sammanträdet|träff|nätverksträff)\b")


def set_dates(seg: Segmented) -> None:
    y = seg.year
    dates = []
    for f in seg.fields:
        if f.name in ("date", "placetime", "datetime", "time"):
            iso = parse_compact(f.value) if f.name == "date" else None
            iso = iso or parse_one(f.value, y)
            if iso:
                dates.append((f, iso))
    if not dates:
        # memory notes: "Möte tisdagen den 3 maj 2022" or a date alone on a line at the head
        first = min([s.start for s in seg.sections] + [it.start for it in seg.items] + [len(seg.text)])
        head = [ln for ln in seg.title_lines[:6] if ln.start < first]
        # a notice's own date above "Sammanträde med: Socialnämnd Tid: 2018-12-12": the meeting's line wins
        meeting = next((iso for ln in head if MEETING_LINE_RE.match(ln.strip) and find_dates(ln.text)
                        and (iso := parse_one(ln.strip, y))), None)
        for ln in head:
            iso = parse_one(ln.strip, y) if find_dates(ln.text) else None
            if iso:
                seg.doc_date, seg.meeting_date = iso, meeting or iso
                seg.warnings.append("mötesdatum taget ur en rad i dokumentets huvud")
                return
    if dates:
        seg.doc_date = dates[0][1]
        # Memory notes carry the note's own date first and the meeting's date beside "Tid"/"Plats" later.
        seg.meeting_date = dates[-1][1] if len(dates) > 1 else dates[0][1]
        # … or on a line of the head that says "Möte torsdagen den 8 september" (the year from the notes' date)
        first = min([s_.start for s_ in seg.sections] + [it.start for it in seg.items] + [len(seg.text)])
        for ln in seg.title_lines[:8]:
            if ln.start >= first:
                break
            if MEETING_LINE_RE.match(ln.strip) and find_dates(ln.text):
                iso = parse_one(ln.strip, int(seg.doc_date[:4]) if seg.doc_date else seg.year)
                if iso and iso != seg.doc_date:
                    seg.meeting_date = iso
                    break

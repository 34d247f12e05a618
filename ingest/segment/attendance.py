"""Attendance sections: headings with the names below, "Label<TAB>Name" two-column heads, one-line
"Närvarande: …" lists, and tables exported from PDF whose columns collapsed."""
from __future__ import annotations

import re
from functools import lru_cache

from ingest import lexicon
from ingest.segment.model import Line, Section, Segmented

STOP_ATTENDANCE = re.compile(r"(?i)^\s*(justering|justeringens|justeras|utses att justera|paragrafer|underskrifter|"
                             r"sekreterare|ordförande|justerare|protokollet|plats och tid)\b")


@lru_cache(maxsize=65536)
def section_of(s: str) -> tuple[str, str] | None:
    s = s.strip()
    for rx, role, status in lexicon.sections():
        if rx.match(s):
            return role, status
    return None


# The mark columns of an attendance table ("Närv Ej närv", "Tjg Ej tjg", "Ja Nej Avstår")
MARK_WORDS = r"(?:(?:ej[ \t]+)?(?:närv(?:arande)?|tjg|tjänstgörande|frånv(?:arande)?|ja|nej|avstår))"
MARK_COLUMN = re.compile(rf"(?i)\b{MARK_WORDS}\b")
TABLE_HEAD_RE = re.compile(r"(?i)^(?P<label>ledamöter|ledamot|ordinarie ledamöter|ersättare|beslutande|namn)[ \t]+"
                           rf"parti(?P<cols>(?:[ \t]+{MARK_WORDS})+)[ \t]*$")
INLINE_ATTENDANCE = re.compile(r"(?i)^[ \t]*(?P<label>närvarande|deltagare|deltagande|närvarande ledamöter|"
                               r"ledamöter|ordinarie ledamöter|"
                               r"beslutande|ersättare|tjänstepersoner|tjänstemän|övriga närvarande|övriga deltagande|"
                               r"övriga deltagare|övriga|närvarande tjänstepersoner|tjänstgörande ersättare|frånvarande|"
                               r"ej närvarande|förhinder)[ \t]*:[ \t]*(?P<value>\S.*?)[ \t]*$")


# Columns aligned with spaces in a text export: three or more spaces between a label and its value
COLUMN_GAP = re.compile(r"\S[ ]{3,}\S")


def find_sections(seg: Segmented, body_end: int) -> None:
    status = "present"
    current: Section | None = None
    region_open = False
    for ln in seg.lines:
        if ln.start >= body_end:
            break
        s = ln.strip
        if not s:
            continue
        im = INLINE_ATTENDANCE.match(ln.text)
        if im:
            sec = section_of(im["label"])
            role, st = sec if sec else ("närvarande", "present")
            if not role:  # "Frånvarande: …" names members who were not there; "Närvarande: …" says no more
                role = "ledamot" if st == "absent" else None
            vs = ln.start + im.start("value")
            row = Line(vs, vs + len(im["value"]), im["value"])
            seg.sections.append(Section(role or "närvarande", st or status, ln.start, ln.end, (ln.start, vs), [row],
                                        inline=True))
            current = None
            continue
        tm = TABLE_HEAD_RE.match(s)
        if tm:
            # "Ledamöter Parti Närv Ej närv": the rows below are "Name party X", with an X under the column that
            # holds (a "-" marks an empty cell before it)
            tsec = section_of(tm["label"])
            role = tsec[0] if tsec and tsec[0] else "ledamot"
            cols = tuple(c.strip().lower() for c in MARK_COLUMN.findall(tm["cols"]))
            current = Section(role, "present", ln.start, ln.end, (ln.start, ln.end), columns=cols)
            seg.sections.append(current)
            region_open = True
            continue
        if "\t" in s or ("   " in s and COLUMN_GAP.search(s)):
            # the two-column protocol head: "Beslutande<TAB>Jenny Sundqvist (S), ordförande" (or the columns
            # aligned with spaces), the next names on lines of their own; another label in the first column
            # ("Justerare<TAB>…") ends the list
            label, value = re.split(r"\t+|[ ]{3,}", s, maxsplit=1)
            label, value = label.strip(), value.strip()
            lsec = section_of(label) if label else None
            if lsec and lsec[0] and value:
                ls = ln.start + ln.text.index(label)
                vs = ln.start + ln.text.index(value, ls - ln.start + len(label))
                vsec = section_of(value)
                if vsec and vsec[0]:
                    # "Övriga närvarande<TAB>Ersättare": the value is a heading of its own, the names follow below;
                    # its role is the more precise one ("Beslutande / Ledamöter" stay beslutande)
                    role = lsec[0] if (lsec[0], vsec[0]) == ("beslutande", "ledamot") else vsec[0]
                    current = Section(role, vsec[1] or lsec[1] or status, ln.start, ln.end,
                                      (vs, vs + len(value)))
                else:
                    current = Section(lsec[0], lsec[1] or status, ln.start, ln.end, (ls, ls + len(label)),
                                      [Line(vs, ln.end, ln.text[vs - ln.start:])])
                seg.sections.append(current)
                region_open = True
                continue
            if current is not None and label and label.lower() in lexicon.header_labels():
                current = None
                continue
        sec = section_of(s)
        if sec:
            role, st = sec
            region_open = True
            if st and not role:
                status = st
                current = None
                # "Närvarande:" / "Förhinder" with the names on the lines below (a sub-heading below opens its own)
                current = Section("närvarande" if st == "present" else "ledamot", st, ln.start, ln.end,
                                  (ln.start + ln.text.index(s), ln.start + ln.text.index(s) + len(s)))
                seg.sections.append(current)
                continue
            current = Section(role, st or status, ln.start, ln.end, (ln.start + ln.text.index(s),
                                                                      ln.start + ln.text.index(s) + len(s)))
            seg.sections.append(current)
            continue
        if region_open and STOP_ATTENDANCE.match(s):
            current = None
            region_open = False
            continue
        if current is not None:
            current.rows.append(ln)
            current.end = ln.end

"""Regular expressions more than one stage uses: a person's name, a party mark, paragraph ranges, diary numbers."""
from __future__ import annotations

import re


UP = "A-ZÅÄÖÉÜ"

LOW = "a-zåäöéüß"

# "Anna", "Karl-Erik", "AnnSofie" (one capital inside a first name)
WORD = rf"[{UP}][{LOW}'’]+(?:[{UP}][{LOW}]+)?(?:-[{UP}{LOW}][{LOW}]+)?"

NAME = rf"{WORD}(?:[ \t]+(?:(?:von|af|de|van|der)[ \t]+)?{WORD}){{1,3}}"

NAME_RE = re.compile(NAME)

PARTY = r"\((?P<party>[A-Za-zÅÄÖåäö]{1,4})\)"
# a party code in brackets after a name, "(S)", "(KD)", "(mp)", "(SIV)": the fragment, without a group
PARTY_CODE = r"\([A-Za-zÅÄÖåäö]{1,4}\)"

PARAS_RE = re.compile(r"(?:§§?|p\.)[ \t]*(\d{1,4}(?:[ \t]*[-–][ \t]*\d{1,4})?(?:[ \t]*,[ \t]*\d{1,4})*)")

EMAIL_RE = re.compile(r"\b[\w.+-]+@(?P<domain>[\w-]+)\.(?:se|nu|org|com)\b")

DNR_RE = re.compile(r"(?i)\b(?:dnr|diarienummer|diarienr)\.?:?[ \t]*(?P<dnr>[A-ZÅÄÖ]{1,5}[ \t]?\d{2,4}[/-][\w/-]+)")

QUOTED_NAME_RE = re.compile(r"[”\"“](?P<name>[A-ZÅÄÖ][\w-]+(?: [\w-]+){0,6})[”\"]")
# "styrelsen för Kommunförbundet Norrbotten", "arbetsutskottet för Region X": an organ named by whose it is
ORGAN_FOR = r"(?i)\b(?P<organ>styrelsen|arbetsutskottet|presidiet|direktionen|förbundsstyrelsen)[ \t]+för[ \t]+"
ORGAN_FOR_RE = re.compile(ORGAN_FOR)

# a document-sharing site's "Transkript" line before the document's own text
TRANSCRIPT_LINE_RE = re.compile(r"(?m)^Transkript[ \t]*$")

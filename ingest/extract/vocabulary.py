"""The word lists of ingest/rules/ under the names the rules use them by (the words are data, not code)."""
from __future__ import annotations

from ingest.lexicon import ordered_words, words

# capitalised words that begin no person's name: headings, labels, places, organisations, sentence openers
NOT_NAME = words("not_name.txt")
MONTHS = words("months.txt")
WEEKDAYS = words("weekdays.txt")
# a capitalised month or weekday opens a date or a heading, never a name
CALENDAR_WORDS = MONTHS | WEEKDAYS
# verbs after a bare name that mark it as a person ("Elin Ring informerar"), in the order they are tried
PERSON_VERBS = ordered_words("person_verbs.txt")
PRESENT_VERBS = words("presenting_verbs.txt")
PRONOUNS = words("pronouns.txt")
NOT_ABBR = words("not_abbreviations.txt")
COLUMN_HEADERS = words("column_headers.txt")
MEMBER_ROLES = words("member_roles.txt")
# endings of titles that name no official's post ("facklig representant", "revisor", "praktikant")
NOT_OFFICIALS = tuple(words("not_officials.txt"))
# endings of an administrative office's name ("Umeåregionens kansli", "sekretariatet")
OFFICIAL_UNITS = tuple(words("official_units.txt"))
OWNED_ORGANS = words("owned_organs.txt")
# national organisations a letterhead names without a head noun ("RIKSDAGEN")
NATIONAL_ORGANISATIONS = ordered_words("national_organisations.txt")
FUNCTION_WORDS = words("function_words.txt")
# words before a job title that belong to it ("tf", "politisk", "medicinskt ansvarig")
TITLE_MODIFIERS = words("title_modifiers.txt")
# capitalised labels that end a list of names and titles ("Underskrifter", "Paragrafer")
TITLE_BREAKS = words("title_breaks.txt")
# titles that before a name are a label of the meeting's or case's task ("Sekreterare Anna Svensson")
LABEL_TITLES = words("label_titles.txt")

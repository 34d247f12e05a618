"""The document's head: its municipality or region, the abbreviations it defines, the body and the meeting."""
from __future__ import annotations

import re

from graph.model import Hints
from ingest import lexicon
from ingest.dates import find_dates
from ingest.extract.context import DocContext
from ingest.extract.entities import body, municipality, organ_of, region, set_kind
from ingest.extract.names import body_kind, clean_body_name, definite
from ingest.extract.patterns import EMAIL_RE, LOW, ORGAN_FOR, PARTY_CODE, TRANSCRIPT_LINE_RE, UP
from ingest.extract.shifted import decode_shifted
from ingest.extract.vocabulary import CALENDAR_WORDS, FUNCTION_WORDS, NOT_NAME
from ingest.nlp import organ_kind
from ingest.segment import section_of


ABBR_DEF_RE = re.compile(r"\((?P<abbr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}(?: [A-ZÅÄÖ]{2,4})?)\)")

ABBR_DASH_RE = re.compile(r"^[ \t]*(?:[-–,][ \t]*)(?P<abbr>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,7}[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}(?: [A-ZÅÄÖ]{2,4})?)\b")

ORGAN_FOR_BEFORE_RE = re.compile(ORGAN_FOR + "$")  # right before a name

BARE_ORGAN_RE = re.compile(r"(?<![\w-])(?:Styrelsen|Förbundsstyrelsen|Arbetsutskottet|Presidiet|Direktionen|"
                           r"Förbundsdirektionen|Förbundsfullmäktige)(?![\w-])")

ANSLAG_RE = re.compile(r"(?<![\w-])(?P<b>[A-ZÅÄÖ][a-zåäö-]+(?:[ \t]+[a-zåäö-]+){0,2}?)(?::s|s)[ \t]+protokoll[ \t]+"
                       r"(?:har|är)[ \t]+justera")
# the notice of the protocol ('Bevis om anslag', 'Anslagsbevis'): "Organ Kommunstyrelsen", "Myndighet Arbetsutskottet"
ANSLAG_ORGAN_RE = re.compile(r"(?<![\w-])(?:Organ|Myndighet|Instans)[ \t]+"
                             r"(?P<b>[A-ZÅÄÖ][a-zåäö-]+(?:[ \t]+[a-zåäö-]+){0,2}?)(?=[ \t]+[A-ZÅÄÖ]|[ \t]*\n)")


def _anslag_organ(text: str) -> re.Match | None:
    """'BEVIS OM ANSLAG … Myndighet Arbetsutskottet': the organ the notice names, on the notice's line."""
    for m in ANSLAG_ORGAN_RE.finditer(text):
        before = text[max(0, m.start() - 300):m.start()]
        if "anslag" in before[before.rfind("\n") + 1:].lower():
            return m
    return None

HEAD_WORDS = {"dag", "datum", "tid", "plats", "kl", "klockan", "närvarande", "deltagare", "protokoll", "sida"}

TIME_RE = re.compile(r"(?i)\b(?:kl\.?|klockan)?[ \t]*(\d{1,2}(?:[.:]\d\d)?)[ \t]*[-–][ \t]*(\d{1,2}(?:[.:]\d\d)?)\b")


def _defined_by_initials(text: str, paren: int, abbr: str) -> tuple[int, int] | None:
    """The span of the name before '(ABBR)' whose content words start with ABBR's capitals, in order, the first
    word capitalised and one of the words an organisation's head noun ('Myndigheten för familjerätt och
    föräldraskapsstöd (MFoF)'); None when no such name ends there."""
    caps = [c.lower() for c in abbr if c.isupper()]
    if len(caps) < 2 or " " in abbr:
        return None
    words = list(re.finditer(r"[\wåäöÅÄÖ]+-?", text[max(0, paren - 160): paren]))
    base = max(0, paren - 160)
    content = []
    for w in reversed(words):
        if w.group().lower() in FUNCTION_WORDS:
            continue
        content.insert(0, w)
        if len(content) == len(caps):
            break
    if len(content) != len(caps) or not content[0].group()[:1].isupper():
        return None
    if [w.group()[0].lower() for w in content] != caps:
        return None
    if text[base + content[-1].end(): paren].strip():
        return None
    # no sentence break inside the name
    if re.search(r"[.:;!?\n]", text[base + content[0].start(): paren]):
        return None
    heads = lexicon.organisation_heads()
    if not any(organ_kind(w.group().rstrip("-")) or
               re.sub(r"(en|et|n|t|er|erna)$", "", w.group().lower().rstrip("-")).endswith(heads) or
               w.group().lower().rstrip("-").endswith(heads) for w in content):
        return None
    return base + content[0].start(), base + content[-1].end()


def home_municipality(cx: DocContext) -> None:
    """The municipality a document belongs to: 'Kiruna kommun' in its head (before any list or item), or a
    memo author's e-mail domain (name@ekero.se -> Ekerö)."""
    firsts = [sec.start for sec in cx.seg.sections] + [it.start for it in cx.seg.items]
    head_end = min(firsts + [len(cx.text)])
    head_lines = cx.seg.title_lines[:6]
    limit = min(head_end, head_lines[-1].end if head_lines else 0)
    for sp in cx.spans["MUNI"]:
        if sp.start_char < limit and "kommun" in sp.text.lower():
            cx.home_muni = municipality(cx, sp.start_char, sp.end_char, "document-head")
            return
    # a region's minutes: its generic organs ("Regionstyrelsen", "Hälso- och sjukvårdsnämnden") are that
    # region's, as a municipality's nämnder are the municipality's
    for sp in cx.spans["REGION"]:
        if sp.start_char < limit:
            cx.home_region = region(cx, sp.start_char, sp.end_char, "document-head")
            if cx.home_region:
                return
    for m in EMAIL_RE.finditer(cx.text, 0, min(len(cx.text), 3000)):
        muni = lexicon.municipality_by_slug().get(m["domain"].lower().replace("-", ""))
        if muni:
            cx.home_muni = cx.mention(f"muni:{muni.code}", "Municipality",
                                      {"name": muni.name, "code": muni.code, "county": muni.county},
                                      m.start(), m.end(), "email-domain", 0.8)
            return


def abbreviations(cx: DocContext) -> None:
    """'Sociala vård- och omsorgsgruppen (SVOM)', 'Sociala samrådsgruppen – SocSam', '…, SocSam,'."""
    bodies = sorted(cx.spans["BODY"], key=lambda s: s.start_char)
    for sp in bodies:
        after = cx.seg.masked[sp.end_char: sp.end_char + 40]
        # "Politiska samverkansberedningen i Norrbotten (PSB)": the place it serves may stand between
        place = re.match(rf"^[ \t]+i[ \t]+[{UP}][{LOW}]+(?:[ \t]+[{UP}][{LOW}]+)?(?=[ \t]*\()", after)
        m = re.match(r"^[ \t]*" + ABBR_DEF_RE.pattern, after[place.end():] if place else after) \
            or (None if place else ABBR_DASH_RE.match(after))
        if m and place:
            body(cx, cx.text[sp.start_char: sp.end_char + place.end()], sp.start_char,
                 sp.end_char + place.end() + m.end(), "abbreviation", short=m["abbr"])
            continue
        if m:
            abbr = m["abbr"]
            if abbr.lower() in ("och", "samt") or organ_kind(abbr):
                continue
            body(cx, sp.text, sp.start_char, sp.end_char + m.end(), "abbreviation", short=abbr)
    # "Inspektionen för vård och omsorg (IVO)": an organisation whose words' initials spell the abbreviation
    for m in ABBR_DEF_RE.finditer(cx.seg.masked):
        if m["abbr"] not in cx.abbr:
            hit = _defined_by_initials(cx.seg.masked, m.start(), m["abbr"])
            if hit:
                set_kind(cx, body(cx, cx.text[hit[0]:hit[1]], hit[0], m.end(), "abbreviation-initials",
                                  short=m["abbr"], conf=0.9), "organisation")
    # "Socialchefer nätverket (SCHNV)": a capitalised run ending in an organ word, not found as a span
    for m in ABBR_DEF_RE.finditer(cx.seg.masked):
        if m["abbr"] in cx.abbr:
            continue
        words = list(re.finditer(r"[\w-]+", cx.seg.masked[max(0, m.start() - 80): m.start()]))
        base = max(0, m.start() - 80)
        run = []
        for w in reversed(words):
            t = w.group()
            if organ_kind(t) or (t[:1].isupper() and t not in NOT_NAME and t not in CALENDAR_WORDS):
                run.insert(0, w)
                continue
            break
        if run and organ_kind(run[-1].group()) and len(run) <= 5:
            a = base + run[0].start()
            body(cx, cx.text[a: base + run[-1].end()], a, m.end(), "abbreviation", short=m["abbr"])


RUN_ON_HEAD_RE = re.compile(r"(?i)\b(?:sammanträdesprotokoll|protokoll|minnesanteckningar|kallelse|"
                            r"protokollsutdrag|anteckningar)\b")


# An attendance heading with names and their parties after it ("Beslutande ledamöter … Jan-Olov Häggström (S)
# Ordf. Camilla Svensson (M) Eva Bergström (S)"): the document records a meeting even where no body or item was read
ATTENDANCE_WORD_RE = re.compile(r"(?<![\w-])(?:Beslutande|Närvarande|Ledamöter|Ersättare|Tjänstgörande ersättare)"
                                r"(?![\w-])")
FIRST_SURNAME_RE = re.compile(r"(?<![\w-])(?P<first>[A-ZÅÄÖ][a-zåäöé]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?)"
                              r"(?=[ \t]+[A-ZÅÄÖ][a-zåäöé-]+)")
NAME_PARTY_RE = re.compile(r"[A-ZÅÄÖ][\w-]+(?:[ \t]+[A-ZÅÄÖ][\w-]+){1,3}[ \t]*" + PARTY_CODE)


def _attendance_head(cx: DocContext) -> bool:
    """Whether an attendance list opens the document: a heading word in its first 6,000 characters with at least
    three names and parties in the 600 after it (or four names that begin with a common first name), or an attendance
    section read from lines."""
    if cx.seg.sections:
        return True
    text = decode_shifted(cx.seg.masked[:6000])
    firsts = lexicon.first_names()
    for m in ATTENDANCE_WORD_RE.finditer(text):
        if len(NAME_PARTY_RE.findall(text, m.end(), m.end() + 600)) >= 3:
            return True
        # names without party marks: at least four that begin with a common first name
        if sum(1 for w in FIRST_SURNAME_RE.finditer(text, m.end(), m.end() + 600) if w["first"] in firsts) >= 4:
            return True
    return False


def _run_on_head_body(cx: DocContext):
    """The first body named within 300 characters after the word that opens a protocol's head, in the first
    1,500 characters; None where there is no such word or body."""
    text = cx.seg.masked
    for m in RUN_ON_HEAD_RE.finditer(text, 0, min(len(text), 1500)):
        near = [s for s in cx.spans["BODY"] if m.start() <= s.start_char < m.end() + 300]
        if near:
            return near[0]
    return None


def meeting_head(cx: DocContext) -> None:
    seg, meta = cx.seg, cx.meta
    body_name, bstart, bend, short, rule = None, 0, 0, None, "header"
    f = seg.field("body")
    if meta.get("body"):
        body_name, rule = meta["body"], "manifest"
    elif f:
        body_name, bstart, bend = f.value, f.start, f.end
    elif _meeting_word_body(cx):
        pass
    else:
        for ln in seg.title_lines:
            spans = [s for s in cx.spans["BODY"] if ln.start <= s.start_char < ln.end]
            abbr_bodies = [k for a, k in cx.abbr.items()
                           if ln.start <= cx.by_key[k].evidence.start < ln.end]
            if abbr_bodies:
                k = abbr_bodies[0]
                cx.body_key = k
                body_name = None
                bstart, bend = cx.by_key[k].evidence.start, cx.by_key[k].evidence.end
                break
            if spans:
                s = spans[0]
                body_name, bstart, bend = s.text, s.start_char, s.end_char
                # "Regionförbundets Primärkommunala / nämnd": a name cut after its adjective
                nx = re.match(r"[ \t\n]+(?P<w>[A-Za-zÅÄÖåäö-]+)", cx.seg.masked[bend:bend + 40])
                if nx and s.text.split()[-1].endswith("a") and organ_kind(nx["w"]) and len(s.text.split()) >= 2:
                    bend += nx.end()
                    body_name = cx.text[bstart:bend]
                # "Delgivningar till styrelsen för Kommunförbundet Norrbotten": the organ of the body named
                # "REGIONSTYRELSEN / Arbetsutskottet": an organ of the letterhead's styrelse or nämnd
                sub = [x for x in cx.spans["BODY"] if s.end_char < x.start_char <= s.end_char + 60
                       and body_kind(x.text) in ("utskott", "presidium", "beredning")
                       and not cx.seg.masked[s.end_char:x.start_char].strip(" \t\n")]
                if sub and s.text.isupper() and body_kind(s.text) in ("styrelse", "nämnd", "fullmäktige") \
                        and len(sub[0].text.split()) == 1:
                    owner = body(cx, s.text, s.start_char, s.end_char, "header")
                    cx.body_key = organ_of(cx, owner, sub[0].text, sub[0].start_char, sub[0].end_char,
                                           "header-letterhead-organ", 0.9, name=sub[0].text)
                    body_name, bstart, bend = None, sub[0].start_char, sub[0].end_char
                    break
                of = ORGAN_FOR_BEFORE_RE.search(cx.seg.masked, max(0, s.start_char - 30), s.start_char)
                if of and body_kind(s.text) in ("förbund", "region"):
                    owner = body(cx, s.text, s.start_char, s.end_char, "header")
                    cx.body_key = organ_of(cx, owner, of["organ"], of.start("organ"), s.end_char, "header-organ-for",
                                           0.9, name=cx.text[of.start("organ"):s.end_char])
                    body_name, bstart, bend = None, of.start("organ"), s.end_char
                break
        else:
            # a PDF transcript or a copied page: the head runs on in one line after a site's own lines, so the
            # body is the first one named near the start, in a protocol's head ("1 Protokoll 1 (22)
            # Landstingsstyrelsen Sekretariatet …")
            s = _run_on_head_body(cx)
            if s is not None:
                body_name, bstart, bend, rule = s.text, s.start_char, s.end_char, "header-run-on"
    if rule != "manifest" and not cx.body_key and body_kind(clean_body_name(body_name or "")) in (None, "kansli",
                                                                                                "förvaltning"):
        # "Arbetsutskottets protokoll har justerats och anslagits": the notice of the protocol names its body
        am = ANSLAG_RE.search(cx.seg.masked) or _anslag_organ(cx.seg.masked)
        if am and organ_kind(am["b"]):
            body_name, bstart, bend, rule = am["b"], am.start("b"), am.end("b"), "header-anslag"
    if body_name and not cx.body_key and rule != "manifest":
        # "KOMMUNFÖRBUNDET NORRBOTTEN … Styrelsen": the organisation's letterhead, then its organ
        cleaned = clean_body_name(body_name)
        om = BARE_ORGAN_RE.search(cx.seg.masked, bend, min(len(cx.seg.masked), bend + 300)) \
            if cleaned.isupper() and body_kind(cleaned) in ("förbund", "region") else None
        if om:
            owner = body(cx, cleaned, bstart, bstart + len(cleaned), "header")
            cx.body_key = organ_of(cx, owner, om.group(), om.start(), om.end(), "header-letterhead-organ",
                                   0.9, name=om.group())
            body_name, bstart, bend = None, om.start(), om.end()
    if body_name and not cx.body_key:
        m = re.match(rf"^(?P<name>.+?)[ \t]*(?:[-–,][ \t]*|\()(?P<abbr>[{UP}][A-Za-zÅÄÖåäö]{{1,7}})\)?[ \t]*$",
                     body_name)
        if m and (organ_kind(m["name"].split()[-1]) or m["abbr"].isupper()):
            body_name, short = m["name"], m["abbr"]
        if rule == "manifest":
            known = cx.abbr.get(body_name)
            # the text does not name it: the evidence is the document's first line, with the rule "manifest"
            cx.body_key = known or body(cx, body_name, *_first_line_span(cx), "manifest", short=short)
        else:
            cx.body_key = body(cx, body_name, bstart, bend, "header", short=short)
    if not cx.body_key:
        cx.body_key = _infer_body(cx)
    date = meta.get("date") or seg.meeting_date or _head_date(cx) or meta.get("date_fallback")
    if not meta.get("date") and not seg.meeting_date and meta.get("date_fallback"):
        cx.warn(f"mötets datum {date} är taget ur filnamnet (--date-from-filename)")
    if not date and cx.body_key:
        cx.warn("mötets datum står inte i dokumentet; ange det i en manifestfil (date = ...) "
                "eller med --date")
    place, time_ = _place_time(cx)
    if cx.body_key is None and not seg.items and not _attendance_head(cx):
        return  # a memo without a meeting of its own
    props = {"date": date, "place": place, "time": time_, "kind": _doc_kind(cx)}
    bname = cx.by_key[cx.body_key].props.get("short") or cx.by_key[cx.body_key].props["name"] \
        if cx.body_key else "okänt organ"
    props["title"] = f"{bname} {date or '(datum okänt)'}"
    props["name"] = props["title"]
    ev_start, ev_end = (bstart, bend) if bend else _first_line_span(cx)
    cx.meeting_key = cx.mention("meeting", "Meeting", props, ev_start, ev_end,
                                "header" if bend else "manifest", hints=Hints(year=seg.year))
    if cx.body_key:
        mk = cx.by_key[cx.body_key]
        s, e = (bstart, bend) if bend else (mk.evidence.start, mk.evidence.end)
        if e <= s:
            s, e = _first_line_span(cx)
        cx.claim("HELD", cx.body_key, cx.meeting_key, s, e, "header" if bend else rule)
    else:
        cx.warn("dokumentet säger inte vilket organ som höll mötet; ange det i en manifestfil (body = ...)")


# "Minnesanteckningar Regionrådsmöte Umeåregionen", "PROTOKOLL FRÅN STYRGRUPPSMÖTE ENERGIINTELLIGENT DALARNA": the
# organ whose meeting it is, in a compound with "möte", and the organisation named after it
MEETING_WORD_RE = re.compile(r"(?i)\b(?:sammanträdesprotokoll|protokoll|minnesanteckningar|anteckningar|kallelse)"
                             r"(?:[ \t]+(?:från|vid|för|med))?[ \t]+(?P<w>[a-zåäö]{4,}?)s?möte\b")
ORG_AFTER_RE = re.compile(rf"[ \t]+(?P<org>[{UP}][\w-]+(?:[ \t]+[{UP}][\w-]+){{0,3}})")


def _meeting_word_body(cx: DocContext) -> bool:
    """The document's body from a 'Regionrådsmöte Umeåregionen' head: the organ (PART_OF the organisation
    named after it); False where the head has no such word."""
    text = cx.seg.masked
    m = MEETING_WORD_RE.search(text, 0, min(len(text), 2000))
    if not m or not organ_kind(m["w"]):
        return False
    k = body(cx, definite(m["w"]), m.start("w"), m.end(), "header-meeting-word")
    cx.body_key = k
    om = ORG_AFTER_RE.match(text, m.end())
    if om:
        words = om["org"].split()
        caps = words[0].isupper()
        keep = []
        for w in words:
            if (caps and not w.isupper()) or w in CALENDAR_WORDS or w.lower() in lexicon.header_labels() \
                    or w in NOT_NAME or w.lower() in CALENDAR_WORDS or w.lower() in HEAD_WORDS or section_of(w):
                break
            keep.append(w)
        if keep and len(" ".join(keep)) >= 4:
            name = " ".join(w.capitalize() if caps else w for w in keep)
            a = om.start("org")
            ok = body(cx, name, a, a + len(" ".join(keep)), "header-meeting-word", conf=0.9)
            if ok != k:
                set_kind(cx, ok, "organisation")
                cx.claim("PART_OF", k, ok, m.start(), a + len(" ".join(keep)), "header-meeting-word", 0.8)
    return True


HEAD_DATE_CUE_RE = re.compile(r"(?i)(?:\bden|\bdag|\bdatum|\btid|möte|sammanträde|dagen)[ \t:]*$")


def _head_date(cx: DocContext) -> str | None:
    """A PDF transcript's head that runs on in one line: 'Minnesanteckningar Regionrådsmöte Umeåregionen Dag
    tisdagen den 12 juni 2012', 'Plats och tid Kommunkontoret måndagen den 27 september 2004': the first full
    date said as the meeting's day, in the first 600 characters of the text."""
    text = cx.seg.masked
    tm = TRANSCRIPT_LINE_RE.search(text, 0, min(len(text), 3000))
    c0 = tm.end() if tm else 0
    for h in find_dates(text, c0, min(len(text), c0 + 600)):
        weekday = re.search(r"(?i)dag(?:en)?[ \t]+(?:den[ \t]+)?$", text[max(0, h.start - 20):h.start])
        if h.year and (weekday or HEAD_DATE_CUE_RE.search(text[max(0, h.start - 25):h.start]) or
                       re.search(r"(?i)(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag)",
                                 text[h.start:h.start + 10])):
            return h.iso()
    return None


def _first_line_span(cx: DocContext) -> tuple[int, int]:
    ln = cx.seg.title_lines[0] if cx.seg.title_lines else None
    return (ln.start, ln.end) if ln else (0, min(len(cx.text), 40))


def _infer_body(cx: DocContext) -> str | None:
    """A page that names no body in its head: the body it names most, if it clearly leads (SVOM's web
    page speaks of 'nästa SVOM' and 'Sammanträdestider SVOM 2024'). Said as a warning."""
    counts: dict[str, int] = {}
    where: dict[str, tuple[int, int]] = {}
    for abbr, k in cx.abbr.items():
        for m in re.finditer(rf"\b{re.escape(abbr)}\b", cx.seg.masked):
            w = 3 if re.search(rf"(?i)(nästa|sammanträdestider|dagens|detta)\s+{re.escape(abbr)}\b",
                               cx.seg.masked[max(0, m.start() - 20): m.end()]) else 1
            counts[k] = counts.get(k, 0) + w
            where.setdefault(k, m.span())
    if not counts or not cx.seg.items:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
        return None
    k = ranked[0][0]
    s, e = where[k]
    cx.warn(f"organet står inte i dokumentets huvud; antaget {cx.by_key[k].props['name']} "
            f"(nämns oftast); ange det i en manifestfil om det är fel", s, e)
    return k


def _doc_kind(cx: DocContext) -> str:
    # a kind word that heads a line of the document's opening ("Utdrag ur …", "Minnesanteckningar")
    heads = [ln.strip.lower() for ln in cx.seg.title_lines[:3]]
    for word, kind in (("utdrag", "utdrag"), ("minnesanteckning", "minnesanteckningar"),
                       ("tjänsteskrivelse", "tjänsteskrivelse"), ("protokoll", "protokoll"),
                       ("sammanträdesprotokoll", "protokoll"), ("kallelse", "kallelse"),
                       ("föredragningslista", "dagordning")):
        if any(h.startswith(word) or f" {word}" in h[:80] and not h.startswith("•") for h in heads):
            return kind
    if cx.seg.item_style == "bullets":
        return "webbsida"
    return "protokoll" if cx.seg.sections else "dokument"


def _place_time(cx: DocContext) -> tuple[str | None, str | None]:
    seg = cx.seg
    place = seg.field("place").value if seg.field("place") else None
    time_ = seg.field("time").value if seg.field("time") else None
    pt = seg.field("placetime")
    if pt:
        v = pt.value
        tm = TIME_RE.search(v)
        if tm and not time_:
            time_ = f"{tm[1]}-{tm[2]}"
        rest = v
        for h in reversed(find_dates(v)):
            rest = rest[:h.start] + rest[h.end:]
        if tm:
            rest = rest.replace(tm.group().strip(), "")
        rest = re.sub(r"(?i)\b(kl\.?|klockan)\b", "", rest).strip(" ,\t")
        if rest:
            place = place or rest
        else:
            ln = next((x for x in seg.lines if x.start > pt.end and x.strip), None)
            if ln and len(ln.strip) < 60 and not section_of(ln.strip):
                place = place or ln.strip
    return place, time_

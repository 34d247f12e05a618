"""Bodies referred to in a phrase or passage: by name, abbreviation, organ word or 'regionen', 'nämnden'."""
from __future__ import annotations

import bisect
import re

from ingest import lexicon
from ingest.extract.context import DocContext
from ingest.extract.entities import body, organ_of, region, set_kind
from ingest.extract.names import norm_body
from ingest.extract.patterns import LOW, UP
from ingest.extract.vocabulary import NOT_NAME
from ingest.nlp import organ_kind


def body_ref(cx: DocContext, phrase: str, pa: int) -> str | None:
    """A phrase naming a body: an abbreviation, a body name, 'presidiet' (this body's), 'X:s ledamöter'."""
    p = phrase.strip()
    low = p.lower()
    if low in ("arbetsutskottet", "au") and cx.body_key and cx.by_key[cx.body_key].props.get("kind") == "utskott":
        return cx.body_key  # the arbetsutskott's own minutes
    if low in ("presidiet", "presidium", "arbetsutskottet", "au") and cx.body_key:
        return organ_of(cx, cx.body_key, "presidium" if "presid" in low else "arbetsutskott", pa,
                        pa + len(p), "anaphora", 0.8)
    if low in ("styrelsen", "nämnden") and cx.body_key:
        return None
    if re.search(r"(?i)\bledamöte(r|rna)\b", p):  # "X:s ledamöter": the members of X, or of this body
        owner = re.sub(r"(?i)(:s|s)?\s*ledamöte(r|rna)\b.*", "", p).strip()
        if not owner:
            return cx.body_key
    for abbr, k in cx.abbr.items():
        if re.search(rf"\b{re.escape(abbr)}\b", p):
            return k
    # "socialcheferna": the network of socialchefer this document names, if it names one
    gm = re.fullmatch(r"(?P<stem>[a-zåäö-]+?)(?:erna|arna|orna)", low)
    if gm and lexicon.is_title_word(gm["stem"]):
        hits = {m.key for m in cx.mentions_of("Body") if
                gm["stem"] in norm_body(m.props.get("name", "")).replace("-", "")}
        if len(hits) == 1:
            return hits.pop()
    for m in re.finditer(r"[\w-]+", p):
        if organ_kind(m.group()):
            # the body name: the words up to and including the organ word
            name = p[: m.end()]
            name = re.sub(r"(?i)\s+(ledamöter|ledamot|presidium)$", "", name)
            return body(cx, name, pa, pa + len(name), "assignee")
    # "Norrbottens Kommuner", "Skånes Kommuner": the municipalities' association of a county
    if re.fullmatch(rf"[{UP}][{LOW}]+s[ \t]+(?:Kommuner|Kommunförbund|kommunförbund)", p):
        return set_kind(cx, body(cx, p, pa, pa + len(p), "assignee", conf=0.8), "förbund")
    # "ger Västkom i uppdrag" where the document also speaks of "Västkoms styrelse": an organisation
    if re.fullmatch(rf"[{UP}][{LOW}]{{2,}}", p) and p not in NOT_NAME and re.search(
            rf"\b{re.escape(p)}(?::s|s)[ \t]+(?:styrelse|presidium|kansli|ledningsgrupp|förbundsstyrelse)\b",
            cx.seg.masked):
        return set_kind(cx, body(cx, p, pa, pa + len(p), "assignee", conf=0.8), "organisation")
    ab = re.fullmatch(rf"[{UP}][A-Za-zÅÄÖåäö]{{1,7}}(?: [A-ZÅÄÖ]{{2,5}})?", p)
    if ab and sum(c.isupper() for c in p) >= 2:
        return body(cx, p, pa, pa + len(p), "assignee", short=p, conf=0.7)
    return None


def body_at(cx: DocContext, pos: int, tail: str) -> tuple[str, int] | None:
    """The body named at the start of tail (an abbreviation or a body name), and where it ends."""
    m = re.match(r"^\s*(?:det\s+|den\s+)?", tail)
    off = m.end() if m else 0
    for abbr, k in sorted(cx.abbr.items(), key=lambda kv: -len(kv[0])):
        if re.match(rf"{re.escape(abbr)}\b", tail[off:]):
            return k, pos + off + len(abbr)
    for sp in cx.spans["BODY"] + cx.spans["REGION"]:
        if pos + off <= sp.start_char <= pos + off + 40 and not cx.seg.masked[pos:sp.start_char].strip(
        ).replace("det", "").replace("den", "").strip(" ,"):
            if sp.label_ == "REGION":
                return region(cx, sp.start_char, sp.end_char, "referral"), sp.end_char
            return body(cx, sp.text, sp.start_char, sp.end_char, "referral"), sp.end_char
    am = re.match(rf"([{UP}][A-Za-zÅÄÖåäö]{{1,7}})\b", tail[off:])
    if am and sum(c.isupper() for c in am.group(1)) >= 2:
        k = cx.abbr.get(am.group(1))
        if k:
            return k, pos + off + len(am.group(1))
        k = body(cx, am.group(1), pos + off, pos + off + len(am.group(1)), "referral", short=am.group(1),
                 conf=0.7)
        return k, pos + off + len(am.group(1))
    return None


def bodies_in(cx: DocContext, s: int, e: int) -> list[tuple[str, int, int]]:
    """Bodies named in text[s:e] (spans and this document's abbreviations), in order."""
    if cx.body_span_index is None:
        rows = [(sec.start, sec.end) for sec in cx.seg.sections]
        spans = sorted((sp for sp in cx.spans["BODY"] + cx.spans["REGION"]
                        if not any(a <= sp.start_char < b for a, b in rows)), key=lambda sp: sp.start_char)
        cx.body_span_index = ([sp.start_char for sp in spans], spans)
    starts, spans = cx.body_span_index
    out = []
    for sp in spans[bisect.bisect_left(starts, s): bisect.bisect_left(starts, e)]:
        if cx.inside_person(sp.start_char):
            continue
        k = region(cx, sp.start_char, sp.end_char, "structure") if sp.label_ == "REGION" else \
            (cx.containing_body(sp) or body(cx, sp.text, sp.start_char, sp.end_char, "body-name", conf=0.9))
        if k:
            out.append((k, sp.start_char, sp.end_char))
    if cx.abbr:
        if cx.abbr_pattern is None or cx.abbr_pattern[0] != len(cx.abbr):
            alt = "|".join(re.escape(a) for a in sorted(cx.abbr, key=len, reverse=True))
            cx.abbr_pattern = (len(cx.abbr), re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])"))
        for m in cx.abbr_pattern[1].finditer(cx.seg.masked, s, e):
            out.append((cx.abbr[m.group()], m.start(), m.end()))
    out.sort(key=lambda t: t[1])
    return out


def anaphor(cx: DocContext, rest: str, pos: int, bodies: list) -> tuple | None:
    """'kopplat till styrelsen': the styrelse named earlier in the sentence ('… Kommunförbundet Jämtland
    Härjedalens styrelse …')."""
    m = re.match(r"\s*(?:till\s+|under\s+|mot\s+)?(?:den\s+|det\s+)?(?P<w>styrelsen|nämnden|förbundet|"
                 r"regionen|fullmäktige)\b", rest)
    if not m:
        return None
    w = m["w"]
    stem = w[:-2] if w.endswith(("en", "et")) else w
    for k, a, b in reversed(bodies):
        name = cx.by_key[k].props.get("name", "").lower()
        if stem in name:
            return k, a, b
    # "X-förbundets styrelse": a genitive owner followed by the word
    text = cx.seg.masked[max(0, pos - 400): pos]
    gm = list(re.finditer(rf"(?P<owner>(?:[{UP}][\w-]+[ \t]+){{0,3}}[{UP}][\w-]+s)[ \t]+{stem}", text))
    if gm:
        g = gm[-1]
        a = max(0, pos - 400) + g.start()
        owner = g["owner"][:-1]
        ok = cx.abbr.get(owner) or body(cx, owner, a, a + len(g["owner"]), "anaphora", conf=0.8)
        k = organ_of(cx, ok, w, a, max(0, pos - 400) + g.end(), "anaphora", 0.8)
        return k, a, max(0, pos - 400) + g.end()
    return None

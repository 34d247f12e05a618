"""Agreements (avtal, överenskommelser): their parties, period, sums and who pays, in headings and in prose."""
from __future__ import annotations

import re

from graph.model import slug
from ingest.extract.context import DocContext
from ingest.extract.entities import municipality, region
from ingest.extract.references import body_ref


AGREEMENT_RE = re.compile(r"(?i)\b(?P<kind>samverkansavtal|huvudavtal|avtal|överenskommelse)\b")

# "samverkansavtalet", "ett avtal om sociala jouren", "överenskommelsen mellan regionen och kommunerna"
AGREEMENT_NOUN_RE = re.compile(r"(?i)(?<![\wåäö-])(?P<noun>[a-zåäö-]*(?:avtal|avtalssamverkan|överenskommelse)"
                               r"(?:et|en|n|er|r)?)(?![\wåäö-])"
                               r"(?:[ \t]+(?:om|för|kring|avseende|gällande)[ \t]+(?P<topic>[^.,;:()\n]{3,60}))?")

PARTIES_AFTER_RE = re.compile(r"[ \t](?:med|mellan)[ \t]")  # "avtal med regionen", "mellan Region X och …"

AGREEMENT_TRIGGER_RE = re.compile(r"(?i)avtal|överenskommelse")

PERIOD_RE = re.compile(r"(?P<a>(?:19|20)\d\d-\d\d-\d\d)[ \t]*(?:–|-|—|till|t\.o\.m\.?)[ \t]*(?P<b>(?:19|20)\d\d-\d\d-\d\d)")

SUM_RE = re.compile(r"(?i)(?:totalt|sammanlagt|totala?\s+kostnaden?[^.\d]{0,30}?)\s*(?:ca\.?\s+)?"
                    r"(?P<sum>\d[\d  ]*(?:,\d+)?\s*(?:kronor|kr|mkr|miljoner kronor|tkr))")

SHARE_VERB_RE = re.compile(r"\s(?:bekostar|står för|finansierar|betalar)\s+(?P<what>[^.\n]{2,120})")


def agreements(cx: DocContext) -> None:
    """An item that proposes or states an agreement (avtal, samverkansavtal, överenskommelse): its parties
    and what each pays (percent, kronor, posts)."""
    for it in cx.seg.items:
        body = cx.seg.masked[it.start:it.end]
        low = body.lower()
        if "avtal" not in low and "överenskommelse" not in low:
            continue
        m = AGREEMENT_RE.search(body)
        shares = []
        for vm in SHARE_VERB_RE.finditer(body):
            # the party: back to the start of the clause (a line, a bullet or a sentence), at most 80 characters
            a = max(body.rfind(ch, max(0, vm.start() - 80), vm.start()) for ch in ".\n•")
            a = max(a + 1, vm.start() - 80)
            shares.append((a, vm.start(), vm.end("what"), vm["what"]))
        if not m or not shares:
            continue
        kind = m["kind"].lower()
        topic = re.split(r"\s[–-]\s|\si\s|:", it.title)[0].strip()
        topic = re.sub(r"\s+(?:19|20)\d\d(?:[–-](?:19|20)\d\d)?$", "", topic)  # "… 2023–2025": the period
        if topic.lower().startswith(kind):  # "Samverkansavtal om Barnahus Halland" names itself
            name = topic[0].upper() + topic[1:]
        else:
            name = f"{kind.capitalize()} {topic}" if topic else kind.capitalize()
        ak = cx.mention(f"agreement:{it.label}", "Agreement", {"name": name},
                        it.start + m.start("kind"), it.start + m.end("kind"), "agreement")
        tm = re.search(r"(?i)(?:totala?|sammanlagda?)[^.]{0,60}?(?:uppgår till|är|om)\s+(?:ca\.?\s+)?"
                       r"(?P<sum>[\d  ]+(?:,\d+)?\s*(?:kronor|kr|mkr|miljoner kronor))", body)
        if tm:
            cx.by_key[ak].props["total"] = re.sub(r"\s+", " ", tm["sum"]).strip()
        # "samverkansavtal … mellan Region Halland och kommunerna Halmstad, Varberg …": every party named
        sharing = set()
        for a, b, e, what in shares:
            sharing.update(_parties_in(cx, it.start + a, it.start + b))
        for am in AGREEMENT_NOUN_RE.finditer(body):
            wm = PARTIES_AFTER_RE.search(body[am.end():am.end() + 120])
            if not wm:
                continue
            pa = it.start + am.end() + wm.end()
            ends = [x for x in (cx.seg.masked.find(ch, pa, it.end) for ch in ".\n") if x >= 0]
            pe = min(ends) if ends else it.end
            for pk in _parties_in(cx, pa, pe):
                if pk not in sharing:
                    sharing.add(pk)
                    cx.claim("PARTY_TO", pk, ak, it.start + am.start(), pe, "agreement-party", 0.9)
        pm = PERIOD_RE.search(body)
        if pm and not cx.by_key[ak].props.get("period"):
            cx.by_key[ak].props["period"] = f"{pm['a']}–{pm['b']}"
        for a, b, e, what in shares:
            pa, pb = it.start + a, it.start + b
            what = re.sub(r"\s+", " ", what).strip()
            share = re.search(r"\d+(?:,\d+)?\s?%", what)
            share_txt = share.group() if share else what[:60]
            for pk in _parties_in(cx, pa, pb):
                cx.claim("PARTY_TO", pk, ak, pa, it.start + e, "agreement-share", 0.9, share=share_txt)

    _agreements_in_prose(cx)


def _agreements_in_prose(cx: DocContext) -> None:
    """Agreements named in a sentence with a topic or with parties ('avtal om sociala jouren med
    regionen', 'samverkansavtalet mellan Region X och länets kommuner'), with the period and total the
    sentence gives. A bare 'enligt avtalet' with neither names no agreement."""
    text = cx.seg.masked
    # an item that states an agreement with its shares speaks of that one agreement throughout
    taken = [(it.start, it.end) for it in cx.seg.items
             if any(it.start <= m.evidence.start < it.end for m in cx.mentions_of("Agreement"))]
    named: dict[tuple[str, str], str] = {}  # (item, kind of agreement) -> the agreement named in it first
    for m in _agreement_nouns(text):
        noun = m["noun"].lower()
        if (noun.startswith(("avtals", "avtalad")) and noun != "avtalssamverkan") \
                or any(a <= m.start() < b for a, b in taken):
            continue
        a = max(text.rfind(ch, max(0, m.start() - 200), m.start()) for ch in ".\n•")
        a = max(a + 1, m.start() - 200)
        ends = [i for i in (text.find(ch, m.end(), m.end() + 300) for ch in ".\n") if i >= 0]
        b = min(ends) if ends else min(len(text), m.end() + 300)
        # the parties: named after "med" or "mellan" ("avtal med regionen", "mellan Region X och Y kommun")
        wm = PARTIES_AFTER_RE.search(text, m.end(), min(b, m.end() + 80))
        parties = []
        if wm:
            pa = wm.end()
            parties = _parties_in(cx, pa, b) + [body_ref(cx, sp.text, sp.start_char) for sp in cx.spans["BODY"]
                                                if pa <= sp.start_char < b and not cx.inside_person(sp.start_char)]
        if not parties:  # "Orsa, Mora och Älvdalen har en avtalssamverkan kring …": the municipalities before it
            parties = _parties_in(cx, a, m.start())
        parties = [p for p in dict.fromkeys(parties) if p]
        topic = (m["topic"] or "").strip()
        if re.fullmatch(r"[\d\s–-]+", topic):  # "överenskommelsen för 2019-2021": a period, not a topic
            topic = ""
        if noun.endswith(("överenskommelsen", "överenskommelser")):
            base = noun[:-1]
        elif noun.endswith(("avtalet", "avtalen")):
            base = noun[:-2]
        else:
            base = noun
        # a compound names its kind of agreement ("samverkansavtal"); a bare "avtal" needs a topic or parties
        compound = len(base) - len(re.sub(r"^[a-zåäö-]*?(avtal|avtalssamverkan|överenskommelse)$", r"\1", base)) >= 4
        if not topic and not parties and not compound:
            continue
        if noun.endswith("överenskommelser") and not topic:
            continue
        name = base.capitalize() + (f" om {topic}" if topic else "")
        it = next((i for i in cx.seg.items if i.start <= m.start() < i.end), None)
        definite = noun != base
        if definite and not topic and it and (it.label, base) in named:
            # "godkänner samverkansavtalet mellan …" under the heading "Samverkansavtal om …": that agreement
            ak = named[(it.label, base)]
        else:
            if not topic and parties:
                names = [cx.by_key[p].props.get("short") or cx.by_key[p].props.get("name") for p in parties]
                name += " med " + ", ".join(sorted(n for n in names if n))
            ak = cx.mention(f"agreement:{slug(name)}", "Agreement", {"name": name}, m.start(), m.end(),
                            "agreement-prose", 0.8)
            if it:
                named.setdefault((it.label, base), ak)
        pm = PERIOD_RE.search(text, a, b)
        if pm and not cx.by_key[ak].props.get("period"):
            cx.by_key[ak].props["period"] = f"{pm['a']}–{pm['b']}"
        sm = SUM_RE.search(text, a, b)
        if sm and not cx.by_key[ak].props.get("total"):
            cx.by_key[ak].props["total"] = re.sub(r"\s+", " ", sm["sum"]).strip()
        for p in parties:
            if cx.by_key[p].label in ("Body", "Municipality"):
                cx.claim("PARTY_TO", p, ak, a, b, "agreement-prose", 0.8)


def _agreement_nouns(text: str):
    """AGREEMENT_NOUN_RE matches, found from the literal words first (a pattern that starts with a letter
    class would be tried at every position of the text)."""
    last = -1
    for hit in AGREEMENT_TRIGGER_RE.finditer(text):
        a = hit.start()
        while a > 0 and (text[a - 1].isalpha() or text[a - 1] == "-"):
            a -= 1
        if a <= last:
            continue
        m = AGREEMENT_NOUN_RE.match(text, a)
        if m:
            last = m.end()
            yield m


def _parties_in(cx: DocContext, a: int, b: int) -> list[str]:
    out = []
    for sp in cx.spans["REGION"]:
        if a <= sp.start_char < b:
            k = region(cx, sp.start_char, sp.end_char, "agreement-party")
            if k:
                out.append(k)
    for sp in cx.spans["MUNI"]:
        if a <= sp.start_char < b and not cx.inside_person(sp.start_char):
            k = municipality(cx, sp.start_char, sp.end_char, "agreement-party")
            if k:
                out.append(k)
    return out

"""Agenda items in run-on text, where no item has a line of its own (a PDF transcript, a copied web page): the
longest run of numbered labels inside the text, or a contents list run into one line."""
from __future__ import annotations

import re

from ingest import lexicon
from ingest.segment.model import Item, Segmented


# An item's label inside running text: "§ 12", "KS § 12", "SON 108", "3." or "26" before a capital or a diary number.
INLINE_ITEM_RE = re.compile(r"(?<![\w§/.,:(-])(?P<prefix>(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}[ \t]?)?§|[A-ZÅÄÖ]{2,5})?[ \t]?"
                            r"(?P<num>\d{1,3})(?:(?P<dot>\.)[ \t]+|(?P<colon>:)[ \t]*|[ \t]+)"
                            r"(?=Dnr[ \t]|[A-ZÅÄÖ][a-zåäö]|[A-ZÅÄÖ]{2,5}[ \t]\d)")
INLINE_DNR_RE = re.compile(r"Dnr[ \t]+\S+(?:[ \t]+\d{4}/\S+|[ \t]+\S+/\d+)?[ \t]+")
INLINE_TITLE_END_RE = re.compile(r"\.{3}|…|[ \t]{3,}|\n")


def inline_items(seg: Segmented) -> None:
    """Items numbered inside run-on text: the longest run of at least three labels of one style with numbers that
    follow each other ("1. Val av justerare 2. Dagordning 3. …", "26 Dnr KS 2018/14 Information... 27 Dnr …");
    each item runs to the next label, its title to the first '...' or to 150 characters."""
    text = seg.masked
    chains: dict[tuple, list] = {}
    runs: list[list] = []
    best: list = []
    for m in INLINE_ITEM_RE.finditer(text):
        style = _inline_style(m)
        num = int(m["num"])
        chain = chains.pop((style, num), None)
        if chain is None:
            chain = []
            runs.append(chain)
        chain.append(m)
        chains[(style, num + 1)] = chain
        # a dotted run wins a tie: "1 … 2 …" at the starts of a transcript's pages are page numbers
        if len(chain) > len(best) or len(chain) == len(best) and m["dot"] and not best[0]["dot"]:
            best = chain
    # a list numbered from 1 after the last label of an agenda in another style is a list inside that last item
    # ("1:Mötet öppnas … 4: Regional strategi … Mer om innehållet: 1. Syftet … 5. Insatsområden")
    if best and best[0]["num"] == "1":
        before = [r for r in runs if len(r) >= 3 and r[-1].start() < best[0].start()
                  and _inline_style(r[0]) != _inline_style(best[0])]
        if before:
            best = max(before, key=len)
    # two points in a row open a memo's agenda ("Mötet öppnas … 2. Föregående möte … 3. Info …") when dotted and
    # numbered from its start
    if len(best) < 2 or len(best) == 2 and not (best[0]["dot"] and int(best[0]["num"]) <= 2):
        return
    seg.item_style = "inline"
    for k, m in enumerate(best):
        end = best[k + 1].start() if k + 1 < len(best) else len(text)
        ts = m.end()
        dnr = INLINE_DNR_RE.match(text, ts, end)
        if dnr:
            ts = dnr.end()
        raw = text[ts:min(end, ts + 150)]
        stop = INLINE_TITLE_END_RE.search(raw)
        title = (raw[:stop.start()] if stop else raw).rstrip(" \t,;:-–")
        prefix = (m["prefix"] or "").strip()
        label = f"{prefix} {m['num']}" if prefix else (f"{m['num']}." if m["dot"] or m["colon"] else m["num"])
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        seg.items.append(Item(m["num"], label, title, start, end, (start, m.end()), (ts, ts + len(title)),
                              title_inferred=not title))


TOC_RUN_RE = re.compile(r"\b(?:INNEHÅLL|Innehåll)(?i:sförteckning)?\b(?:[ \t]+(?i:innehållsförteckning|innehåll)\b)*"
                        r"[ \t:]*")
TOC_LEADER_RE = re.compile(r"[ \t]*(?:\.{3,}|…)[ \t]*\d{0,3}")
TOC_WORD_RE = re.compile(r"[^ \t\n]+")


def toc_items(seg: Segmented) -> None:
    """A contents list run into one line of a PDF transcript, its page numbers lost: "INNEHÅLLSFÖRTECKNING 33
    Delårsbokslut jan- april Förslag till direktiv … Övriga anmälningsärenden... 23". A title begins at a
    capitalised word after a word ending in a small letter, unless that word links on ("mellan Örebro läns …",
    "från Stråkgruppen"); a number before a title is its paragraph. At least three titles of at most 15 words,
    none with a sentence's end inside (else it is prose).
    Read from the text as written: masking blanks a line that ends in dot leaders and a page number."""
    text = seg.text
    m = TOC_RUN_RE.search(text)
    if not m:
        return
    stop = text.find("\n", m.end())
    stop = len(text) if stop < 0 else stop
    links = lexicon.words("title_links.txt")
    titles: list[list[re.Match]] = []
    words = list(TOC_WORD_RE.finditer(text, m.end(), stop))
    # a report's chapters ("1. INLEDNING... 2 1.1 Utredningsuppdrag... 3") are no agenda
    if any(re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", w.group()) for w in words):
        return
    cur: list[re.Match] = []
    page = False  # a page number follows an entry's dot leaders
    ends = 0
    for k, w in enumerate(words):
        word = w.group()
        prev = words[k - 1].group() if k else ""
        number = re.fullmatch(r"\d{1,3}", word) is not None
        if page and number:
            page = False
            continue
        page = False
        if re.fullmatch(r"\.{3,}|…", word):
            if cur:
                titles.append(cur)
            cur, page = [], True
            continue
        starts = (number and k + 1 < len(words) and words[k + 1].group()[:1].isupper()) \
            or (len(word) > 1 and word[0].isupper() and word[1].islower()
                and prev.rstrip(".…")[-1:].islower() and prev.lower() not in links
                and not re.fullmatch(r"\d{1,3}", prev))
        if starts and cur:
            titles.append(cur)
            cur = []
        cur.append(w)
        # prose is no contents list: a title is short and ends no sentence inside it
        if len(cur) > 15:
            return
        # … and has few sentences (a title may end in a full stop, "m.m." is no sentence's end)
        if re.search(r"[a-zåäö]{3}[.!?]$", word) and k + 1 < len(words) and words[k + 1].group()[:1].isupper():
            ends += 1
            if ends > 1:
                return
        if word.endswith(("...", "…")):
            titles.append(cur)
            cur, page = [], True
    if cur:
        titles.append(cur)
    if len(titles) < 3:
        return
    seg.item_style = "contents"
    for k, t in enumerate(titles, 1):
        num = t[0].group() if re.fullmatch(r"\d{1,3}", t[0].group()) else ""
        if num and len(t) == 1:
            continue
        body = t[1:] if num else t
        a, b = body[0].start(), body[-1].end()
        title = text[a:b].rstrip(".… ")
        head = t[0].start()
        seg.items.append(Item(num, num or f"punkt {k}", title, head, b, (head, b), (a, a + len(title))))


def _inline_style(m: re.Match) -> tuple[str, str]:
    return (m["prefix"] or "").replace(" ", ""), "." if m["dot"] else ":" if m["colon"] else ""

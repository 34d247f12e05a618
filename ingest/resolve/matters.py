"""Matters across documents: a matter referred from one body to another is the same matter as an item of the
receiving body that names the sender and speaks of the same thing, or, referred 'på dagens sammanträde',
the item of that day's meeting that shares most of its words."""
from __future__ import annotations

import re
from collections import defaultdict

from graph.model import NO_HINTS, Evidence, Warning_
from ingest.resolve.state import LINK_THRESHOLD, REVIEW_THRESHOLD, State, word_stems


def link_matters(st: State) -> None:
    """A matter referred from body A to body B is the same matter as an item at B that names A and
    speaks of the same thing (no shared case number is needed). Weaker candidates are listed for review."""
    G = st.G
    held_by: dict[str, str] = {}
    item_meeting: dict[str, str] = {}
    item_doc: dict[str, str] = {}
    refs = []
    for u, v, d in G.edges(data=True):
        t = d["type"]
        if t == "HELD":
            held_by[v] = u
        elif t == "HAS_ITEM":
            item_meeting[v] = u
        elif t == "MENTIONED_IN" and G.nodes[u]["label"] == "AgendaItem":
            item_doc.setdefault(u, v)
        elif t == "REFERRED_TO" and d.get("matter"):
            refs.append((u, v, d))
    items_of: dict[str, list[str]] = defaultdict(list)
    for item, meeting in item_meeting.items():
        if meeting in held_by:
            items_of[held_by[meeting]].append(item)
    spans = st.item_spans()
    item_stems: dict[str, set[str]] = {}
    windows: dict[tuple[str, str], list] = {}
    patterns: dict[str, re.Pattern | None] = {}
    done = set()
    for u, target, d in refs:
        matter = d["matter"]
        if (matter, target) in done or matter not in G or target not in items_of:
            continue
        done.add((matter, target))
        src_item = next((a for a, _, e in G.in_edges(matter, data=True) if e["type"] == "CONCERNS"), None)
        src_meeting = item_meeting.get(src_item)
        src_body = held_by.get(src_meeting)
        if not src_body:
            continue
        src_date = G.nodes[src_meeting].get("date")
        if src_body not in patterns:
            names = _body_names(G.nodes[src_body])
            patterns[src_body] = re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?!\w)"
            ) if names else None
        pattern = patterns[src_body]
        title_stems = word_stems(G.nodes[matter].get("title", ""))
        hints = st.matter_hints.get(matter, NO_HINTS)
        if hints.context and len(title_stems) < 3:
            # "Ärendet om översyn": the words of the sentence before it say what the matter is
            title_stems |= word_stems(hints.context)
        if hints.same_day:
            if _link_same_day(st, matter, target, src_item, src_date, title_stems, items_of, item_meeting,
                              item_doc, spans):
                continue
        if pattern is None or not title_stems:
            continue
        cands = []
        need = REVIEW_THRESHOLD * len(title_stems)
        for item in st.next_items(target, src_date, items_of, item_meeting):
            words = item_stems.get(item)
            if words is None:
                idoc = item_doc.get(item)
                span = spans.get(item)
                text = st.c.docs.get(idoc, {}).get("text", "") if idoc else ""
                # cheap test first: does the item's text hold enough of the matter's words at all?
                words = item_stems[item] = word_stems(text[span[0]:span[1]]) if text and span else set()
            if item == src_item or len(words & title_stems) < need:
                continue
            idoc = item_doc[item]
            wkey = (item, src_body)
            if wkey not in windows:
                windows[wkey] = _windows(st.c.docs[idoc]["text"], spans[item], pattern)
            best = _best_window(windows[wkey], title_stems)
            if best:
                mdate = G.nodes[item_meeting[item]].get("date")
                cands.append((best[0], item, best[1], best[2], idoc, mdate or "9999"))
        # the best wording wins; among equally good ones the next meeting after the referral
        cands.sort(key=lambda c: (-round(c[0], 1), c[5]))
        for k, (score, item, s, e, idoc, _) in enumerate(cands):
            if score >= LINK_THRESHOLD and k == 0:
                ev = Evidence(idoc, st.para(idoc, item), s, e, st.c.docs[idoc]["text"][s:e],
                              "matter-link", round(score, 2))
                st.add_edge(item, matter, "CONCERNS", ev, {"step": "uppföljning"})
            elif score >= REVIEW_THRESHOLD:
                st.warnings.append(Warning_(idoc, f"möjlig koppling till ärendet "
                                                    f"{G.nodes[matter].get('title')!r} (säkerhet {score:.2f}); "
                                                    f"granska och bekräfta", s, e, st.para(idoc, item)))



def _link_same_day(st: State, matter, target, src_item, src_date, stems, items_of, item_meeting, item_doc,
                   spans) -> bool:
    """'… bereds SVOM på dagens sammanträde': the item of the receiving body's meeting that day whose text
    shares most of the matter's words is where it went (it need not name the sender). Confidence 0.7."""
    if not src_date or not stems:
        return False
    best = None
    by_day = st.items_by_day.get(target)
    if by_day is None:  # the body's items by meeting date, once per body (a body may hold thousands)
        by_day = st.items_by_day[target] = defaultdict(list)
        for item in items_of.get(target, []):
            by_day[st.G.nodes[item_meeting[item]].get("date")].append(item)
    for item in by_day.get(src_date, []):
        if item == src_item or item not in spans:
            continue
        idoc = item_doc.get(item)
        text = st.c.docs.get(idoc, {}).get("text", "") if idoc else ""
        a, b = spans[item]
        shared = word_stems(text[a:b]) & stems
        score = len(shared) / len(stems)
        if score >= LINK_THRESHOLD and (best is None or score > best[0]):
            # the evidence: the passage of the item that holds most of the shared words
            words = sorted(shared, key=len, reverse=True)
            pat = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\w*")
            win = _best_window(_windows(text, (a, b), pat), stems)
            if win:
                best = (score, item, idoc, win[1], win[2])
    if not best:
        return False
    score, item, idoc, s, e = best
    ev = Evidence(idoc, st.para(idoc, item), s, e, st.c.docs[idoc]["text"][s:e], "matter-same-day",
                  round(0.7 * score, 2))
    st.add_edge(item, matter, "CONCERNS", ev, {"step": "uppföljning"})
    return True



def _body_names(node: dict) -> list[str]:
    names = [node.get("name", ""), node.get("short") or ""] + list(node.get("aliases") or [])
    return [n for n in names if n and len(n) >= 3]


def _windows(text: str, span: tuple[int, int], pattern: re.Pattern) -> list[tuple[set[str], int, int]]:
    """The passages of an item that name the source body: the line around each mention, at most 200 characters
    either side (lines, not sentences: abbreviations such as "ang." would cut a sentence in two)."""
    out = []
    for nm in pattern.finditer(text, span[0], span[1]):
        ls = max(text.rfind("\n", span[0], nm.start()) + 1, span[0])
        le = text.find("\n", nm.end(), span[1])
        le = span[1] if le < 0 else le
        a, b = max(ls, nm.start() - 200), min(le, nm.end() + 200)
        while a > ls and a < nm.start() and text[a - 1].isalnum():  # whole words only
            a += 1
        while b < le and b > nm.end() and text[b].isalnum():
            b -= 1
        window = text[a:b]
        out.append((word_stems(window), a + (len(window) - len(window.lstrip())), a + len(window.rstrip())))
    return out


def _best_window(windows: list, title: set[str]):
    """The window sharing most of the matter's words, as (score, start, end)."""
    best = None
    for stems, s, e in windows:
        score = len(stems & title) / len(title)
        if best is None or score > best[0]:
            best = (score, s, e)
    return best

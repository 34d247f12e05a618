"""Persons across documents: one person per full name and municipality (and per party when the mentions carry
different ones); 'M. Östlund' is the one full name with that initial and surname, or a warning."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

from graph.model import Warning_, slug
from ingest.resolve.state import State


def resolve_persons(st: State) -> None:
    full: dict[str, list] = defaultdict(list)
    initials = []
    for did, m in st.mentions("Person"):
        name = m.props["name"]
        if re.match(r"^[A-ZÅÄÖ]\.\s?", name):
            initials.append((did, m))
        else:
            full[name].append((did, m))
    for name, all_recs in full.items():
        for cid, recs in _same_name_groups(st, name, all_recs):
            _person_node(st, cid, name, recs)
    # "M. Östlund": the full name with that initial and surname, in the same document first, then anywhere
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in full:
        by_surname[n.split()[-1]].append(n)
    for did, m in initials:
        name = m.props["name"]
        ini = name[0]
        surname = re.sub(r"^[A-ZÅÄÖ]\.\s?", "", name)

        def matches(n: str) -> bool:
            parts = n.split()
            return n.endswith(" " + surname) and parts[0][0] == ini

        pool = by_surname.get(surname.split()[-1], [])
        same_doc = {n for n in pool if matches(n) and any(d == did for d, _ in full[n])}
        cands = same_doc or {n for n in pool if matches(n)}
        if len(cands) == 1:
            target = cands.pop()
            cids = st.person_ids.get(target, [])
            here = [c for c in cids if any(st.ids.get((d, x.key)) == c for d, x in full[target] if d == did)]
            if len(cids) != 1 and len(here) != 1:
                st.warnings.append(Warning_(did, f"{name} kunde inte lösas ({target} finns i flera kommuner); "
                                                   f"inget antogs", m.evidence.start, m.evidence.end,
                                              m.evidence.para))
                continue
            cid = cids[0] if len(cids) == 1 else here[0]
            st.ids[(did, m.key)] = cid
            node = st.G.nodes[cid]
            if name not in node["aliases"]:
                node["aliases"] = node["aliases"] + [name]
            st.merges.append(f"{cid}: {name} = {target} (initial och efternamn"
                               f"{' i samma dokument' if same_doc else ''})")
        else:
            why = "flera möjliga personer: " + ", ".join(sorted(cands)) if cands else "ingen person med det namnet"
            st.warnings.append(Warning_(did, f"{name} kunde inte lösas ({why}); inget antogs",
                                          m.evidence.start, m.evidence.end, m.evidence.para))



def _person_node(st: State, cid: str, name: str, recs: list) -> None:
    parties = Counter(m.props.get("party") for _, m in recs if m.props.get("party"))
    party = parties.most_common(1)[0][0] if parties else None
    pname = next((m.props.get("party_name") for _, m in recs if m.props.get("party") == party), None)
    if len(parties) > 1:
        st.warnings.append(Warning_(recs[0][0], f"{name} står med flera partier: "
                                                  f"{', '.join(parties)}; {party} används"))
    st.add_node(cid, "Person", {"name": name, "party": party, "party_name": pname, "aliases": []})
    for did, m in recs:
        st.ids[(did, m.key)] = cid
    st.person_ids.setdefault(name, []).append(cid)
    docs = sorted({d for d, _ in recs})
    if len(docs) > 1:
        st.merges.append(f"{cid}: {name} i {len(docs)} dokument (samma fullständiga namn"
                           f"{', samma kommun' if '@' in cid else ''})")



def _same_name_groups(st: State, name: str, recs: list) -> list[tuple[str, list]]:
    """One person per municipality: mentions of a name are one person unless they stand for different
    municipalities. A mention with no municipality joins the only group there is, or the one group whose
    party it shares; otherwise it stays a person of its own and a warning says so."""
    by_muni: dict[str, list] = defaultdict(list)
    loose = []
    for did, m in recs:
        code = _person_municipality(st, did, m.key)
        (by_muni[code] if code else loose).append((did, m))
    base = "person:" + slug(name)
    if len(by_muni) <= 1:
        return _split_by_party(st, name, base, recs)
    groups = {code: list(rs) for code, rs in sorted(by_muni.items())}
    rest = []
    for did, m in loose:
        party = m.props.get("party")
        fits = [c for c, rs in groups.items() if party and any(x.props.get("party") == party for _, x in rs)]
        if len(fits) == 1:
            groups[fits[0]].append((did, m))
        else:
            rest.append((did, m))
            st.warnings.append(Warning_(did, f"{name} finns i flera kommuner ({', '.join(groups)}); "
                                               f"det här omnämnandet kunde inte knytas till någon av dem",
                                          m.evidence.start, m.evidence.end, m.evidence.para))
    out = [(f"{base}@{code}", rs) for code, rs in groups.items()]
    if rest:
        out.append((base, rest))
    st.merges.append(f"{base}: {name} hålls isär som {len(groups)} personer (olika kommuner: "
                       f"{', '.join(groups)})")
    return out



def _split_by_party(st: State, name: str, base: str, recs: list) -> list[tuple[str, list]]:
    """Mentions of one name in one municipality (or none) that carry different parties are different people
    ("Daniel Danielsson (M)" and "Daniel Danielsson (KD)"); a mention without a party joins the group of the
    party its own document gives that name, or the largest group."""
    parties = {m.props.get("party") for _, m in recs if m.props.get("party")}
    if len(parties) <= 1:
        return [(base, recs)]
    groups: dict[str, list] = {p: [] for p in sorted(parties)}
    for did, m in recs:
        if m.props.get("party"):
            groups[m.props["party"]].append((did, m))
    for did, m in recs:
        if not m.props.get("party"):
            same_doc = [p for p, rs in groups.items() if any(d == did for d, _ in rs)]
            target = same_doc[0] if len(same_doc) == 1 else max(groups, key=lambda p: len(groups[p]))
            groups[target].append((did, m))
    st.merges.append(f"{base}: {name} hålls isär som {len(groups)} personer (olika partier: "
                       f"{', '.join(groups)})")
    return [(f"{base}~{slug(p)}", rs) for p, rs in groups.items()]



def _person_municipality(st: State, did: str, key: str) -> str | None:
    """The kommunkod a person stands for in a document (REPRESENTS a municipality), if exactly one."""
    x = st.c.extractions[did]
    cache = st.rep_cache.get(did)
    if cache is None:
        munis = {m.key: m.props.get("code") for m in x.mentions if m.label == "Municipality"}
        cache = defaultdict(set)
        for c in x.claims:
            if c.type == "REPRESENTS" and c.dst in munis and munis[c.dst]:
                cache[c.src].add(munis[c.dst])
        st.rep_cache[did] = cache
    codes = cache.get(key, set())
    return next(iter(codes)) if len(codes) == 1 else None

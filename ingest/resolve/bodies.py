"""Municipalities and bodies across documents: one body per name by union-find over spellings, genitives,
initials, abbreviations and owned organs; every merge says why where it is made."""
from __future__ import annotations

from collections import Counter, defaultdict

from rapidfuzz import fuzz

from graph.model import slug
from graph.text import genitive_forms
from ingest.resolve.state import State


class UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b, reason: str) -> None:
        """One set of a and b; reason says why for the reader of the call (nothing reads it back)."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra



def resolve_municipalities(st: State) -> None:
    for did, m in st.mentions("Municipality"):
        cid = f"municipality:{m.props['code']}"
        st.ids[(did, m.key)] = cid
        st.add_node(cid, "Municipality", m.props)



def resolve_bodies(st: State) -> None:
    uf = UnionFind()
    recs = [(did, m) for did, m in st.mentions("Body")]
    # an abbreviation used without definition counts only where another document defines it
    defined = {m.props["short"].lower() for _, m in recs if m.props.get("short") and not m.hints.candidate}
    recs = [(did, m) for did, m in recs if not m.hints.candidate or m.props["short"].lower() in defined]
    by_short: dict[str, tuple] = {}
    by_norm: dict[str, list] = defaultdict(list)
    for did, m in recs:
        node = (did, m.key)
        uf.find(node)
        norm = m.key.split(":", 1)[1]
        by_norm[norm].append(node)
        short = m.props.get("short")
        # an owned organ's abbreviation ('AU' of a nämnd's arbetsutskott) is its owner's: every owner has one
        if short and not m.hints.owner:
            key = short.lower()
            if key in by_short:
                uf.union(by_short[key], node, f"samma förkortning {short}")
            else:
                by_short[key] = node
    for norm, nodes in by_norm.items():
        for n in nodes[1:]:
            uf.union(nodes[0], n, "samma namn")
    # a bare abbreviation ('SVOM' in a referral) is the body that defines it
    for did, m in recs:
        name = m.props.get("name", "")
        if name.lower() in by_short:
            uf.union(by_short[name.lower()], (did, m.key), f"förkortningen {name}")
    # spellings: 'Fredaggruppen' / 'Fredagsgruppen'; 'Kommunförbundet Jämtland Härjedalens' (genitive);
    # 'Kommunförbundet J/H' (initials); a bare 'Kommunförbundet' when only one such body is known.
    norms = list(by_norm)
    # compare only names that begin alike (a spelling variant, a genitive and initials all keep the start):
    # pairwise over everything would grow with the square of the corpus
    blocks: dict[str, list[str]] = defaultdict(list)
    for n in norms:
        blocks[n[:4]].append(n)
    for block in blocks.values():
        for i, a in enumerate(block):
            qa = "@" in a
            for b in block[i + 1:]:
                if ("@" in b) != qa or (qa and a.split("@")[1] != b.split("@")[1]):
                    continue
                reason = _same_body(a.split("@")[0], b.split("@")[0])
                if reason:
                    uf.union(by_norm[a][0], by_norm[b][0], reason)
    # a region's generic organ ('Regionstyrelsen' in Region Västerbotten's minutes) is the one another
    # document names with the region ('Region Västerbottens regionstyrelse')
    for n in norms:
        if "@region-" in n and "#" not in n:
            base, region = n.split("@", 1)
            for named in (f"{region}s-{base}", f"{region}-{base}"):
                if named in by_norm:
                    uf.union(by_norm[named][0], by_norm[n][0], "regionens eget organ")
    by_first: dict[str, list[str]] = defaultdict(list)
    for n in norms:
        if "-" in n and "@" not in n and "#" not in n:
            by_first[n.split("-", 1)[0]].append(n)
    for stem in norms:
        if "-" in stem or "@" in stem or "#" in stem:
            continue
        longer = {uf.find(by_norm[n][0]) for n in by_first.get(stem, ())}
        if len(longer) == 1:
            uf.union(longer.pop(), by_norm[stem][0], "enda organet med det namnet")
    # an owned organ ('SocSam:s presidium', 'Sociala samrådsgruppens presidium') is one body per owner
    owned: dict = {}
    for did, m in recs:
        if m.hints.owner:
            k = (uf.find((did, m.hints.owner)), m.hints.organ)
            if k in owned:
                uf.union(owned[k], (did, m.key), "samma organ hos samma ägare")
            else:
                owned[k] = (did, m.key)
    groups: dict = defaultdict(list)
    for did, m in recs:
        groups[uf.find((did, m.key))].append((did, m))
    for _, members in groups.items():
        names = Counter(m.props["name"] for _, m in members)
        shorts = Counter(m.props["short"] for _, m in members if m.props.get("short"))
        short = shorts.most_common(1)[0][0] if shorts else None
        full = [n for n in names if not (short and n == short) and "/" not in n]
        # the name as a header or definition writes it, in its basic (not genitive) form
        def score(n):
            defined = sum(1 for _, m in members if m.props["name"] == n and m.evidence.rule in
                          ("abbreviation", "header", "manifest"))
            return (defined, not n.endswith("s") or n.endswith("ss"), n[:1].isupper(), names[n], len(n))
        name = max(full, key=score) if full else (short or members[0][1].props["name"])
        kinds = Counter(m.props.get("kind") for _, m in members if m.props.get("kind"))
        muni = next((m.props.get("municipality") for _, m in members if m.props.get("municipality")), None)
        region = next((m.hints.region for _, m in members if m.hints.region), None)
        base = slug(short or name)
        cid = f"body:{slug(st.G.nodes[f'municipality:{muni}']['name']) + '-' if muni and f'municipality:{muni}' in st.G else ''}{base}"
        if region and not muni and not base.startswith(region):  # 'body:region-uppsala-regionstyrelsen'
            cid = f"body:{region}-{base}"
        aliases = sorted({n for n in names if n != name} | ({short} if short and short != name else set()))
        st.add_node(cid, "Body", {"name": name, "short": short, "kind": kinds.most_common(1)[0][0]
                                    if kinds else "organ", "aliases": aliases, "municipality": muni,
                                    "founded": next((m.props["founded"] for _, m in members
                                                     if m.props.get("founded")), None)})
        for did, m in members:
            st.ids[(did, m.key)] = cid
        if len(names) > 1:
            st.merges.append(f"{cid}: {', '.join(sorted(names))}")
    # an owned organ is also known by every name of its owner: 'Sociala samrådsgruppens presidium' and
    # 'SocSam:s presidium' are one body and either name finds it
    for did, m in recs:
        if not m.hints.owner:
            continue
        cid, owner = st.ids.get((did, m.key)), st.ids.get((did, m.hints.owner))
        if not cid or not owner or owner not in st.G:
            continue
        o = st.G.nodes[owner]
        organ = m.hints.organ
        forms = {g + " " + organ for n in [o.get("name"), o.get("short"), *(o.get("aliases") or [])] if n
                 for g in genitive_forms(n)}
        node = st.G.nodes[cid]
        node["aliases"] = sorted((set(node.get("aliases") or []) | forms) - {node.get("name")})



def _same_body(a: str, b: str) -> str | None:
    """Two normalised names that are one body: a spelling variant, a genitive, or initials."""
    if "#" in a or "#" in b:  # an owned organ is matched through its owner, never by its name
        return None
    if a.rstrip("s") == b or b.rstrip("s") == a:
        return "genitiv"
    # "Länsberedningen för välfärd i Gävleborg" / "Länsberedningen för välfärd": the same name with its place
    short_, long_ = (a, b) if len(a) < len(b) else (b, a)
    if long_.startswith(short_ + "-i-") and long_[len(short_) + 3:].count("-") <= 1 and "-" in short_:
        return "samma namn med ort"
    pa, pb = a.split("-"), b.split("-")
    if pa[0] == pb[0] and len(pa) == len(pb) and all(len(x) == 1 for x in pa[1:]) != all(len(x) == 1 for x in pb[1:]):
        short, long_ = (pa, pb) if all(len(x) == 1 for x in pa[1:]) else (pb, pa)
        if [x[0] for x in long_[1:]] == short[1:]:
            return "initialer"
    if pa[-1] == pb[-1] or len(pa) == len(pb) == 1:
        ratio = fuzz.ratio(a, b) if len(a) >= 8 else 0
        if ratio >= 92:
            return f"stavningsvariant ({ratio:.0f} %)"
    return None

"""Who exists: the municipalities and counties of the corpus (data/reference/kommuner.csv), their bodies and
each body's stable roster (members with party, ersättare, tjänstepersoner, a secretary)."""
from __future__ import annotations

import csv
import math
import random
from collections import Counter

from .words import (FIRST_NAMES, KOMMUNER, LETTERS, PARTIES, PARTY_WEIGHTS, REGIONS, ROOMS, SEATS, SOCIAL_NAMES,
                    SPECIAL_GROUPS, SURNAMES, muni_org, slug)


class Person:
    __slots__ = ("name", "party", "title", "org", "home_body")

    def __init__(self, name: str, party: str | None, title: str | None, org: str | None):
        self.name, self.party, self.title, self.org = name, party, title, org
        self.home_body = None  # the body a county group's member chairs at home

    def np(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name


class Body:
    __slots__ = ("kind", "name", "org", "muni", "county", "layout", "slug", "members", "subs", "officials",
                 "secretary", "dnr", "prefix", "per_year", "weekday", "place", "para", "para_year", "dnr_n",
                 "pending", "short", "group", "meetings", "au_of", "proposals")

    def __init__(self, kind, name, org, muni, county, layout, dnr, prefix=""):
        self.kind, self.name, self.org, self.muni, self.county = kind, name, org, muni, county
        self.layout, self.dnr, self.prefix = layout, dnr, prefix
        base = name.split(" (")[0]
        if muni:
            self.slug = f"{muni['slug']}-{slug(base)}"
        else:
            self.slug = slug(base if county["short"].lower() in base.lower() else f"{county['short']}-{base}")
        self.members: list[tuple[Person, str]] = []  # (person, role in the body), chair first
        self.subs: list[Person] = []
        self.officials: list[Person] = []
        self.secretary: Person | None = None
        self.per_year, self.weekday, self.place = 10, 1, ""
        self.para, self.para_year, self.dnr_n = 0, 0, {}
        self.pending: list[dict] = []  # referrals sent to this body and not yet taken up
        self.short = name  # how decisions name the body ("Socialnämnden", "Arbetsutskottet")
        self.group = None  # for a social nämnd: the county group it refers matters to
        self.meetings = 0
        self.au_of = None
        self.proposals: list[dict] = []  # items its arbetsutskott prepared for it

class Country:
    """The national structure for a corpus of mb MB: counties, municipalities, bodies and persons, drawn from rng."""

    def __init__(self, mb: float, rng: random.Random):
        self.rng = rng
        self.mb = mb
        self.used_names: set[str] = set()
        self.persons = 0
        self._load_geography()
        self._build()

    def _load_geography(self) -> None:
        with open(KOMMUNER, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        with open(REGIONS, encoding="utf-8", newline="") as f:
            regions = {r["lanskod"]: r["name"] for r in csv.DictReader(f)}
        self.muni_names = {r["kommun"] for r in rows}
        self.home = {muni_org(r["kommun"]): r["kommun"] for r in rows}  # "Jönköpings kommun" -> "Jönköping"
        counties: dict[str, dict] = {}
        for r in rows:
            c = counties.setdefault(r["lanskod"], {"code": r["lanskod"], "lan": r["lan"], "munis": [],
                                                   "region": regions.get(r["lanskod"], "Region " + r["lan"])})
            c["munis"].append({"code": r["kommunkod"], "name": r["kommun"], "county": c, "slug": slug(r["kommun"])})
        for c in counties.values():
            stem = c["lan"][: -len(" län")]
            tail = c["region"][len("Region "):] if c["region"].startswith("Region ") else ""
            # a one-word region name or a municipality name: the rules keep it in "… i <place>"
            seat = stem if stem in self.muni_names else stem[:-1] if stem[:-1] in self.muni_names else None
            c["place"] = tail if tail and " " not in tail else seat
            c["short"] = c["place"] or stem
            c["seat"] = SEATS.get(c["code"]) or seat or c["munis"][0]["name"]
        self.counties = list(counties.values())
        # Habo and Håbo: the same letters in a file name, so such names get their code
        seen = Counter(m["slug"] for c in self.counties for m in c["munis"])
        for c in self.counties:
            for m in c["munis"]:
                if seen[m["slug"]] > 1:
                    m["slug"] += "-" + m["code"]
        # surnames that are also municipality names would be read as places
        self.surnames = [s for s in SURNAMES if s not in self.muni_names]

    def _choose(self) -> list[dict]:
        """Municipalities for the size: a few of one county for a small corpus, all 290 for hundreds of MB."""
        n_munis = max(3, min(290, round(self.mb + 2)))
        n_counties = max(1, min(len(self.counties), math.ceil(self.mb / 1.5)))  # a county per 1.5 MB
        start = self.rng.randrange(len(self.counties))
        order = self.counties[start:] + self.counties[:start]
        chosen_counties = order[:n_counties]
        while sum(len(c["munis"]) for c in chosen_counties) < n_munis:
            chosen_counties = order[:len(chosen_counties) + 1]
        chosen_counties.sort(key=lambda c: c["code"])  # kommuner.csv order
        # round robin over the chosen counties, each in kommuner.csv order
        picked: list[dict] = []
        queues = [list(c["munis"]) for c in chosen_counties]
        while len(picked) < n_munis:
            for q in queues:
                if q and len(picked) < n_munis:
                    picked.append(q.pop(0))
        codes = {m["code"] for m in picked}
        self.county_list = chosen_counties
        return [m for c in chosen_counties for m in c["munis"] if m["code"] in codes]

    def person(self, title: str | None = None, org: str | None = None, politician: bool = True) -> Person:
        """A new person with a name not used before in the corpus (a politician gets a party)."""
        rng = self.rng
        for k in range(200):
            first = rng.choice(FIRST_NAMES)
            last = rng.choice(self.surnames)
            if k > 20 or rng.random() < 0.06:  # a double surname now and then, and when the plain ones run out
                last = f"{rng.choice(self.surnames)} {last}"
            name = f"{first} {last}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        self.persons += 1
        party = rng.choices(PARTIES, PARTY_WEIGHTS)[0] if politician else None
        return Person(name, party, title, org)

    def roster(self, body: Body, n: int, n_subs: int, org: str | None) -> None:
        """n members (the presidium first) and n_subs ersättare, all new persons."""
        chairs = ("ordförande", "1:e vice ordförande", "2:e vice ordförande")
        for j in range(n):
            body.members.append((self.person(org=org), chairs[j] if j < len(chairs) else "ledamot"))
        body.subs = [self.person(org=org) for _ in range(n_subs)]

    def _build(self) -> None:
        rng = self.rng
        self.munis = self._choose()
        self.bodies: list[Body] = []
        for c in self.county_list:
            c["chosen"] = [m for m in self.munis if m["county"] is c]
        for m in self.munis:
            c = m["county"]
            org = muni_org(m['name'])
            layout = rng.choice(["classic", "classic", "classic_i"])
            ks = Body("ks", "Kommunstyrelsen", org, m, c, layout, "KS")
            self.roster(ks, 13, 6, org)
            ks.officials = [self.person(title="kommundirektör", org=org, politician=False),
                            self.person(title="ekonomichef", org=org, politician=False),
                            self.person(title="kanslichef", org=org, politician=False)]
            ks.secretary = self.person(title="nämndsekreterare", org=org, politician=False)
            ks.weekday, ks.per_year, ks.place = 1, 9, f"Stadshuset, {rng.choice(ROOMS)}"
            social_name = rng.choice(SOCIAL_NAMES)
            sn = Body("sn", social_name, org, m, c, layout, "SN" if social_name == "Socialnämnden" else
                      "".join(w[0] for w in social_name.replace("-", " ").split() if w != "och").upper() + "N")
            self.roster(sn, 11, 5, org)
            sn.officials = [self.person(title="socialchef", org=org, politician=False),
                            self.person(title="ekonomichef", org=org, politician=False),
                            self.person(title=rng.choice(["IFO-chef", "verksamhetschef", "enhetschef"]), org=org,
                                        politician=False)]
            sn.secretary = self.person(title="nämndsekreterare", org=org, politician=False)
            sn.weekday, sn.per_year, sn.place = rng.choice([2, 3]), 10, f"{rng.choice(ROOMS)}, {m['name']}"
            m["bodies"] = [ks, sn]
            m["ks"], m["social"] = ks, sn
            if rng.random() < 0.55:
                von = Body("von", "Vård- och omsorgsnämnden", org, m, c, layout, "VON")
                self.roster(von, 11, 5, org)
                von.officials = [self.person(title="förvaltningschef", org=org, politician=False),
                                 self.person(title="medicinskt ansvarig sjuksköterska", org=org, politician=False)]
                von.secretary = self.person(title="nämndsekreterare", org=org, politician=False)
                von.weekday, von.per_year, von.place = 3, 9, f"{rng.choice(ROOMS)}, {m['name']}"
                m["bodies"].append(von)
            # an arbetsutskott: of the kommunstyrelse or of the social nämnd; members taken from its parent
            parent = ks if rng.random() < 0.5 else sn
            # ("Kommunstyrelsens arbetsutskott" is the kommunstyrelse's own organ, one per municipality; the social
            # nämnd's utskott has a name of its own)
            if parent is ks:
                au_name, prefix, short = "Kommunstyrelsens arbetsutskott", "KSAU", "Arbetsutskottet"
            else:
                au_name, prefix = rng.choice([("Individutskottet", "IU"), ("Sociala utskottet", "SU")])
                short = au_name
            au = Body("au", au_name, org, m, c, "au", parent.dnr, prefix=prefix)
            au.members = [(p, ("ordförande", "vice ordförande")[j] if j < 2 else "ledamot")
                          for j, (p, _) in enumerate(parent.members[:5])]
            au.subs = parent.subs[:2]
            au.officials = parent.officials[:1]
            au.secretary = parent.secretary
            au.short, au.au_of = short, parent
            au.weekday, au.per_year, au.place = 1, 10, parent.place
            m["bodies"].insert(0 if parent is ks else 2, au)
            self.bodies += m["bodies"]
        for c in self.county_list:
            self._county_bodies(c)
        assert len({b.slug for b in self.bodies}) == len(self.bodies), "two bodies would share file names"

    def _county_bodies(self, c: dict) -> None:
        rng = self.rng
        region = c["region"]
        diary = "R" + LETTERS.get(c["code"], c["code"])
        place = c["place"]
        if c["code"] in SPECIAL_GROUPS:
            gname, bname, nname = SPECIAL_GROUPS[c["code"]]
        else:
            gname = rng.choice(["Samrådsgruppen för social välfärd", "Samverkansgruppen för socialtjänst"])
            gname += f" i {place}"
            bname = f"Länsberedningen för social välfärd i {place}"
            nname = f"Länsnätverket för socialchefer i {place}"
        # the region is written into the names ("Regionstyrelsen Uppsala"); a bare "Regionstyrelsen" under a
        # "Region X" head is read as that region's too, but the corpus keeps these names so that the same seed
        # still gives the same bytes
        tail = region[len("Region "):] if region.startswith("Region ") else "Västra Götaland"
        rs = Body("rs", f"Regionstyrelsen {tail}", region, None, c, "regional", diary)
        self.roster(rs, 15, 5, region)
        rs.officials = [self.person(title="regiondirektör", org=region, politician=False)]
        rs.secretary = self.person(title="nämndsekreterare", org=region, politician=False)
        # decisions name a county body in full: a bare "Regionstyrelsen" or "Samrådsgruppen" is not read as the
        # document's own body when its name ends in a place, and would become one body for all counties
        rs.weekday, rs.per_year, rs.place = 1, 9, f"Regionens hus, {c['seat']}"
        hsn_name = f"Nämnden för hälso- och sjukvård i {place}" if place else \
            {"23": "Hälso- och sjukvårdsnämnden"}.get(c["code"], "Hälso- och sjukvårdsstyrelsen")
        hsn = Body("hsn", hsn_name, region, None, c, "regional", diary)
        self.roster(hsn, 13, 5, region)
        hsn.officials = [self.person(title="hälso- och sjukvårdsdirektör", org=region, politician=False)]
        hsn.secretary = self.person(title="nämndsekreterare", org=region, politician=False)
        hsn.short, hsn.weekday, hsn.per_year, hsn.place = "Nämnden", 2, 9, f"Regionens hus, {c['seat']}"
        # the group: the social nämnder's chairs; municipalities outside the corpus send a person of their own
        group = Body("group", gname, region, None, c, rng.choice(["socsam", "regional"]), diary)
        group.short = gname.split(" (")[0]
        for m in c["munis"][:12]:
            if "social" in m:
                p, _ = m["social"].members[0]
                group.members.append((p, "ledamot"))
                p.home_body = m["social"].name
            elif len(group.members) < 8:
                group.members.append((self.person(org=muni_org(m['name'])), "ledamot"))
        group.members.append((hsn.members[0][0], "ledamot"))
        hsn.members[0][0].home_body = hsn.name
        chair = rng.randrange(len(group.members))
        group.members.insert(0, (group.members.pop(chair)[0], "ordförande"))
        if len(group.members) > 1:
            group.members[1] = (group.members[1][0], "vice ordförande")
        group.subs = [self.person(org=region) for _ in range(2)]
        group.officials = [m["social"].officials[0] for m in c["munis"] if "social" in m][:6]
        group.secretary = self.person(title=rng.choice(["utvecklingsledare", "regional samordnare", "FoU-ledare"]),
                                      org=region, politician=False)
        group.weekday, group.per_year = 4, 7
        group.place = rng.choice(["Digitalt via Teams", f"Regionens hus, {c['seat']}"])
        ber = Body("beredning", bname, region, None, c, "regional", diary)
        for k, m in enumerate(c["chosen"][:8]):  # vice chairs of kommunstyrelser and social nämnder
            ber.members.append(((m["ks"] if k % 2 else m["social"]).members[1][0], "ledamot"))
        while len(ber.members) < 5:
            ber.members.append((self.person(org=region), "ledamot"))
        ber.members += [(hsn.members[1][0], "ledamot"), (rs.members[2][0], "ledamot")]
        ber.members[0] = (ber.members[0][0], "ordförande")
        ber.members[1] = (ber.members[1][0], "vice ordförande")
        ber.officials = [hsn.officials[0]] + group.officials[:2]
        ber.secretary = self.person(title="nämndsekreterare", org=region, politician=False)
        ber.weekday, ber.per_year, ber.place = 4, 5, f"Regionens hus, {c['seat']}"
        net = Body("network", nname, region, None, c, "notes", "")
        net.short = "Nätverket"
        net.officials = [m["social"].officials[0] for m in c["chosen"]][:10]
        for m in c["munis"][:10]:
            if len(net.officials) >= 6:
                break
            if "social" not in m:
                net.officials.append(self.person(title="socialchef", org=muni_org(m['name']), politician=False))
        net.secretary = group.secretary
        net.weekday, net.per_year, net.place = 3, 8, "Teams"
        shared: dict = {}  # one diary for the region's bodies: a number is never given twice
        for b in (rs, hsn, group, ber):
            b.dnr_n = shared
        c["group"], c["hsn"], c["rs"], c["network"], c["beredning"] = group, hsn, rs, net, ber
        for m in c["chosen"]:
            m["social"].group = group
        self.bodies += [rs, hsn, group, ber, net]

    def years(self) -> list[int]:
        """Enough years for the size, ending in 2024 (earlier start for larger corpora)."""
        per_year = sum(b.per_year for b in self.bodies) * 7200 / 1e6  # MB a year, about 7.2 kB a document
        start = max(1990, 2025 - max(2, math.ceil(self.mb / per_year)))
        return list(range(start, 2100))

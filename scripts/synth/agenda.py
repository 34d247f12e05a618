"""What happens at the meetings: each meeting's items (diary numbers, prose, decisions, assignments), matters
one body refers to another and their take-up, and the items where county bodies state how they hang together."""
from __future__ import annotations

import datetime as dt
import random

from .country import Body
from .words import (FRAMES, GROUP_ITEMS, KS_ITEMS, MONTHS, NETWORK_POINTS, PROSE_FIELDS, REFERRAL_PURPOSE,
                    REGION_ITEMS, SOCIAL_ITEMS, TOPICS)


class Agenda:
    """Meeting items, drawn from rng; referrals lists every matter sent from one body to another."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.referrals: list[dict] = []

    def prose(self, n: int, topic: str, year: int) -> str:
        """n sentences of filler; numbers from rng.random() (randint is several times slower)."""
        rnd = self.rng.random
        out = []
        for s, fields in self.rng.sample(PROSE_FIELDS, n):
            if not fields:
                out.append(s)
                continue
            v = {"year": year, "topic": topic}
            if "pct" in fields:
                v["pct"] = 2 + int(rnd() * 39)
            if "pct2" in fields:
                v["pct2"] = 2 + int(rnd() * 39)
            if "n" in fields:
                v["n"] = 3 + int(rnd() * 88)
            if "month" in fields:
                v["month"] = MONTHS[int(rnd() * 12)]
            if "sum" in fields:
                v["sum"] = (f"{1 + int(rnd() * 95)} {int(rnd() * 1000):03d} {int(rnd() * 1000):03d}" if rnd() < 0.3
                            else f"{120 + int(rnd() * 871)} 000")
            out.append(s.format_map(v))
        return " ".join(out)

    def dnr(self, b: Body, year: int) -> str:
        """The body's next diary number in a year, 'SN 2023/88' (numbers rise, with gaps)."""
        n = b.dnr_n.get(year, self.rng.randint(10, 60)) + self.rng.randint(1, 9)
        b.dnr_n[year] = n
        return f"{b.dnr} {year}/{n}"

    def topic_title(self, avoid: set[str]) -> tuple[str, str]:
        """A matter's title and topic, not one of the titles in avoid (those still open at the receiver)."""
        rng = self.rng
        for _ in range(30):
            topic = rng.choice(TOPICS)
            title = f"{rng.choice(FRAMES)} {topic}"
            if title not in avoid:
                return title, topic
        return title, topic

    def items(self, b: Body, d: dt.date) -> list[dict]:
        """The agenda of one meeting: each item a dict with title, dnr, presenter, text, decisions, referral."""
        rng = self.rng
        year = d.year
        month = MONTHS[(d.month - 2) % 12]
        out: list[dict] = []
        taken = []
        # matters sent here earlier are taken up first (a week at least after they were sent)
        for r in list(b.pending):
            waited = (d - r["from_date_obj"]).days
            if waited >= 7 and (rng.random() < 0.85 or waited > 90):
                b.pending.remove(r)
                taken.append(r)
        n = {"sn": (6, 14), "von": (5, 12), "ks": (6, 16), "au": (4, 10), "network": (5, 9)}.get(b.kind, (5, 10))
        n = rng.randint(*n)
        if b.kind in ("ks", "sn", "von") and rng.random() < 0.08:  # a long meeting now and then (budget, year end)
            n += 6
        if b.kind != "network":
            out.append({"title": "Val av justerare", "decisions": [], "justerare": True})
        for r in taken:
            out.append(self._take_up(b, r, d))
        # what the arbetsutskott prepared comes to the nämnd with the same title and diary number
        while b.proposals:
            out.append(b.proposals.pop(0))
        pool = {"sn": SOCIAL_ITEMS, "von": SOCIAL_ITEMS, "ks": KS_ITEMS, "au": KS_ITEMS if b.au_of and
                b.au_of.kind == "ks" else SOCIAL_ITEMS, "rs": REGION_ITEMS, "hsn": REGION_ITEMS,
                "group": GROUP_ITEMS, "beredning": GROUP_ITEMS, "network": NETWORK_POINTS}[b.kind]
        # structure stated in text: once a year the county bodies describe how they work
        if b.kind in ("group", "network", "beredning") and b.meetings % b.per_year == 0:
            out.append(self._structure_item(b, year))
        # a social nämnd (rarely its arbetsutskott) sends a matter to the county group; always at its first meeting
        social = b.muni["social"] if b.muni else None
        if social and social.group and (b is social or b.au_of is social) and \
                (rng.random() < (0.22 if b is social else 0.05) or (b is social and b.meetings == 0)):
            out.append(self._referral_item(b, d))
        choices = rng.sample(pool, len(pool))
        while len(out) < n and choices:
            topic = rng.choice(TOPICS)
            if b.kind == "network":
                out.append(self._network_point(b, choices.pop().format(year=year, topic=topic), topic, year))
                continue
            template, inf, pas = choices.pop()
            q = (MONTHS.index(month) // 3) + 1
            title = template.format(year=year, next=year + 1, month=month, topic=topic, q=q)
            inf, pas = inf.format(year=year), pas.format(year=year)
            it = {"title": title, "dnr": None, "decisions": [(inf, pas)], "underlag": []}
            if b.dnr and rng.random() < 0.8:
                it["dnr"] = self.dnr(b.au_of or b, year)
            if rng.random() < 0.5 and b.officials:
                it["presenter"] = rng.choice(b.officials)
            it["text"] = self.prose(rng.randint(4, 10), topic, year)
            if rng.random() < 0.45:
                it["assessment"] = self.prose(rng.randint(2, 6), topic, year)
            if rng.random() < 0.25 and b.officials:
                # to the body's first official, who is always present; by title where the body has one such
                who = b.officials[0] if b.muni else rng.choice(b.officials)
                due = dt.date(year + (d.month > 8), rng.choice([3, 4, 5, 6, 9, 10, 11, 12]), rng.choice([15, 30]))
                task = f"ta fram en handlingsplan för {topic} senast {due.isoformat()}"
                to = f"{who.title}en" if b.muni else f"{who.title} {who.name}"
                it["decisions"].append((f"uppdra åt {to} att {task}", f"{b.short} uppdrar åt {to} att {task}."))
            if b.kind == "ks" and rng.random() < 0.2:
                it["decisions"].append(("överlämna ärendet till kommunfullmäktige för beslut",
                                        "Ärendet överlämnas till kommunfullmäktige för beslut."))
            # only items about a topic: "Riktlinjer för ekonomiskt bistånd" prepared every month would leave the
            # rules several equally good items to choose between
            if b.kind == "au" and "{topic}" in template and rng.random() < 0.5:
                # "föreslår socialnämnden besluta att …": the nämnd decides at its next meeting
                parent = b.au_of
                it["decisions"] = [(f"föreslå {parent.name.lower()} besluta att {inf}",
                                    f"{b.short} föreslår {parent.name.lower()} besluta att {inf}.")]
                if it["dnr"]:
                    parent.proposals.append({"title": title, "dnr": it["dnr"], "decisions": [(inf, pas)],
                                             "underlag": [f"Protokollsutdrag från {b.name} {d.isoformat()}"],
                                             "text": f"{b.name} har den {d.day} {MONTHS[d.month - 1]} berett "
                                                     f"ärendet om {title[0].lower() + title[1:]}. "
                                                     + self.prose(rng.randint(2, 4), topic, year)})
            if rng.random() < 0.5:
                it["underlag"] = [f"Tjänsteskrivelse {(d - dt.timedelta(days=rng.randint(7, 30))).isoformat()}"]
            out.append(it)
        out.append({"title": "Övriga frågor", "decisions": [], "text": rng.choice(
            ["Inga övriga frågor anmäls.", "Inga övriga frågor lyfts.",
             "Ordföranden informerar om kommande utbildningsdag för förtroendevalda." if b.kind != "network"
             else "Deltagarna delger varandra aktuella frågor från kommunerna."])})
        return out

    def _referral_item(self, b: Body, d: dt.date) -> dict:
        """An item referring a matter to the county group ("Ärendet överlämnas till … för ställningstagande")."""
        rng = self.rng
        group = b.muni["social"].group
        title, topic = self.topic_title({r["title"] for r in group.pending})
        social = b.muni["social"]
        it = {"title": title, "dnr": self.dnr(b.au_of or b, d.year), "decisions": [],
              "underlag": [f"Tjänsteskrivelse {(d - dt.timedelta(days=rng.randint(7, 30))).isoformat()}"],
              "presenter": social.officials[0]}
        it["text"] = (f"Frågan om {title[0].lower() + title[1:]} berör flera kommuner i länet. "
                      + self.prose(rng.randint(3, 6), topic, d.year)
                      + f" {social.officials[0].title.capitalize()}en bedömer att frågan bör behandlas gemensamt "
                        "i länet.")
        to = group.name.split(" (")[0]
        purpose = rng.choice(REFERRAL_PURPOSE)
        it["decisions"] = [("ställa sig bakom förvaltningens bedömning", "Förvaltningens bedömning godkänns."),
                           (f"överlämna ärendet till {to} {purpose}", f"Ärendet överlämnas till {to} {purpose}.")]
        it["referral"] = self._refer(b.name, b.org, b.slug, d, title, topic, it["dnr"], group, "nämnd-grupp")
        return it

    def _refer(self, name, org, from_slug, d, title, topic, dnr, to: Body, step: str) -> dict:
        """Record a referral (info["referrals"]) and queue it at the receiving body."""
        ref = {"from_body": name, "from_org": org, "from_slug": from_slug, "from_date": d.isoformat(),
               "from_date_obj": d, "from_para": None, "title": title, "topic": topic, "dnr": dnr,
               "to_body": to.name.split(" (")[0], "to_slug": to.slug, "to_date": None, "to_para": None,
               "step": step}
        self.referrals.append(ref)
        to.pending.append(ref)
        return ref

    def _take_up(self, b: Body, r: dict, d: dt.date) -> dict:
        """The item at which a body takes up a matter sent to it: the same title words and the sender named."""
        rng = self.rng
        title = r["title"]
        low = title[0].lower() + title[1:]
        sent = r["from_date_obj"]
        para = f", § {r['from_para']}" if rng.random() < 0.7 else ""
        # the sender's number as "ärende SN 2023/62", not "dnr …": the rules would take a "dnr" here for the
        # item's own number, and the same number in another municipality would then join unrelated items
        dnr = f" (ärende {r['dnr']})" if r.get("dnr") and rng.random() < 0.5 else ""
        sender = r["from_body"] + (f" i {r['from_org']}" if r["from_org"] else "")
        chain = b.kind == "group" and rng.random() < 0.25
        # the heading may name the sender, but not when the matter goes on: its title must stay the matter's
        it = {"title": title if chain or rng.random() < 0.6 else f"{title} – från {sender}", "dnr": None,
              "decisions": [], "underlag": [f"Protokollsutdrag från {sender} {r['from_date']}{para}"]}
        # the recipient is not named here: "till samrådsgruppen" would be read as a body of its own
        it["text"] = (f"{sender} har den {sent.day} {MONTHS[sent.month - 1]} {sent.year}{para}{dnr} överlämnat "
                      f"frågan om {low} för gemensamt ställningstagande. "
                      + self.prose(rng.randint(3, 7), r["topic"], d.year))
        if chain:
            hsn = b.county["hsn"]
            it["decisions"].append(("ställa sig bakom förslaget", f"{b.short} ställer sig bakom förslaget."))
            it["decisions"].append((f"överlämna ärendet till {hsn.name} för beslut",
                                    f"Ärendet överlämnas till {hsn.name} för beslut."))
            it["referral"] = self._refer(b.name.split(" (")[0], "", b.slug, d, title, r["topic"], None, hsn,
                                         "grupp-region")
        else:
            inf, pas = rng.choice([
                ("ställa sig bakom förslaget och rekommendera kommunerna att tillämpa det",
                 f"{b.short} ställer sig bakom förslaget och rekommenderar kommunerna att tillämpa det."),
                ("tacka för informationen och återkomma i frågan", f"{b.short} tackar för informationen."),
                ("godkänna förslaget", f"{b.short} godkänner förslaget.")])
            it["decisions"].append((inf, pas))
        it["took_up"] = r
        return it

    def _structure_item(self, b: Body, year: int) -> dict:
        """'X rapporterar till Y', 'X bereder ärenden åt Y': how the county bodies hang together."""
        c = b.county
        g, net, ber = c["group"].name.split(" (")[0], c["network"].name, c["beredning"].name
        if b.kind == "group":
            # (not "… och till kommunstyrelserna": the plural is read as a body of its own)
            text = (f"{g} rapporterar till {c['rs'].name}. "
                    f"{net} bereder ärenden åt {g}. " + self.prose(2, "samverkan i länet", year))
        elif b.kind == "network":
            text = f"{net} rapporterar till {g}. " + self.prose(2, "samverkan i länet", year)
        else:
            text = f"{ber} bereder ärenden åt {g}. " + self.prose(2, "samverkan i länet", year)
        return {"title": f"Arbetsformer och uppdrag {year}", "dnr": None, "text": text, "underlag": [],
                "decisions": [("fastställa arbetsformerna för året", "Arbetsformerna för året fastställs.")]}

    def _network_point(self, b: Body, title: str, topic: str, year: int) -> dict:
        """A point of a network's memory notes, now and then with a task for two participants."""
        rng = self.rng
        text = self.prose(rng.randint(4, 9), topic, year)
        if rng.random() < 0.35 and len(b.officials) >= 2:
            a, c = rng.sample(b.officials, 2)
            text += f" Nätverket uppdrar åt {a.name} och {c.name} att ta fram ett underlag till nästa möte."
        elif rng.random() < 0.3:
            text += " Nätverket tackar för informationen."
        return {"title": title, "dnr": None, "text": text, "decisions": [], "underlag": []}

"""The five layouts found in real documents, each rendering one meeting as text: classic (a municipal §-protocol
with a tab-separated attendance head), au (an arbetsutskott's protocol), regional, socsam (with a table of
contents) and notes (a network's memory notes)."""
from __future__ import annotations

import datetime as dt
import random

from .country import Body, Person
from .words import MONTHS, genitive, long_date


class Layouts:
    """Renders a meeting (the dict Generator.meeting builds) in its body's layout; draws from rng."""

    def __init__(self, rng: random.Random, home: dict[str, str]):
        self.rng = rng
        self.home = home  # "Jönköpings kommun" -> "Jönköping", for the notes' "Name (Jönköping)"

    def render(self, b: Body, m: dict) -> str:
        return getattr(self, "render_" + b.layout.replace("classic_i", "classic"))(b, m)

    def _hours(self, b: Body) -> tuple[str, str]:
        rng = self.rng
        h = rng.choice([8, 9, 10, 13, 14])
        end = f"{h + rng.randint(2, 4):02d}.{rng.choice(['00', '10', '30', '45'])}"
        return f"{h:02d}.{rng.choice(['00', '15', '30'])}", end

    def _decision_block(self, b: Body, it: dict, style: str, label: str | None = None) -> list[str]:
        """The decisions as 'att …' clauses, as numbered sentences, or as one 'X beslutar att …'."""
        decs = it["decisions"]
        if not decs:
            return []
        out = []
        if style == "att":
            out.append(f"{b.short} beslutar")
            out += [f"att {inf}{',' if k < len(decs) - 1 else '.'}" for k, (inf, _) in enumerate(decs)]
        elif style == "num":
            out.append(label or f"{b.short} beslutar")
            out += [f"{k + 1}. {pas}" if len(decs) > 1 else pas for k, (_, pas) in enumerate(decs)]
        else:
            out.append("Beslut")
            if len(decs) == 1:
                out.append(f"{b.short} beslutar att {decs[0][0]}.")
            else:
                out += [f"{k + 1}. {pas}" for k, (_, pas) in enumerate(decs)]
        return out

    def render_classic(self, b: Body, m: dict) -> str:
        """A municipal nämnd's protocol: tab-separated attendance head, '§ 12 Title', 'Dnr', 'X beslutar'."""
        rng = self.rng
        d = m["date"]
        t0, t1 = self._hours(b)
        L = []
        if b.layout == "classic_i":
            L += [f"{b.name} i {b.org}", "Sammanträdesprotokoll", f"Sammanträdesdatum\t{d.isoformat()}", ""]
            L.append(f"Plats och tid\t{b.place}, kl. {t0}–{t1}")
        else:
            L += [b.org, b.name, f"Protokoll {d.isoformat()}", ""]
            L.append(f"Tid och plats\t{long_date(d, cap=True)} kl. {t0}–{t1}, {b.place}")
        rows = []
        for p, role in m["present"]:
            rows.append(p.np() + (f", {role}" if role != "ledamot" else ""))
        for sub, (ab, _) in m["serving"]:
            rows.append(f"{sub.np()}, tjänstgörande ersättare för {ab.np()}")
        L += self._tab_rows("Beslutande", rows)
        L += self._tab_rows("Ersättare", [p.np() for p in m["subs"]])
        off = []
        for o in m["officials"] + [b.secretary]:
            extra = ""
            if o is not b.secretary and rng.random() < 0.3:
                a = rng.randint(m["first"], m["last"])
                extra = f" § {a}"
            off.append(f"{o.name}, {o.title}{extra}")
        L += self._tab_rows("Övriga närvarande (tjänstepersoner)", off)
        unserved = [p for p, _ in m["absent"][len(m["serving"]):]]
        L += self._tab_rows("Frånvarande", [p.np() for p in unserved])
        L.append(f"Justerare\t{m['justerare'].name}")
        L.append(f"Justeringens plats och tid\tKommunhuset, {b.muni['name']}, {(d + dt.timedelta(days=5)).isoformat()}")
        L.append(f"Paragrafer\t§§ {m['first']}–{m['last']}")
        L.append("")
        style = rng.choice(["att", "num", "sent"])
        slash = rng.random() < 0.3
        for it in m["items"]:
            n = it["number"]
            L.append(f"§ {n}/{d.year} {it['title']}" if slash else f"§ {n} {it['title']}")
            if it.get("dnr"):
                L.append(f"Dnr {it['dnr']}")
            if it.get("justerare"):
                L.append(f"{b.short} beslutar att utse {m['justerare'].name} att jämte ordföranden justera "
                         "protokollet.")
                L.append("")
                continue
            if it.get("presenter"):
                p = it["presenter"]
                L.append(f"Föredragande: {p.title} {p.name}")
            if not it["decisions"]:
                L += [it.get("text", ""), ""]
                continue
            L += self._decision_block(b, it, style)
            L.append("")
            if it.get("text"):
                L += ["Sammanfattning av ärendet", it["text"], ""]
            if it.get("assessment"):
                L += ["Förvaltningens bedömning", it["assessment"], ""]
            if it.get("underlag"):
                L += ["Beslutsunderlag"] + it["underlag"] + [""]
        L += ["Underskrifter", f"Sekreterare\t{b.secretary.name}", f"Ordförande\t{m['chair'].name}",
              f"Justerare\t{m['justerare'].name}", ""]
        return "\n".join(L)

    @staticmethod
    def _tab_rows(label: str, rows: list[str]) -> list[str]:
        if not rows:
            return []
        return [f"{label}\t{rows[0]}"] + [f"\t{r}" for r in rows[1:]]

    def render_au(self, b: Body, m: dict) -> str:
        """An arbetsutskott's protocol: 'Närvarande:' on one line, signatures first, 'KSAU § 23   Dnr …'."""
        rng = self.rng
        d = m["date"]
        t0, t1 = self._hours(b)
        pres = ", ".join(p.np() + (f", {r}" if r != "ledamot" else "") for p, r in m["present"])
        L = [b.org.upper(), "SAMMANTRÄDESPROTOKOLL", b.name, "",
             f"Sammanträdesdatum: {long_date(d, definite=True)}", f"Plats och tid: {b.place}, kl. {t0}–{t1}", "",
             f"Närvarande: {pres}", ""]
        if m["serving"]:
            L.append("Tjänstgörande ersättare: " + ", ".join(f"{s.np()} för {a.name}"
                                                              for s, (a, _) in m["serving"]))
            L.append("")
        L.append("Övriga närvarande")
        for o in m["officials"]:
            paras = f" §§ {m['first']}-{m['last']}" if rng.random() < 0.4 else ""
            L.append(f"{o.name}, {o.title}{paras}")
        L += [f"{b.secretary.name}, {b.secretary.title}", "",
              f"Utses att justera: {m['justerare'].name}",
              f"Justeringens plats och tid: {b.place.split(',')[0]} {(d + dt.timedelta(days=2)).isoformat()}",
              f"Paragrafer: {m['first']}-{m['last']}", "", "Underskrifter", "Sekreterare", b.secretary.name,
              "Ordförande", m["chair"].name, "Justerande", m["justerare"].name, ""]
        for it in m["items"]:
            head = f"{b.prefix} § {it['number']}"
            L.append(f"{head}   Dnr {it['dnr']}" if it.get("dnr") else head)
            L.append(it["title"])
            if it.get("justerare"):
                L += [f"{b.short} beslutar att utse {m['justerare'].name} att justera dagens protokoll.", ""]
                continue
            L += self._item_plain(b, it)
        L += ["ANSLAG/BEVIS", "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
              f"Organ: {b.name}", f"Datum då anslaget sätts upp: {(d + dt.timedelta(days=3)).isoformat()}", ""]
        return "\n".join(L)

    def _item_plain(self, b: Body, it: dict) -> list[str]:
        """An item's text, assessment and numbered decisions under 'Beslut', as the arbetsutskott and regional
        layouts write them."""
        L = [x for x in (it.get("text"), it.get("assessment")) if x]
        if it["decisions"]:
            L += self._decision_block(b, it, "num", label="Beslut")
        return L + [""]

    def _member_row(self, p: Person, role: str, own: bool = False) -> str:
        parts = [p.np()]
        if p.org and not own:  # the region's own nämnd does not repeat the region after each name
            parts.append(p.org)
        if role != "ledamot":
            parts.append(role)
        return ", ".join(parts)

    def render_regional(self, b: Body, m: dict) -> str:
        """A region's or county body's protocol: rows 'Name (P), X kommun, ordförande', '§ 12' on its own line."""
        d = m["date"]
        t0, t1 = self._hours(b)
        L = [b.county["region"].upper() if self.rng.random() < 0.5 else b.county["region"], "PROTOKOLL",
             b.name.split(" (")[0], "",
             f"Sammanträdesdatum: {long_date(d, definite=True)}", f"Plats och tid: {b.place}, kl. {t0}–{t1}", "",
             "Beslutande"]
        own = b.kind in ("rs", "hsn")
        L += [self._member_row(p, r, own) for p, r in m["present"]]
        L += [f"{s.np()}, tjänstgörande ersättare" for s, _ in m["serving"]]
        L += ["", "Övriga deltagande"]
        L += [f"{o.name}, {o.title}, {o.org}" for o in m["officials"]]
        L += [f"{b.secretary.name}, {b.secretary.title}", ""]
        if m["absent"]:
            L += ["Frånvarande"] + [self._member_row(p, "ledamot", own) for p, _ in m["absent"]] + [""]
        L += [f"Justerare: {m['justerare'].name}", f"Paragrafer: {m['first']}–{m['last']}", ""]
        for it in m["items"]:
            L.append(f"§ {it['number']}   Dnr {it['dnr']}" if it.get("dnr") else f"§ {it['number']}")
            L.append(it["title"])
            if it.get("justerare"):
                L += ["Beslut", f"{b.short} beslutar att utse {m['justerare'].name} att justera protokollet.", ""]
                continue
            L += self._item_plain(b, it)
        L += ["Vid protokollet", b.secretary.name, "", "Ordförande", m["chair"].name, "", "Justerare",
              m["justerare"].name, ""]
        return "\n".join(L)

    def render_socsam(self, b: Body, m: dict) -> str:
        """As SocSam's protocol: tab rows 'Name (P)\tX kommun\tOrdf. Socialnämnden', a table of contents, the
        body's name above every paragraph."""
        rng = self.rng
        d = m["date"]
        head = b.name
        t0, t1 = rng.choice([("9", "12"), ("13", "16"), ("9.30", "12")])
        # "Sociala samrådsgruppens beslut"; a name ending in its place gets "Beslut" ("… i Uppsalas" is a new name)
        gen = "Beslut" if " i " in b.short else f"{genitive(b.short)} beslut"
        L = ["", head, "", f"Plats och tid: {long_date(d, definite=True, cap=True)} kl. {t0}-{t1}", b.place, "",
             "Närvarande", "", "Beslutande", ""]
        for p, r in m["present"]:
            note = f" (<i>{'ordf.' if r == 'ordförande' else 'v. ordf.'}</i>)" if r != "ledamot" else ""
            L.append(f"{p.np()}\t{p.org}\tOrdf. {p.home_body or 'Socialnämnden'}{note}")
        if m["subs"] or m["serving"]:
            L += ["", "Övriga deltagande (förtroendevalda ersättare)", ""]
            L += [f"{s.np()}\t{s.org}\tErsättare" for s in m["subs"] + [s for s, _ in m["serving"]]]
        L += ["", "Övriga deltagande (tjänstepersoner)", ""]
        L += [f"{o.name}\t{o.org}\t{o.title[0].upper() + o.title[1:]}" for o in m["officials"] + [b.secretary]]
        L.append("")
        if m["absent"]:
            L += [head, "", "Ej närvarande", "", "Beslutande", ""]
            L += [f"{p.np()}\t{p.org}\tOrdf. {p.home_body or 'Socialnämnden'}" for p, _ in m["absent"]]
            L.append("")
        # as in the SocSam protocol: the name above the role it signs as
        L += [f"Paragrafer: §{m['first']}-{m['last']}", "", f"Justeras av: {m['justerare'].name}", "",
              b.secretary.name, "Sekreterare", "", m["chair"].np(), "Ordförande", "", m["justerare"].np(),
              "Justerare", "", head, "", "Innehåll", ""]
        for k, it in enumerate(m["items"]):
            L.append(f"§ {it['number']} {it['title']}\t{k + 5}")
        L.append("")
        for it in m["items"]:
            L += [head, "", f"§ {it['number']} {it['title']}", ""]
            if it.get("justerare"):
                L += [gen, "", f"1. {b.short} väljer {m['justerare'].name} att tillsammans med "
                      f"ordförande justera protokollet", ""]
                continue
            if it.get("presenter"):
                p = it["presenter"]
                L += [f"Föredragande: {p.name}, {p.title}, {p.org}", ""]
            if it["decisions"]:
                L += [gen, ""]
                L += [f"{k + 1}. {pas}" for k, (_, pas) in enumerate(it["decisions"])]
                L.append("")
            if it.get("text"):
                L += ["Sammanfattning av ärendet", "", it["text"], ""]
            if it.get("assessment"):
                L += [it["assessment"], ""]
        L += ["Muntligen justerat", ""]
        return "\n".join(L)

    def render_notes(self, b: Body, m: dict) -> str:
        """A network's memory notes: 'Närvarande:' as bullets or on one line, numbered points."""
        rng = self.rng
        d = m["date"]
        people = m["officials"] + [b.secretary]
        L = ["Minnesanteckningar", b.name]
        bullets = rng.random() < 0.5
        if bullets:
            L += [f"Datum: {d.isoformat()}", f"Plats: {b.place}", "", "Närvarande:"]
            L += [f"• {p.name}, {p.title}, {p.org}" for p in people]
        else:
            doc_date = d + dt.timedelta(days=rng.randint(0, 7))
            L += [f"Datum: {doc_date.strftime('%y%m%d')}", "",
                  f"Möte {long_date(d, definite=True)}, kl. 9–12 via {b.place}", "",
                  "Närvarande: " + ", ".join(f"{p.name} ({self.home.get(p.org, p.org)})" for p in people)]
        L.append("")
        for k, it in enumerate(m["items"], 1):
            L.append(f"{k}. {it['title']}")
            L.append(it.get("text") or "Inga frågor.")
            L.append("")
        nxt = d + dt.timedelta(days=35)
        L.append(f"Nästa möte hålls den {nxt.day} {MONTHS[nxt.month - 1]}.")
        L.append("")
        return "\n".join(L)

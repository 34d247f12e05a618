"""The corpus generator: one seeded random.Random shared, in a fixed order, by the structure (Country), the
agendas (Agenda) and the layouts (Layouts), so that the same seed and size give the same bytes."""
from __future__ import annotations

import datetime as dt
import random

from .agenda import Agenda
from .country import Body, Country, Person
from .layouts import Layouts


class Generator:
    """The national structure and its meetings, all drawn from one seeded random.Random."""

    def __init__(self, mb: float, seed: int):
        self.rng = random.Random(seed)
        self.mb = mb
        self.country = Country(mb, self.rng)
        self.bodies = self.country.bodies
        self.agenda = Agenda(self.rng)
        self.layouts = Layouts(self.rng, self.country.home)

    def years(self) -> list[int]:
        return self.country.years()

    def schedule(self, year: int) -> list[tuple[dt.date, int, Body]]:
        """Each body's meetings in a year: no meetings in July, one a month at most, on the body's weekday."""
        rng = self.rng
        out = []
        months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
        for i, b in enumerate(self.bodies):
            for mo in sorted(rng.sample(months, min(b.per_year, len(months)))):
                d = dt.date(year, mo, rng.randint(1, 21))
                d += dt.timedelta(days=(b.weekday - d.weekday()) % 7)
                out.append((d, i, b))
        out.sort(key=lambda t: (t[0], t[1]))
        return out

    def meeting(self, b: Body, d: dt.date) -> str:
        """One meeting of b on d as the text of its document: agenda, attendance (some absent), the layout's form."""
        rng = self.rng
        if b.para_year != d.year:
            b.para_year, b.para = d.year, rng.randint(0, 3)
        items = self.agenda.items(b, d)
        first = b.para + 1
        for it in items:
            b.para += 1
            it["number"] = b.para
            if it.get("referral"):
                it["referral"]["from_para"] = str(b.para)
            if it.get("took_up"):
                it["took_up"]["to_date"], it["took_up"]["to_para"] = d.isoformat(), str(b.para)
        present = list(b.members)
        absent: list[tuple[Person, str]] = []
        for _ in range(rng.choice([0, 0, 1, 1, 2])):
            if len(present) > 3:
                k = rng.randrange(2, len(present))
                absent.append(present.pop(k))
        serving = list(zip(b.subs, absent))
        rest_subs = b.subs[len(serving):]
        extra = rng.sample(rest_subs, min(len(rest_subs), rng.randint(0, 2)))
        officials = b.officials[:1] + [o for o in b.officials[1:] if rng.random() < 0.85]
        voters = [p for p, _ in present[1:]] or [p for p, _ in present]
        just = rng.choice(voters) if voters else None  # a network has no members, only participants
        m = {"date": d, "items": items, "present": present, "absent": absent, "serving": serving,
             "subs": extra, "officials": officials, "justerare": just, "first": first, "last": b.para,
             "chair": present[0][0] if present else None}
        b.meetings += 1
        return self.layouts.render(b, m)

"""Varied copies of the five sample documents in data/sample-minutes/ (the `samples` corpus of
scripts/bench_ingest.py): every copy shifts the dates, renames the persons, renumbers the § paragraphs, swaps the
municipalities (and their county and region) and permutes the committee names; layout is kept."""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from synth.words import SURNAMES as WORD_SURNAMES

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "data" / "sample-minutes"
KOMMUNER = ROOT / "data" / "reference" / "kommuner.csv"
REGIONS = ROOT / "ingest" / "rules" / "regions.csv"

# the first 111 of the synthetic minutes' surnames: the samples corpus has always drawn from these
SURNAMES = WORD_SURNAMES[:111]

# Committee names (definite form) that a copy permutes among their occurrences; genitive -s is kept.
COMMITTEES = ["Socialnämnden", "Vård- och omsorgsnämnden", "Social- och arbetsmarknadsnämnden",
              "Vård- och socialnämnden", "Socialutskottet", "Vård- och socialutskottet", "Sociala utskottet",
              "Barn- och utbildningsnämnden", "Individ- och familjeomsorgsnämnden", "Äldrenämnden",
              "Hälso- och sjukvårdsnämnden", "Socialnämndens arbetsutskott", "Välfärdsrådet"]

MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]

_M = "|".join(MONTHS)
_W = "|".join(WEEKDAYS)
DATE_RE = re.compile(
    r"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)"
    r"|(?P<sv>(?:(?P<wd>(?i:" + _W + r"))(?P<wdsuf>en)?(?P<den> den)? )?\b(?P<sd>[0-3]?\d) (?P<sm>" + _M + r")"
    r"(?: (?P<sy>(?:19|20)\d\d)\b)?)"
    r"|(?P<slash>\b(?P<xd>[0-3]?\d)/(?P<xm>1[0-2]|0?[1-9]) (?P<xy>(?:19|20)\d\d)\b)"
    r"|(?P<compact>(?<=Datum: )(?P<cy>\d\d)(?P<cm>[01]\d)(?P<cd>[0-3]\d)\b)"
    r"|(?P<year>\b(?:19[5-9]\d|20[0-4]\d)\b)")
PARA_RE = re.compile(r"(§§?[ \t]*)(\d{1,4})(?:([ \t]*[-–][ \t]*)(\d{1,4}))?")


def _genitive(name: str) -> str:
    return name if name[-1] in "sxz" else name + "s"


def _alternation(keys) -> re.Pattern:
    alts = "|".join(re.escape(k) for k in sorted(keys, key=lambda s: (-len(s), s)))
    return re.compile(r"(?<![\wÅÄÖåäö])(?:" + alts + r")(?![\wÅÄÖåäö])")


class Geography:
    """Municipalities, counties and regions of Sweden, from data/reference/kommuner.csv and regions.csv."""

    def __init__(self):
        with open(KOMMUNER, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        self.munis: dict[str, list[str]] = defaultdict(list)  # county code -> municipality names
        self.county_of: dict[str, str] = {}
        self.lan: dict[str, str] = {}  # county code -> "Jämtlands län"
        for r in rows:
            self.munis[r["lanskod"]].append(r["kommun"])
            self.county_of[r["kommun"]] = r["lanskod"]
            self.lan[r["lanskod"]] = r["lan"]
        self.region: dict[str, str] = {}
        with open(REGIONS, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                self.region[r["lanskod"]] = r["name"]
        try:
            from ingest.lexicon import AMBIGUOUS_MUNICIPALITIES as amb
        except ImportError:
            amb = set()
        self.ambiguous = set(amb)

    def short(self, code: str) -> str:
        """'Jämtlands län' -> 'Jämtland', 'Skåne län' -> 'Skåne'."""
        s = self.lan[code][: -len(" län")]
        return s[:-1] if s.endswith("s") else s

    def region_short(self, code: str) -> str:
        r = self.region.get(code, "")
        return r[len("Region "):] if r.startswith("Region ") and not r.endswith(" län") else self.short(code)

    def found_in(self, texts: list[str], exclude=()) -> tuple[list[str], list[str]]:
        """Municipalities (sorted) and county codes named in the texts; names in exclude are not places."""
        joined = "\n".join(texts)
        found = []
        for name in sorted(set(self.county_of) - set(exclude)):
            g = _genitive(name)
            tail = r"(?= [Kk]ommun)" if name in self.ambiguous else r"(?![\wåäö])"
            if re.search(r"(?<![\wÅÄÖåäö])(?:" + re.escape(g) + "|" + re.escape(name) + ")" + tail, joined):
                found.append(name)
        counties = {self.county_of[m] for m in found}
        for code in self.lan:
            if re.search(r"(?<![\wåäö])" + re.escape(self.short(code)) + r"s?(?![\wåäö])", joined):
                counties.add(code)
        return found, sorted(counties)


def person_surnames(paths: list[Path]) -> list[str]:
    """Surnames of the persons in the sample texts, as the project's own extraction finds them (setup only)."""
    from ingest.pipeline import extract_document
    from ingest.readers import read

    out: set[str] = set()
    for p in paths:
        _, x = extract_document(read(p), {})
        for m in x.mentions:
            if m.label != "Person":
                continue
            for w in str(m.props.get("name", "")).split()[1:]:
                if re.fullmatch(r"[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?", w):
                    out.add(w)
    return sorted(out)


class Varier:
    """Makes copy k of a sample text: same layout, different dates, persons, § numbers, places, bodies."""

    def __init__(self, texts: dict[str, str], surnames: list[str], geo: Geography):
        self.geo = geo
        # a surname that is also a municipality's name ("Barbro Norberg") is a surname here
        self.src_munis, self.src_counties = geo.found_in(list(texts.values()), exclude=surnames)
        counties = set()
        for code in geo.lan:
            counties |= {geo.short(code), _genitive(geo.short(code))}
        blocked = set(counties)  # municipality and county names: never a target surname
        for names in geo.munis.values():
            for n in names:
                blocked |= {n, _genitive(n)}
        self.src_surnames = [s for s in surnames if s not in counties]
        self.pool = [s for s in SURNAMES if s not in blocked and s not in self.src_surnames] or SURNAMES
        self.surname_re = _alternation([f for s in self.src_surnames for f in (s, s + "s")]) \
            if self.src_surnames else None
        forms = []
        for c in COMMITTEES:
            lc = c[0].lower() + c[1:]
            forms += [c, c + "s", lc, lc + "s"]
        self.committee_re = _alternation(forms)

    # -- dates
    @staticmethod
    def _anchor_year(text: str) -> int:
        years = re.findall(r"\b(?:19[5-9]\d|20[0-4]\d)\b", text)
        if years:  # the most frequent year; the earliest on a tie
            return int(sorted(set(years), key=lambda y: (-years.count(y), y))[0])
        m = re.search(r"Datum: (\d\d)[01]\d[0-3]\d\b", text)
        return 2000 + int(m.group(1)) if m else 2023

    @staticmethod
    def shift_dates(text: str, days: int) -> str:
        anchor = Varier._anchor_year(text)
        delta = dt.timedelta(days=days)
        ydelta = (dt.date(anchor, 7, 1) + delta).year - anchor

        def day(y: int, m: int, d: int) -> dt.date | None:
            try:
                return dt.date(y, m, d) + delta
            except ValueError:
                return None

        def sub(mt: re.Match) -> str:
            g = mt.groupdict()
            if g["iso"]:
                n = day(int(g["iy"]), int(g["im"]), int(g["id"]))
                return n.isoformat() if n else mt.group(0)
            if g["sv"]:
                y = int(g["sy"]) if g["sy"] else anchor
                n = day(y, MONTHS.index(g["sm"]) + 1, int(g["sd"]))
                if n is None:
                    return mt.group(0)
                out = f"{n.day} {MONTHS[n.month - 1]}" + (f" {n.year}" if g["sy"] else "")
                if g["wd"]:
                    wd = WEEKDAYS[n.weekday()]
                    wd = wd.capitalize() if g["wd"][0].isupper() else wd
                    out = wd + (g["wdsuf"] or "") + (g["den"] or "") + " " + out
                return out
            if g["slash"]:
                n = day(int(g["xy"]), int(g["xm"]), int(g["xd"]))
                return f"{n.day}/{n.month} {n.year}" if n else mt.group(0)
            if g["compact"]:
                n = day(2000 + int(g["cy"]), int(g["cm"]), int(g["cd"]))
                return n.strftime("%y%m%d") if n else mt.group(0)
            return str(int(g["year"]) + ydelta)

        return DATE_RE.sub(sub, text)

    # -- the rest
    def vary(self, text: str, k: int, rng: random.Random) -> str:
        days = rng.choice([-1, 1]) * rng.randint(30, 12 * 365)
        text = self.shift_dates(text, days)

        off = rng.randint(1, 400)
        text = PARA_RE.sub(lambda m: m.group(1) + str(int(m.group(2)) + off)
                           + (m.group(3) + str(int(m.group(4)) + off) if m.group(4) else ""), text)

        if self.surname_re:  # rotate: the i-th surname of the samples -> pool[(i * step + r) % n]
            n = len(self.pool)
            r, step = rng.randrange(n), rng.choice([s for s in range(1, n) if _gcd(s, n) == 1])
            to = {s: self.pool[(i * step + r) % n] for i, s in enumerate(self.src_surnames)}
            text = self.surname_re.sub(
                lambda m: to[m.group(0)] if m.group(0) in to else _genitive(to[m.group(0)[:-1]]), text)

        perm = COMMITTEES[:]
        rng.shuffle(perm)
        cmap = dict(zip(COMMITTEES, perm))

        def committee(m: re.Match) -> str:
            w = m.group(0)
            gen = w not in cmap and (w[0].upper() + w[1:]) not in cmap
            base = w[:-1] if gen else w
            new = cmap[base[0].upper() + base[1:]]
            new = new if base[0].isupper() else new[0].lower() + new[1:]
            return new + ("s" if gen else "")

        text = self.committee_re.sub(committee, text)
        text = self.swap_places(text, rng)
        return self.shuffle_tables(text, rng)

    def swap_places(self, text: str, rng: random.Random) -> str:
        geo = self.geo
        mapping: dict[str, str] = {}
        used: set[str] = set()
        for code in self.src_counties:
            need = sum(1 for m in self.src_munis if geo.county_of[m] == code)
            choices = [c for c in sorted(geo.munis) if len(geo.munis[c]) >= max(need, 1) and c not in used]
            tgt = rng.choice(choices)  # may be the same county: then its municipalities are permuted
            used.add(tgt)
            src = [m for m in self.src_munis if geo.county_of[m] == code]
            dst = rng.sample(geo.munis[tgt], len(src))
            for a, b in zip(src, dst):
                mapping[a] = b
                mapping[_genitive(a)] = _genitive(b)
            mapping[geo.lan[code]] = geo.lan[tgt]
            if code in geo.region and tgt in geo.region:
                mapping[geo.region[code]] = geo.region[tgt]
                rs, rt = geo.region_short(code), geo.region_short(tgt)
                if rs != geo.short(code):
                    mapping[rs], mapping[_genitive(rs)] = rt, _genitive(rt)
            mapping[geo.short(code)] = geo.short(tgt)
            mapping[_genitive(geo.short(code))] = _genitive(geo.short(tgt))
        rx = _alternation(mapping)
        return rx.sub(lambda m: mapping[m.group(0)], text)

    @staticmethod
    def shuffle_tables(text: str, rng: random.Random) -> str:
        """Reorder the rows of each block of lines with three or more tab-separated columns (attendance tables:
        name, municipality, title); ruler rows stay put, two-column header tables are left as they are."""
        lines = text.split("\n")
        i = 0
        while i < len(lines):
            if lines[i].count("\t") < 2:
                i += 1
                continue
            j = i
            while j < len(lines) and lines[j].count("\t") >= 2:
                j += 1
            idx = [t for t in range(i, j) if not lines[t].lstrip().startswith("-")]
            rows = [lines[t] for t in idx]
            rng.shuffle(rows)
            for t, row in zip(idx, rows):
                lines[t] = row
            i = j
        return "\n".join(lines)


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def build_corpus(out: Path, mb: float, seed: int) -> tuple[list[Path], str, dict]:
    paths = sorted(SAMPLES.glob("*.txt"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in paths}
    varier = Varier(texts, person_surnames(paths), Geography())
    rng = random.Random(seed)
    seen: set[str] = set()
    files: list[Path] = []
    total = 0
    k = 0
    h = hashlib.sha256()
    while total < mb * 1e6:
        k += 1
        for stem, text in texts.items():
            for _ in range(20):
                v = varier.vary(text, k, rng)
                d = hashlib.sha256(v.encode()).digest()
                if d not in seen:
                    break
            else:
                raise SystemExit(f"could not make a distinct copy {k} of {stem}")
            seen.add(d)
            h.update(d)
            f = out / f"{k:04d}-{stem}.txt"
            f.write_text(v, encoding="utf-8")
            files.append(f)
            total += len(v)
    info = {"copies": k, "src_surnames": len(varier.src_surnames), "src_munis": varier.src_munis,
            "src_counties": varier.src_counties}
    return files, h.hexdigest()[:16], info

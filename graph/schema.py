"""The graph schema, declared once: labels, relationship types, properties, colours.

Everything else -- the embedded engine's DDL, Neo4j constraints, the README table, the app legend and
the tests -- is generated from the declarations below. Renaming anything here breaks the public contract.
"""
from __future__ import annotations

from dataclasses import dataclass, field

STRING, INT, FLOAT, BOOL, STRING_LIST = "STRING", "INT64", "DOUBLE", "BOOLEAN", "STRING[]"


@dataclass(frozen=True)
class NodeType:
    label: str
    description: str
    props: dict[str, str]
    display: str  # the property shown as the node's caption ("name" or "title")
    colour: str


@dataclass(frozen=True)
class RelType:
    type: str
    description: str
    pairs: tuple[tuple[str, str], ...]
    props: dict[str, str] = field(default_factory=dict)


# Every relationship carries these: where the fact was read.
PROVENANCE: dict[str, str] = {
    "doc": STRING,  # the Document id
    "para": STRING,  # the § or point label, or null
    "start": INT,  # character offset into Document.text
    "end": INT,
    "quote": STRING,  # exactly Document.text[start:end]
    "rule": STRING,  # the extraction rule that produced the fact
    "confidence": FLOAT,
    "curated": STRING,  # for a fact a reviewer added: who, when and why (graph/curation.py); null when extracted
}

COMMON = {"id": STRING, "name": STRING, "curated": STRING}  # curated: a reviewer's merge or split, who, when, why
# a period a text states for a fact ("utsågs i februari 2023", "från och med 2024", "till och med 2026")
PERIOD = {"valid_from": STRING, "valid_to": STRING}

NODES: tuple[NodeType, ...] = (
    NodeType("Document", "A source document as read (minutes, extract, memo, web page).",
             {**COMMON, "title": STRING, "path": STRING, "format": STRING, "encoding": STRING,
              "sha256": STRING, "chars": INT, "body": STRING, "date": STRING, "kind": STRING, "extractor": STRING,
              "warnings": STRING_LIST, "text": STRING, "extraction": STRING},
             "name", "#9e9e9e"),
    NodeType("Person", "A person named in the minutes.",
             {**COMMON, "party": STRING, "party_name": STRING, "aliases": STRING_LIST}, "name", "#1f77b4"),
    NodeType("Role", "A position (Popolo Post): a title in a body or municipality.",
             {**COMMON, "title": STRING, "org": STRING}, "title", "#17becf"),
    NodeType("Body", "A governing or collaborating body: nämnd, styrelse, samrådsgrupp, network, region.",
             {**COMMON, "short": STRING, "kind": STRING, "aliases": STRING_LIST, "municipality": STRING,
              "founded": STRING}, "name", "#d62728"),
    NodeType("Municipality", "A Swedish municipality, keyed by its SCB kommunkod.",
             {**COMMON, "code": STRING, "county": STRING}, "name", "#2ca02c"),
    NodeType("Meeting", "A meeting of a body on a date.",
             {**COMMON, "title": STRING, "date": STRING, "place": STRING, "time": STRING, "kind": STRING},
             "title", "#ff7f0e"),
    NodeType("AgendaItem", "A numbered item (§ or point) of a meeting.",
             {**COMMON, "number": STRING, "title": STRING, "dnr": STRING, "number_inferred": BOOL},
             "title", "#ffbb78"),
    NodeType("Decision", "One decision line of an item.",
             {**COMMON, "text": STRING, "number": STRING}, "name", "#9467bd"),
    NodeType("Assignment", "An uppdrag: a task given to persons or bodies.",
             {**COMMON, "task": STRING, "due": STRING}, "name", "#8c564b"),
    NodeType("Matter", "An ärende followed across meetings and bodies.",
             {**COMMON, "title": STRING, "dnr": STRING}, "title", "#e377c2"),
    NodeType("Agreement", "An agreement (avtal, överenskommelse) between parties.",
             {**COMMON, "total": STRING, "period": STRING}, "name", "#bcbd22"),
    # ids are sticky (ingest/resolve/sticky.py): an id a stored graph gave stays, and one that a later merge
    # retires is kept here, so saved URLs, queries and corrections naming it still find the node
    NodeType("Redirect", "An id a later merge retired: `target` is the id that now stands for the same thing.",
             {"id": STRING, "name": STRING, "target": STRING}, "name", "#dddddd"),
)

# what is not an entity of the minutes: documents themselves, and retired ids
_ENTITY_LABELS = tuple(n.label for n in NODES if n.label not in ("Document", "Redirect"))

RELS: tuple[RelType, ...] = (
    RelType("HOLDS", "A person holds a role (date: when the source says so: an election's month or the meeting; "
            "valid_from, valid_to: a start or end the text states).",
            (("Person", "Role"),), {"date": STRING, **PERIOD}),
    RelType("ROLE_IN", "A role exists in a body or municipality.", (("Role", "Body"), ("Role", "Municipality"))),
    RelType("MEMBER_OF", "A person is a member of a body, or a member organisation (a municipality, a region, an "
            "agency) of a joint body (date: as of when the source says so; valid_from, valid_to: a start or end the "
            "text states).",
            (("Person", "Body"), ("Body", "Body")), {"role": STRING, "date": STRING, **PERIOD}),
    RelType("REPRESENTS", "A person sits for a municipality or body.",
            (("Person", "Municipality"), ("Person", "Body")), {"date": STRING, **PERIOD}),
    RelType("ATTENDED", "A person attended a meeting, listed in a section or in a meeting role.",
            (("Person", "Meeting"),), {"role": STRING, "paras": STRING}),
    RelType("ABSENT_FROM", "A person was listed as not present.", (("Person", "Meeting"),), {"role": STRING}),
    RelType("HELD", "A body held a meeting.", (("Body", "Meeting"),)),
    RelType("HAS_ITEM", "A meeting has an agenda item.", (("Meeting", "AgendaItem"),)),
    RelType("PRESENTED", "A person presented an item (föredragande).", (("Person", "AgendaItem"),)),
    RelType("HAS_DECISION", "An item has a decision.", (("AgendaItem", "Decision"),)),
    RelType("ASSIGNS", "A decision (or an item's text) gives an assignment.",
            (("Decision", "Assignment"), ("AgendaItem", "Assignment"))),
    RelType("ASSIGNED_TO", "An assignment is given to a person or body.",
            (("Assignment", "Person"), ("Assignment", "Body"))),
    RelType("CONCERNS", "An item handles a matter.", (("AgendaItem", "Matter"),), {"step": STRING}),
    RelType("REPORTED_IN", "An assignment is reported back (återrapporteras) at a later agenda item.",
            (("Assignment", "AgendaItem"),)),
    RelType("REFERRED_TO", "An item or decision (or a meeting, where the text shows no item) sends a matter on to a "
            "body.", (("AgendaItem", "Body"), ("Decision", "Body"), ("Meeting", "Body")),
            {"verb": STRING, "matter": STRING}),
    RelType("REPORTS_TO", "A body or role reports to (answers to) a body (date: observed; valid_from, valid_to: "
            "stated).", (("Body", "Body"), ("Role", "Body")), {"date": STRING, **PERIOD}),
    RelType("PREPARES_FOR", "A body prepares matters for another body.", (("Body", "Body"),),
            {"date": STRING, **PERIOD}),
    RelType("PART_OF", "A body is part of another body.", (("Body", "Body"),), {"date": STRING, **PERIOD}),
    RelType("SUCCEEDED", "A body succeeded (replaced) another body.", (("Body", "Body"),), {"date": STRING}),
    RelType("BELONGS_TO", "A body is an organ of a municipality.", (("Body", "Municipality"),)),
    RelType("PARTY_TO", "A body or municipality is party to an agreement.",
            (("Body", "Agreement"), ("Municipality", "Agreement")), {"share": STRING}),
    RelType("MENTIONED_IN", "An entity is mentioned in a document.",
            tuple((label, "Document") for label in _ENTITY_LABELS)),
)

NODE_LABELS = tuple(n.label for n in NODES)
REL_TYPES = tuple(r.type for r in RELS)
NODE_BY_LABEL = {n.label: n for n in NODES}
REL_BY_TYPE = {r.type: r for r in RELS}
# Internal properties of Document that are not shown in tables or exported by default.
INTERNAL_PROPS = {"text", "extraction"}


def rel_props(rel: RelType) -> dict[str, str]:
    return {**rel.props, **PROVENANCE}


ALLOWED = frozenset((r.type, a, b) for r in RELS for a, b in r.pairs)  # (type, from label, to label)


def allowed(rel_type: str, src_label: str, dst_label: str) -> bool:
    return (rel_type, src_label, dst_label) in ALLOWED


# `end` is a reserved word in ladybug's Cypher: write r.`end` (Neo4j accepts the backticks too).
RESERVED = {"end", "start"}


def quote_name(name: str) -> str:
    return f"`{name}`" if name in RESERVED else name


# Columns the stores keep beside a node's properties, for themselves (graph/store_diff.py): the digest of
# the node's properties and, on a Document, of the relationships it is the provenance of. They are no properties
# of the graph: queries' results leave out every name that starts with "_".
DIGEST, PART = "_digest", "_part"


def store_columns(label: str) -> dict[str, str]:
    return {DIGEST: STRING, **({PART: STRING} if label == "Document" else {})}


def ladybug_ddl() -> list[str]:
    """CREATE statements for the embedded engine, in dependency order."""
    out = []
    for n in NODES:
        cols = ", ".join(f"{quote_name(p)} {t}" for p, t in {**n.props, **store_columns(n.label)}.items())
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {n.label}({cols}, PRIMARY KEY(id))")
    for r in RELS:
        pairs = ", ".join(f"FROM {a} TO {b}" for a, b in r.pairs)
        cols = ", ".join(f"{quote_name(p)} {t}" for p, t in rel_props(r).items())
        out.append(f"CREATE REL TABLE IF NOT EXISTS {r.type}({pairs}, {cols})")
    return out


def neo4j_constraints() -> list[str]:
    """Uniqueness constraints and indexes for Neo4j, one per label."""
    out = [f"CREATE CONSTRAINT {n.label.lower()}_id IF NOT EXISTS FOR (n:{n.label}) REQUIRE n.id IS UNIQUE"
           for n in NODES]
    out += [f"CREATE INDEX {n.label.lower()}_name IF NOT EXISTS FOR (n:{n.label}) ON (n.name)" for n in NODES]
    return out


def markdown_table() -> str:
    """The schema as Markdown, for the README."""
    lines = ["| label | properties | what it is |", "| --- | --- | --- |"]
    for n in NODES:
        props = ", ".join(f"`{p}`" for p in n.props if p not in INTERNAL_PROPS)
        lines.append(f"| `{n.label}` | {props} | {n.description} |")
    lines += ["", "| relationship | from → to | properties | what it says |", "| --- | --- | --- | --- |"]
    for r in RELS:
        if r.type == "MENTIONED_IN":
            pairs = "any entity → Document"
        else:
            pairs = "<br>".join(f"{a} → {b}" for a, b in r.pairs)
        props = ", ".join(f"`{p}`" for p in r.props) or "–"
        lines.append(f"| `{r.type}` | {pairs} | {props} | {r.description} |")
    lines += ["", "Every relationship also carries its provenance: "
              + ", ".join(f"`{p}`" for p in PROVENANCE) + " (`quote` is exactly `Document.text[start:end]`)."]
    return "\n".join(lines)


def legend() -> list[tuple[str, str, str]]:
    """(label, colour, description) for the app's legend."""
    return [(n.label, n.colour, n.description) for n in NODES]

"""``arkisto report``: a static, self-contained HTML audit view of an archive.

The archive is read with plain read-only SQL (``schemas/archive.sql``), so the
report only depends on the file format. The site is an ``index.html`` (counts,
timeline, documents, errors, entities) and one page per document, organisation
and person; every link is relative and every byte of CSS and JS is written into
the pages, so the folder works from disk or as a zip with no network.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from jinja2 import ChainableUndefined, Environment, FileSystemLoader
from markupsafe import Markup

from pipeline.report_highlight import Span, highlight
from pipeline.report_timeline import Event, layout, overdue

DEFAULT_DB = Path("output/archive.sqlite")
TEMPLATES = Path(__file__).with_name("templates")
# archive table -> record type, in the order the document page lists them
RECORD_TABLES = {"decisions": "decision", "commitments": "commitment", "meetings": "meeting",
                 "attendees": "attendee", "dates": "date", "contacts": "contact", "tables": "table"}
TIMELINE_KINDS = ("meeting", "decision", "commitment")
SLIDE_FORMATS = {"pptx", "ppt", "odp"}
DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
WORD = re.compile(r"[^\W_]+")
DASHES = re.compile(r"\s*[-‐‑‒–—―]\s*")
Row = dict[str, Any]


class ReportError(Exception):
    """A one-line problem with the archive or the output folder."""


@dataclass
class Summary:
    out: Path
    documents: int
    organisations: int
    persons: int

    @property
    def pages(self) -> int:
        return 1 + self.documents + self.organisations + self.persons


@dataclass
class Entity:
    """An organisation, place or person with everything the archive ties to it."""

    kind: str  # organisation | place | person
    key: str
    name: str
    href: str = ""
    items: list[Row] = field(default_factory=list)
    seen: set[tuple[str, str]] = field(default_factory=set)

    def add(self, record: Row, relation: str) -> None:
        if (record["ref"], relation) not in self.seen:
            self.seen.add((record["ref"], relation))
            self.items.append({"record": record, "relation": relation})

    def timeline(self) -> list[Row]:
        return sorted(self.items, key=lambda i: (i["record"]["day"] or date.max, i["record"]["ref"]))


# -- small pure helpers ---------------------------------------------------------

def parse_day(value: Any) -> date | None:
    """First day of an ISO date, month, year or interval (``2009-03-01/2009-05-31``)."""
    m = DAY.match(value) if isinstance(value, str) else None
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def slug(text: str, limit: int = 48) -> str:
    """ASCII file-name stem: 'Keravan kasvatus- ja opetusvirasto' -> 'keravan-kasvatus-ja-opetusvirasto'."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    out = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:limit].strip("-")
    return out or "x"


def page_name(folder: str, name: str, identity: str) -> str:
    """``folder/<slug>-<short hash>.html``: readable, unique and safe on every file system."""
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:8]
    return f"{folder}/{slug(name)}-{digest}.html"


def person_key(name: str) -> str:
    """Case-folded, dashes and spaces unified (the archive's ``persons.key`` rule)."""
    return " ".join(DASHES.sub("-", name.strip()).casefold().split())


def org_key(name: str) -> str:
    """Case-folded words; the archive's own keys use base forms and take precedence."""
    return " ".join(WORD.findall(name.casefold()))


def summary_text(kind: str, r: Row) -> str:
    """One line that names a record (tooltips and entity pages)."""
    if kind == "meeting":
        return " · ".join(str(v) for v in (r.get("body"), r.get("place")) if v) or str(r.get("quote") or "")
    if kind == "attendee":
        return " · ".join(str(v) for v in (r.get("name"), r.get("organization")) if v)
    if kind == "date":
        return f"{r.get('text') or ''} → {r.get('value') or '?'}"
    if kind == "contact":
        return " · ".join(str(v) for v in (r.get("name"), r.get("email"), r.get("phone")) if v)
    if kind == "table":
        rows = r.get("rows") or []
        return f"{len(rows)} × {max((len(x) for x in rows), default=0)}"
    return str(r.get("text") or r.get("quote") or "")


# -- reading the archive ------------------------------------------------------------

def open_archive(db: Path) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` as a fallback when the folder is not writable (WAL files)."""
    if not db.is_file():
        raise ReportError(f"no archive at {db} (run `arkisto ingest` first)")
    uri = "file:" + quote(str(db.resolve()))
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    except sqlite3.DatabaseError as e:
        raise ReportError(f"{db}: {e}") from e
    conn.row_factory = sqlite3.Row
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'documents'").fetchone():
            raise ReportError(f"{db} is not an arkisto archive")
    except sqlite3.DatabaseError as e:
        raise ReportError(f"{db}: {e}") from e
    return conn


def fetch(conn: sqlite3.Connection, table: str, order: str = "id") -> list[Row]:
    """Every row of ``table`` as a dict; an absent table (older archive) reads as empty."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone():
        return []
    return [dict(r) for r in conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')]


@dataclass
class Archive:
    """Everything the report shows, read once."""

    documents: list[Row]
    records: dict[str, list[Row]]  # record type -> rows, each with ``doc``, ``ref``, ``day``, span flags
    blocks: dict[str, list[Row]]
    persons: list[Row]
    organisations: list[Row]
    errors: list[Row]
    runs: dict[int, Row]


def read_archive(db: Path) -> Archive:
    conn = open_archive(db)
    try:
        documents = fetch(conn, "documents", "date IS NULL, date, title, source")
        by_id = {d["id"]: d for d in documents}
        for d in documents:
            d["name"] = d.get("title") or PurePath(d["source"]).name
            d["href"] = page_name("docs", d["name"], d["id"])
            d["day"] = parse_day(d.get("date"))
            d["slides"] = d.get("format") in SLIDE_FORMATS or d.get("kind") == "slides"
            d["counts"] = Counter()
        actors: dict[int, list[Row]] = defaultdict(list)
        for a in fetch(conn, "commitment_actors", "commitment_id, position"):
            actors[a["commitment_id"]].append(a)
        records: dict[str, list[Row]] = {}
        for table, kind in RECORD_TABLES.items():
            rows = [r for r in fetch(conn, table, "document_id, position, id") if r["document_id"] in by_id]
            for r in rows:
                _annotate(r, kind, by_id[r["document_id"]], actors)
            records[kind] = rows
        # attendance is dated by the meeting the document records, else by the document
        held: dict[str, date] = {}
        for m in sorted(records["meeting"], key=lambda m: m["day"] or date.max):
            if m["day"] and m.get("status") in (None, "held"):
                held.setdefault(m["document_id"], m["day"])
        for a in records["attendee"]:
            a["day"] = held.get(a["document_id"], a["day"])
        blocks: dict[str, list[Row]] = defaultdict(list)
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'blocks'").fetchone():
            for b in conn.execute("SELECT document_id, block_index, page, span_start FROM blocks"
                                  " ORDER BY document_id, block_index"):
                blocks[b["document_id"]].append(dict(b))
        return Archive(documents, records, blocks, fetch(conn, "persons"), fetch(conn, "organisations"),
                       fetch(conn, "errors", "run_id, id"), {r["id"]: r for r in fetch(conn, "runs")})
    finally:
        conn.close()


def _annotate(r: Row, kind: str, doc: Row, actors: dict[int, list[Row]]) -> None:
    """Fields every view needs: reference, document, date, span checks, decoded JSON."""
    r["kind"], r["doc"], r["ref"] = kind, doc, f"{kind}-{r['id']}"
    doc["counts"][kind] += 1
    if isinstance(r.get("rows"), str):
        try:
            r["rows"] = json.loads(r["rows"])
        except ValueError:
            r["rows"] = []
    if kind == "commitment":
        r["actors"] = actors.get(r["id"], [])
    own = {"meeting": "date", "decision": "date", "commitment": "due", "date": "value"}.get(kind)
    r["day"] = parse_day(r.get(own)) if own else None
    if r["day"] is None and kind != "commitment":
        r["day"] = doc["day"]
    start, end, text = r.get("span_start"), r.get("span_end"), doc["text"]
    r["span_ok"] = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    r["quote_ok"] = not r["span_ok"] or not r.get("quote") or text[start:end] == r["quote"]
    r["summary"] = summary_text(kind, r)


# -- bodies, timeline and overdue commitments -----------------------------------

def body_key(r: Row) -> str | None:
    return r.get("body_key") or (org_key(r["body"]) if r.get("body") else None) or None


def assign_lanes(archive: Archive, today: date) -> list[Event]:
    """Give meetings, decisions and commitments a body lane and mark overdue commitments."""
    labels: dict[str, Counter] = defaultdict(Counter)
    doc_bodies: dict[str, Counter] = defaultdict(Counter)
    for kind in ("meeting", "decision"):
        for r in archive.records[kind]:
            key = body_key(r)
            r["lane"] = key
            if key:
                labels[key][r["body"] or key] += 1
                doc_bodies[r["document_id"]][key] += 1
    decisions = {(r["document_id"], r["record_id"]): r for r in archive.records["decision"] if r.get("record_id")}
    for c in archive.records["commitment"]:
        source = decisions.get((c["document_id"], c.get("decision")))
        if source is not None and source["lane"]:
            c["lane"] = source["lane"]
        elif doc_bodies[c["document_id"]]:
            c["lane"] = doc_bodies[c["document_id"]].most_common(1)[0][0]
        else:
            c["lane"] = None
        if c["day"] is None:
            c["plot_day"] = (source or {}).get("day") or c["doc"]["day"]
        else:
            c["plot_day"] = c["day"]

    # A body's own later records are the follow-up; planned meetings in the same
    # document are only the plan, so they do not count.
    follow_up: dict[str | None, list[tuple[str, date]]] = defaultdict(list)
    for kind in ("meeting", "decision"):
        for r in archive.records[kind]:
            if r["day"] and r.get("status") != "cancelled":
                follow_up[r["lane"]].append((r["document_id"], r["day"]))
    for c in archive.records["commitment"]:
        later = [d for doc_id, d in follow_up[c["lane"]]
                 if doc_id != c["document_id"] and (c["lane"] or doc_id == c["document_id"])]
        c["overdue"] = overdue(c["day"], today, later)

    events: list[Event] = []
    for kind in TIMELINE_KINDS:
        for r in archive.records[kind]:
            day = r.get("plot_day") if kind == "commitment" else r["day"]
            if day is None:
                continue
            lane = r["lane"]
            label = labels[lane].most_common(1)[0][0] if lane else ""
            events.append(Event(day, lane, label, kind, r["doc"]["href"] + "#" + r["ref"],
                                r["summary"][:160], bool(r.get("overdue"))))
    return events


# -- organisations and persons -------------------------------------------------------

class Entities:
    """Organisations, places and persons keyed like the archive keys them."""

    def __init__(self, archive: Archive) -> None:
        self.orgs: dict[str, Entity] = {}
        self.persons: dict[str, Entity] = {}
        self.org_by_id = {o["id"]: o for o in archive.organisations}
        self.person_by_id = {p["id"]: p for p in archive.persons}
        for o in archive.organisations:
            self.org(o["key"], o["name"], o.get("kind") or "organisation")
        for p in archive.persons:
            self.person(p["key"], p["name"])
        self._collect(archive)

    def org(self, key: str, name: str, kind: str = "organisation") -> Entity:
        if key not in self.orgs:
            self.orgs[key] = Entity(kind, key, name, page_name("organisations", name, "org:" + key))
        return self.orgs[key]

    def person(self, key: str, name: str) -> Entity:
        if key not in self.persons:
            self.persons[key] = Entity("person", key, name, page_name("persons", name, "person:" + key))
        return self.persons[key]

    def org_of(self, org_id: Any, name: str | None, kind: str = "organisation") -> Entity | None:
        known = self.org_by_id.get(org_id)
        if known:
            return self.org(known["key"], known["name"], known.get("kind") or kind)
        key = org_key(name or "")
        return self.org(key, " ".join((name or "").split()), kind) if key else None

    def person_of(self, person_id: Any, name: str | None) -> Entity | None:
        known = self.person_by_id.get(person_id)
        if known:
            return self.person(known["key"], known["name"])
        key = person_key(name or "")
        return self.person(key, name.strip()) if key and name else None

    def _collect(self, archive: Archive) -> None:
        rec = archive.records
        present_docs: dict[str, list[Entity]] = defaultdict(list)
        for a in rec["attendee"]:
            person = self.person_of(a.get("person_id"), a.get("name") or a.get("raw_name"))
            if person:
                person.add(a, "attendee")
                if a.get("status") != "absent":
                    present_docs[a["document_id"]].append(person)
            org = self.org_of(a.get("organisation_id"), a.get("organization"))
            if org:
                org.add(a, "attendee")
        for c in rec["commitment"]:
            for actor in c["actors"]:
                name = actor.get("name") or actor.get("raw")
                if actor.get("person_id") in self.person_by_id or (
                        not actor.get("organisation_id") and person_key(name or "") in self.persons):
                    who = self.person_of(actor.get("person_id"), name)
                else:
                    who = self.org_of(actor.get("organisation_id"), name)
                if who:
                    who.add(c, "actor")
        for c in rec["contact"]:
            person = self.person_of(c.get("person_id"), c.get("name"))
            if person:
                person.add(c, "contact")
            org = self.org_of(c.get("organisation_id"), c.get("organization"))
            if org:
                org.add(c, "contact")
        # meetings and decisions belong to their place and body, and to every
        # organisation named inside those ("Keravan ... virasto" -> Kerava)
        tied: list[tuple[Row, str, str]] = []
        for m in rec["meeting"]:
            for field_, relation, kind in (("place", "place", "place"), ("body", "body", "organisation")):
                if m.get(field_):
                    key = m.get(f"{field_}_key") or org_key(m[field_])
                    if key and key not in self.orgs:
                        self.org(key, " ".join(m[field_].split()), kind)
                    tied.append((m, key, relation))
        for d in rec["decision"]:
            if d.get("body"):
                key = body_key(d) or ""
                if key and key not in self.orgs:
                    self.org(key, " ".join(d["body"].split()))
                tied.append((d, key, "body"))
        by_first_word: dict[str, list[tuple[list[str], Entity]]] = defaultdict(list)
        for entity in self.orgs.values():
            ws = WORD.findall(entity.key)
            if ws:
                by_first_word[ws[0]].append((ws, entity))
        for record, key, relation in tied:
            hay = WORD.findall(key or "")
            for i, word in enumerate(hay):
                for ws, entity in by_first_word.get(word, []):
                    if hay[i:i + len(ws)] == ws:
                        entity.add(record, relation)
        # a person was at the meetings and decisions of the documents they attended
        for kind in ("meeting", "decision"):
            for r in rec[kind]:
                if kind == "meeting" and r.get("status") not in (None, "held"):
                    continue
                for person in present_docs.get(r["document_id"], []):
                    person.add(r, "present")


# -- writing the site -------------------------------------------------------------------

def fi_date(value: Any) -> str:
    """'2008-06-17' -> '17.6.2008' (months and years as they come)."""
    if isinstance(value, date):
        return f"{value.day}.{value.month}.{value.year}"
    if not isinstance(value, str):
        return ""
    if "/" in value:
        return "–".join(fi_date(part) for part in value.split("/", 1))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        return f"{int(m.group(3))}.{int(m.group(2))}.{m.group(1)}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{int(m.group(2))}/{m.group(1)}"
    return value


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=ChainableUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["fi_date"] = fi_date
    return env


def page_markers(doc: Row, blocks: list[Row]) -> dict[int, Markup]:
    """A small page (or slide) marker where a block on a new page starts."""
    label = "dia" if doc["slides"] else "s."
    out: dict[int, Markup] = {}
    last = None
    for b in blocks:
        page = b.get("page")
        if page is None or page == last:
            continue
        last = page
        out[b["span_start"]] = Markup('<span class="page-marker" id="page-{0}">{1} {0}</span>').format(page, label)
    return out


def document_text(doc: Row, records: list[Row], blocks: list[Row]) -> Markup:
    spans = [Span(r["span_start"], r["span_end"], r["kind"], r["ref"], r["summary"][:200])
             for r in records if r["span_ok"]]
    return highlight(doc["text"], spans, page_markers(doc, blocks))


GENERATOR = '<meta name="generator" content="arkisto report">'
PAGE_FOLDERS = ("docs", "organisations", "persons")


def render_site(archive: Archive, today: date, db_name: str) -> dict[str, str]:
    """Every page of the site: relative path -> HTML."""
    env = environment()
    events = assign_lanes(archive, today)
    entities = Entities(archive)
    common = {"generated": datetime.now().isoformat(timespec="seconds"), "today": today, "db_name": db_name}
    by_doc: dict[str, list[Row]] = defaultdict(list)
    for kind in RECORD_TABLES.values():
        for r in archive.records[kind]:
            by_doc[r["document_id"]].append(r)
    counts = {"documents": len(archive.documents), "meetings": len(archive.records["meeting"]),
              "attendees": len(archive.records["attendee"]), "decisions": len(archive.records["decision"]),
              "commitments": len(archive.records["commitment"]), "errors": len(archive.errors)}
    orgs = sorted((e for e in entities.orgs.values() if e.items), key=lambda e: e.name.casefold())
    persons = sorted((e for e in entities.persons.values() if e.items), key=lambda e: e.name.casefold())
    pages = {"index.html": env.get_template("index.html").render(
        root="", counts=counts, timeline=layout(events, today), documents=archive.documents,
        errors=archive.errors, runs=archive.runs, organisations=orgs, persons=persons,
        overdue=sum(1 for c in archive.records["commitment"] if c["overdue"]), **common)}
    document = env.get_template("document.html")
    for doc in archive.documents:
        records = by_doc[doc["id"]]
        grouped = {kind: sorted((r for r in records if r["kind"] == kind),
                                key=lambda r: (not r["span_ok"], r.get("span_start") or 0, r["id"]))
                   for kind in RECORD_TABLES.values()}
        pages[doc["href"]] = document.render(
            root="../", doc=doc, text=document_text(doc, records, archive.blocks.get(doc["id"], [])),
            records=grouped, numbered=any(r.get("item_number") for r in grouped["decision"]),
            runs=archive.runs, **common)
    entity = env.get_template("entity.html")
    for e in orgs + persons:
        pages[e.href] = entity.render(root="../", entity=e, items=e.timeline(), **common)
    return pages


def write_site(out: Path, pages: dict[str, str]) -> None:
    """Write ``pages`` under ``out``; pages an earlier report wrote there and this one did not are removed."""
    try:
        for folder in PAGE_FOLDERS:
            for old in (out / folder).glob("*.html"):
                name = f"{folder}/{old.name}"
                if name not in pages and GENERATOR in old.read_text(encoding="utf-8", errors="replace")[:2000]:
                    old.unlink()
        for name, html in pages.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
    except OSError as e:
        raise ReportError(f"cannot write the report to {out}: {e.strerror or e}") from e


def build_report(db: Path = DEFAULT_DB, out: Path = Path("output/report"), today: date | None = None) -> Summary:
    """Read ``db`` and write the site into ``out``; returns what was written."""
    archive = read_archive(Path(db))
    pages = render_site(archive, today or date.today(), Path(db).name)
    write_site(Path(out), pages)
    count = Counter(name.split("/")[0] for name in pages)
    return Summary(Path(out), count["docs"], count["organisations"], count["persons"])

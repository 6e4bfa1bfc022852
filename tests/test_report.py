"""``arkisto report``: highlighting, timeline layout, and the site built from a real ingested archive."""
from __future__ import annotations

import html
import importlib
import re
import shutil
import sqlite3
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup
from typer.testing import CliRunner

from pipeline.cli import COMMAND_MODULES, app
from pipeline.report import fi_date, page_name, parse_day, slug
from pipeline.report_highlight import Span, highlight
from pipeline.report_timeline import Event, layout, overdue

for _module in COMMAND_MODULES:  # the verbs main() would register
    importlib.import_module(_module)

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SCRIPT_TEXT = ("Hallituksen pöytäkirja 3.2.2009\n\n"
               "Raaka merkintä: <script>alert(1)</script>\n\n"
               "Koodattu merkintä: &lt;script&gt;alert(2)&lt;/script&gt;\n\n"
               "Hallitus päätti hyväksyä talousarvion <b>yksimielisesti</b> & siirtää asian.\n")
_SITES: dict[str, tuple[Path, Path]] = {}


# -- helpers ---------------------------------------------------------------------------

def arkisto(*args: object) -> tuple[int, str]:
    """Run the real CLI app in-process; returns exit code and stderr."""
    result = CliRunner().invoke(app, [str(a) for a in args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stderr


def ingest_and_report(name: str, paths: list[Path], base: Path, *extra: str) -> tuple[Path, Path]:
    """An archive of ``paths`` made by ``arkisto ingest`` and its site by ``arkisto report``; built once."""
    if name not in _SITES:
        db, out = base / f"{name}.sqlite", base / f"{name}-site"
        code, err = arkisto("ingest", *paths, "--db", db, "-q")
        assert db.exists(), err
        code, err = arkisto("report", "--db", db, "--out", out, *extra)
        assert code == 0, err
        _SITES[name] = (db, out)
    return _SITES[name]


def sample_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """``samples/`` ingested and reported once per test session (shared with the browser test)."""
    if "samples" not in _SITES:
        ingest_and_report("samples", [SAMPLES], tmp_path_factory.mktemp("report"))
    return _SITES["samples"]


def rows(db: Path, sql: str, *params: object) -> list[sqlite3.Row]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


class Page(HTMLParser):
    """What the tests read from a page: links, ids, scripts, and the text inside each record's marks."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.scripts: list[str] = []
        self.marked: dict[str, str] = {}   # data-rec -> text covered by its marks
        self.mark_ids: list[str] = []
        self.classes: list[str] = []
        self._open: list[str | None] = []  # data-rec of each open <mark>
        self._in_script = False
        self.feed(source)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        self.classes.extend((a.get("class") or "").split())
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.links.append(a[key] or "")
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if tag == "mark":
            self._open.append(a.get("data-rec"))
            if a.get("id"):
                self.mark_ids.append(a["id"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        for ref in self._open:
            if ref:
                self.marked[ref] = self.marked.get(ref, "") + data


def page(path: Path) -> Page:
    return Page(path.read_text(encoding="utf-8"))


def doc_pages(site: Path) -> list[Path]:
    return sorted((site / "docs").glob("*.html"))


# -- highlighting ------------------------------------------------------------------------

def test_overlapping_and_nested_spans_each_keep_their_exact_text() -> None:
    text = "Päätettiin 12.12.2008 että <b>Kerava</b> & Järvenpää hakevat avustusta."
    spans = [Span(0, 50, "decision", "decision-1", "päätös <x>"),
             Span(11, 21, "date", "date-7"),
             Span(28, 50, "commitment", "commitment-2"),   # overlaps the decision's end
             Span(60, 90, "commitment", "commitment-3"),   # runs past the text: still inside
             Span(5, 5, "date", "date-empty"), Span(-1, 4, "date", "date-bad"), Span(3, 999, "date", "date-far")]
    out = highlight(text, spans)
    parsed = Page(str(out))
    for s in spans:
        if 0 <= s.start < s.end <= len(text):
            assert parsed.marked[s.ref] == text[s.start:s.end]
        else:
            assert s.ref not in parsed.marked
    assert sorted(parsed.mark_ids) == sorted({s.ref for s in spans if s.ref in parsed.marked})
    assert "<b>" not in str(out)
    assert "&lt;b&gt;Kerava&lt;/b&gt; &amp; Järvenpää" in re.sub(r"<[^>]+>", "", str(out))
    assert 'title="päätös &lt;x&gt;"' in out


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="ab <&>\"'\nä", min_size=1, max_size=60),
       raw=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60), st.sampled_from(["decision", "date"])),
                    max_size=8))
def test_any_spans_give_the_text_back_and_every_span_its_own_text(text: str, raw: list) -> None:
    spans = [Span(a, b, kind, f"{kind}-{i}") for i, (a, b, kind) in enumerate(raw)]
    out = str(highlight(text, spans))
    parsed = Page(out)
    assert html.unescape(re.sub(r"<[^>]+>", "", out)) == text
    for s in spans:
        if 0 <= s.start < s.end <= len(text):
            assert parsed.marked[s.ref] == text[s.start:s.end]
            assert parsed.mark_ids.count(s.ref) == 1


def test_page_markers_sit_between_marks_at_their_offsets() -> None:
    text = "sivu yksi\n\nsivu kaksi"
    out = highlight(text, [Span(0, len(text), "decision", "decision-1")],
                    {0: Markup('<span class="page-marker">s. 1</span>'), 11: Markup('<span class="page-marker">s. 2</span>')})
    assert out.startswith('<span class="page-marker">s. 1</span><mark')
    assert '</mark><span class="page-marker">s. 2</span><mark class="rec-decision" data-rec="decision-1">sivu' in out
    assert Page(str(out)).marked["decision-1"] == text


# -- timeline and small helpers -----------------------------------------------------------------

def test_timeline_lanes_follow_first_dates_and_x_follows_time() -> None:
    events = [Event(date(2009, 3, 1), "johtoryhmä", "Johtoryhmä", "decision", "a", "x"),
              Event(date(2008, 6, 17), "kehittämisryhmä", "Kehittämisryhmä", "meeting", "b", "y"),
              Event(date(2008, 12, 2), "kehittämisryhmä", "Kehittämisryhmä", "commitment", "c", "z", overdue=True),
              Event(date(2008, 12, 2), "kehittämisryhmä", "Kehittämisryhmä", "commitment", "d", "w", overdue=True),
              Event(date(2008, 7, 1), None, "", "commitment", "e", "v")]
    t = layout(events, today=date(2024, 1, 1))
    assert t is not None
    assert [lane.title for lane in t.lanes] == ["Kehittämisryhmä", "Johtoryhmä", ""]
    by_href = {m.href: m for m in t.markers}
    assert by_href["b"].x < by_href["e"].x < by_href["c"].x < by_href["a"].x
    assert by_href["c"].count == 2 and by_href["c"].overdue and "d" not in by_href
    assert t.left <= min(m.x for m in t.markers) and max(m.x for m in t.markers) <= t.right
    assert t.today_x is None
    assert any(tick.year == "2009" for tick in t.ticks) and any(tick.label == "12" for tick in t.ticks)
    assert layout([], today=date(2024, 1, 1)) is None


def test_long_spans_get_year_ticks() -> None:
    events = [Event(date(2001, 5, 1), "a", "A", "meeting", "x", ""), Event(date(2015, 5, 1), "a", "A", "meeting", "y", "")]
    t = layout(events, today=date(2010, 1, 1))
    assert t is not None and t.today_x is not None
    assert [tick.label for tick in t.ticks if tick.major][:3] == ["2001", "2002", "2003"]


def test_overdue_needs_a_passed_due_day_and_no_later_record() -> None:
    today = date(2010, 1, 1)
    assert overdue(date(2008, 12, 2), today, [date(2008, 6, 17)])
    assert not overdue(date(2008, 12, 2), today, [date(2008, 12, 2)])
    assert not overdue(date(2011, 1, 1), today, [])
    assert not overdue(None, today, [])


def test_dates_slugs_and_page_names() -> None:
    assert parse_day("2009-03-01/2009-05-31") == date(2009, 3, 1)
    assert parse_day("2008-12") == date(2008, 12, 1) and parse_day("2008-02-30") is None and parse_day(None) is None
    assert fi_date("2008-06-17") == "17.6.2008" and fi_date("2009-03-01/2009-05-31") == "1.3.2009–31.5.2009"
    assert slug("Keravan kasvatus- ja opetusvirasto") == "keravan-kasvatus-ja-opetusvirasto"
    assert slug("../<script>") == "script" and slug("§§") == "x"
    a, b = page_name("organisations", "Kerava", "org:kerava"), page_name("organisations", "Kerava", "org:kerava x")
    assert a != b and re.fullmatch(r"organisations/kerava-[0-9a-f]{8}\.html", a)


# -- the site of a real archive --------------------------------------------------------------------

@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return sample_site(tmp_path_factory)


@pytest.mark.slow
def test_index_has_counts_a_timeline_with_markers_and_every_document(site: tuple[Path, Path]) -> None:
    db, out = site
    index = (out / "index.html").read_text(encoding="utf-8")
    documents = rows(db, "SELECT id, title, source FROM documents")
    assert documents
    for table in ("documents", "meetings", "attendees", "decisions", "commitments", "errors"):
        n = rows(db, f"SELECT count(*) AS n FROM {table}")[0]["n"]
        assert re.search(rf'card-{table}[^>]*><span class="num">{n}</span>', index), table
    dated = rows(db, "SELECT (SELECT count(*) FROM meetings WHERE date IS NOT NULL)"
                     " + (SELECT count(*) FROM decisions WHERE date IS NOT NULL) AS n")[0]["n"]
    assert dated > 0, "the samples hold dated meetings"
    svg = index[index.index("<svg"):index.index("</svg>")]
    assert svg.count('class="marker m-') >= 1 and "<title" in svg
    parsed = Page(index)
    pages = [link for link in parsed.links if link.startswith("docs/") and "#" not in link]
    assert len(pages) == len(documents)
    assert sorted(out / p for p in pages) == doc_pages(out)


@pytest.mark.slow
def test_every_decision_quote_is_inside_its_marks(site: tuple[Path, Path]) -> None:
    db, out = site
    decisions = rows(db, "SELECT d.id, d.quote, d.span_start, d.span_end, doc.text FROM decisions d"
                         " JOIN documents doc ON doc.id = d.document_id WHERE d.span_end > d.span_start")
    assert decisions, "the samples hold decisions"
    marked: dict[str, str] = {}
    for p in doc_pages(out):
        marked.update(page(p).marked)
    for d in decisions:
        evidence = d["text"][d["span_start"]:d["span_end"]]
        assert marked[f"decision-{d['id']}"] == evidence
        if d["quote"] == evidence:
            assert d["quote"] in marked[f"decision-{d['id']}"]


@pytest.mark.slow
def test_links_are_relative_and_resolve_and_nothing_is_fetched(site: tuple[Path, Path]) -> None:
    _, out = site
    pages = sorted(out.rglob("*.html"))
    assert len(pages) > len(doc_pages(out)) + 1  # organisation and person pages too
    parsed = {p.resolve(): page(p) for p in pages}
    for path in pages:
        source = path.read_text(encoding="utf-8")
        assert re.fullmatch(r"[a-z0-9-]+\.html", path.name), path.name
        assert "<link" not in source and "@import" not in source and "url(" not in source
        assert re.search(r'<html lang="(fi|sv|en)">', source)
        for link in parsed[path.resolve()].links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), (path, link)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert target.is_file() and out.resolve() in target.parents, (path, link)
            if parts.fragment:
                assert unquote(parts.fragment) in parsed[target].ids, (path, link)


@pytest.mark.slow
def test_organisation_pages_include_kerava_when_it_appears(site: tuple[Path, Path]) -> None:
    db, out = site
    names = [r[0] for r in rows(db, "SELECT name FROM organisations UNION ALL SELECT organization FROM attendees"
                                    " UNION ALL SELECT place FROM meetings UNION ALL SELECT body FROM meetings")]
    if not any(n and re.search(r"\bkerava", n, re.I) for n in names):
        pytest.skip("Kerava does not appear in this archive")
    pages = {p.name: p for p in (out / "organisations").glob("*.html")}
    kerava = [p for name, p in pages.items() if name.startswith("kerava-")]
    assert kerava, sorted(pages)
    text = kerava[0].read_text(encoding="utf-8")
    assert "<h1>Kerava</h1>" in text and 'href="../docs/' in text


@pytest.mark.slow
def test_markup_in_a_document_is_shown_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "aineisto"
    folder.mkdir()
    (folder / "script.txt").write_text(SCRIPT_TEXT, encoding="utf-8")
    (folder / "~$lukko.docx").write_bytes(b"\x00lock <img src=x onerror=alert(3)>")
    db, out = ingest_and_report("script", [folder], tmp_path)
    stored = rows(db, "SELECT text FROM documents")[0]["text"]
    assert "<script>alert(" in stored, "the archive keeps the markup as text"
    doc = doc_pages(out)[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in doc
    for path in out.rglob("*.html"):
        source = path.read_text(encoding="utf-8")
        assert "<script>alert" not in source and "<img" not in source and "<b>yksi" not in source
        assert all("alert(" not in s for s in Page(source).scripts)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "~$lukko.docx" in index and 'card-errors warn"><span class="num">1</span>' in index


@pytest.mark.slow
def test_past_due_commitments_depend_on_the_day(site: tuple[Path, Path], tmp_path: Path) -> None:
    db, _ = site
    dues = [parse_day(r[0]) for r in rows(db, "SELECT due FROM commitments WHERE due IS NOT NULL")]
    dues = [d for d in dues if d]
    if not dues:
        pytest.skip("no commitment in the samples has a due day")
    early, late = tmp_path / "early", tmp_path / "late"
    assert arkisto("report", "--db", db, "--out", early, "--today", min(dues).isoformat())[0] == 0
    assert arkisto("report", "--db", db, "--out", late, "--today", "2999-01-01")[0] == 0
    overdue_marker = 'm-commitment overdue" data-kind="commitment"'
    assert overdue_marker not in (early / "index.html").read_text(encoding="utf-8")
    # a due day after every meeting and decision cannot have been followed up
    last = max(d for d in (parse_day(r[0]) for r in rows(db, "SELECT date FROM meetings UNION ALL"
                                                               " SELECT date FROM decisions")) if d)
    if max(dues) > last:
        assert overdue_marker in (late / "index.html").read_text(encoding="utf-8")
        assert any("myöhässä</span>" in p.read_text(encoding="utf-8") for p in doc_pages(late))


@pytest.mark.slow
def test_an_archive_of_failures_only_and_stale_pages_removed(site: tuple[Path, Path], tmp_path: Path) -> None:
    _, sample_out = site
    out = tmp_path / "site"
    shutil.copytree(sample_out, out)
    (out / "docs" / "oma-muistiinpano.html").write_text("<p>not ours</p>", encoding="utf-8")
    folder = tmp_path / "rikki"
    folder.mkdir()
    (folder / "~$kokous.docx").write_bytes(b"\x00" * 162)
    db = tmp_path / "rikki.sqlite"
    arkisto("ingest", folder, "--db", db, "-q")
    code, err = arkisto("report", "--db", db, "--out", out)
    assert code == 0, err
    assert [p.name for p in doc_pages(out)] == ["oma-muistiinpano.html"]
    assert not list((out / "organisations").glob("*.html")) and not list((out / "persons").glob("*.html"))
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'card-documents"><span class="num">0</span>' in index and "<svg" not in index
    assert "~$kokous.docx" in index


def test_a_missing_archive_is_a_one_line_error(tmp_path: Path) -> None:
    code, err = arkisto("report", "--db", tmp_path / "ei.sqlite", "--out", tmp_path / "site")
    assert code == 2 and "no archive" in err and len(err.strip().splitlines()) == 1
    (tmp_path / "muu.sqlite").write_bytes(b"not a database at all" * 10)
    code, err = arkisto("report", "--db", tmp_path / "muu.sqlite", "--out", tmp_path / "site")
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, err = arkisto("report", "--db", tmp_path / "ei.sqlite", "--out", tmp_path / "site", "--today", "huomenna")
    assert code == 2 and "--today" in err

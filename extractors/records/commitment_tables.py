"""Action tables: rows whose owner and due columns make them commitments.

Layouts vary: an action list (``Toimenpide | Vastuu | Aikataulu``, ``Action | Owner | Due``),
a schedule (``Vaihe | Ajankohta | Vastuu``), or minutes kept as a table (``§ | Asia | Käsittely
ja päätös | Vastuu | Aikataulu``) whose owner cell may hold a whole clause
(``Johanna Virta kokoaa lomakeluonnoksen``). The task is the action cell, else the owner cell
when it is a clause, else the row's decision or matter cell; the actor is the owner (or the
clause's subject); an empty owner (``–``, ``n/a``, ``ei``) means the row assigns nothing.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from schemas.document import Block, BlockKind, Document
from schemas.records import Commitment

from . import cues
from .clauses import actor_parts, subject_actors, task_clause
from .commitment_due import DueMeetings, due_value, meeting_due
from .context import ISO_DAY, Context, dates_in, deadline_date
from .dates import DateMatch, find_dates
from .evidence import evidence
from .sentences import table_cells

NAME, VERSION = "commitments", "3"
MIN_ACTION_WORDS = 3  # a one-word cell under "Tehtävä" names a task group, not an obligation
MAX_HEADER_WORDS = 4
ROLES = ("action", "owner", "due", "matter", "decision", "discussion")
HAS_WORD = re.compile(r"\w")
SENTENCE_END = re.compile(r"(?<=[^\W\d]{3})[.!]\s+(?=[A-ZÅÄÖ])")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class ActionColumns:
    action: int | None
    owner: int | None
    due: int | None
    matter: int | None = None
    decision: int | None = None  # the decision, or the discussion-and-decision, column
    first_row: int = 1  # 0 for a table's continuation after a page break (no header of its own)

    @property
    def handled(self) -> set[int]:
        """Columns whose cells the row reading consumes (their sentences are not read again)."""
        return {c for c in (self.action, self.owner, self.due, self.matter) if c is not None}


def action_columns(block: Block, lang: str) -> ActionColumns | None:
    """The roles of a table's columns, when its header names an action or an owner column."""
    header = block.rows[0] if block.rows else []
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        if len(cell.split()) > MAX_HEADER_WORDS:
            continue
        for role in ROLES:
            m = cues.search(lang, f"table.{role}_column", cell)
            if m and m.start() == 0 and role not in found:
                found[role] = i
                break
    if len(block.rows) < 2:
        return None
    # an owner column alone is an agenda's presenter ('Item | Lead'); with a due or a decision
    # column beside it, it assigns tasks
    if "action" not in found and not ("owner" in found and found.keys() & {"decision", "discussion", "due"}):
        return None
    return ActionColumns(found.get("action"), found.get("owner"), found.get("due"), found.get("matter"),
                         found.get("decision", found.get("discussion")))


def action_tables(doc: Document, lang: str) -> dict[int, ActionColumns]:
    """Every action table by block index; a headerless table right after one, with as many
    columns, continues it over a page break and reads with its columns."""
    out: dict[int, ActionColumns] = {}
    previous: tuple[Block, ActionColumns] | None = None
    for b in doc.blocks:
        if b.kind in (BlockKind.HEADER, BlockKind.FOOTER):
            continue
        if not b.rows:
            previous = None
            continue
        if cols := action_columns(b, lang):
            out[b.index] = cols
        elif previous and len(b.rows[0]) == len(previous[0].rows[0]):
            cols = ActionColumns(**{**previous[1].__dict__, "first_row": 0})
            out[b.index] = cols
        previous = (b, cols) if cols else None
    return out


def task_cells(doc: Document, tables: dict[int, ActionColumns]) -> list[tuple[int, int]]:
    """Spans of the cells the row reading consumes: header, action, owner, due and matter cells."""
    return [(s, e) for index, cols in tables.items() for r, c, s, e in table_cells(doc.blocks[index])
            if c in cols.handled or r < cols.first_row]


def is_empty_cell(text: str, lang: str) -> bool:
    """'', '–', '-', 'n/a', 'ei': a cell that says nobody or nothing."""
    text = text.strip(" .")
    if not HAS_WORD.search(text):
        return True
    m = cues.search(lang, "table.empty_cell", text)
    return bool(m and m.start() == 0 and m.end() == len(text))


def table_commitments(ctx: Context, block: Block, cols: ActionColumns, resolve: Callable[[str], str],
                      actors_of: Callable[[str], list[str]], meetings: DueMeetings) -> list[Commitment]:
    """One commitment per row that assigns a task; ``resolve`` maps an actor to a full name,
    ``actors_of`` finds the actors in a task's own words when the table has no owner column,
    ``meetings`` are those a deadline cell may name ('before the next meeting')."""
    cells = {(r, c): (s, e) for r, c, s, e in table_cells(block)}
    text_of = {k: ctx.doc.text[s:e].strip() for k, (s, e) in cells.items()}
    out = []
    for r in range(cols.first_row, len(block.rows)):
        found = _row_task(ctx, r, cols, text_of, cells)
        if not found:
            continue
        text, span, actors = found
        actors = [resolve(a) for a in actors] if cols.owner is not None else actors_of(text)
        due, due_raw = _row_due(ctx, r, cols, cells, span, meetings)
        row = [v for (rr, _), v in cells.items() if rr == r]
        out.append(Commitment(text=text, actors=list(dict.fromkeys(actors)), due=due,
                              due_raw=due_raw, evidence=evidence(ctx.doc, min(s for s, _ in row),
                                                                 max(e for _, e in row), NAME, VERSION, 0.75)))
    return out


def _row_task(ctx: Context, r: int, cols: ActionColumns, text_of: dict, cells: dict
              ) -> tuple[str, tuple[int, int], list[str]] | None:
    """(task text, its span, actors) of row ``r``, or None when the row assigns nothing."""
    lang = ctx.lang
    owner = text_of.get((r, cols.owner), "") if cols.owner is not None else ""
    owner_empty = is_empty_cell(owner, lang)
    clause = task_clause(owner, lang) if not owner_empty else None
    actors = ([] if owner_empty else subject_actors(clause.subject, lang) if clause and clause.subject
              else [] if clause else _owner_names(owner, lang))
    if cols.action is not None:
        action = text_of.get((r, cols.action), "")
        has_owner_or_due = cols.owner is not None or cols.due is not None
        if is_empty_cell(action, lang) or len(action.split()) < (1 if has_owner_or_due else MIN_ACTION_WORDS):
            return None
        start, end = cells[(r, cols.action)]
        kept = [(a, b) for a, b in _sentence_spans(ctx.doc.text, start, end) if not is_deferral(ctx.doc.text[a:b], lang)]
        if not kept:
            return None  # 'Kokous siirretään' alone: the row decides, it assigns nothing
        return ctx.doc.text[kept[0][0]:kept[-1][1]].strip(), (kept[0][0], kept[-1][1]), actors
    if owner_empty:
        return None
    if clause:
        return owner, cells[(r, cols.owner)], actors
    for col in (cols.decision, cols.matter):
        if col is not None and not is_empty_cell(text_of.get((r, col), ""), lang):
            return text_of[(r, col)], cells[(r, col)], actors
    return None


def is_deferral(text: str, lang: str) -> bool:
    """A postponing or cancelling sentence ('Käyttöönotto päätettiin siirtää') decides; it is no task."""
    return bool(cues.search(lang, "decision.postponed", text) or cues.search(lang, "decision.cancelled", text))


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences of a cell: a full stop, then a capital."""
    spans, a = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        spans.append((a, m.start() + 1))
        a = m.end()
    spans.append((a, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _owner_names(cell: str, lang: str) -> list[str]:
    """An owner cell of names or bodies: 'ARVO-hanke ja Vihdin kunta', 'perhepalvelupäällikkö Tuula Heikkinen'."""
    out = []
    for part in actor_parts(cell, lang):
        part = part.strip(" .")
        if part:
            out.extend(subject_actors(part, lang) or [part])
    return out


def _row_due(ctx: Context, r: int, cols: ActionColumns, cells: dict, task_span: tuple[int, int],
             meetings: DueMeetings) -> tuple[str | None, str | None]:
    if cols.due is not None and (r, cols.due) in cells:
        start, end = cells[(r, cols.due)]
        found = _cell_dates(ctx, (start, end))
        if found and not YEAR.search(found[0].text) and (ref := _column_reference(ctx, r, cols.due, cells)):
            # 'IV neljännes' under 'Q3/2009' in a schedule: the year of the rows around it, not
            # the one nearest the document's date
            found = [d for d in find_dates(ctx.doc.text[start:end], ctx.lang, ref)
                     if d.valid and d.value and d.type != "time"] or found
        if found:
            return due_value(found[0]), found[0].text
    else:
        start, end = task_span
        if d := deadline_date(ctx, start, end, ctx.doc.text[start:end]):
            return due_value(d), d.text
    # no date in the due cell (or the task): 'before the next meeting'
    return meeting_due(ctx.lang, ctx.doc.text[start:end], meetings) or (None, None)


def _cell_dates(ctx: Context, span: tuple[int, int]) -> list[DateMatch]:
    return [d for d in dates_in(ctx.dates, *span) if d.valid and d.value and d.type != "time"]


def _column_reference(ctx: Context, r: int, col: int, cells: dict) -> dt.date | None:
    """The first day of the nearest due cell above row ``r`` (else below) that writes its year."""
    rows = sorted({rr for rr, cc in cells if cc == col and rr != r}, key=lambda rr: (rr > r, abs(rr - r)))
    for rr in rows:
        for d in _cell_dates(ctx, cells[(rr, col)]):
            value = d.value.lstrip("./")[:10]
            if YEAR.search(d.text) and ISO_DAY.fullmatch(value):
                return dt.date.fromisoformat(value)
    return None

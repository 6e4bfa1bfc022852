"""Commitments: forward-looking obligations with actors, a due date or period, and the decision they came from.

Two sources: sentences (an obligation anchored to a deadline, a pledge or assignment, a task
clause -- a person or body acting in the present tense, which in minutes is the future -- with a
time ahead, an item of an action list) and action tables (``commitment_tables``), whose owner and
due columns give actors and dates.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.lang import load
from schemas.records import Commitment, Decision, DecisionType, DocKind, Meeting

from . import cues
from .clauses import TaskClause, subject_actors, task_clause
from .commitment_due import DueMeetings, future_dates, meeting_deadline, next_meeting, sentence_due
from .commitment_tables import action_tables, table_commitments, task_cells
from .context import Context, body_in, dates_in, deadline_date
from .decisions import is_proposal, under_proposals
from .evidence import evidence
from .normalise import find_municipalities
from .sentences import Sentence
from .verbs import forward_verbs, present_active_verbs

NAME, VERSION = "commitments", "3"
DEFERRED = {DecisionType.POSTPONED, DecisionType.CANCELLED}
MIN_CONTENT_WORDS = 2  # '14.9.2007 mennessä' alone is a due cell, not a task
MAX_LABEL_WORDS = 6  # 'Vastuu: Heidi Gerdt ja Satu Karppanen.'
# Why a sentence is a commitment. A decision sentence is a commitment as well only when the
# commitment carries weight of its own (an actor, a deadline); a decision that something is done
# on a date ('päätti, että työaikaa lisätään 1.8. alkaen') stays a decision.
WEAK_REASONS = {"forward_date", "forward_later", "plan"}
RESOLVING = {DecisionType.DECIDED, DecisionType.APPROVED, DecisionType.ELECTED, DecisionType.AGREED}  # not noted

WORD = re.compile(r"[^\W\d_][\w-]*")
ORG_NOUN = re.compile(r"[^\S\n]+([a-zåäö][\w-]{3,})(?=[\s,.;:)]|$)")  # 'neuvola' after 'Vihdin '


def extract_commitments(ctx: Context, sents: list[Sentence], meetings: list[Meeting],
                        decisions: list[Decision], own: Meeting | None,
                        people: list[str]) -> list[Commitment]:
    decision_at = {d.evidence.start: d for d in decisions if d.evidence}
    resolve = lambda actor: _resolve(actor, people)  # noqa: E731 -- a first name to the attendee's full name
    out: list[Commitment] = []
    tables = action_tables(ctx.doc, ctx.lang)
    handled = task_cells(ctx.doc, tables)  # table cells the row reading consumes
    due_meetings = DueMeetings(own, next_meeting(meetings, own, ctx.doc_date, decisions))
    for index, cols in tables.items():
        out.extend(table_commitments(ctx, ctx.doc.blocks[index], cols, resolve,
                                     lambda text: _actors(ctx, text, people), due_meetings))
    # a row's decision cell that became the row's task is not read again as a sentence
    taken = [(c.evidence.block, c.text) for c in out if c.evidence]
    owners = _owner_labels(ctx, sents)
    for s in sents:
        if (s.text.rstrip().endswith("?") or s.block.kind in ("heading", "slide_title") or s.start in owners.labels
                or is_proposal(s.text, ctx.lang) or under_proposals(s, ctx.lang) or _event_line(ctx, s)
                or any(a <= s.start < b for a, b in handled)
                or any(block == s.block.index and s.text in text for block, text in taken)):
            continue
        decision = decision_at.get(s.start)
        if decision and decision.type in DEFERRED:
            continue  # a postponed or cancelled matter is not a promise
        confidence, reason = _confidence(ctx, s, people)
        named = owners.actors.get(s.start)
        if named and (confidence or decision or forward_verbs(s.text, ctx.lang)):
            confidence, reason = max(confidence, 0.7), "owner"  # someone is named responsible
        if not confidence or (decision and decision.type in RESOLVING and reason in WEAK_REASONS) \
                or not _has_content(ctx, s):
            continue
        due, due_raw = sentence_due(ctx, s, due_meetings)
        actors = [resolve(a) for a in named] if named else _actors(ctx, s.text, people)
        out.append(Commitment(
            text=s.text, actors=list(dict.fromkeys(actors)), due=due, due_raw=due_raw,
            decision=decision.id if decision else None,
            evidence=evidence(ctx.doc, s.start, s.end, NAME, VERSION, confidence)))
    out.sort(key=lambda c: c.evidence.start if c.evidence else 0)
    return out


def _confidence(ctx: Context, s: Sentence, people: list[str]) -> tuple[float, str]:
    """How surely ``s`` states an obligation (0 = not a commitment), and why."""
    lang, text = ctx.lang, s.text
    if cues.search(lang, "commitment.pledge", text) or cues.search(lang, "commitment.assignment", text):
        return 0.8, "cue"
    if s.in_list and _opens_action_list(lang, s.intro):
        return 0.6, "list"
    if s.in_list and _opens_action_list(lang, s.heading) and (_task(ctx, text) or _obligation(text, lang)
                                                             or forward_verbs(text, lang)):
        return 0.6, "list"  # under a 'Tehtävät' title, the items that say what is done (not a date line)
    if deadline_date(ctx, s.start, s.end, s.text) or meeting_deadline(lang, text):
        return 0.85, "deadline"
    if _named_actor_acts(ctx, s, people):
        return 0.7, "actor"
    ahead = future_dates(ctx, s.start, s.end)
    later = cues.search(lang, "commitment.later", text)
    if (ahead or later) and _task(ctx, text):
        return 0.75, "task"
    # cue words blanked: a cancellation ('perutaan') is a decision, not a plan
    verbs = forward_verbs(ctx.decision_cues.blanked(text), lang)
    if not (verbs or _obligation(text, lang)) or cues.search(lang, "commitment.open_question", text):
        return 0.0, ""  # 'discussed whether the network should apply': a question, not an obligation
    if ahead:
        return 0.8, "forward_date"
    if later and verbs:
        return 0.65, "forward_later"
    if ctx.kind == DocKind.PLAN and verbs:
        return 0.6, "plan"
    return 0.0, ""


def _event_line(ctx: Context, s: Sentence) -> bool:
    """'Sjundeå kommunhus, onsdag 7 november 2007 kl. 14–16': a place, a date and a time with no
    verb name an event; nobody is to do anything."""
    dates = [d for d in dates_in(ctx.dates, s.start, s.end) if d.start_time or d.type == "time"]
    if not dates or "\n" in s.text.strip():
        return False
    rest = s.text
    for d in dates_in(ctx.dates, s.start, s.end):
        rest = rest.replace(d.text, " ")
    return "," in rest and not forward_verbs(rest, ctx.lang) and not present_active_verbs(rest, ctx.lang) \
        and not _obligation(rest, ctx.lang) and len(WORD.findall(rest)) <= MAX_LABEL_WORDS


def _task(ctx: Context, text: str) -> TaskClause | None:
    """A task clause whose verb is not itself a decision word ('kokous siirtyy' moves a meeting)."""
    clause = task_clause(text, ctx.lang)
    if not clause:
        return None
    for _, matches in ctx.decision_cues.hits(text):
        if any(m.start() <= clause.verb_start < m.end() for m in matches):
            return None
    return clause


def _opens_action_list(lang: str, intro: str | None) -> bool:
    """'Jatkotoimenpiteet:', 'Att göra före nästa möte', 'Next steps': a line that opens a list of tasks."""
    return bool(intro and (m := cues.search(lang, "commitment.list_intro", intro)) and m.start() == 0)


def _has_content(ctx: Context, s: Sentence) -> bool:
    """Words beyond its dates and deadline words: '14.9.2007 mennessä' alone states no task."""
    text = s.text
    for d in dates_in(ctx.dates, s.start, s.end):
        a, b = d.start - s.start, min(d.end, s.end) - s.start
        text = text[:a] + " " * (b - a) + text[b:]
    for m in cues.finditer(ctx.lang, "commitment.deadline", text):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return len(WORD.findall(text)) >= MIN_CONTENT_WORDS


class _OwnerLabels:
    def __init__(self) -> None:
        self.labels: set[int] = set()  # starts of the label sentences themselves
        self.actors: dict[int, list[str]] = {}  # sentence start -> actors a label names for it


def _owner_labels(ctx: Context, sents: list[Sentence]) -> _OwnerLabels:
    """'Vastuu: Heidi Gerdt.', '(ansvarig: Anna Lindqvist)': who is responsible, for this
    sentence when inline, for the sentence before when the label stands alone."""
    found = _OwnerLabels()
    previous: Sentence | None = None
    for s in sents:
        m = cues.search(ctx.lang, "commitment.owner_label", s.text)
        if m:
            names = re.split(r"[)\]\n]|,\s+(?=[a-zåäö])", s.text[m.end():], maxsplit=1)[0].strip(" .")
            actors = subject_actors(names, ctx.lang) if 0 < len(names.split()) <= MAX_LABEL_WORDS else []
            if actors and m.start() == 0 and previous and previous.block.index >= s.block.index - 1:
                found.labels.add(s.start)
                found.actors[previous.start] = actors
            elif actors and m.start() > 0:
                found.actors[s.start] = actors
        previous = s
    return found


def _named_actor_acts(ctx: Context, s: Sentence, people: list[str]) -> bool:
    """'Sirpa hoitaa asian', 'Antti Nieminen varaa tilat': a listed person, then a present verb."""
    if not s.text.startswith(_first_words(tuple(people))):
        return False  # no attendee's first word opens it (most sentences): no need to look for names
    starts = _people_in(s.text[:40], people)
    if not (starts and s.text.startswith(starts[0].split()[0])):
        return False
    return bool(present_active_verbs(s.text, ctx.lang) or _obligation(s.text, ctx.lang))


def _obligation(text: str, lang: str) -> bool:
    if cues.search(lang, "commitment.obligation", text):
        return True
    pattern = (load(lang, "grammar") or {}).get("obligation_pattern")
    return bool(pattern and re.search(pattern, text, re.I))


def _people_in(text: str, people: list[str]) -> list[str]:
    """Attendees named in ``text`` by full name, or by a first name only one attendee has."""
    full, first = _name_patterns(tuple(people))
    found = [p for p, pattern in full if pattern.search(text)]
    found += [p for p, pattern in first if p not in found and pattern.search(text)]
    return found


@lru_cache(maxsize=64)
def _first_words(people: tuple[str, ...]) -> tuple[str, ...]:
    """The first word of each attendee's name: a sentence opened by a person starts with one."""
    return tuple(dict.fromkeys(p.split()[0] for p in people))


@lru_cache(maxsize=64)
def _name_patterns(people: tuple[str, ...]) -> tuple[list[tuple[str, re.Pattern[str]]], list[tuple[str, re.Pattern[str]]]]:
    """Each attendee's full name, and the first names only one attendee has, as whole-word
    patterns (compiled once per document's attendee list: they are tried on every sentence)."""
    word = lambda w: re.compile(rf"(?<!\w){re.escape(w)}(?!\w)")  # noqa: E731
    owners: dict[str, list[str]] = {}
    for p in people:
        owners.setdefault(p.split()[0], []).append(p)
    return ([(p, word(p)) for p in people],
            [(names[0], word(first)) for first, names in owners.items() if len(names) == 1])


def _resolve(actor: str, people: list[str]) -> str:
    """An actor named by first name only ('Mikko') as the one attendee of that name ('Mikko Saari')."""
    if len(actor.split()) == 1 and len(found := _people_in(actor, people)) == 1:
        return found[0]
    return actor


def _organisation(text: str, start: int, end: int, name: str, lang: str) -> str:
    """'Vihdin neuvola', 'Lojo stads socialverk': a municipality in the genitive before a noun names
    an organisation of that municipality, kept whole; otherwise the municipality itself."""
    suffixes = tuple((load(lang, "grammar") or {}).get("genitive_suffixes", []))
    word = text[start:end]
    noun = ORG_NOUN.match(text, end)
    if suffixes and noun and word != name and word.endswith(suffixes):
        return f"{word} {noun.group(1)}"
    return name


def _actors(ctx: Context, text: str, people: list[str]) -> list[str]:
    """Who is to act: the subject of the task clause ('Linda lämnar in ansökan till Länsstyrelsen'
    -> Linda, not the recipient); else municipalities listed, people named, or the body named."""
    clause = task_clause(text, ctx.lang)
    if clause and clause.subject:
        return [_resolve(a, people) for a in subject_actors(clause.subject, ctx.lang)]
    actors = [_organisation(text, start, end, name, ctx.lang) for start, end, name in find_municipalities(text)]
    actors += _people_in(text, people)
    if not actors and (body := body_in(text, ctx.lang)):
        actors.append(body)
    return list(dict.fromkeys(actors))

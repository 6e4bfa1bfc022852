"""Attendance told in sentences, and the memo writer named in one.

Memos written as prose name the people in a sentence instead of a list: 'Paikalla
olivat perusturvajohtaja A (puheenjohtaja), koulutoimenjohtaja B sekä ARVO-hankkeesta
erikoissuunnittelija C.', 'Närvarande var A och B.', 'Apologies were received from
D.', or with the clause after the list ('D ja E olivat poissa.'). The clause is a cue
(``attendance_clauses``, ``attendance_clauses_after``); the list runs to the end of
the sentence, split at commas and 'ja'/'och'/'and'. Each item is an optional
organisation in the elative ('ARVO-hankkeesta', 'Lohjan kaupungilta'), a job title,
the name and brackets.

'Muistion kirjoitti X', 'Vid pennan: X', 'Minutes taken by X' and 'X took the notes'
(``scribe_before``, ``scribe_after``) name the meeting's secretary.
"""
from __future__ import annotations

import re
from functools import cache

from schemas.document import Document
from schemas.records import Role

from .attendees_cues import Cues, cues, find_roles, is_job_title, is_name_title
from .attendees_names import parse_name
from .attendees_prose import Needs, ProseBlock, phrase_needs, words_of
from .attendees_text import Entry, Piece, Tok, add_attribute, set_role, split_top
from .normalise import normalise_place

COMMA = re.compile(r"\s*[,;]\s*")
MAX_ITEM_TOKENS = 9  # a list item is a title, a name and brackets, not a clause


def attendance_sentences(doc: Document, prose: list[ProseBlock],
                         c: Cues) -> tuple[list[Entry], list[Entry]]:
    """People in sentences that say who was present, absent or a guest; and the memo's writers."""
    listed: list[Entry] = []
    writers: list[Entry] = []
    firsts, lasts, scribe_words = _first_words()
    clauses, scribes = _phrase_needs()
    for block in prose:
        if not (block.may_hold(clauses) or block.may_hold(scribes)):
            continue  # no attendance clause and no scribe phrase in any of its sentences
        sents = block.sentences
        for i, (toks, words) in enumerate(sents):
            if words[0] in firsts or words[-1] in lasts:
                span, kind = _list_span(toks, words, c)
                if span:
                    listed.extend(_people(span, kind, doc.text, c))
            if not scribe_words.isdisjoint(words):
                if toks[-1].text.endswith(":") and i + 1 < len(sents):
                    toks = toks + sents[i + 1].toks  # 'Vid pennan: Maria Sjöberg', 'Minutes taken by: X'
                    words = words_of(toks)
                writers.extend(_scribes(toks, words, doc.text, c))
    return listed, writers


@cache
def _first_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that must be in a sentence before its cue phrases are looked for (speed)."""
    c = cues()
    return (frozenset(p[0] for p, _ in c.clauses), frozenset(p[-1] for p, _ in c.clauses_after),
            frozenset(p[0] for p in (*c.scribe_before, *c.scribe_after)))


@cache
def _phrase_needs() -> tuple[Needs, Needs]:
    """What a block needs to hold an attendance clause, and a scribe phrase."""
    c = cues()
    return (phrase_needs([p for p, _ in (*c.clauses, *c.clauses_after)]),
            phrase_needs([*c.scribe_before, *c.scribe_after]))


def _list_span(toks: list[Tok], words: list[str], c: Cues) -> tuple[list[Tok], str]:
    for phrase, kind in c.clauses:
        if tuple(words[:len(phrase)]) == phrase and not toks[len(phrase) - 1].text.endswith(":"):
            k = len(phrase)
            while k < len(words) and words[k] in c.list_adverbs:
                k += 1  # 'Mukana olivat myös ...'
            return toks[k:], kind
    for phrase, kind in c.clauses_after:
        if len(words) > len(phrase) and tuple(words[-len(phrase):]) == phrase:
            return toks[:-len(phrase)], kind
    return [], ""


def _people(span: list[Tok], kind: str, text: str, c: Cues) -> list[Entry]:
    piece = Piece(text[span[0].start:span[-1].end].rstrip(" .;"), span[0].start)
    items = [q for p in split_top(piece, COMMA) for q in split_top(p, c.connector_re)]
    entries = []
    for item in items:
        words = [w.strip(".,:;()").casefold() for w in item.text.split()]
        if len(words) > MAX_ITEM_TOKENS or any(w in c.clause_words for w in words):
            return []  # running text, not a list of people
        if (e := _person(item, kind, c)) is not None:
            entries.append(e)
    # Most items name someone: 'kaikki jäsenet sekä Heidi Gerdt' keeps Heidi, a clause none.
    return entries if entries and len(entries) * 2 >= len(items) else []


def _person(item: Piece, kind: str, c: Cues) -> Entry | None:
    np = parse_name(item, c)
    if np is None or " " not in np.name.text or not np.strong:
        return None
    words = np.name.text.split()
    if len(words) >= 3 and _elative_body(words[-1:], c):
        # 'Heikki Saarinen Kuntaliitosta': the body someone comes from, not a third name
        np = np._replace(name=Piece(np.name.text.rsplit(None, 1)[0], np.name.start), after=[words[-1], *np.after])
    e = Entry(np.name, kind, 0.75, True, end=item.end, display=np.display)
    org, title = _origin([w.strip(",;") for w in np.before], c)
    if org:
        e.org.append(org)
    if title and _role_phrase(" ".join(title)):
        set_role(e, " ".join(title))  # 'puheenjohtaja Pirjo Laine', not 'hallituksen puheenjohtaja'
    after = np.after
    if after and after[0].casefold() in c.origins and len(after) > 1:
        e.org.append(" ".join(after[1:]))  # 'Heidi Gerdt från ARVO-projektet', 'from the council'
        after = []
    elif after and (body := _elative_body(after, c)):
        e.org.append(body)  # 'Heikki Saarinen Kuntaliitosta', 'Sari Huttunen THL:stä'
        after = []
    for a in after:
        add_attribute(e, a, c)
    return e


def _role_phrase(text: str) -> bool:
    """Every letter of ``text`` belongs to a role word."""
    covered = [False] * len(text)
    for s, e, _, _ in find_roles(text):
        covered[s:e] = [True] * (e - s)
    return any(covered) and all(cov or not ch.isalpha() for ch, cov in zip(text, covered))


def _elative_body(words: list[str], c: Cues) -> str | None:
    """'Kuntaliitosta', 'THL:stä', 'Lohjan kaupungilta' after a name -> the body's base form."""
    if len(words) > 3 or not words[0][:1].isupper():
        return None
    org, rest = _origin(words, c)
    return org if org and not rest else None


def _origin(before: list[str], c: Cues) -> tuple[str | None, list[str]]:
    """'ARVO-hankkeesta erikoissuunnittelija' -> ('ARVO-hanke', ['erikoissuunnittelija'])."""
    if not before or not before[0][:1].isupper():
        return None, before
    for k, w in enumerate(before[:3]):
        if ":" in w and w.casefold().rsplit(":", 1)[1] in c.origin_endings:
            return " ".join([*before[:k], w.rsplit(":", 1)[0]]), before[k + 1:]  # 'THL:stä'
        if c.origin_endings and w.casefold().endswith(c.origin_endings):
            head, _, last = w.rpartition("-")
            base = normalise_place(last)
            if base.casefold() == last.casefold():
                return None, before  # no base form: not an inflected body
            base = f"{head}-{base}" if head else base
            return " ".join([*before[:k], base]), before[k + 1:]
    return None, before


# ---------------------------------------------------------------------------
# the writer of the memo


def _scribes(toks: list[Tok], words: list[str], text: str, c: Cues) -> list[Entry]:
    """'Muistion kirjoitti X.', 'Protokollet fördes av X', 'X took the minutes': the secretary."""
    found: list[Entry] = []
    for phrase in c.scribe_before:
        for k in _find(words, phrase):
            found.extend(_name_at(toks[k + len(phrase):k + len(phrase) + 5], text, phrase, c, after=True))
    for phrase in c.scribe_after:
        for k in _find(words, phrase):
            found.extend(_name_at(toks[max(0, k - 4):k], text, phrase, c, after=False))
    return found


def _find(words: list[str], phrase: tuple[str, ...]) -> list[int]:
    n = len(phrase)
    return [k for k, w in enumerate(words[:len(words) - n + 1]) if w == phrase[0] and tuple(words[k:k + n]) == phrase]


def _name_at(toks: list[Tok], text: str, phrase: tuple[str, ...], c: Cues, after: bool) -> list[Entry]:
    """The name right after the phrase (a title may come first), or the name ending right before it."""
    if not toks:
        return []
    np = parse_name(Piece(text[toks[0].start:toks[-1].end], toks[0].start), c)
    if np is None or " " not in np.name.text or not np.strong:
        return []
    if after and any(not (is_name_title(w, c) or is_job_title(w, c)) for w in np.before):
        return []
    if not after and np.after:
        return []
    e = Entry(Piece(np.name.text.rstrip("."), np.name.start), "present", 0.75, True, display=np.display)
    e.role, e.role_raw = Role.SECRETARY, " ".join(phrase)
    return [e]

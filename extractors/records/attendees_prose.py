"""Running text: roles of listed people and elected meeting officers; sentences and names.

Prose names many people; here it settles the role of a listed person ('puheenjohtaja
X', 'X toimi sihteerinä') and adds the meeting officers chosen in the minutes
('Kokouksen puheenjohtajaksi valittiin X', 'Mötet beslutar att välja X till
mötesordförande', 'X was elected chair of the meeting'). Speakers are in
``attendees_speakers``, attendance sentences in ``attendees_sentences``; ``prose_blocks``
cuts the running text into sentences for all three, once, and only the blocks that may hold
a phrase one of them looks for.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple

from schemas.document import BlockKind, Document
from schemas.records import Role

from .attendees_cues import Cues, cues, find_roles, is_job_title, is_name_title, role_of
from .attendees_mentions import first_name_spans, full_name_spans
from .attendees_text import Entry, Piece, Tok, bare_word, is_initials, is_name_word, is_plain_word, tokens_of
from .normalise import is_first_name, normalise_person

PROSE_ROLES = (Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY)
LETTER_RUN = re.compile(r"[^\W\d_]+")


def prose_roles(doc: Document, entries: list[Entry], c: Cues) -> dict[str, tuple[str, str]]:
    """Roles that running text gives listed people: name -> (role, the role word)."""
    text = doc.text
    firsts: dict[str, set[str]] = {}
    for e in entries:
        firsts.setdefault((e.display or e.name.text).split()[0].casefold(), set()).add(e.key)
    claims: dict[str, list[tuple[str, str, str, bool]]] = {}
    for e in {x.key: x for x in entries}.values():
        name = normalise_person(e.display or e.name.text)
        mentions = [(start, end, True) for start, end in full_name_spans(name, text)]
        first = name.split()[0]
        if len(firsts.get(first.casefold(), [])) == 1 and len(first) >= 3:
            mentions += [(start, end, False) for start, end in first_name_spans(first, text)]
        for start, end, full in mentions:
            for role, word, qualified in _roles_near(text, start, end, full, c):
                claims.setdefault(role, []).append((e.key, word, role, qualified))
    resolved: dict[str, tuple[str, str]] = {}
    for role, found in claims.items():
        people = {k for k, _, _, _ in found}
        if len(people) > 1:
            people = {k for k, _, _, q in found if q}
        if len(people) == 1:
            key = people.pop()
            word = next(w for k, w, _, _ in found if k == key)
            resolved.setdefault(key, (role, word))
    return resolved


def _roles_near(text: str, start: int, end: int, full: bool, c: Cues) -> list[tuple[str, str, bool]]:
    before = text[max(0, start - 80):start]
    before = re.split(r"[\n.!?](?:\s|$)|\n", before)[-1]
    words = before.split()
    found = []
    window = words[-4:] if full else words[-1:]
    skipped: list[str] = []
    for k, w in enumerate(reversed(window)):
        if k == 0 and w.endswith((")", ",", ";")):
            break  # '(Lohja, pj.), Name' or '(pj.) Name': the role closes the previous person's words
        w_clean = w.strip(",.:;()")
        if (r := role_of(w_clean)) and r[0] in PROSE_ROLES:
            # 'Kokouksen puheenjohtajaksi valittiin X' names the meeting's chair; 'hallituksen
            # puheenjohtaja X' may not: qualified claims win when several people claim a role.
            lead = words[-(k + 2)].casefold().strip(",.:;") if len(words) >= k + 2 else ""
            qualified = not full or lead in c.qualifiers or any(x in c.qualifiers for x in skipped)
            found.append((r[0], w_clean, qualified))
            break
        # Only linking words may stand between a role and the name ('puheenjohtajaksi valittiin').
        if w_clean.casefold() not in c.qualifiers | c.links or (k and w.endswith(",")):
            break
        skipped.append(w_clean.casefold())
    if full:
        after = text[end:end + 50].split("\n")[0]
        m = c.role_link.match(after)
        if m and (r := role_of(m.group(1))) and r[0] in PROSE_ROLES:
            found.append((r[0], m.group(1), True))
    return found


# ---------------------------------------------------------------------------
# sentences and the names in them


def sentences(piece: Piece, c: Cues) -> list[list[Tok]]:
    """The tokens of ``piece`` cut into sentences (not after 'Prof.' or an initial)."""
    out: list[list[Tok]] = [[]]
    for tok in tokens_of(piece):
        out[-1].append(tok)
        word = tok.text.rstrip("\"'”)")
        if word.endswith((".", "!", "?", ":")) and not (is_initials(word) or is_name_title(word, c)):
            out.append([])
    return [s for s in out if s]


class Sentence(NamedTuple):
    """A sentence of running text: its tokens and their bare, case-folded words."""

    toks: list[Tok]
    words: list[str]  # ``words_of(toks)``


@dataclass(frozen=True)
class Needs:
    """The phrases a reader looks for, as the words each needs, filed under one of those words."""

    by_word: dict[str, tuple[frozenset[str], ...]]
    always: bool  # an empty phrase, or a word that is not all letters: any block may hold one


class ProseBlock:
    """A block of running text, cut into sentences once and only when a reader asks: few blocks
    hold the words any reader looks for, and cutting every block was a sixth of the attendee rules."""

    def __init__(self, piece: Piece, c: Cues) -> None:
        self._piece, self._c = piece, c
        self._runs: frozenset[str] | None = None
        self._sentences: list[Sentence] | None = None

    @property
    def sentences(self) -> list[Sentence]:
        if self._sentences is None:
            self._sentences = [Sentence(toks, words_of(toks)) for toks in sentences(self._piece, self._c)]
        return self._sentences

    def may_hold(self, needs: Needs) -> bool:
        """Whether a sentence of the block may hold one of the phrases ``needs`` stands for. A word
        of a sentence that is all letters is a whole run of letters of the case-folded block (tokens
        end at white space, brackets and the punctuation ``words_of`` strips), so a phrase with a
        word among no such run is in none of its sentences."""
        if needs.always:
            return True
        if self._runs is None:
            self._runs = frozenset(LETTER_RUN.findall(self._piece.text.casefold()))
        return any(need <= self._runs for word in needs.by_word.keys() & self._runs for need in needs.by_word[word])


def phrase_needs(phrases: Iterable[tuple[str, ...]]) -> Needs:
    """The words each phrase needs in a block, filed under its first word; any block may hold
    one when a phrase is empty or has a word that is not all letters (runs of letters miss it)."""
    by_word: dict[str, list[frozenset[str]]] = {}
    always = False
    for phrase in phrases:
        always = always or not phrase or not all(LETTER_RUN.fullmatch(w) for w in phrase)
        if phrase:
            by_word.setdefault(phrase[0], []).append(frozenset(phrase))
    return Needs({word: tuple(needs) for word, needs in by_word.items()}, always)


def prose_blocks(doc: Document, c: Cues) -> list[ProseBlock]:
    """Each block that is not a table, for every prose reader (cut into sentences on demand)."""
    return [ProseBlock(Piece(block.text, block.start), c) for block in doc.blocks if block.kind != BlockKind.TABLE]


def names_in(toks: list[Tok], c: Cues, loose: bool = False) -> list[tuple[int, int]]:
    """Token spans [i, j) of person names: two to four name words, a known first name first
    or a title before (``loose``: or plain capitalised words inside the sentence); a
    capitalised word that is a role, body, place or function word is none."""
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        j = i
        while j < len(toks) and j - i < 4 and _in_name(toks[j].text, c, first=j == i):
            j += 1
            if toks[j - 1].text.endswith((",", ";", ".", ":")) and not is_initials(toks[j - 1].text):
                break
        titled = i > 0 and (is_name_title(toks[i - 1].text, c) or is_job_title(toks[i - 1].text, c))
        plain = loose and all(is_plain_word(t.text, c) for t in toks[i:j])
        if j - i >= 2 and (is_first_name(bare_word(toks[i].text)) or titled or plain):
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def _in_name(tok: str, c: Cues, first: bool) -> bool:
    if first:
        return is_plain_word(tok, c) or (is_name_word(tok) and is_first_name(bare_word(tok)))
    return is_name_word(tok) and not is_name_title(tok, c) and bare_word(tok).casefold() not in c.stopwords


def name_piece(toks: list[Tok], i: int, j: int, text: str) -> Piece:
    start, end = toks[i].start, toks[j - 1].end
    raw = text[start:end].rstrip(",;:.")
    return Piece(raw, start)


def words_of(toks: list[Tok]) -> list[str]:
    return [t.text.strip(",;:.!?\"'”“").casefold() for t in toks]


# ---------------------------------------------------------------------------
# meeting officers elected in the minutes


def elected_officers(doc: Document, prose: list[ProseBlock], c: Cues) -> list[Entry]:
    """Chairs and secretaries the meeting chose: 'Kokouksen sihteeriksi valittiin X'.

    A role counts when it is the meeting's (a meeting word in or before it, 'of the
    meeting' after it, or a past acting verb next to it: 'puheenjohtajana toimi X'), or
    is a bare role in the same sentence or in the two blocks after one that was
    ('Kokouksen puheenjohtajaksi valittiin A.' / 'Sihteeriksi kutsuttiin B.') and
    whose office is still open. The role of another body ('hallituksen puheenjohtajaksi') never counts. An officer
    verb must be in the sentence, and the nearest name with no other name between.
    """
    found: list[Entry] = []
    carry = 0
    filled: set[str] = set()  # a meeting has one chair and one secretary
    verbs = _officer_verb_needs()
    for block in prose:
        carry -= 1
        if not block.may_hold(verbs):
            continue
        for toks, words in block.sentences:
            if not any(w in c.officer_verbs for w in words):
                continue
            hits = _officer_roles(toks, words, c)
            if any(q == "meeting" for _, _, q in hits):
                carry = 3  # this block and the two after it
            hits = [(k, role) for k, role, q in hits
                    if q == "meeting" or (q == "bare" and carry > 0 and role not in filled)]
            names = names_in(toks, c, loose=True)
            taken: set[tuple[int, int]] = set()
            for k, role in hits:
                span = _nearest(k, [n for n in names if n not in taken], toks, words, c)
                if span is not None:
                    taken.add(span)
                    filled.add(role)
                    e = Entry(name_piece(toks, *span, doc.text), "present", 0.75, True)
                    e.role, e.role_raw = role, toks[k].text.strip(",;:.()")
                    found.append(e)
    return found


@lru_cache(maxsize=1)
def _officer_verb_needs() -> Needs:
    return phrase_needs((verb,) for verb in cues().officer_verbs)


def _officer_roles(toks: list[Tok], words: list[str], c: Cues) -> list[tuple[int, str, str]]:
    """(token index, role, 'meeting' | 'body' | 'bare') for each chair/secretary word."""
    out = []
    linking = c.officer_verbs | c.links | c.qualifiers | c.stopwords | c.connectors
    for k, tok in enumerate(toks):
        hits = find_roles(tok.text.strip(",;:.()"))
        if not hits or hits[0][0] != 0 or hits[0][2] not in PROSE_ROLES:
            continue
        if k > 0 and find_roles(toks[k - 1].text) and words[k - 1] not in c.meeting_words:
            continue  # second word of a role phrase ('vice ordförande')
        before = words[k - 1] if k else ""
        if any(words[k].startswith(m) for m in c.meeting_words) or before in c.meeting_words:
            qual = "meeting"  # 'kokouksen puheenjohtajaksi', 'mötesordförande'
        elif before and before not in linking and toks[k - 1].text[-1:].isalpha():
            qual = "body"  # 'hallituksen puheenjohtajaksi', 'yhtiön sihteeri'
        elif any(w in c.meeting_words for w in words[k + 1:k + 4]):
            qual = "meeting"  # 'chair of the meeting', 'chaired the meeting'
        elif any(w in c.acting_verbs for w in words[max(0, k - 3):k + 2]):
            qual = "meeting"  # 'Puheenjohtajana toimi X': who held the role, so at this meeting
        else:
            qual = "bare"
        out.append((k, hits[0][2], qual))
    return out


def _nearest(k: int, names: list[tuple[int, int]], toks: list[Tok], words: list[str],
             c: Cues) -> tuple[int, int] | None:
    """The name the role word at ``k`` belongs to: at most six words away, no sentence
    break between, and a name across the officer verb first ('sihteeriksi valittiin B')."""
    best, best_key = None, (2, 7)
    for i, j in names:
        lo, hi = (k + 1, i) if i > k else (j, k)
        d = hi - lo
        if d >= 7 or any(t.text.endswith((".", ";")) for t in toks[lo:hi]):
            continue
        key = (0 if any(w in c.officer_verbs for w in words[lo:hi]) else 1, d)
        if key < best_key:
            best, best_key = (i, j), key
    return best

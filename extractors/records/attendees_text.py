"""Pieces of the document text, name-shaped words, and one listed person (Entry)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from schemas.records import Role

from .attendees_cues import Cues, find_roles, is_job_title, is_name_title, role_of, role_only
from .normalise import canonical_municipality

# A capitalised word; 'O'Neill', 'McDonald' and 'MacLeod' keep a capital inside.
# Central European and Baltic letters too: partners' names in EU network minutes ('Wiśniewski').
UPPER = "A-ZÅÄÖÜÉÈÁÓÍÚŠŽØÆŁŚŻŹĆČŘĎŤŇĽĚŮÝŐŰĀĒĪŪĢĶĻŅÕ"
LOWER = "a-zåäöüéèáóíúšžøæçñąćęłńśźżčřďťňľěůýőűāēīūģķļņõ"
NAME_WORD = re.compile(rf"^(?:Mc|Mac|[OD]['’])?[{UPPER}]"
                       rf"[{LOWER}'’]+"
                       rf"(?:[-\u2010\u2011\u2013][{UPPER}{LOWER}][{LOWER}'’]+)*$")
INITIALS = re.compile(r"^(?:[A-ZÅÄÖ]\.?-?){1,3}$")
TOKEN = re.compile(r"\([^()]*\)|[^\s()]+")
SPACED_DASH_TAIL = re.compile(r"\s+[-\u2013\u2014]\s+([^-\u2013\u2014]+)$")
DASH_TOKEN = re.compile(r"^[-\u2010\u2011\u2012\u2013\u2014]$")


class Piece(NamedTuple):
    """A substring of the document text and where it starts."""

    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def sub(self, i: int, j: int | None = None) -> Piece:
        j = len(self.text) if j is None else j
        raw = self.text[i:j]
        lead = len(raw) - len(raw.lstrip())
        return Piece(raw.strip(), self.start + i + lead)


def piece_lines(piece: Piece) -> list[Piece]:
    out, pos = [], 0
    for line in piece.text.split("\n"):
        p = piece.sub(pos, pos + len(line))
        if p.text:
            out.append(p)
        pos += len(line) + 1
    return out


def split_top(piece: Piece, pattern: re.Pattern[str]) -> list[Piece]:
    out, pos = [], 0
    for m in pattern.finditer(piece.text):
        if bracket_depth(piece.text, m.start()) == 0:
            out.append(piece.sub(pos, m.start()))
            pos = m.end()
    out.append(piece.sub(pos))
    return [p for p in out if p.text]


def bracket_depth(text: str, pos: int) -> int:
    return text.count("(", 0, pos) - text.count(")", 0, pos)


class Tok(NamedTuple):
    text: str
    start: int
    end: int


def tokens_of(piece: Piece) -> list[Tok]:
    start, new = piece.start, tuple.__new__
    # tuple.__new__ skips NamedTuple's Python-level __new__, a third of the cost of a token
    return [new(Tok, (m.group(), start + m.start(), start + m.end())) for m in TOKEN.finditer(piece.text)]


def bare_word(word: str) -> str:
    return word.strip(",;:.")



def is_name_word(tok: str) -> bool:
    return bool(NAME_WORD.match(bare_word(tok))) or bool(NAME_WORD.match(tok.rstrip(",;:")))


def is_initials(tok: str) -> bool:
    return bool(INITIALS.match(tok.rstrip(",;:")))


def is_plain_word(tok: str, c: Cues) -> bool:
    """A capitalised word that is not a place, an organisation word, a role or a function word."""
    low = bare_word(tok).casefold()
    return (is_name_word(tok) and low not in c.org_words and low not in c.stopwords and not is_name_title(tok, c)
            and not find_roles(low) and canonical_municipality(bare_word(tok)) is None)


def join_dashes(toks: list[Tok], lower_tail: bool) -> list[Tok]:
    """Join 'A – B' into one token: surnames (B capitalised) or compounds ('ARVO - hanke')."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if (out and DASH_TOKEN.match(t.text) and i + 1 < len(toks)
                and (toks[i + 1].text[:1].islower() if lower_tail else is_name_word(toks[i + 1].text))
                and (lower_tail or is_name_word(out[-1].text))):
            prev = out.pop()
            nxt = toks[i + 1]
            out.append(Tok(f"{prev.text}-{nxt.text}", prev.start, nxt.end))
            i += 2
            continue
        out.append(t)
        i += 1
    return out



@dataclass
class Entry:
    name: Piece
    kind: str
    confidence: float
    strong: bool
    org: list[str] = field(default_factory=list)
    role: str | None = None
    role_raw: str | None = None
    deputy: bool = False
    end: int | None = None
    name_end: int | None = None  # where the name ends in the document (joined dashes shorten it)
    start: int | None = None  # where the evidence starts when not at the name (a table row)
    display: str | None = None  # the name in first-name-first order when written the other way
    group: int | None = None  # flattened row whose role cells still need aligning
    pending_roles: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return person_key(self.display or self.name.text)


def person_key(name: str) -> str:
    return re.sub(r"\s*[-\u2010-\u2014]\s*", "-", " ".join(name.split())).casefold().strip(" .,")


def set_role(entry: Entry, text: str) -> bool:
    found = role_of(text)
    if not found:
        return False
    role, deputy = found
    if entry.role is None or entry.role == Role.MEMBER:
        entry.role = role
        raw = " ".join(text.split()).strip(",;: ")
        entry.role_raw = raw[1:-1] if raw.startswith("(") and raw.endswith(")") else raw
    entry.deputy = entry.deputy or deputy
    return True


def add_attribute(entry: Entry, piece_text: str, c: Cues) -> None:
    """A bracket, comma part or cell next to a name: roles and organisations.

    A part that ends in a role ('Juha Korpelan varajäsen') describes the role, one that
    starts or ends with a job title ('Project Manager', 'Head of Research') is a title,
    and a country is where the organisation is: none of them is an organisation.
    """
    text = piece_text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    for part in top_parts(text):
        part = _drop_notes(entry, _role_after_dash(entry, part.strip(" ."), c), c)
        if not part or _writer_phrase(entry, part, c):
            continue
        if set_role(entry, part) and (role_only(part) or _ends_with_role(part)):
            continue
        if is_job_title(part.split()[-1], c) or (" " in part and is_job_title(part.split()[0], c)):
            continue  # 'Project Manager', 'Head of Research', 'opetustoimen johtaja'
        if part.casefold() in c.countries:
            continue  # '(ARVO project, Finland)': the partner's country, not its organisation
        if part[:1].isupper() or part.isupper() or _body_word_last(part, c) or _unit_part(part, c):
            entry.org.append(part)  # 'sosiaali- ja terveysministeriö', 'socialbyrån': bodies in lower case


def _body_word_last(part: str, c: Cues) -> bool:
    """A lower-case phrase whose last word ends in a body word ('terveysministeriö', 'sosiaalitoimi')."""
    last = part.split()[-1].strip(".,;:()").casefold()
    return len(part.split()) <= 5 and any(last.endswith(w) for w in c.org_words if len(w) >= 4)


def _unit_part(part: str, c: Cues) -> bool:
    """A lower-case service unit ('perheneuvola', 'polisen i Kyrkslätt', 'the police'): a body
    written where a title usually goes. Job titles were ruled out before."""
    words = part.casefold().strip(" .").split()
    if words[:1] == ["the"]:
        words = words[1:]
    if len(words) >= 3 and words[-2] in c.place_prepositions and part.split()[-1][:1].isupper():
        words = words[:-2]  # 'polisen i Kyrkslätt', 'the police in Espoo'
    if not words or len(words) > 4:
        return False
    phrase = " ".join(words)
    return any(phrase.endswith(u) and (u == phrase or " " not in u) for u in c.unit_nouns)


def top_parts(text: str) -> list[str]:
    """``text`` split at commas and semicolons outside brackets."""
    parts, depth, run = [], 0, ""
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if ch in ",;" and depth == 0:
            parts.append(run)
            run = ""
        else:
            run += ch
    return [p.strip() for p in [*parts, run] if p.strip()]


def _role_after_dash(entry: Entry, part: str, c: Cues) -> str:
    """'City of Turku – chair': a role after a spaced dash is the entry's, the rest stays
    ('ARVO-hanke – kirjoitti muistion': a writer phrase makes the secretary);
    'Chair (Westfield Council)': a role before a bracket is the entry's, the bracket stays."""
    m = SPACED_DASH_TAIL.search(part)
    if m and bracket_depth(part, m.start()) == 0 and (
            (role_only(m.group(1)) and set_role(entry, m.group(1))) or _writer_phrase(entry, m.group(1), c)):
        return part[:m.start()]
    head, bracket, _ = part.partition("(")
    if bracket and head.strip() and role_only(head) and part.endswith(")") and set_role(entry, head):
        return part[len(head):].strip()[1:-1]
    return part


def _writer_phrase(entry: Entry, text: str, c: Cues) -> bool:
    """'kirjoitti muistion', 'förde protokollet', 'took the minutes' beside a listed name:
    that person wrote the memo, so is its secretary."""
    words = tuple(text.casefold().strip(" .;:").split())
    if words not in c.scribe_after:
        return False
    if entry.role is None or entry.role == Role.MEMBER:
        entry.role, entry.role_raw = Role.SECRETARY, " ".join(text.split()).strip(" .;:")
    return True


def _drop_notes(entry: Entry, part: str, c: Cues) -> str:
    """Brackets inside a part: a role is the entry's role, a lower-case note ('item 4 only')
    and a country ('(Finland)') go."""
    def keep(m: re.Match[str]) -> str:
        inner = m.group(1).strip()
        found = any([set_role(entry, p) for p in top_parts(inner)])  # 'sakkunnig, § 4-6': the role alone
        if (found and role_only(inner)) or not inner[:1].isupper() or inner.casefold() in c.countries:
            return " "
        return m.group(0)
    return " ".join(re.sub(r"\(([^()]*)\)", keep, part).split()).strip(" .")


def _ends_with_role(part: str) -> bool:
    hits = find_roles(part)
    return bool(hits) and hits[-1][1] >= len(part.rstrip(" .")) and " " in part

"""Contacts: name, title, e-mail and phone, from contact blocks, signatures and e-mail headers.

One contact per e-mail address. Every occurrence of an address is a *mention*; its
person is named on the address's own line or on the nearest lines above it
(``Projektikoordinaattori Marianna Kokko``, ``Lähettäjä: Kokko Marianna <…>``).

A phone number belongs to the person whose name is the nearest above it in the same
contact block: on the address's own line, between the name and the address, or on the
lines right after the address, but never past the next person. A phone in a signature
far from the address (the sender's address in an e-mail header, the phone under the
signature) is joined to the contact by the person's name written above it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from schemas.document import Document
from schemas.records import Contact

from . import cues
from .evidence import evidence
from .normalise import is_first_name

NAME, VERSION = "contacts", "2"
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+(?:@|\s?[(\[]at[)\]]\s?)[\w-]+(?:\.[\w-]+)+(?<!\.)", re.I)
SPACE = re.compile(r"\s")
AT_WORD = re.compile(r"\s?[(\[]at[)\]]\s?", re.I)
# 040 123 4567, 09-2719 2315, (09) 4258 3301, (019) 369 1234, +358 (0)9 123 4567, +46 8 123 45 67;
# not a business id with its check digit (0123456-7)
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s-]*(?:\(0\))?\s*\d{1,3}|\(0\d{1,4}\)|0\d{1,3})"
                   r"(?:[\s\-–]{0,3}\d{2,}){1,4}(?!\w|[-–]\d)")
NAME_WORDS = re.compile(r"^[A-ZÅÄÖÜ][\w'’-]+(?:\s+[A-ZÅÄÖÜ][\w'’-]+){1,3}$")
RULE_LINE = re.compile(r"^\W*[-_=*~]{3,}")  # "-----Original Message-----", "____": a new part of the text
WORD_EDGE = "\"'()[]<>,;:.«»“”"
FOLD = str.maketrans("äåáàâãöóòôõøüúùéèêëïíìçñ", "aaaaaaoooooouuueeeeiiicn")
LANGS = ("fi", "sv", "en")  # phone labels are read in every language: "tel." is everywhere
WINDOW = 240  # characters above an address searched for its person
REACH = 3  # lines after an address that may still hold its phone
SIGNATURE_LINES = 5  # lines above a phone searched for its owner's name


@dataclass
class _Mention:
    email: str
    start: int
    end: int
    anchor: int  # start of the line that names the person (the address's own line if none)
    name: str | None
    title: str | None


@dataclass
class _Phone:
    number: str
    start: int
    end: int
    labelled: bool


def extract_contacts(doc: Document, lang: str) -> list[Contact]:
    """One contact per e-mail address, with the name, title and phone written next to it."""
    text = doc.text
    mentions = _mentions(text)
    if not mentions:
        return []
    lines = _Lines(text, mentions)
    owned: dict[int, list[tuple[int, int, _Phone]]] = {}
    for phone in _phones(text):
        if owner := _owner(lines, phone):
            i, rank = owner
            owned.setdefault(i, []).append((rank, 0 if phone.labelled else 1, phone))
    out: list[Contact] = []
    by_email: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_email.setdefault(m.email.lower(), []).append(i)
    for group in by_email.values():
        named = [i for i in group if mentions[i].name]
        first = named[0] if named else group[0]
        main = mentions[first]
        title = main.title or next((mentions[i].title for i in named if mentions[i].title), None)
        best = min(((rank, unlabelled, abs(p.start - mentions[i].start), i, p)
                    for i in group for rank, unlabelled, p in owned.get(i, [])), key=lambda c: c[:4], default=None)
        phone = best[4] if best else None
        line_start = text.rfind("\n", 0, main.start) + 1
        line_end = text.find("\n", main.end) % (len(text) + 1)
        start, end = min(main.anchor, line_start), max(main.end, line_end)
        if phone and best and best[3] == first and abs(phone.start - main.end) < WINDOW:
            start, end = min(start, phone.start), max(end, phone.end)  # the quote shows the phone too
        out.append(Contact(name=main.name, title=title, email=main.email,
                           phone=_clean(phone.number) if phone else None,
                           evidence=evidence(doc, start, end, NAME, VERSION, 0.9 if main.name else 0.6)))
    return out


def _mentions(text: str) -> list[_Mention]:
    found = _emails(text)
    out = []
    for i, m in enumerate(found):
        email = AT_WORD.sub("@", m.group(0))
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end()) % (len(text) + 1)
        before = text[max(0, m.start() - WINDOW, found[i - 1].end() if i else 0):m.start()]
        lines = [ln.strip() for ln in before.split("\n") if ln.strip()]
        name, title, at = _name_and_title(lines, email.lower(), text, m.start())
        if not name:  # "addr (Name)" and "addr, Name": the name after the address on its line
            name, title, _ = _name_and_title([text[m.end():line_end].strip()], email.lower(), text, line_end,
                                             guess=False)
            at = line_start
        out.append(_Mention(email, m.start(), m.end(), min(at, line_start), name, title))
    return out


def _emails(text: str) -> list[re.Match[str]]:
    """``EMAIL.finditer(text)``, run only on the stretches between white space that hold an '@':
    the pattern's leading look-behind makes ``re`` try every position of a whole document."""
    low = text.lower()
    if "at)" in low or "at]" in low:
        return list(EMAIL.finditer(text))  # 'name (at) domain' may span white space
    found: list[re.Match[str]] = []
    end = 0
    at = text.find("@")
    while at >= 0:
        start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at), text.rfind("\t", 0, at), end - 1) + 1
        space = SPACE.search(text, at)
        end = space.start() if space else len(text)
        found.extend(EMAIL.finditer(text, start, end))  # the look-behind still sees text[start - 1]
        at = text.find("@", end)
    return found


def _name_and_title(lines: list[str], email: str, text: str, at: int,
                    guess: bool = True) -> tuple[str | None, str | None, int]:
    """The person line before the address: 'Projektikoordinaattori Marianna Kokko' -> name, title.

    A line whose words are the address's local part ('marianna.kokko') names the person
    even a few lines up (title and organisation lines between); a line ending in two
    capitalised words does only when it is one of the nearest three (and ``guess``)."""
    local = [_fold(p) for p in re.split(r"[._-]", email.split("@")[0]) if p]
    near = list(reversed(lines[-(SIGNATURE_LINES + 1):]))
    for n, line in enumerate(near):
        raw = line.replace(",", " , ").replace("\t", " , ").split()
        words = [w.strip(WORD_EDGE) for w in raw]
        if n and EMAIL.search(line):
            continue
        hits = [i for i, w in enumerate(words) if w and _fold(w) in local]
        if len(local) == 1 and len(hits) == 1:
            hits = _widen(words, hits[0])  # "aino@" or "aho@" beside "Aino Aho"; "kirjaamo@" names nobody
        if len(hits) >= 2:
            i0, i1 = min(hits), max(hits)
            name_words = [w for w in words[i0:i1 + 1] if w]
            ends = [_fold(words[i0]), _fold(words[i1])]
            if len(hits) == 2 and all(e in local for e in ends) and local.index(ends[0]) > local.index(ends[1]):
                name_words = name_words[::-1]  # "Kokko Marianna" of an Outlook header, in the address's order
            title = _title(raw[:i0], raw[i1 + 1:])
            if title is None and n and i0 == 0 and i1 == len(words) - 1:
                title = _title([], [","] + near[n - 1].replace(",", " , ").split())  # a signature: title below the name
            return " ".join(name_words), title, text.rfind(line, 0, at)
    for n, line in enumerate(near[:3] if guess else []):
        raw = line.replace(",", " , ").replace("\t", " , ").split()
        words = [w.strip(WORD_EDGE) for w in raw]
        if (n and EMAIL.search(line)) or PHONE.search(line):
            continue
        cut = raw.index(",") if "," in raw else len(words)
        end = cut if cut >= 2 else len(words)  # "Tuija Nieminen, projektipäällikkö" or "... Anu Salmi"
        while end > 2 and not words[end - 1]:
            end -= 1
        name = " ".join(words[end - 2:end]) if end >= 2 else ""
        title = _title(raw[:end - 2], raw[end:]) if name else None
        # a generic address ("info@", "pmo@") beside prose: two capitalised words there are no person
        if NAME_WORDS.match(name) and (any(is_first_name(w) for w in name.split()) or _short_title(raw[:end - 2])):
            return name, title, text.rfind(line, 0, at)
    return None, None, at


def _widen(words: list[str], i: int) -> list[int]:
    """A one-part address matches a first name or a surname: the whole name, or none."""
    if is_first_name(words[i]) and i + 1 < len(words) and NAME_WORDS.match(f"{words[i]} {words[i + 1]}"):
        return [i, i + 1]
    if i and is_first_name(words[i - 1]) and NAME_WORDS.match(f"{words[i - 1]} {words[i]}"):
        return [i - 1, i]
    return []


def _short_title(words: list[str]) -> bool:
    """At most three words after any label, none ending a sentence: a title, not prose."""
    label_end = max((i + 1 for i, w in enumerate(words) if w.endswith(":")), default=0)
    rest = [w for w in words[label_end:] if w != ","]
    return len(rest) <= 3 and not any(w.endswith((".", "!", "?")) for w in rest)


def _title(before: list[str], after: list[str]) -> str | None:
    """Job title: the words before the name after any label ('Lisätietoja: projektisihteeri'),
    else one to three lower-case words after it ('Tuija Nieminen, projektipäällikkö')."""
    before = [w for w in before if w != ","]
    label_end = max((i + 1 for i, w in enumerate(before) if w.endswith(":")), default=0)
    words = [w.strip(WORD_EDGE) for w in before[label_end:] if w.strip(WORD_EDGE)]
    if words:
        return " ".join(words)
    tail = after[1:] if after[:1] == [","] else []
    tail = tail[:tail.index(",")] if "," in tail else tail
    if 1 <= len(tail) <= 3 and tail[0][:1].islower() and not any(c.isdigit() or "@" in c for w in tail for c in w):
        return " ".join(tail)
    return None


def _phones(text: str) -> list[_Phone]:
    """Phone numbers (six digits or more); a number labelled as a fax is none."""
    out = []
    for m in PHONE.finditer(text):
        if not 6 <= sum(ch.isdigit() for ch in m.group(0)) <= 15:
            continue
        head = text[max(text.rfind("\n", 0, m.start()) + 1, m.start() - 24):m.start()]
        if _labelled(head, "contact.fax"):
            continue
        out.append(_Phone(m.group(0), m.start(), m.end(), _labelled(head, "contact.phone")))
    return out


def _labelled(head: str, cue_id: str) -> bool:
    """The text before a number ends in a label of ``cue_id`` ('puh. ', 'tfn:', 'gsm ')."""
    return any(not head[x.end():].strip(" :.-–/\t") for lang in LANGS for x in cues.finditer(lang, cue_id, head))


class _Lines:
    """Line numbers of the text and of the mentions, for the phone-owner questions."""

    def __init__(self, text: str, mentions: list[_Mention]) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.mentions = mentions
        self.on_line: dict[int, list[int]] = {}
        for i, m in enumerate(mentions):
            self.on_line.setdefault(self.number(m.start), []).append(i)
        self.by_anchor = sorted(range(len(mentions)), key=lambda k: (mentions[k].anchor, mentions[k].start))
        self.anchors = [mentions[k].anchor for k in self.by_anchor]
        self.names: dict[str, list[tuple[int, frozenset[str]]]] = {}  # a name word -> the names holding it
        for i, m in enumerate(mentions):
            if key := _name_key(m):
                for w in key:
                    self.names.setdefault(w, []).append((i, key))

    def number(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def line(self, k: int) -> str:
        end = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[k]:end]


def _owner(lines: _Lines, phone: _Phone) -> tuple[int, int] | None:
    """The mention a phone belongs to and how sure: 0 same line, 1 same contact block, 2 by name."""
    mentions = lines.mentions
    line = lines.number(phone.start)
    if same := lines.on_line.get(line):
        return min(same, key=lambda i: abs(mentions[i].start - phone.start)), 0
    k = bisect.bisect_right(lines.anchors, phone.start)
    if k:  # the person named last at or above the phone
        i = lines.by_anchor[k - 1]
        if phone.start < mentions[i].start or _follows(lines, mentions[i], line):
            return i, 1
    return _by_signature(lines, line)


def _follows(lines: _Lines, m: _Mention, phone_line: int) -> bool:
    """The phone's line comes right after the address: within REACH lines, no other person between."""
    own = set(_fold(w) for w in (m.name or "").split())
    seen = 0
    for k in range(lines.number(m.start) + 1, phone_line):
        ln = lines.line(k)
        if not ln.strip():
            continue
        seen += 1
        person = _person(ln)
        if seen >= REACH or EMAIL.search(ln) or RULE_LINE.match(ln) or (person and set(person) != own):
            return False
    return True


def _by_signature(lines: _Lines, line: int) -> tuple[int, int] | None:
    """The contact whose name is written a few lines above the phone (a signature)."""
    seen = 0
    for k in range(line, max(-1, line - 4 * SIGNATURE_LINES), -1):
        ln = lines.line(k)
        if not ln.strip():
            continue
        words = {_fold(w.strip(WORD_EDGE)) for w in ln.split()}
        for i, key in (hit for w in words for hit in lines.names.get(w, ())):
            if key <= words:
                return i, 2
        if k < line and (EMAIL.search(ln) or RULE_LINE.match(ln) or _person(ln)):
            return None  # someone else's block
        seen += 1
        if seen > SIGNATURE_LINES:
            return None
    return None


def _name_key(m: _Mention) -> frozenset[str] | None:
    """The folded words that identify a mention's person: its name, else a first.last address."""
    words = m.name.split() if m.name else [p for p in re.split(r"[._-]", m.email.split("@")[0]) if p]
    key = frozenset(_fold(w) for w in words)
    return key if len(key) >= 2 else None


def _person(line: str) -> list[str] | None:
    """The folded name of a person the line starts with or ends with: a known first name
    beside a capitalised word ('Kari Lindroos', 'Lindroos Kari', 'sihteeri Eija Mattila')."""
    head = re.split(r"[,\t(|]| [–-] ", line.strip())[0].split()
    for pair in (head[:2], head[-2:]):
        if len(pair) == 2 and NAME_WORDS.match(" ".join(pair)) and any(is_first_name(w) for w in pair):
            return [_fold(w) for w in pair]
    return None


def _fold(word: str) -> str:
    return word.lower().translate(FOLD)


def _clean(number: str) -> str:
    return re.sub(r"\s*[-–]\s*", " ", number).strip()

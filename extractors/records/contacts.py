"""Contacts: name, title, organisation, e-mail and phone, from contact blocks and signature lines."""
from __future__ import annotations

import re

from schemas.document import Document
from schemas.records import Contact

from . import cues
from .evidence import evidence

NAME, VERSION = "contacts", "1"
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+(?:@|\s?[(\[]at[)\]]\s?)[\w-]+(?:\.[\w-]+)+(?<!\.)", re.I)
AT_WORD = re.compile(r"\s?[(\[]at[)\]]\s?", re.I)
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s-]*(?:\(0\))?\s*\d{1,3}|0\d{1,3})(?:[\s\-–]{0,3}\d{2,}){1,4}(?!\w)")
NAME_WORDS = re.compile(r"^[A-ZÅÄÖÜ][\w'’-]+(?:\s+[A-ZÅÄÖÜ][\w'’-]+){1,3}$")
WINDOW = 240


def extract_contacts(doc: Document, lang: str) -> list[Contact]:
    """One contact per e-mail address, with the name, title and phone written next to it."""
    text = doc.text
    out: list[Contact] = []
    seen: set[str] = set()
    found = list(EMAIL.finditer(text))
    for i, m in enumerate(found):
        email = AT_WORD.sub("@", m.group(0))
        if email.lower() in seen:
            continue
        seen.add(email.lower())
        before = text[max(0, m.start() - WINDOW, found[i - 1].end() if i else 0):m.start()]
        lines = [ln.strip() for ln in before.split("\n") if ln.strip()]
        name, title, start = _name_and_title(lines, email.lower(), text, m.start())
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end()) % (len(text) + 1)
        next_email = found[i + 1].start() if i + 1 < len(found) else len(text)
        after = text[m.end():min(m.end() + 80, next_email)]
        same_line = text[line_start:m.start()] + " " + text[m.end():line_end]
        phone = _phone(same_line, lang) or _phone(after, lang) or _phone(" ".join(lines[-2:]), lang)
        out.append(Contact(name=name, title=title, email=email, phone=phone,
                           evidence=evidence(doc, min(start, line_start), max(m.end(), line_end), NAME, VERSION,
                                             0.9 if name else 0.6)))
    return out


def _name_and_title(lines: list[str], email: str, text: str, at: int) -> tuple[str | None, str | None, int]:
    """The person line before the address: 'Projektikoordinaattori Marianna Kokko' -> name, title."""
    local = [p for p in re.split(r"[._-]", email.split("@")[0]) if p]
    for line in reversed(lines[-3:]):
        words = line.replace(",", " ").split()
        if not words or EMAIL.search(line):
            continue
        lowered = [w.lower() for w in words]
        hits = [i for i, w in enumerate(lowered) if w in local]
        if len(hits) >= 2 or (hits and len(local) == 1):
            i0, i1 = min(hits), max(hits)
            name = " ".join(words[i0:i1 + 1])
            title = " ".join(words[:i0]) or None
            return name, title, text.rfind(line, 0, at)
        if NAME_WORDS.match(" ".join(words[-2:])) and not PHONE.search(line):
            name = " ".join(words[-2:])
            title = " ".join(words[:-2]) or None
            return name, title, text.rfind(line, 0, at)
    return None, None, at


def _phone(text: str, lang: str) -> str | None:
    label = cues.search(lang, "contact.phone", text)
    m = PHONE.search(text, label.end() if label else 0)
    if not m or len(re.sub(r"\D", "", m.group(0))) < 6:
        return None
    return re.sub(r"\s*[-–]\s*", " ", m.group(0)).strip()

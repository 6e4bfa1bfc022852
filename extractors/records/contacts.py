"""Contacts: name, title, organisation, e-mail and phone, from contact blocks and signature lines."""
from __future__ import annotations

import re

from schemas.document import Document
from schemas.records import Contact

from . import cues
from .evidence import evidence

NAME, VERSION = "contacts", "1"
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?<!\.)")
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s-]*(?:\(0\))?\s*\d{1,3}|0\d{1,3})(?:[\s\-–]{0,3}\d{2,}){1,4}(?!\w)")
NAME_WORDS = re.compile(r"^[A-ZÅÄÖÜ][\w'’-]+(?:\s+[A-ZÅÄÖÜ][\w'’-]+){1,3}$")
WINDOW = 240


def extract_contacts(doc: Document, lang: str) -> list[Contact]:
    """One contact per e-mail address, with the name, title and phone written next to it."""
    text = doc.text
    out: list[Contact] = []
    seen: set[str] = set()
    for m in EMAIL.finditer(text):
        email = m.group(0).lower()
        if email in seen:
            continue
        seen.add(email)
        before = text[max(0, m.start() - WINDOW):m.start()]
        lines = [ln.strip() for ln in before.split("\n") if ln.strip()]
        name, title, start = _name_and_title(lines, email, text, m.start())
        after = text[m.end():m.end() + 80].split("@")[0]
        phone = _phone(after, lang) or _phone(lines[-1] if lines else "", lang)
        out.append(Contact(name=name, title=title, email=m.group(0), phone=phone,
                           evidence=evidence(doc, start, m.end() + (len(after) if phone else 0), NAME, VERSION,
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

"""Normalised people, places and organisations.

Municipality names are resolved through the gazetteer ``lang/fi/municipalities.tsv``
(Finnish and Swedish names, current and merged municipalities). Inflected Finnish
forms come from a reverse index of generated case forms (stems with consonant
gradation and the usual case endings); Voikko, then the spaCy lemmatiser, are the
fallback for forms the generator does not produce.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.lang import LANG_DIR, LANGUAGES, load

GAZETTEER = LANG_DIR / "fi" / "municipalities.tsv"

DASH = "-\u2010\u2011\u2012\u2013\u2014\u2212"
SPACED_DASH = re.compile(rf"(?<=\w)\s*[{DASH}]\s*(?=\w)")
EDGE_PUNCT = " \t\n,;:.·•*"
WORD = re.compile(r"\w+(?:[-:]\w+)*")
NON_WORD = re.compile(r"\W")

BACK, FRONT = "aou", "äöy"
# Case endings written with back vowels; front forms swap a/o/u for ä/ö/y.
WEAK_ENDINGS = ("n", "ssa", "sta", "lla", "lta", "lle", "ksi", "tta", "t")
STRONG_ENDINGS = ("na",)
# Strong grade -> weak grade of the consonants opening the last syllable.
GRADATION = (("kk", "k"), ("pp", "p"), ("tt", "t"), ("nk", "ng"), ("mp", "mm"), ("nt", "nn"),
             ("lt", "ll"), ("rt", "rr"), ("ht", "hd"), ("rk", "r"))
# Last compound elements with their own stems: weak stem, strong stem, partitive, illative.
ELEMENTS: dict[str, list[tuple[str, str, str, str]]] = {
    "järvi": [("järve", "järve", "järveä", "järveen")],
    "joki": [("joe", "joke", "jokea", "jokeen")],
    "mäki": [("mäe", "mäke", "mäkeä", "mäkeen")],
    "niemi": [("nieme", "nieme", "niemeä", "niemeen")],
    "salmi": [("salme", "salme", "salmea", "salmeen")],
    "saari": [("saare", "saare", "saarta", "saareen")],
    "lahti": [("lahde", "lahte", "lahtea", "lahteen")],
    "koski": [("koske", "koske", "koskea", "koskeen")],
    "nummi": [("numme", "numme", "nummea", "nummeen")],
    "vuori": [("vuore", "vuore", "vuorta", "vuoreen")],
    "vesi": [("vede", "vete", "vettä", "veteen")],
    "lampi": [("lamme", "lampe", "lampea", "lampeen"), ("lammi", "lampi", "lampia", "lampiin")],
    "selkä": [("selä", "selkä", "selkää", "selkään")],
    "pudas": [("putaa", "putaa", "pudasta", "putaaseen")],
    "kaupunki": [("kaupungi", "kaupunki", "kaupunkia", "kaupunkiin")],
}
# "Uusi-" inflects together with the rest (Uudessakaupungissa).
UUSI = {"n": "uuden", "ssa": "uudessa", "sta": "uudesta", "lla": "uudella", "lta": "uudelta",
        "lle": "uudelle", "ksi": "uudeksi", "na": "uutena", "ill": "uuteen"}
DIPHTHONG_END = ("ai", "ei", "oi", "ui", "yi", "äi", "öi", "au", "eu", "ou", "iu", "ey", "äy", "öy",
                 "ie", "uo", "yö")
VOWELS = "aeiouyäö"


@dataclass(frozen=True)
class Municipality:
    name: str
    name_sv: str | None
    merged_into: str | None
    merged_year: int | None
    ambiguous: bool


# ---------------------------------------------------------------------------
# people and organisations


def normalise_person(raw: str) -> str:
    """A person's name as written, tidied: spaces collapsed, spaced dashes joined."""
    text = " ".join(raw.split()).strip(EDGE_PUNCT.replace(".", "") + "()[]")
    text = SPACED_DASH.sub("-", text) if any(d in text for d in DASH) else text
    if text.endswith(".") and not re.search(r"\b[A-ZÅÄÖ]\.$", text):
        text = text[:-1]
    return text


def normalise_organisation(raw: str, lang: str = "fi") -> str:
    """'ARVO - hanke' -> 'ARVO-hanke'; a bare municipality (any form) -> its canonical name."""
    text = " ".join(raw.split()).strip(EDGE_PUNCT)
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    # A spaced dash before a lower-case word is a compound written loosely ("X - hanke").
    # ("Sosiaali- ja terveys..." has no space before its dash and stays as it is.)
    text = re.sub(rf"(?<=\w)\s+[{DASH}]\s*(?=[a-zåäöü])", "-", text)
    if text and " " not in text.strip("()") and (canon := canonical_municipality(text)):
        return canon
    return text


# ---------------------------------------------------------------------------
# places


def normalise_place(raw: str, lang: str = "fi") -> str:
    """A place name in its base form: the canonical municipality, else the lemma, else as written."""
    text = " ".join(raw.split()).strip(EDGE_PUNCT)
    if not text:
        return text
    if canon := canonical_municipality(text):
        return canon
    if lang == "fi" and WORD.fullmatch(text):
        lemma = _lemma(text)
        if lemma:
            return lemma[:1].upper() + lemma[1:] if text[:1].isupper() else lemma
    return text


def canonical_municipality(raw: str) -> str | None:
    """The canonical Finnish name of the municipality ``raw`` names, in any case form or language."""
    key = _key(raw)
    if not key:
        return None
    index = _index()
    if key in index:
        return index[key]
    words = key.split(" ")
    # "Keravan kaupunki", "Sjundeå kommun": the municipality as a body.
    if len(words) == 2 and words[1] in _body_words():
        base = _index().get(words[0]) or _lemma_municipality(words[0])
        return base
    if len(words) == 1:
        return _lemma_municipality(key)
    return None


def municipality(name: str) -> Municipality | None:
    """Gazetteer entry of a canonical name (merged_into and merged_year for merged ones)."""
    return _entries().get(name)


def find_municipalities(text: str) -> list[tuple[int, int, str]]:
    """Every municipality mention in ``text`` (any case form, Finnish or Swedish): (start, end, name)."""
    index = _index()
    firsts = first_names()
    heads = _span_heads()
    tokens = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        start, _, word = tokens[i]
        if not _capitalised(word):
            i += 1
            continue
        hit = None
        for width in (3, 2, 1):
            if i + width > len(tokens) or width > 1 and word.casefold() not in heads:
                continue
            end = tokens[i + width - 1][1]
            span = text[start:end]
            if width > 1 and "\n" in span:
                continue
            name = index.get(_key(span))
            if name is None and width == 1 and _prefix_known(word):
                name = _lemma_municipality(word.casefold())
            if name:
                hit = (start, end, name, width)
                break
        if hit is None:
            i += 1
            continue
        s, e, name, width = hit
        entry = _entries()[name]
        prev_tok = tokens[i - 1][2] if i else ""
        next_tok = tokens[i + width][2] if i + width < len(tokens) else ""
        adjacent_prev = i and text[tokens[i - 1][1]:s].strip() == ""
        adjacent_next = i + width < len(tokens) and text[e:tokens[i + width][0]].strip() == ""
        # A surname after a first name (Pekka Lahti), or a first name before a surname (Simo Varjonen).
        is_surname = bool(adjacent_prev and prev_tok.casefold() in firsts and _capitalised(prev_tok))
        is_first = bool(word.casefold() in firsts and adjacent_next and _capitalised(next_tok)
                        and next_tok.casefold() not in index)
        too_short = len(word) <= 2 and word.isupper()
        if not (entry.ambiguous or is_surname or is_first or too_short):
            found.append((s, e, name))
        i += width
    return found


# ---------------------------------------------------------------------------
# first names


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased first-name lexicon (``lang/fi/names.json``)."""
    data = load("fi", "names")
    return frozenset(n.casefold() for k, v in data.items() if k not in ("source", "particles") for n in v)


@lru_cache(maxsize=1)
def name_particles() -> frozenset[str]:
    """Lower-case words inside surnames: von, af, de ..."""
    return frozenset(load("fi", "names").get("particles", []))


def is_first_name(token: str) -> bool:
    """A known first name; hyphenated ones (Anna-Liisa) when every part is known."""
    parts = [p for p in re.split(rf"[{DASH}]", token.casefold()) if p]
    return bool(parts) and all(p in first_names() for p in parts)


# ---------------------------------------------------------------------------
# gazetteer and inflection


def _key(text: str) -> str:
    text = SPACED_DASH.sub("-", " ".join(text.split())) if text else ""
    return text.strip(EDGE_PUNCT).casefold()


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, Municipality], dict[str, list[str]], dict[str, list[str]]]:
    """Entries by canonical name, their aliases, and their irregular extra forms."""
    entries: dict[str, Municipality] = {}
    aliases: dict[str, list[str]] = {}
    extra: dict[str, list[str]] = {}
    with GAZETTEER.open(encoding="utf-8") as f:
        rows = csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        for row in rows:
            name = row["name_fi"].strip()
            entries[name] = Municipality(
                name=name, name_sv=row["name_sv"].strip() or None,
                merged_into=row["merged_into"].strip() or None,
                merged_year=int(row["merged_year"]) if row["merged_year"].strip() else None,
                ambiguous="ambiguous" in row["flags"])
            aliases[name] = [a.strip() for a in row["aliases"].split(";") if a.strip()]
            extra[name] = [a.strip() for a in row["extra_forms"].split(";") if a.strip()]
    return entries, aliases, extra


def _entries() -> dict[str, Municipality]:
    return _gazetteer()[0]


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """Every known surface form (lower case) -> canonical name; base forms win over inflections."""
    entries, aliases, extra = _gazetteer()
    base: dict[str, str] = {}
    inflected: dict[str, str] = {}
    for name, m in entries.items():
        names = [name, *aliases[name]]
        for n in names + ([m.name_sv] if m.name_sv else []):
            base.setdefault(_key(n), name)
        for n in names:
            for form in inflect(n):
                inflected.setdefault(_key(form), name)
        for form in extra[name]:
            inflected.setdefault(_key(form), name)
        if m.name_sv:
            sv = m.name_sv
            if not sv.endswith(("s", "x", "z")):
                inflected.setdefault(_key(sv + "s"), name)
    return {**inflected, **base}


@lru_cache(maxsize=1)
def _span_heads() -> frozenset[str]:
    """Each start of a known form that runs up to a character that is no word character
    ('mänttä' of 'mänttä-vilppulassa', 's:t' of 's:t michels'). A span of two or three words
    keys as its first word, case-folded, then such a character; so only a word among these
    can open a municipality of several words, and the spans after the others are not keyed."""
    return frozenset(k[:m.start()] for k in _index() for m in NON_WORD.finditer(k) if m.start())


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    return frozenset(k[:4] for k in _index() if len(k) >= 4)


def _prefix_known(word: str) -> bool:
    return len(word) >= 4 and word[:4].casefold() in _prefixes()


@lru_cache(maxsize=1)
def _body_words() -> frozenset[str]:
    """Words that make a municipality a body ('Keravan kaupunki', 'Sjundeå kommun')."""
    return frozenset(w.casefold() for lang in LANGUAGES
                     for w in (load(lang, "attendance") or {}).get("municipality_body_words", []))


def _harmony(word: str) -> bool:
    """True when endings take back vowels: the last harmonic vowel decides (neutral -> front)."""
    for ch in reversed(word):
        if ch in BACK:
            return True
        if ch in FRONT:
            return False
    return False


def _front(ending: str) -> str:
    return ending.translate(str.maketrans(BACK, FRONT))


def _gradate(word: str) -> str:
    """Weak grade of a word ending in a short vowel: Vihti -> Vihdi, Hanko -> Hango, Lieto -> Liedo."""
    stem, last = word[:-1], word[-1]
    for strong, weak in GRADATION:
        if stem.endswith(strong) and (len(stem) == len(strong) or stem[-len(strong) - 1] in VOWELS
                                      or strong in ("nk", "mp", "nt", "lt", "rt", "rk")):
            return stem[: -len(strong)] + weak + last
    if stem.endswith("t") and len(stem) >= 2 and stem[-2] in VOWELS:
        return stem[:-1] + "d" + last
    return word


def _element(word: str) -> str | None:
    return next((e for e in ELEMENTS if word.endswith(e)), None)


def _stems(word: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(weak stem, strong stem, partitives, illatives) variants of one lower-case word."""
    if element := _element(word):
        head = word[: -len(element)]
        return [(head + w, head + s, [head + p], [head + i]) for w, s, p, i in ELEMENTS[element]]
    last = word[-1]
    if word.endswith("nen"):  # Kauniainen: Kauniaisen, Kauniaisissa
        b = word[:-3]
        return [(b + "se", b + "se", [b + "sta"], [b + "seen"]), (b + "si", b + "si", [], [b + "siin"])]
    if last not in VOWELS:
        if word.endswith(("us", "ys", "os", "ös", "es")):  # Kannus: Kannuksen; Alavus: Alavuden
            b = word[:-1]
            return [(b + "kse", b + "kse", [word + "ta"], [b + "kseen"]),
                    (b + "de", b + "te", [], [b + "teen"])]
        return [(word + "i", word + "i", [word + "ia"], [word + "iin"])]  # Saltvik: Saltvikissa
    if len(word) >= 2 and (word[-2] == last or word[-2:] in DIPHTHONG_END):
        return [(word, word, [word + "ta"], [word + "h" + last + "n", word + "seen"])]  # Espoohon
    if last == "e":  # Tampere: Tampereella; Raahe: Raahessa
        return [(word + "e", word + "e", [word + "tta"], [word + "eseen"]),
                (word, word, [word + "a"], [word + "en"])]
    weak = _gradate(word)
    if last == "i":  # Helsinki: Helsingissä; Loppi: Lopella
        return [(weak, word, [word + "a"], [word + "in"]),
                (weak[:-1] + "e", word[:-1] + "e", [word[:-1] + "ea"], [word[:-1] + "een"])]
    return [(weak, word, [word + last], [word + last + "n"])]


def _word_forms(word: str) -> set[str]:
    lower = word.casefold()
    back = _harmony(_element(lower) or lower)  # a compound's last element decides
    fit = (lambda e: e) if back else _front
    forms = set()
    for weak, strong, partitives, illatives in _stems(lower):
        forms.update(weak + fit(e) for e in WEAK_ENDINGS)
        forms.update(strong + fit(e) for e in STRONG_ENDINGS)
        forms.update(p if back else _front(p) for p in partitives)
        forms.update(illatives)
        if lower.endswith("nen") and weak.endswith("si"):  # plural locatives only
            forms.update(weak + fit(e) for e in ("ssa", "sta", "lla", "lta", "lle", "ksi", "na"))
            forms.add(lower[:-3] + "sten")
    forms.discard(lower)
    return forms


def inflect(name: str) -> set[str]:
    """Generated Finnish case forms of a (possibly compound, hyphenated or multi-word) place name."""
    lower = " ".join(name.split()).casefold()
    m = re.match(r"^(.*?[ -])?([^ -]+)$", lower)
    if not m:
        return set()
    head, last = m.group(1) or "", m.group(2)
    if last.startswith("uusi") and len(last) > 6 and not head:
        rest = last[4:]
        forms = set()
        back = _harmony(_element(rest) or rest)
        fit = (lambda e: e) if back else _front
        for weak, strong, _, illatives in _stems(rest):
            for e in ("n", "ssa", "sta", "lla", "lta", "lle", "ksi"):
                forms.add(UUSI[e] + weak + fit(e))
            forms.add(UUSI["na"] + strong + fit("na"))
            forms.update(UUSI["ill"] + i for i in illatives)
        return forms | {"uusi" + f for f in _word_forms(rest)}
    if " " in head and head.split(" ")[0].endswith("n"):
        return {head + f for f in _word_forms(last)}  # Jyväskylän maalaiskunnassa
    if " " in head:
        return set()  # "Koski Tl": exact forms only
    return {head + f for f in _word_forms(last)}


# ---------------------------------------------------------------------------
# lemmatiser fallback


@lru_cache(maxsize=1)
def _voikko():
    try:
        import libvoikko  # noqa: PLC0415 - optional native library
        return libvoikko.Voikko("fi")
    except Exception:  # library or dictionary missing: rules only, spaCy may still help
        return None


@lru_cache(maxsize=4096)
def _lemmas(word: str) -> tuple[str, ...]:
    """Base forms Voikko (else the spaCy lemmatiser) gives a word; place names first."""
    v = _voikko()
    if v is not None:
        analyses = v.analyze(word)
        ranked = sorted(analyses, key=lambda a: a.get("CLASS") != "paikannimi")
        return tuple(dict.fromkeys(a["BASEFORM"] for a in ranked if a.get("BASEFORM")))
    from extractors.nlp import has_model, load_nlp  # noqa: PLC0415 - slow, only when needed
    nlp = load_nlp("fi")
    if not has_model(nlp):
        return ()
    return tuple(t.lemma_ for t in nlp(word) if t.lemma_)


def _lemma(word: str) -> str | None:
    lemmas = _lemmas(word)
    return lemmas[0] if lemmas else None


def _lemma_municipality(word: str) -> str | None:
    if not _prefix_known(word):
        return None  # keeps the lemmatiser (possibly spaCy) off words no municipality starts like
    index = _index()
    for lemma in _lemmas(word):
        if (name := index.get(_key(lemma))) and _key(lemma) in _base_keys():
            return name
    return None


@lru_cache(maxsize=1)
def _base_keys() -> frozenset[str]:
    entries, aliases, _ = _gazetteer()
    keys = set()
    for name, m in entries.items():
        keys.add(_key(name))
        keys.update(_key(a) for a in aliases[name])
        if m.name_sv:
            keys.add(_key(m.name_sv))
    return frozenset(keys)

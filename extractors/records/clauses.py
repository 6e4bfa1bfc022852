"""Task clauses: a subject (a person, body or organisation, or the writer) and the finite
present-tense verb it governs ('Pirjo Laine vie asian lautakuntaan', 'Kommunerna rapporterar',
'Kokoan kuvaukset'), and the actors such a subject names.

Finnish is read through the model's morphology (the subject's head in the nominative, the verb
in the active present indicative); Swedish and English, and Finnish without a model, through the
word-order rules and word lists of ``lang/<lang>/grammar.json``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from spacy.tokens import Token

from extractors.lang import load
from extractors.lexicon import WORD, Reading, has_lexicon, readings
from extractors.nlp import analyse, context_window, has_model, lemma, load_nlp

from .normalise import first_names

MAX_SUBJECT_WORDS = 6
MAX_LOWER_SUBJECT_WORDS = 3  # 'the steering group'; more lower-case words is a clause, not a subject
LEADING_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?(?:[^\W\d][\w-]*\s?){1,3}:\s*")  # 'Päätös:', 'Action:'
TOKEN = re.compile(r"\w[\w'’.-]*\w|\w|[,&/]")
SUBJECT_POS = {"PROPN", "NOUN", "ADJ", "CCONJ", "PUNCT", "PRON", "NUM", "X", "SYM", "DET"}
NOMINAL_POS = {"PROPN", "NOUN", "PRON", "X"}
CAPITALISED = re.compile(r"[A-ZÅÄÖÜ]")
PARENTHESIS = re.compile(r"\s*\([^)]*(?:\)|$)")
NAME = Reading("PROPN", "", frozenset())  # how a capitalised word the lexicon does not know reads


@dataclass(frozen=True)
class TaskClause:
    subject: str | None  # None when the writer speaks in the first person ('Kokoan ...')
    subject_start: int
    verb_start: int
    verb_end: int


def _grammar(lang: str) -> dict:
    return load(lang, "grammar") or {}


@lru_cache(maxsize=None)
def actor_split(lang: str) -> re.Pattern[str]:
    """What separates actors in a list: punctuation and the language's 'and'."""
    words = "|".join(re.escape(w) for w in _grammar(lang).get("conjunctions", [])) or "(?!)"
    return re.compile(rf"\s*(?:[,;/&+]|\s(?:{words})\s)\s*", re.I)


@lru_cache(maxsize=None)
def _openers(lang: str) -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _grammar(lang).get("clause_openers", [])) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{words})\s+", re.I)


def clause_starts(text: str, lang: str) -> list[int]:
    """Where a main clause or a 'that' clause may open: the start (after a label) and after 'että'/'att'."""
    label = LEADING_LABEL.match(text)
    starts = [label.end() if label and label.end() < len(text) else 0]
    starts += [m.end() for m in _openers(lang).finditer(text)]
    return sorted(set(starts))


def task_clause(text: str, lang: str) -> TaskClause | None:
    """The first clause of ``text`` whose subject acts in the present tense (or with a modal)."""
    model = load_nlp(lang)
    for start in clause_starts(text, lang):
        if has_model(model):
            upto = _model_needed(text, start, lang)
            found = _model_clause(text, start, upto, lang) if upto is not None else None
        else:
            found = _rule_clause(text, start, lang)
        if found:
            return found
    return None


def model_windows(text: str, lang: str) -> list[str]:
    """The stretches of ``text`` that ``task_clause`` will ask the model to read: one per clause
    opening the lexicon cannot settle (so that a document's questions go to it in one batch)."""
    if not has_model(load_nlp(lang)):
        return []
    return [context_window(text, start, upto)[1] for start in clause_starts(text, lang)
            if (upto := _model_needed(text, start, lang)) is not None]


@lru_cache(maxsize=None)
def _task_verb(lang: str) -> tuple[dict[str, str], frozenset[str]]:
    """What a task clause's verb is: its morphology, and the lemmas that never act."""
    grammar = _grammar(lang)
    return grammar.get("present_active_morph", {}), frozenset(grammar.get("not_task_lemmas", []))


@lru_cache(maxsize=4096)  # asked for a sentence's windows up front, then again by task_clause
def _model_needed(text: str, start: int, lang: str) -> int | None:
    """How far the model must read a clause opening at ``start`` (the end of the first word that
    may be its acting verb), or None when the lexicon alone settles that no task clause opens
    there, as the model would read it: no word before the first that can only be a finite verb
    ('Kokous on ...', 'Päätettiin ...') can be an acting present-tense verb, or the words before
    the one that can cannot be its subject ('Lisäksi toimintaan tulee liittää'). A capitalised
    word the lexicon does not know is a name."""
    words = _opening_words(text, start)
    if not has_lexicon(lang):
        return words[-1].end() if words else None
    want, not_task = _task_verb(lang)
    seen: list[tuple[Reading, ...]] = []
    for m in words:
        found = readings(m.group(0), lang)
        if found is None:
            if not m.group(0)[:1].isupper():
                return words[-1].end()  # a word the lexicon does not know: the model reads them all
            found = (NAME,)
        if any(r.finite and r.has(want) and r.lemma not in not_task for r in found):
            # it may act ('Pirjo vie ...', 'antaa'): the model reads the subject unless no word before can be one
            if seen and not _may_be_subject(seen, all(r.finite for r in found)):
                return None
            return m.end()
        if all(r.finite for r in found):
            return None  # the clause's first finite verb is no task verb
        seen.append(found)
    return None


def _may_be_subject(words: list[tuple[Reading, ...]], verb_certain: bool) -> bool:
    """Whether words with these readings may be the subject before a verb: each may be a
    nominal (or a word that goes with one), and -- when the verb surely is one -- the last
    sure noun may be in the nominative."""
    if any(all(r.pos not in SUBJECT_POS for r in found) for found in words):
        return False
    nominal = [found for found in words if any(r.pos in NOMINAL_POS for r in found)]
    if verb_certain and nominal and all(r.pos in NOMINAL_POS for r in nominal[-1]):
        return any(dict(r.features).get("Case", "Nom") == "Nom" for r in nominal[-1])
    return True


def _model_clause(text: str, start: int, upto: int, lang: str) -> TaskClause | None:
    """The model's reading of a clause opening at ``start``, from its analysis of the words up
    to ``upto``; if the model reads the clause on past them (the lexicon's verb is no verb to
    it), from the analysis of the clause's first words whole."""
    def read(end: int) -> tuple[TaskClause | None, int]:
        offset, window = context_window(text, start, end)
        return _read_clause(text, [t for t in analyse(window, lang) if t.idx + offset >= start], offset, lang)

    found, decided = read(upto)
    last = _opening_words(text, start)[-1].end()
    if decided > upto and last > upto:
        found, _ = read(last)
    return found


def _opening_words(text: str, start: int) -> list[re.Match[str]]:
    """The words a clause opening at ``start`` may hold its subject and verb in."""
    return list(islice(WORD.finditer(text, start), MAX_SUBJECT_WORDS + 1))


def _read_clause(text: str, tokens: list[Token], offset: int, lang: str) -> tuple[TaskClause | None, int]:
    """A task clause from the model's tokens of its first words, and where in ``text`` the
    token that decided it ends (the end of the last token read when none did)."""
    want, not_task = _task_verb(lang)
    tokens = tokens[:MAX_SUBJECT_WORDS + 1]
    for j, t in enumerate(tokens):
        if t.pos_ not in ("VERB", "AUX") or "Fin" not in t.morph.get("VerbForm"):
            continue
        at = offset + t.idx
        decided = at + len(t)
        # the clause's first finite verb decides: a past or passive verb, a state, a decision is no task
        if lemma(t, lang) in not_task or not all(t.morph.get(k) == [v] for k, v in want.items()):
            return None, decided
        pre = tokens[:j]
        while pre and pre[0].pos_ == "PUNCT":  # a list bullet before the subject
            pre = pre[1:]
        if not pre:
            return (TaskClause(None, at, at, decided) if t.morph.get("Person") == ["1"] else None), decided
        heads = [p for p in pre if p.pos_ in NOMINAL_POS]
        if (any(p.pos_ not in SUBJECT_POS for p in pre) or not heads
                or heads[-1].morph.get("Case") not in (["Nom"], [])
                or any(p.pos_ == "PUNCT" and p.text not in ",-–&/" for p in pre)):
            return None, decided
        first, end = offset + pre[0].idx, offset + pre[-1].idx + len(pre[-1])
        return TaskClause(text[first:end], first, at, decided), decided
    if len(tokens) > MAX_SUBJECT_WORDS:
        return None, offset + tokens[-1].idx + len(tokens[-1])
    return None, len(text)  # no verb before the window (or the text) ended


@lru_cache(maxsize=None)
def _rule_patterns(lang: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    grammar = _grammar(lang)
    verb = grammar.get("present_verb_pattern")
    modals = sorted(grammar.get("modal_words", []), key=len, reverse=True)
    modal = re.compile(r"(?:" + "|".join(re.escape(m).replace(r"\ ", r"\s+") for m in modals) + r")(?!\w)") if modals else None
    return (re.compile(verb) if verb else None), modal


def _rule_clause(text: str, start: int, lang: str) -> TaskClause | None:
    """Word order without a model: a subject of names or a short noun phrase, then the verb (V2)."""
    grammar = _grammar(lang)
    verb_re, modal_re = _rule_patterns(lang)
    not_task = {w.lower() for w in grammar.get("not_task_words", [])}
    not_verb = not_task | {w.lower() for w in grammar.get("not_verb_words", [])}
    ambiguous = {w.lower() for w in grammar.get("ambiguous_verbs", [])}
    blockers = {w.lower() for w in grammar.get("subject_blockers", [])}
    first_person = {w.lower() for w in grammar.get("first_person_words", [])}
    tokens = [m for m in TOKEN.finditer(text, start)][:MAX_SUBJECT_WORDS + 1]
    for j, t in enumerate(tokens):
        word = t.group(0)
        if j == 0:
            if word.lower() in blockers:
                return None
            continue
        is_modal = bool(modal_re and modal_re.match(text, t.start()))
        is_verb = bool(verb_re and verb_re.fullmatch(word)) and word.lower() not in not_verb
        if word.lower() in not_task and not is_modal:
            return None
        if not (is_modal or is_verb):
            continue
        pre = [p.group(0) for p in tokens[:j]]
        if len(pre) == 1 and pre[0].lower() in first_person:
            return TaskClause(None, tokens[0].start(), t.start(), t.end())
        if word.lower() in ambiguous and not (len(pre) >= 2 and all(CAPITALISED.match(w) for w in pre)
                                              or len(pre) == 1 and _definite(pre[0], lang)):
            continue  # 'Eva Lindberg för ärendet' (takes) but 'Nätverksdag för familjer' (for)
        if _plausible_subject(pre, lang):
            return TaskClause(text[tokens[0].start():tokens[j - 1].end()], tokens[0].start(), t.start(), t.end())
    return None


def _plausible_subject(words: list[str], lang: str) -> bool:
    grammar = _grammar(lang)
    blockers = {w.lower() for w in grammar.get("subject_blockers", [])}
    determiners = {w.lower() for w in grammar.get("subject_determiners", []) + grammar.get("actor_articles", [])}
    conj = {w.lower() for w in grammar.get("conjunctions", [])} | set(",&/")
    past = tuple(grammar.get("past_suffixes", []))
    content = [w for w in words if w.lower() not in conj and w.lower() not in determiners]
    if not content or words[-1].lower() in conj:
        return False
    if any(w.lower() in blockers or past and w.lower().endswith(past) for w in content):
        return False  # 'The partners agreed to ...': a verb in the past is no part of a subject
    lower = [w for w in content if not CAPITALISED.match(w)]
    if lower and lower[0] == words[0] and "definite_suffixes" in grammar and not _definite(words[0], lang):
        return False  # a lower-case opening word is a verb or adverb ('att starta två grupper'), not a subject
    return len(lower) <= MAX_LOWER_SUBJECT_WORDS


def _definite(word: str, lang: str) -> bool:
    """'kommunerna', 'projektet': a Swedish definite noun can open a clause as its subject."""
    suffixes = tuple(_grammar(lang).get("definite_suffixes", []))
    return bool(suffixes) and len(word) > 4 and word.lower().endswith(suffixes)


def subject_actors(subject: str, lang: str) -> list[str]:
    """The actors a subject names: 'projektipäällikkö Tuula Heikkinen ja ARVO-hanke' ->
    ['Tuula Heikkinen', 'ARVO-hanke'] (a job title before a name dropped, bodies kept as written)."""
    articles = {w.lower() for w in _grammar(lang).get("actor_articles", [])}
    out = []
    for part in actor_parts(subject, lang):
        part = PARENTHESIS.sub("", part)  # 'Kersti Saar (Pärnu)': an affiliation, not the actor
        words = part.strip(" .:()").split()
        if words and words[0].lower() in articles:
            words = words[1:]
        out.append(" ".join(_without_role(_without_title(words), lang)))
    return [a for a in dict.fromkeys(out) if a]


def actor_parts(subject: str, lang: str) -> list[str]:
    """The subject split into actors, except where two genitives share one head noun:
    'Keravan ja Tuusulan kuntatyöryhmät' (the groups of two towns) is one actor."""
    parts: list[str] = []
    pos, joined = 0, False
    for m in [*actor_split(lang).finditer(subject), None]:
        part = subject[pos:m.start() if m else len(subject)]
        if joined and parts:
            parts[-1] += part
        else:
            parts.append(part)
        joined = bool(m and _genitive_only(part, lang) and _genitive_only(subject[m.end():].split(" ")[0], lang)
                      and len(subject[m.end():].split()) >= 2 and " " not in part.strip())
        if joined and m:
            parts[-1] += m.group(0)
        pos = m.end() if m else len(subject)
    return parts


def _genitive_only(word: str, lang: str) -> bool:
    """A capitalised word in the genitive ('Keravan', 'Kervos'): a modifier, not an actor."""
    word = word.strip(" ,.")
    suffixes = tuple(_grammar(lang).get("genitive_suffixes", []))
    return bool(suffixes and CAPITALISED.match(word) and len(word) > 3 and word.endswith(suffixes))


def _without_role(words: list[str], lang: str) -> list[str]:
    """'Perhepalvelupäällikkö Ritva Hakala', 'Hallinnoija Järvenpään kaupunki': a capitalised job
    title or role word (by its ending) before a name drops."""
    endings = _role_endings(lang)
    if (len(words) >= 3 and endings and words[0].lower().endswith(endings)
            and CAPITALISED.match(words[1]) and words[0].casefold() not in first_names()):
        return words[1:]  # a first name ('Maija Liisa Ek') is no title whatever its ending
    return words


@lru_cache(maxsize=None)
def _role_endings(lang: str) -> tuple[str, ...]:
    """The job-title endings the attendee lists know (attendance.json) and the role words a
    task's actor may carry besides (grammar.json: 'hallinnoija', 'representative')."""
    words = [*(load(lang, "attendance") or {}).get("title_suffixes", []),
             *_grammar(lang).get("role_word_endings", [])]
    return tuple(sorted({w.lower() for w in words}))


def _without_title(words: list[str]) -> list[str]:
    """'sosiaalijohtaja Pekka Aaltonen' -> 'Pekka Aaltonen': lower-case words before a capitalised name."""
    first_cap = next((i for i, w in enumerate(words) if CAPITALISED.match(w)), None)
    if first_cap and len(words) - first_cap >= 2 and all(CAPITALISED.match(w) for w in words[first_cap:]):
        return words[first_cap:]
    return words

"""Sentence breaks: the pattern that opens with a character class, and the short cuts before the
abbreviation and label checks, find exactly the breaks the plain look-behind pattern found."""
import random
import re
from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.lang import LANGUAGES
from extractors.records.sentences import NUMBERED_LABEL, SENTENCE_END, _abbreviation_re, _not_an_end, split_sentences

SEEDS = Path("/work/shared/seeds")
TEXTS = [*sorted(SEEDS.glob("*.txt")), *sorted(Path("tests").glob("heldout*/docs/*.txt")),
         *sorted(Path("tests").glob("heldout*/docs/*.md")), *sorted(Path("tests").glob("heldout*/docs/*.docx"))]
# the breaks as first written: each alternative opens with a look-behind or a line break
PLAIN_END = re.compile(r"(?<=[.!?])[\"'”)]*\s+(?=[\"'“(]?[A-ZÅÄÖÜ0-9•-])|\n(?=\s*[-•*]\s)|(?<=:)\n"
                       r"|(?<![,\-–(&/])[ \t]*\n(?=[ \t]*[A-ZÅÄÖÜ])")
# every character the alternatives look at, and white space of other kinds
ALPHABET = list("aB.!?:,-–(&/\"'”“)•* \t\n\r\x0b\x0c\u2028\u00a0Ä0")


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_breaks_in_real_documents_are_the_plain_patterns():
    texts = [read_document(path).text for path in TEXTS]
    breaks = 0
    for text in texts:
        assert _spans(SENTENCE_END, text) == _spans(PLAIN_END, text)
        breaks += len(_spans(PLAIN_END, text))
    assert breaks > 1000


def test_breaks_in_random_text_are_the_plain_patterns():
    rnd = random.Random(5)
    for _ in range(30000):
        text = "".join(rnd.choice(ALPHABET) for _ in range(rnd.randint(0, 14)))
        assert _spans(SENTENCE_END, text) == _spans(PLAIN_END, text), repr(text)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_short_cut_before_abbreviation_and_label_checks_changes_nothing(lang):
    abbrev = _abbreviation_re(lang)
    pieces = ["mm", "esim", "klo", "ns", "Toimenpide", "kohta", "a", "B", "ym", "s", "vrt", "etc", "e.g", "ca",
              " ", "\n", ".", "1", "12", "123", "1234", "\"", "'", "”", ")", "x", "²", "٣", "\t"]
    rnd = random.Random(7)
    for _ in range(20000):
        head = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 7)))
        plain = bool(abbrev.search(head.rstrip("\"')”")) or NUMBERED_LABEL.search(head))
        assert _not_an_end(head, abbrev) == plain, repr(head)


@pytest.mark.parametrize("text,expected", [
    ("Kokous alkoi. Puheenjohtaja avasi sen.", ["Kokous alkoi.", "Puheenjohtaja avasi sen."]),
    ("Paikalla mm. Kerava ja Tuusula.", ["Paikalla mm. Kerava ja Tuusula."]),
    ("Toimenpide 1.\nKunnat kokoavat tiedot.", ["Toimenpide 1.\nKunnat kokoavat tiedot."]),
    ("Sovittiin seuraavaa:\n- kokous siirtyy", ["Sovittiin seuraavaa:", "- kokous siirtyy"]),
    ("Muistio\nAika 4.3.2009", ["Muistio", "Aika 4.3.2009"]),
    ("Is it done? Yes! It is.", ["Is it done?", "Yes!", "It is."]),
])
def test_sentences_split_where_expected(text, expected):
    assert [t for _, _, t in split_sentences(text, 0, "fi")] == expected

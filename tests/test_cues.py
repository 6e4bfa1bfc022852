"""cues.search/finditer skip the regex when no cue literal occurs; that shortcut must never change a result."""
import re
from pathlib import Path

import pytest

from extractors.formats import read_document
from extractors.lang import LANGUAGES, load
from extractors.records import cues

SEEDS = Path("/work/shared/seeds")
TEXTS = [*sorted(SEEDS.glob("*.txt")), *sorted(Path("tests").glob("heldout*/docs/*.txt")),
         *sorted(Path("tests").glob("heldout*/docs/*.md"))]
# Letters re.I equates with ASCII ones though str.lower() does not: long s, dotless i, Kelvin sign, dotted I
ODD_CASE = str.maketrans({"s": "ſ", "i": "ı", "k": "\u212a", "I": "İ"})


def _ids(lang: str) -> list[str]:
    return list(dict.fromkeys(entry["id"] for entry in load(lang, "cues")))


def _plain(word: str) -> str:
    """A cue word as text it matches: wildcards dropped from each of its words."""
    return " ".join(part.strip("*") for part in word.split())


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_fold_equates_every_letter_re_ignorecase_equates():
    letters = {c for lang in LANGUAGES for e in load(lang, "cues") for w in e["words"] for c in w}
    everything = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    for letter in letters:
        for match in re.finditer(re.escape(letter), everything, re.I):
            assert cues._fold(match.group()) == cues._fold(letter), (letter, match.group())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shortcut_agrees_with_the_pattern_on_real_lines(lang):
    lines = [line for path in TEXTS for line in read_document(path).text.splitlines() if line.strip()]
    assert len(lines) > 500
    for cue_id in _ids(lang):
        pattern = cues.cue(lang, cue_id)
        for line in lines:
            assert _spans(cues.finditer(lang, cue_id, line)) == _spans(pattern.finditer(line)), (cue_id, line)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_shortcut_finds_cue_words_in_any_case(lang):
    for entry in load(lang, "cues"):
        pattern = cues.cue(lang, entry["id"])
        for word in entry["words"]:
            plain = _plain(word).replace("...", "ja")
            for text in (plain, plain.upper(), plain.title(), plain.translate(ODD_CASE),
                         plain.upper().translate(ODD_CASE), f"({plain.upper()}:)"):
                expected = pattern.search(text)
                found = cues.search(lang, entry["id"], text)
                assert (found and found.span()) == (expected and expected.span()), (entry["id"], text)
                assert expected or "..." in word, (entry["id"], text)


def _long_texts() -> list[str]:
    """Whole documents, and cue words spread through filler between odd white space and odd letters."""
    texts = [read_document(path).text for path in TEXTS]
    words = [_plain(w) for lang in LANGUAGES for e in load(lang, "cues") for w in e["words"]]
    seps = [" ", "\n", "\t", "\u2003", "\r\n", "\x0c", ", ", "-", "", "\u0307", "İ", "(", ".\n\n", "_"]
    odd = "".join(f"lorem{seps[i % len(seps)]}ipsum dolor sit{seps[i % 5]}{w}{seps[i % len(seps)]}"
                  + ("x" if i % 7 == 0 else "") for i, w in enumerate(words))
    sparse = odd.replace("\u0307", "")  # a dropped U+0307 would shift offsets: such text is scanned whole
    return [t for t in texts if len(t) > cues.LONG_TEXT] + [odd, sparse, sparse.upper(), sparse.title()]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_long_texts_are_searched_around_the_literals_with_the_same_result(lang):
    texts = _long_texts()
    assert len(texts) >= 5
    for cue_id in _ids(lang):
        pattern = cues.cue(lang, cue_id)
        for text in texts:
            expected = _spans(pattern.finditer(text))
            assert _spans(cues.finditer(lang, cue_id, text)) == expected, cue_id
            found = cues.search(lang, cue_id, text)
            assert (found and found.span()) == (expected[0] if expected else None), cue_id
            assert cues.count(lang, cue_id, text, most=3) == min(3, len(expected)), cue_id


@pytest.mark.parametrize("lang,text,found", [
    ("fi", "Esitys tuodaan seuraavaan johtoryhmäkokoukseen.", "seuraavaan johtoryhmäkokoukseen"),
    ("fi", "Esitys tuodaan seuraavaan kokoukseen.", "seuraavaan kokoukseen"),
    ("sv", "Förslaget skickas till nästa arbetsgruppsmöte.", "till nästa arbetsgruppsmöte"),
    ("fi", "Esitys tuodaan seuraavaan kokoukseenkin.", None),  # '*x' still ends the word
])
def test_a_wildcard_word_inside_a_phrase_matches_as_a_prefix_or_suffix(lang, text, found):
    m = cues.search(lang, "commitment.next_meeting", text)
    assert (m.group(0) if m else None) == found

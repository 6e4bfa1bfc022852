"""The morphological lexicon (Voikko) settles the verb questions the rules put to the model,
and asks the model only where a word's readings disagree; the model reads a window of a long
sentence, which must tag as the whole sentence does."""
import pytest

from extractors import nlp
from extractors.lexicon import WORD, has_lexicon, readings, verdict
from extractors.records import clauses, verbs
from extractors.records.clauses import MAX_SUBJECT_WORDS, _model_needed, clause_starts, task_clause

needs_lexicon = pytest.mark.skipif(not has_lexicon("fi"), reason="Voikko is not installed")
needs_model = pytest.mark.skipif(not nlp.has_model(nlp.load_nlp("fi")), reason="the Finnish model is not installed")
PASSIVE_PRESENT = {"Voice": "Pass", "Tense": "Pres", "VerbForm": "Fin"}


@needs_lexicon
def test_readings_in_the_models_terms():
    (verb,) = {r for r in readings("järjestetään", "fi")}
    assert verb.pos == "VERB" and verb.lemma == "järjestää" and verb.has(PASSIVE_PRESENT)
    (noun,) = readings("lautakuntaan", "fi")
    assert noun.pos == "NOUN" and noun.has({"Case": "Ill"}) and not noun.finite
    assert readings("Kommunerna", "fi") is None  # unknown to the Finnish lexicon
    assert readings("kommunerna", "sv") is None and not has_lexicon("sv")  # no lexicon data for Swedish


@needs_lexicon
@pytest.mark.parametrize("word,expected", [("pidetään", True), ("toimintaan", False), ("haetaan", True),
                                           ("kokoukseen", False), ("xyzzytään", None)])
def test_verdict_settles_agreeing_readings(word, expected):
    assert verdict(word, "fi", lambda r: r.has(PASSIVE_PRESENT)) is expected


@needs_lexicon
@pytest.mark.parametrize("text,ruled_out", [
    ("Kokous on Lohjan kaupungintalolla.", True),  # the first finite verb is a state
    ("Päätettiin hyväksyä toimintasuunnitelma.", True),  # past passive
    ("Lisäksi toimintaan tulee liittää ohjeistukset.", True),  # an adverb cannot be in the subject
    ("Toimintaan osallistuneiden määrä kasvaa.", False),  # may act: the model reads the subject
    ("Raportin laatimisesta vastaa projektisihteeri.", False),  # 'vastaa' may be a noun: the model reads on
    ("Syksyllä tulee lähettää muistio kunnille.", True),  # the noun before the verb is no nominative
    ("Projektisihteeri vastaa raportin laatimisesta.", False),  # 'vastaa' may be the verb
    ("Pirjo Laine vie asian lautakuntaan.", False),
    ("Kokoan kuvaukset yhteen.", False),  # the writer in the first person
    ("Hankkeen loppuraportti ja tilinpäätös.", True),  # no verb at all
    ("Qwertyt kokoontuvat huomenna.", True),  # a capitalised unknown word is a name; 'kokoontua' is a state
    ("uusi vrkstöjä vie asian.", False),  # an unknown lower-case word: the model decides
])
def test_lexicon_rules_out_clause_openings(text, ruled_out):
    assert (_model_needed(text, 0, "fi") is None) is ruled_out


@needs_model
@pytest.mark.parametrize("text", [
    "Toimintasuunnitelman luonnos lähetetään jäsenille kommentoitavaksi 15.9.2007 mennessä, ja seuraavaan kokoukseen "
    "valmistellaan talousarvioesitys sekä kuntien yhteinen selvitys perhetyön tarpeista.",
    "Sovittiin, että perhetyön verkoston puheenjohtaja Anna Mäkinen kokoaa kuntien vastaukset yhteen ennen kevään seminaaria Lohjalla.",
    "Kokouksessa hankkeen ohjausryhmä totesi lopuksi yksimielisesti, että Vihdin ja Karkkilan kuntatyöryhmät selvittävät "
    "yhdessä perhetyön tarpeen syksyn aikana ja raportoivat tuloksista seuraavassa kokouksessa.",
])
def test_a_context_window_tags_as_the_whole_text(text):
    whole = nlp.load_nlp("fi")(text)
    for start in clause_starts(text, "fi"):
        end = list(WORD.finditer(text, start))[MAX_SUBJECT_WORDS].end()
        offset, window = nlp.context_window(text, start, end)
        assert len(window) < len(text)
        part = nlp.load_nlp("fi")(window)
        read = [t for t in part if start <= t.idx + offset < end]
        full = [t for t in whole if start <= t.idx < end]
        assert [(t.idx + offset, t.text, t.pos_, str(t.morph), t.lemma_) for t in read] == \
            [(t.idx, t.text, t.pos_, str(t.morph), t.lemma_) for t in full]
        # the model's token vectors themselves are equal: the window holds the tagger's whole context
        assert all((part.tensor[a.i] == whole.tensor[b.i]).all() for a, b in zip(read, full))


@needs_model
@needs_lexicon
def test_settled_questions_do_not_reach_the_model(monkeypatch):
    asked = []
    monkeypatch.setattr(clauses, "analyse", lambda text, lang: asked.append(text) or nlp.analyse(text, lang))
    monkeypatch.setattr(verbs, "analyse", lambda text, lang: asked.append(text) or nlp.analyse(text, lang))
    assert task_clause("Kokous on Lohjan kaupungintalolla.", "fi") is None
    assert [m.group(0) for m in verbs.forward_verbs("Asiaan palataan seuraavassa kokouksessa.", "fi")] == ["palataan"]
    assert not verbs.has_finite_verb("Hankkeen loppuraportti ja tilinpäätös", "fi")
    assert asked == []
    clause = task_clause("Pirjo Laine vie asian lautakuntaan.", "fi")
    assert clause and clause.subject == "Pirjo Laine" and len(asked) == 1


@needs_model
@needs_lexicon
def test_task_clauses_read_as_the_model_reads_whole_sentences():
    """Over every sentence of the seeds, what the lexicon settles and the windows the model
    reads give the clause the model gives reading each whole sentence."""
    from pathlib import Path

    from extractors.formats import read_document
    from extractors.records.clauses import _read_clause
    from extractors.records.sentences import sentences

    seeds = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("shared/seeds not beside the repo")
    texts = [s.text for p in seeds for s in sentences(read_document(p), "fi")]
    assert len(texts) > 200
    for text, whole in zip(texts, nlp.load_nlp("fi").pipe(texts)):
        expected = None
        for start in clause_starts(text, "fi"):
            expected, _ = _read_clause(text, [t for t in whole if t.idx >= start], 0, "fi")
            if expected:
                break
        assert task_clause(text, "fi") == expected, text


@needs_model
@needs_lexicon
def test_present_active_verbs_read_lemmas_as_the_whole_pipeline():
    """Where the lexicon cannot settle a sentence, the verbs read from an analysis whose lemmas
    are computed only for the tokens asked about are those the whole pipeline gives."""
    from pathlib import Path

    from extractors.formats import read_document
    from extractors.lang import load
    from extractors.records.sentences import sentences

    seeds = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("shared/seeds not beside the repo")
    want = load("fi", "grammar")["present_active_morph"]
    test = lambda r: r.pos in ("VERB", "AUX") and r.lemma != "olla" and r.has(want)  # noqa: E731
    texts = [s.text for p in seeds for s in sentences(read_document(p), "fi")
             if verbs._words_settled(s.text, "fi", test) is None]
    assert len(texts) > 50
    nlp.forget()
    for text, whole in zip(texts, nlp.load_nlp("fi").pipe(texts)):
        expected = [t.text for t in whole if t.pos_ in ("VERB", "AUX") and t.lemma_ != "olla"
                    and all(t.morph.get(k) == [v] for k, v in want.items())]
        assert verbs.present_active_verbs(text, "fi") == expected, text
    nlp.forget()

"""The researchers' CSV and codebook: R/SPSS-ready columns, round-trips into pandas with the codebook's types."""

import io

import pandas as pd
import pytest

from noturiba.research import export
from noturiba.research.specs import FACTCHECK, LIKERT, BlockSpec, Question

TRUST = Question("trust-lib", "scale", "Cik ļoti jūs uzticaties bibliotēkai?", (), (1, 5, "nemaz", "pilnīgi"))
VISITS = Question("visits", "single", "Cik bieži?", (("rarely", {"lv": "reti"}), ("weekly", {"lv": "katru nedēļu"})),
                  None)
SOURCES = Question("sources", "multiple", "Kur?", (("tv", {"lv": "TV"}), ("radio", {"lv": "radio"})), None)
WISH = Question("wish", "text", "Ko vēlaties?", (), None)
QUESTIONS = (TRUST, VISITS, SOURCES, WISH)
PRE = BlockSpec("pre", LIKERT, "pre", "", "lv", QUESTIONS, {})
POST = BlockSpec("post", LIKERT, "post", "", "lv", QUESTIONS, {})
VERDICTS = (("accurate", {"en": "Accurate", "lv": "Patiess"}), ("false", {"en": "False", "lv": "Nepatiess"}))
CHECK = BlockSpec("check", FACTCHECK, "post", "", "lv",
                  (Question("h1", "verdict", "h1", VERDICTS, None), Question("h2", "verdict", "h2", VERDICTS, None)),
                  {"h1": True, "h2": False})
SPECS = [PRE, POST, CHECK]
ROWS = [
    ("pre", "k1", "a", "trust-lib", "2", ""), ("pre", "k1", "a", "visits", "weekly", ""),
    ("pre", "k1", "a", "sources", "radio", ""), ("pre", "k1", "a", "wish", "text", "=HYPERLINK(\"x\")"),
    ("post", "k1", "b", "trust-lib", "4", ""), ("post", "k1", "b", "wish", "text", "Vairāk grāmatu"),
    ("check", "k1", "c", "h1", "accurate", ""), ("check", "k1", "c", "h2", "accurate", ""),
    ("pre", "k2", "d", "trust-lib", "3", ""),
]
PANDAS_TYPES = {"integer": "Int64", "float": "float64", "string": "string"}


def read(specs, rows, include_text=False):
    codebook = pd.read_csv(io.StringIO(export.codebook_csv(specs, include_text)), encoding="utf-8", dtype=str,
                           keep_default_na=False)
    types = {row.variable: PANDAS_TYPES[row.type] for row in codebook.itertuples() if row.value == ""}
    data = pd.read_csv(io.StringIO(export.data_csv(specs, rows, include_text)), dtype=types, keep_default_na=False,
                       na_values=[""])
    return data, codebook, types


def test_the_csv_round_trips_into_pandas_with_the_codebooks_types():
    data, codebook, types = read(SPECS, ROWS)
    assert list(data.columns) == list(types)  # the BOM is not part of the first column's name
    assert list(data.columns[:6]) == ["respondent", "wave", "trust_lib", "visits", "sources_tv", "sources_radio"]
    assert {str(data[c].dtype) for c in data.columns} <= {"Int64", "float64", "string"}
    first = data[(data.respondent == "k1") & (data.wave == 1)].iloc[0]
    assert (first.trust_lib, first.visits, first.sources_tv, first.sources_radio) == (2, 2, 0, 1)
    later = data[(data.respondent == "k1") & (data.wave == 2)].iloc[0]
    assert later.trust_lib == 4 and pd.isna(later.visits) and pd.isna(later.sources_tv)
    assert later.h1 == 1 and later.h2 == 1
    assert later.fc_naivety == 1 and later.fc_accuracy == pytest.approx(0.5) and later.fc_d_prime == pytest.approx(0)
    assert pd.isna(data[(data.respondent == "k2")].iloc[0].fc_accuracy)
    assert len(data) == 3


def test_the_codebook_labels_values_in_latvian_and_english():
    _data, codebook, _types = read(SPECS, ROWS)
    wave = codebook[codebook.variable == "wave"]
    assert [tuple(r) for r in wave[["value", "label_lv", "label_en"]].values[1:]] == [
        ("1", "pirms kursa", "before the course"), ("2", "pēc kursa", "after the course")]
    visits = codebook[(codebook.variable == "visits") & (codebook.value == "2")].iloc[0]
    assert visits.label_lv == "katru nedēļu"
    verdict = codebook[(codebook.variable == "h1") & (codebook.value == "1")].iloc[0]
    assert (verdict.label_lv, verdict.label_en) == ("Patiess", "Accurate")
    trust = codebook[(codebook.variable == "trust_lib") & (codebook.value == "")].iloc[0]
    assert trust.label_lv == TRUST.prompt and trust.source == "pre:trust-lib"


def test_no_free_text_unless_the_study_enables_it_and_then_no_formulas():
    data_text = export.data_csv(SPECS, ROWS)
    assert "HYPERLINK" not in data_text and "Vairāk grāmatu" not in data_text and "wish" not in data_text
    data, _codebook, _types = read(SPECS, ROWS, include_text=True)
    assert list(data.wish.dropna()) == ["'=HYPERLINK(\"x\")", "Vairāk grāmatu"]


def test_the_files_start_with_a_byte_order_mark_and_use_crlf():
    text = export.data_csv(SPECS, ROWS)
    assert text.startswith("\ufeffrespondent,wave,") and "\r\n" in text
    assert export.variable_name("1-st.item") == "q_1_st_item"

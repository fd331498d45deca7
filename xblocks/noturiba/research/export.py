"""The researchers' export: one CSV row per pseudonymous respondent and wave, and its codebook.

Data CSV: `respondent`, `wave` (1 pre, 2 post), then one column per item (its id made a valid R
and SPSS variable name: letters, digits, `_`), coded as numbers: a scale point as itself, a
single choice or verdict as the 1-based position of the option, a multiple choice as one 0/1
column per option; fact-check surveys add the respondent's scores (`fc_*`). Missing: empty.
Free text only with include_text (the operator's study setting); it is neutralised against
spreadsheet formulas (OWASP CSV injection), as every other text cell; numbers are written as
numbers, never prefixed.

Codebook CSV: one row per variable (type integer, float or string, the variable label) and one
per value label, in Latvian and English (`label_lv`, `label_en`); author texts exist in the
course's language only, the other column is then empty.

Both files are UTF-8 with a byte order mark: Excel and SPSS detect UTF-8 from it (Latvian
labels otherwise come out garbled), readr and pandas skip it; base R reads them with
read.csv(fileEncoding = "UTF-8-BOM").
"""

import csv
import io
import re

from .report import SCORES, collect, respondent_id
from .specs import FACTCHECK, LIKERT

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
WAVE_CODES = {"pre": 1, "post": 2}
FIXED_LABELS = {
    "respondent": ("Respondenta pseidonīmais kods (viens kursā)", "Pseudonymous respondent key (one per course)"),
    "wave": ("Aptaujas kārta", "Survey wave"),
    "pre": ("pirms kursa", "before the course"),
    "post": ("pēc kursa", "after the course"),
    "chosen": ("izvēlēts", "chosen"),
    "not chosen": ("nav izvēlēts", "not chosen"),
}
SCORE_LABELS = {
    "discernment": ("Pareizi novērtēto ziņu skaits (MIST V)", "Veracity discernment: items judged right (MIST V)"),
    "accuracy": ("Pareizi novērtēto ziņu daļa", "Share of items judged right"),
    "real_correct": ("Īstas ziņas, atzītas par īstām", "Real items judged real"),
    "fake_correct": ("Viltus ziņas, atzītas par viltus", "Fake items judged fake"),
    "distrust": ("Neuzticība: max(0, atzītas par viltus - viltus ziņas)", "Distrust: max(0, judged fake - fake items)"),
    "naivety": ("Lētticība: max(0, atzītas par īstām - īstās ziņas)", "Naivety: max(0, judged real - real items)"),
    "d_prime": ("Signālu atšķiršana d' (log-lineārā korekcija)", "Sensitivity d' (log-linear correction)"),
    "criterion": ("Kritērijs c (pozitīvs: biežāk 'viltus')", "Criterion c (positive: says 'fake' more often)"),
}
INTEGER_SCORES = ("discernment", "real_correct", "fake_correct", "distrust", "naivety")


def neutralise(cell):
    """A text cell spreadsheets will not run as a formula."""
    text = str(cell)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def variable_name(item_id):
    name = re.sub(r"[^A-Za-z0-9_]", "_", item_id)
    return name if name[:1].isalpha() else "q_" + name


def _labels(labels):
    return labels.get("lv", ""), labels.get("en", "")


def variables(specs, include_text=False):
    """[(name, type, (label_lv, label_en), [(code, label_lv, label_en)], source)] in column order."""
    result, seen = [], set()

    def add(name, kind, label, values, source):
        if name not in seen:
            seen.add(name)
            result.append((name, kind, label, values, source))

    add("respondent", "string", FIXED_LABELS["respondent"], [], "")
    add("wave", "integer", FIXED_LABELS["wave"],
        [(code, *FIXED_LABELS[wave]) for wave, code in WAVE_CODES.items()], "")
    for spec in specs:
        language = spec.language.split("-")[0].lower()
        prompt_of = {q.id: q.prompt for q in spec.questions}
        for q in spec.questions:
            label = (q.prompt, "") if language != "en" else ("", q.prompt)
            source = f"{spec.block}:{q.id}"
            if q.type == "scale":
                low, high = q.scale[0], q.scale[1]
                values = [(low, *_labels({language: q.scale[2]})), (high, *_labels({language: q.scale[3]}))]
                add(variable_name(q.id), "integer", label, values, source)
            elif q.type in ("single", "verdict"):
                values = [(i, *_labels(text)) for i, (_value, text) in enumerate(q.options, start=1)]
                if q.type == "verdict":
                    label = (f"Vērtējums: {prompt_of[q.id]}", f"Verdict: {prompt_of[q.id]}")
                add(variable_name(q.id), "integer", label, values, source)
            elif q.type == "multiple":
                for option, text in q.options:
                    option_label = tuple(f"{a}: {b}" if b else a for a, b in zip(label, _labels(text), strict=True))
                    add(variable_name(f"{q.id}.{option}"), "integer", option_label,
                        [(0, *FIXED_LABELS["not chosen"]), (1, *FIXED_LABELS["chosen"])], f"{source}:{option}")
            elif q.type == "text" and include_text:
                add(variable_name(q.id), "string", label, [], source)
        if spec.kind == FACTCHECK:
            for score in SCORES:
                add(f"fc_{score}", "integer" if score in INTEGER_SCORES else "float", SCORE_LABELS[score], [], "")
    return result


def _coded(spec, question, value):
    """{column: code} of one stored survey row."""
    q = next((q for q in spec.questions if q.id == question), None)
    if q is None:
        return {}
    if q.type == "scale":
        try:
            return {variable_name(q.id): int(value)}
        except ValueError:
            return {}
    ids = [option for option, _text in q.options]
    if q.type in ("single", "verdict") and value in ids:
        return {variable_name(q.id): ids.index(value) + 1}
    if q.type == "multiple" and value in ids:
        return {variable_name(f"{q.id}.{value}"): 1}
    return {}


def rows(specs, survey_rows, include_text=False):
    """The data rows: [{column: value}] ordered by respondent and wave."""
    by_block = {spec.block: spec for spec in specs}
    table = {}
    for block, respondent, learner, question, value, text in survey_rows:
        spec = by_block.get(block)
        if spec is None:
            continue
        who = respondent_id(block, respondent, learner)
        row = table.setdefault((who, spec.wave), {"respondent": who, "wave": WAVE_CODES[spec.wave]})
        asked = next((q for q in spec.questions if q.id == question), None)
        if spec.kind == LIKERT and asked is not None and asked.type == "multiple":
            for option_id, _text in asked.options:  # answered: the options not chosen are 0
                row.setdefault(variable_name(f"{question}.{option_id}"), 0)
        row.update(_coded(spec, question, value))
        if include_text and value == "text" and text:
            row[variable_name(question)] = text
    for wave_name, wave in collect(specs, survey_rows).items():
        for who, scores in wave["scores"].items():
            row = table.get((who, wave_name))
            if row is not None:
                row.update({f"fc_{name}": scores[name] for name in SCORES})
    return [table[key] for key in sorted(table, key=lambda key: (key[0], WAVE_CODES[key[1]]))]


def _csv(header, lines):
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(lines)
    return out.getvalue()


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    return neutralise(value)


def data_csv(specs, survey_rows, include_text=False):
    columns = [name for name, *_rest in variables(specs, include_text)]
    return _csv(columns, ([_cell(row.get(name)) for name in columns] for row in rows(specs, survey_rows, include_text)))


def codebook_csv(specs, include_text=False):
    lines = []
    for name, kind, (label_lv, label_en), values, source in variables(specs, include_text):
        lines.append([name, kind, "", neutralise(label_lv), neutralise(label_en), neutralise(source)])
        lines += [[name, kind, code, neutralise(lv), neutralise(en), ""] for code, lv, en in values]
    return _csv(["variable", "type", "value", "label_lv", "label_en", "source"], lines)

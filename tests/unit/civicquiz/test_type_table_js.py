"""The browser's table of question types (public/civicquiz_types.js) is the server's table, and the scripts
and templates ask it instead of switching on the type: a new type is a QuestionType, an entry there and
its fieldset in templates/student.html."""

import re
from importlib import resources

from civicquiz.question_types import TYPES

PUBLIC = resources.files("civicquiz").joinpath("public")
TEMPLATES = resources.files("civicquiz").joinpath("templates")


def js_table():
    source = PUBLIC.joinpath("civicquiz_types.js").read_text(encoding="utf-8")
    body = source[source.index("var TYPES = {"):source.index("ns.TYPES = TYPES;")]
    return re.findall(r"^    (\w+): \{$", body, re.M), body


def test_the_browser_knows_every_server_type_and_no_other():
    names, body = js_table()
    assert names == list(TYPES)
    assert body.count("read: ") == len(TYPES)  # every type reads its answer
    assert body.count("label: ") == len(TYPES)  # and is named in the editor


def quoted_type_names(text):
    text = text.replace('type="text"', "")  # an <input>'s type, not a question's
    return sorted({name for name in TYPES for quote in "\"'" if f"{quote}{name}{quote}" in text})


def test_no_script_but_the_table_and_no_template_but_the_learner_form_switches_on_the_type():
    for name in ("civicquiz.js", "civicquiz_studio.js", "civicquiz_results.js"):
        assert quoted_type_names(PUBLIC.joinpath(name).read_text(encoding="utf-8")) == [], name
    for name in ("studio.html", "staff.html", "author.html", "public.html"):
        assert quoted_type_names(TEMPLATES.joinpath(name).read_text(encoding="utf-8")) == [], name

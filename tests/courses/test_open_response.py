"""ORA2 (<openassessment>) in our courses: the tool knows its OLX, the workbench shows a note in its place."""

import json

import pytest
from django.utils import translation
from lxml import etree
from workbench.runtime import WorkbenchRuntime

from noturiba.courses.layout import load_course
from noturiba.courses.ora import ORA_NOTE
from noturiba.courses.validate import validate
from workbench_site import course_scenarios as cs

from .conftest import COURSES, base_files, write_course

ORA = """<openassessment url_name="tst-ora" display_name="Plāns" text_response="required" prompts_type="html">
    <title>Plāns</title>
    <assessments>
      <assessment name="staff-assessment" required="True"/>
    </assessments>
    <prompts>
      <prompt><description>&lt;p&gt;Uzrakstiet bibliotēkas plānu.&lt;/p&gt;</description></prompt>
    </prompts>
    <rubric>
      <criterion>
        <name>risks</name>
        <label>Riski</label>
        <prompt>Vai plānā nosaukti riski?</prompt>
        <option points="0"><name>none</name><label>Nav</label><explanation>Riski nav nosaukti.</explanation></option>
        <option points="2"><name>named</name><label>Ir</label><explanation>Riski nosaukti.</explanation></option>
      </criterion>
    </rubric>
  </openassessment>"""


def with_ora(files, ora=ORA):
    """The synthetic course with an ORA unit in its graded subsection (advanced_modules left as it is)."""
    files["sequential/tst-s2.xml"] = ('<sequential display_name="Tests" graded="true" format="Pārbaudījums">\n'
                                      '  <vertical url_name="tst-v2"/>\n  <vertical url_name="tst-v3"/>\n'
                                      "</sequential>\n")
    files["vertical/tst-v3.xml"] = f'<vertical display_name="Noslēguma darbs">\n  {ora}\n</vertical>\n'
    return files


def messages(report):
    return [str(finding) for finding in report.findings]


def test_open_response_is_a_studio_component_without_advanced_modules(make_course, course_files):
    # Studio lists openassessment in COMPONENT_TYPES (cms/djangoapps/contentstore/views/component.py),
    # so a course must not be told to add it to advanced_modules.
    report = validate(make_course(with_ora(course_files)))
    assert report.ok and not report.warnings, messages(report)


@pytest.mark.parametrize(("change", "fragment"), [
    (('<assessment name="staff-assessment" required="True"/>', '<assessment name="staff-assessment"/>'),
     'required="True"'),
    (('<assessment name="staff-assessment" required="True"/>', '<assessment name="peer-assessment"/>'
      '<assessment name="staff-assessment" required="True"/><assessment name="self-assessment"/>'),
     "staff-assessment must be the last"),
    (('<option points="2">', "<option>"), "points"),
    (('<option points="2">', '<option points="zwei">'), "points"),
    (("<explanation>Riski nosaukti.</explanation>", ""), "explanation"),
    (("&lt;p&gt;Uzrakstiet bibliotēkas plānu.&lt;/p&gt;", "<p>Uzrakstiet bibliotēkas plānu.</p>"),
     "escaped"),
    ((' url_name="tst-ora"', ""), "url_name"),
    (("<name>none</name>", "<name>named</name>"), "twice"),
])
def test_open_response_mistakes_are_errors(make_course, course_files, change, fragment):
    old, new = change
    assert old in ORA
    report = validate(make_course(with_ora(course_files, ORA.replace(old, new))))
    found = [e for e in report.errors if "openassessment" in e.message and e.file == "vertical/tst-v3.xml"]
    assert found and any(fragment in e.message for e in found), messages(report)
    assert all(e.line for e in found)


def test_open_response_unit_is_a_workbench_scenario_with_a_note(db, tmp_path):
    write_course(tmp_path / "tst-kurss", with_ora(base_files()))
    units = {sid: xml for sid, _title, xml in cs.course_scenarios(tmp_path)}
    xml = units["course-tst-kurss-tst-v3"]
    root = etree.fromstring(xml)
    assert [child.tag for child in root] == [cs.NOTE_TAG]
    runtime = WorkbenchRuntime("learner-1")
    block = runtime.get_block(runtime.parse_xml_string(xml))
    with translation.override("en"):
        html = block.render("student_view", {}).body_html()
    assert ORA_NOTE.split(":")[0] in html
    assert "<p>Uzrakstiet bibliotēkas plānu.</p>" in html  # the prompt, as html, not escaped twice
    assert "<script" not in html


def test_note_never_shows_unsafe_prompt_markup(db, tmp_path):
    ora = ORA.replace("&lt;p&gt;Uzrakstiet", "&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;Uzrakstiet")
    write_course(tmp_path / "tst-kurss", with_ora(base_files(), ora))
    xml = dict((sid, x) for sid, _t, x in cs.course_scenarios(tmp_path))["course-tst-kurss-tst-v3"]
    runtime = WorkbenchRuntime("learner-1")
    html = runtime.get_block(runtime.parse_xml_string(xml)).render("student_view", {}).body_html()
    assert "<script" not in html and "Uzrakstiet" in html


def test_the_librarians_course_has_a_trainer_assessed_capstone():
    course = load_course(COURSES / "biblioteka-noturibas-centrs")
    oras = [item for item in course.items() if item.kind == "openassessment"]
    assert len(oras) == 1
    ora = oras[0]
    sequential = ora.parent.parent
    assert sequential.element.get("graded") == "true"
    grading = json.loads((COURSES / "biblioteka-noturibas-centrs/policies/2027/grading_policy.json").read_text())
    assert sequential.element.get("format") in {g["type"] for g in grading["GRADER"]}
    steps = [a.get("name") for a in ora.element.find("assessments")]
    assert steps[-1] == "staff-assessment"
    criteria = ora.element.find("rubric").findall("criterion")
    assert len(criteria) >= 4 and all(len(c.findall("option")) >= 3 for c in criteria)

"""Course units with our blocks are workbench scenarios that render in the real runtime."""

import logging

import pytest
from lxml import etree
from workbench import scenarios
from workbench.runtime import WorkbenchRuntime

from workbench_site import course_scenarios as cs

from .conftest import REAL_COURSES, base_files, write_course

REAL_UNITS = [unit for course in REAL_COURSES for unit in cs._course_units(course)]


def render(xml):
    runtime = WorkbenchRuntime("learner-1")
    block = runtime.get_block(runtime.parse_xml_string(xml))
    return block, block.render("student_view", {}).body_html()


@pytest.mark.parametrize(("scenario_id", "title", "xml"), REAL_UNITS, ids=[unit[0] for unit in REAL_UNITS])
def test_real_course_unit_renders(db, scenario_id, title, xml):
    assert title.count(" > ") >= 2
    block, html = render(xml)
    ours = [child for child in etree.fromstring(xml) if child.tag in (*cs.BLOCK_TYPES, cs.NOTE_TAG)]
    assert ours
    assert html.count('class="noturiba') + html.count("class='noturiba") >= len(ours)
    assert len(block.children) == len(etree.fromstring(xml))


def test_every_real_unit_with_our_blocks_is_a_scenario():
    for course in REAL_COURSES:
        from noturiba.courses.layout import load_course
        loaded = load_course(course)
        expected = {f"course-{course.name}-{v.url_name}" for v in loaded.verticals()
                    if any(child.kind in cs.SCENARIO_TYPES for child in v.children)}
        assert {unit[0] for unit in cs._course_units(course)} == expected


def test_synthetic_course_scenarios(tmp_path):
    write_course(tmp_path / "tst-kurss", base_files())
    units = cs.course_scenarios(tmp_path)
    assert [(sid, title) for sid, title, _xml in units] == [
        ("course-tst-kurss-tst-v1", "Testa kurss > Pirmā nodaļa > Ievads"),
        ("course-tst-kurss-tst-v2", "Testa kurss > Pirmā nodaļa > Noslēguma tests"),
    ]
    root = etree.fromstring(units[0][2])
    assert root.tag == "vertical_demo"
    assert [child.tag for child in root] == ["html_demo", "civicquiz"]
    assert root[1].get("url_name") == "tst-practice" and root[1].get("mode") == "practice"
    assert "$$5" in etree.tostring(root[0], encoding="unicode")


def test_synthetic_unit_renders_html_and_block(db, tmp_path):
    write_course(tmp_path / "tst-kurss", base_files())
    _sid, _title, xml = cs.course_scenarios(tmp_path)[0]
    _block, html = render(xml)
    assert "<h3>Ievads</h3>" in html and "$5 cenu" in html
    assert "noturiba" in html


def test_units_without_our_blocks_are_not_scenarios(tmp_path):
    files = base_files()
    files["vertical/tst-v1.xml"] = '<vertical display_name="Ievads">\n  <html url_name="tst-h1"/>\n</vertical>\n'
    write_course(tmp_path / "tst-kurss", files)
    assert [unit[0] for unit in cs.course_scenarios(tmp_path)] == ["course-tst-kurss-tst-v2"]


@pytest.fixture
def courses_root(tmp_path, monkeypatch):
    good = base_files()
    broken = base_files()
    broken["course.xml"] = "<course url_name="  # not XML at all
    half = base_files()
    half["vertical/tst-v2.xml"] = half["vertical/tst-v2.xml"].replace('type="truefalse"', 'type="nonsense"')
    write_course(tmp_path / "a-labs", good)
    write_course(tmp_path / "b-salauzts", broken)
    write_course(tmp_path / "c-puse", half)
    monkeypatch.setenv("NOTURIBA_COURSES_DIR", str(tmp_path))
    yield tmp_path
    monkeypatch.delenv("NOTURIBA_COURSES_DIR")
    scenarios.init_scenarios()


def test_init_scenarios_adds_courses_and_keeps_block_scenarios(db, courses_root, caplog, client):
    assert getattr(scenarios.init_scenarios, "adds_course_scenarios", False)
    with caplog.at_level(logging.WARNING):
        scenarios.init_scenarios()
    ids = set(scenarios.SCENARIOS)
    assert {"course-a-labs-tst-v1", "course-a-labs-tst-v2", "course-c-puse-tst-v1"} <= ids
    assert "course-c-puse-tst-v2" not in ids  # its quiz does not parse: skipped, logged
    assert not any(sid.startswith("course-b-salauzts") for sid in ids)
    assert any("course-c-puse-tst-v2" in record.getMessage() for record in caplog.records)
    assert any(sid.startswith("civicquiz.") for sid in ids) and any(sid.startswith("mediacheck.") for sid in ids)
    assert scenarios.SCENARIOS["course-a-labs-tst-v2"].description == "Testa kurss > Pirmā nodaļa > Noslēguma tests"
    scenarios.get_scenarios.initialized = True
    index = client.get("/")
    assert index.status_code == 200
    start = index.content.decode()  # the start page: course, then chapter, then the unit's link
    unit_link = start.index('data-scenario="course-a-labs-tst-v1"')
    assert start.index("Testa kurss") < start.index("Pirmā nodaļa") < unit_link
    page = client.get("/scenario/course-a-labs-tst-v2/")
    assert page.status_code == 200 and "noturiba" in page.content.decode()


def test_reset_state_keeps_course_scenarios(db, courses_root):
    from workbench.runtime_util import reset_global_state
    reset_global_state()
    assert "course-a-labs-tst-v1" in scenarios.SCENARIOS

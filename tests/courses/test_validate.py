"""The course validator: real courses pass; each kind of breakage is reported where it is."""

import json

import pytest

from noturiba.courses.__main__ import main
from noturiba.courses.validate import validate

from .conftest import REAL_COURSES, base_files


def errors_of(course_dir):
    return [str(finding) for finding in validate(course_dir).errors]


def only_error(course_dir, *fragments):
    """The single error of the course, which must mention every fragment."""
    errors = validate(course_dir).errors
    assert len(errors) == 1, "\n".join(map(str, errors))
    text = str(errors[0])
    for fragment in fragments:
        assert fragment in text, text
    return errors[0]


@pytest.mark.parametrize("course_dir", REAL_COURSES, ids=[path.name for path in REAL_COURSES])
def test_real_course_has_no_error(course_dir):
    assert errors_of(course_dir) == []


def test_the_four_courses_exist():
    names = {path.name for path in REAL_COURSES}
    expected = {"biblioteka-noturibas-centrs", "medijpratiba-ikdiena", "gatavs-krizei", "pilsoniska-lidzdaliba"}
    if not names:
        pytest.skip("courses/ is not written yet")
    assert names <= expected


def test_synthetic_course_is_valid(make_course, course_files):
    report = validate(make_course(course_files))
    assert report.errors == [], "\n".join(map(str, report.errors))


def test_missing_vertical_file(make_course, course_files):
    del course_files["vertical/tst-v2.xml"]
    finding = only_error(make_course(course_files), "vertical/tst-v2.xml does not exist")
    assert (finding.file, finding.line) == ("sequential/tst-s2.xml", 2)


def test_missing_html_text_file(make_course, course_files):
    del course_files["html/tst-h1.html"]
    finding = only_error(make_course(course_files), "html/tst-h1.html does not exist")
    assert finding.file == "html/tst-h1.xml"


def test_malformed_xml_names_the_line(make_course, course_files):
    course_files["chapter/tst-ch1.xml"] = '<chapter display_name="x">\n  <sequential url_name="tst-s1">\n</chapter>\n'
    finding = only_error(make_course(course_files), "<sequential> element opened on line 2 is not closed")
    assert finding.file == "chapter/tst-ch1.xml" and finding.line == 3


def test_entity_declaration_is_refused(make_course, course_files):
    course_files["chapter/tst-ch1.xml"] = ('<!DOCTYPE chapter [<!ENTITY x "y">]>\n<chapter display_name="&x;">\n'
                                           '  <sequential url_name="tst-s1"/>\n</chapter>\n')
    errors = errors_of(make_course(course_files))
    assert any("DTD or entity" in error for error in errors), errors


def test_duplicate_url_name(make_course, course_files):
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace("tst-quiz", "tst-practice")
    finding = only_error(make_course(course_files), '"tst-practice" is used twice', "vertical/tst-v1.xml")
    assert finding.file == "vertical/tst-v2.xml" and finding.line == 2


def test_bad_url_name(make_course, course_files):
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace("tst-quiz", "Tst_Quiz")
    only_error(make_course(course_files), "Tst_Quiz", "lowercase")


def test_pointer_with_extra_attributes(make_course, course_files):
    course_files["course/2027.xml"] = course_files["course/2027.xml"].replace(
        '<chapter url_name="tst-ch1"/>', '<chapter url_name="tst-ch1" display_name="x"/>')
    errors = errors_of(make_course(course_files))
    assert any("keep only url_name" in error for error in errors), errors


def test_invalid_block_content_names_its_line(make_course, course_files):
    broken = course_files["vertical/tst-v2.xml"].replace('<question id="term"', '<question id="saeima-size"')
    course_files["vertical/tst-v2.xml"] = broken
    line = next(number for number, text in enumerate(broken.splitlines(), start=1)
                if 'type="truefalse"' in text)
    finding = only_error(make_course(course_files), 'civicquiz url_name="tst-quiz"', "saeima-size")
    assert (finding.file, finding.line) == ("vertical/tst-v2.xml", line)


def test_block_validation_error(make_course, course_files):
    # A single-choice question without a correct option parses but does not validate.
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace(' correct="true"', "")
    errors = validate(make_course(course_files)).errors
    assert errors and all(e.file == "vertical/tst-v2.xml" and "tst-quiz" in e.message for e in errors), errors


def test_block_without_url_name(make_course, course_files):
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace(' url_name="tst-quiz"', "")
    only_error(make_course(course_files), "has no url_name")


def test_block_type_missing_from_advanced_modules(make_course, course_files):
    policy = json.loads(course_files["policies/2027/policy.json"])
    policy["course/2027"]["advanced_modules"] = ["mediacheck"]
    course_files["policies/2027/policy.json"] = json.dumps(policy)
    only_error(make_course(course_files), "civicquiz", "advanced_modules")


def test_policy_key_must_match_the_run(make_course, course_files):
    policy = json.loads(course_files["policies/2027/policy.json"])
    course_files["policies/2027/policy.json"] = json.dumps({"course/2026": policy["course/2027"]})
    errors = errors_of(make_course(course_files))
    assert any('"course/2026" does not match' in error for error in errors), errors
    assert any('no "course/2027" object' in error for error in errors), errors


def test_grading_weights_must_add_up_to_one(make_course, course_files):
    grading = json.loads(course_files["policies/2027/grading_policy.json"])
    grading["GRADER"][0]["weight"] = 0.8
    course_files["policies/2027/grading_policy.json"] = json.dumps(grading)
    only_error(make_course(course_files), "add up to 0.8")


def test_graded_format_must_be_a_grader_type(make_course, course_files):
    course_files["sequential/tst-s2.xml"] = course_files["sequential/tst-s2.xml"].replace("Pārbaudījums", "Eksāmens")
    errors = errors_of(make_course(course_files))
    assert any('format="Eksāmens" is not an assignment type' in error for error in errors), errors
    assert any('"Pārbaudījums" is used by no graded subsection' in error for error in errors), errors


def test_unused_grader_type(make_course, course_files):
    grading = json.loads(course_files["policies/2027/grading_policy.json"])
    grading["GRADER"] = [dict(grading["GRADER"][0], weight=0.5),
                         {"type": "Mājasdarbs", "min_count": 1, "drop_count": 0, "weight": 0.5}]
    course_files["policies/2027/grading_policy.json"] = json.dumps(grading)
    only_error(make_course(course_files), '"Mājasdarbs" is used by no graded subsection')


def test_invalid_json_policy(make_course, course_files):
    course_files["policies/2027/grading_policy.json"] = "{\n  'GRADER': []\n}"
    finding = only_error(make_course(course_files), "not valid JSON")
    assert finding.line == 2


def test_missing_static_file_in_html(make_course, course_files):
    del course_files["static/logo.png"]
    finding = only_error(make_course(course_files), "static/logo.png", "does not exist")
    assert (finding.file, finding.line) == ("html/tst-h1.html", 2)


def test_missing_static_file_in_block(make_course, course_files):
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace(
        "<prompt>Cik deputātu ir Saeimā?</prompt>",
        '<prompt>Cik deputātu ir Saeimā? <img src="/static/saeima.jpg" alt="Saeimas nams"/></prompt>')
    finding = only_error(make_course(course_files), "static/saeima.jpg")
    assert finding.file == "vertical/tst-v2.xml" and finding.line == 4


@pytest.mark.parametrize("href", ["likumi.lv/ta/id/1", "javascript:alert(1)", "http://", "https://bad host.lv/",
                                  "mailto:nobody", "ftp://example.org/file"])
def test_malformed_links(make_course, course_files, href):
    course_files["html/tst-h1.html"] = course_files["html/tst-h1.html"].replace("https://likumi.lv/ta/id/57980", href)
    only_error(make_course(course_files), "html/tst-h1.html:5")


def test_malformed_source_link_in_block(make_course, course_files):
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace(
        "https://likumi.lv/ta/id/57980-latvijas-republikas-satversme", "www.likumi.lv")
    errors = errors_of(make_course(course_files))
    assert errors and all("vertical/tst-v2.xml" in error for error in errors), errors


def test_warnings_are_reported_separately(make_course, course_files):
    course_files["html/tst-h1.html"] = course_files["html/tst-h1.html"].replace(' alt="Logo"', "")
    course_files["html/tst-orphan.xml"] = '<html filename="tst-orphan" display_name="x"/>'
    report = validate(make_course(course_files))
    assert report.errors == []
    messages = [str(w) for w in report.warnings]
    assert any("no alt text" in m for m in messages) and any("tst-orphan.xml" in m for m in messages), messages


def test_cli_exit_codes_and_output(make_course, capsys):
    good = make_course(base_files(), folder="labs")
    assert main(["validate", str(good)]) == 0
    assert "labs: OK, 0 errors" in capsys.readouterr().out
    files = base_files()
    del files["vertical/tst-v1.xml"]
    bad = make_course(files, folder="slikts")
    assert main(["validate", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "slikts/sequential/tst-s1.xml:2: error: The file vertical/tst-v1.xml does not exist." in out
    assert "1 course with errors: slikts" in out


def test_cli_refuses_a_folder_without_courses(tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(tmp_path)])
    assert "not a course folder" in str(exit_info.value)


def test_a_space_the_platform_import_would_drop_is_an_error(tmp_path):
    """Open edX imports with remove_blank_text: "ņem!</flag> <flag>Pilsētas" would lose its space."""
    import shutil
    source = next(path for path in REAL_COURSES if path.name == "pilsoniska-lidzdaliba")
    course = shutil.copytree(source, tmp_path / source.name)
    unit = course / "vertical" / "pil-v-mc-elect.xml"
    unit.write_text(unit.read_text(encoding="utf-8").replace(' xml:space="preserve"', ""), encoding="utf-8")
    only_error(course, "pil-v-mc-elect.xml", "the space after <flag> is lost", 'xml:space="preserve"')


@pytest.mark.parametrize("linked", ["html/tst-h1.html", "chapter/tst-ch1.xml", "about/overview.html",
                                    "static/logo.png", "vertical"])
def test_a_symlink_out_of_the_course_is_refused_as_build_refuses_it(make_course, course_files, tmp_path, linked):
    """validate reads nothing outside the course through a link, and says what build would say."""
    course = make_course(course_files)
    outside = tmp_path / "outside" / linked
    outside.parent.mkdir(parents=True)
    (course / linked).rename(outside)
    (course / linked).symlink_to(outside, target_is_directory=outside.is_dir())
    errors = [str(error) for error in validate(course).errors]
    assert any(linked in error and "symbolic link" in error for error in errors), errors
    assert main(["validate", str(course)]) == 1


def test_a_practice_block_in_a_graded_subsection_is_refused(make_course, course_files):
    # Issue 18.4: practice returns the solution after each check, so a graded practice block was a free 100 %.
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace(
        'mode="assessment"', 'mode="practice"')
    finding = only_error(make_course(course_files), "practice mode", 'graded subsection "Tests"', 'mode="assessment"')
    assert (finding.file, finding.line) == ("vertical/tst-v2.xml", 2)


def test_a_block_without_mode_in_a_graded_subsection_counts_as_practice(make_course, course_files):
    course_files["vertical/tst-v2.xml"] = course_files["vertical/tst-v2.xml"].replace(' mode="assessment"', "")
    only_error(make_course(course_files), "practice mode")


def test_practice_outside_graded_subsections_is_fine(make_course, course_files):
    assert "practice" in course_files["vertical/tst-v1.xml"]
    assert errors_of(make_course(course_files)) == []

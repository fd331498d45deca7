"""A small synthetic course (every kind of file the tool reads) that tests break one way at a time."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COURSES = ROOT / "courses"
REAL_COURSES = sorted(path for path in COURSES.iterdir() if (path / "course.xml").is_file()) if COURSES.is_dir() else []

QUIZ = """<civicquiz url_name="tst-quiz" display_name="Pārbaude" mode="assessment" max_attempts="2">
  <question id="saeima-size" type="single">
    <prompt>Cik deputātu ir Saeimā?</prompt>
    <option id="a">50</option>
    <option id="b" correct="true">100</option>
    <explanation>Satversmes 5. pants.
      <source href="https://likumi.lv/ta/id/57980-latvijas-republikas-satversme" title="Satversme"/></explanation>
  </question>
  <question id="term" type="truefalse" answer="true">
    <prompt>Saeimu ievēl uz četriem gadiem.</prompt>
  </question>
</civicquiz>"""

PRACTICE = QUIZ.replace('url_name="tst-quiz"', 'url_name="tst-practice"').replace(
    'mode="assessment" max_attempts="2"', 'mode="practice"')


def base_files():
    """{relative path: text} of a course that validates with no error."""
    return {
        "course.xml": '<course url_name="2027" org="LNB" course="TST101"/>\n',
        "course/2027.xml": ('<course display_name="Testa kurss" language="lv" start="2027-03-01T00:00:00Z">\n'
                            '  <chapter url_name="tst-ch1"/>\n</course>\n'),
        "chapter/tst-ch1.xml": ('<chapter display_name="Pirmā nodaļa">\n'
                                '  <sequential url_name="tst-s1"/>\n  <sequential url_name="tst-s2"/>\n</chapter>\n'),
        "sequential/tst-s1.xml": ('<sequential display_name="Mācības">\n  <vertical url_name="tst-v1"/>\n'
                                  "</sequential>\n"),
        "sequential/tst-s2.xml": ('<sequential display_name="Tests" graded="true" format="Pārbaudījums">\n'
                                  '  <vertical url_name="tst-v2"/>\n</sequential>\n'),
        "vertical/tst-v1.xml": ('<vertical display_name="Ievads">\n  <html url_name="tst-h1"/>\n'
                                f"  {PRACTICE}\n</vertical>\n"),
        "vertical/tst-v2.xml": f'<vertical display_name="Noslēguma tests">\n  {QUIZ}\n</vertical>\n',
        "html/tst-h1.xml": '<html filename="tst-h1" display_name="Ievads"/>\n',
        "html/tst-h1.html": ('<h3>Ievads</h3>\n<p>Teksts ar attēlu <img src="/static/logo.png" alt="Logo"> un '
                             '$5 cenu.</p>\n<h4>Avoti</h4>\n<ul>\n'
                             '<li><a href="https://likumi.lv/ta/id/57980">Satversme</a></li>\n'
                             '<li><a href="mailto:info@example.org">E-pasts</a></li>\n</ul>\n'),
        "about/overview.html": "<p>Kurss testiem.</p>\n",
        "about/short_description.html": "<p>Kurss testiem.</p>\n",
        "policies/2027/policy.json": json.dumps({"course/2027": {
            "display_name": "Testa kurss", "language": "lv",
            "advanced_modules": ["mediacheck", "crisisdrill", "civicquiz"]}}, ensure_ascii=False, indent=2),
        "policies/2027/grading_policy.json": json.dumps({
            "GRADER": [{"type": "Pārbaudījums", "short_label": "P", "min_count": 1, "drop_count": 0, "weight": 1.0}],
            "GRADE_CUTOFFS": {"Pass": 0.7}}, ensure_ascii=False, indent=2),
        "policies/assets.json": "{}\n",
        "static/logo.png": b"\x89PNG\r\n\x1a\n",
    }


def write_course(directory, files):
    directory = Path(directory)
    for relative, content in files.items():
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return directory


@pytest.fixture
def course_files():
    return base_files()


@pytest.fixture
def make_course(tmp_path):
    """make_course(files, folder="tst-kurss") -> the course folder written under tmp_path."""
    def make(files, folder="tst-kurss"):
        return write_course(tmp_path / folder, files)
    return make

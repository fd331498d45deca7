"""civicquiz offline in Chromium: a course's practice quiz from file://, no network, keyboard only.

Every question type of "Prakse: kur un kā balsot" (single, multiple, order, truefalse, numeric, match),
some right, some partly, some wrong; the feedback, the score (= the block's Python grade of the same
first checks), the progress kept over a reload, a new try; then the CBM quiz "Prakse: vēlēšanas"
with its certainty marks. axe finds nothing.
"""

from pathlib import Path

import pytest

from civicquiz import grading
from noturiba.offline.activities import course_activities
from noturiba.offline.blocks.civicquiz import python_grade
from tests.browser.conftest import axe_violations, describe

from .conftest import COURSES, activity_page, pack_activities

pytestmark = pytest.mark.browser
COURSE = "pilsoniska-lidzdaliba"
STATE = "noturiba-offline:{course}:{activity}:state"


def activity(pack, url_name):
    return next(a for course, a in pack_activities(pack, "civicquiz") if course == COURSE and a["url_name"] == url_name)


def block_model(url_name):
    found = next(a for a in course_activities(Path(COURSES) / COURSE) if a.url_name == url_name)
    return found.model, found.attrs


def island(page):
    return page.evaluate("JSON.parse(document.getElementById("
                         "document.querySelector('[data-kind=civicquiz]').dataset.island).textContent)")


def question(page, qid):
    return page.locator(f"[data-question='{qid}']")


def press(locator, key):
    locator.focus()
    locator.page.keyboard.press(key)


def saved(page, url_name):
    return page.evaluate("(key) => JSON.parse(localStorage.getItem(key))",
                         STATE.format(course=COURSE, activity=url_name))


def answer(page, q, value, certainty=None):
    """Give `value` (answer shape of the export) to question `q` with the keyboard alone."""
    fs = question(page, q["id"])
    kind = q["type"]
    if kind == "single":
        press(fs.locator(f"input[value='{value}']"), "Space")
    elif kind == "multiple":
        for box in fs.locator("input[type=checkbox]").all():
            if box.is_checked() != (box.get_attribute("value") in value):
                press(box, "Space")
    elif kind == "truefalse":
        press(fs.locator(f"input[value='{'true' if value else 'false'}']"), "Space")
    elif kind == "numeric":
        fs.locator("[data-number]").focus()
        page.keyboard.press("Control+A")
        page.keyboard.type(str(value).replace(".", ","))
    elif kind == "order":
        moved = False
        for target, item_id in enumerate(value):
            while True:
                current = fs.locator("[data-item]").evaluate_all("(items) => items.map((i) => i.dataset.item)")
                if current.index(item_id) == target:
                    break
                press(fs.locator(f"[data-item='{item_id}'] [data-move='up']"), "Enter")
                moved = True
        if not moved:  # the random start was `value`: an order counts only once a step has been moved
            press(fs.locator(f"[data-item='{value[0]}'] [data-move='down']"), "Enter")
            press(fs.locator(f"[data-item='{value[0]}'] [data-move='up']"), "Enter")
        assert page.evaluate("document.activeElement.dataset.move") == "up"  # focus stays on the moved item
    elif kind == "match":
        for left, right in value.items():
            select = fs.locator(f"select[data-left='{left}']")
            values = select.locator("option").evaluate_all("(os) => os.map((o) => o.value)")
            select.focus()
            for _ in range(values.index(right) - values.index(select.input_value())):
                page.keyboard.press("ArrowDown")
            assert select.input_value() == right
    if certainty:
        press(fs.locator(f".nt-certainty input[value='{certainty}']"), "Space")


def check(page, q):
    fs = question(page, q["id"])
    press(fs.locator("[data-check]"), "Enter")
    fs.locator(".nt-feedback .nt-verdict").wait_for()
    return fs


def plan(data):
    """Per question a right, a partly right or a wrong answer, as the export's data gives them."""
    answers = {}
    for number, q in enumerate(data["questions"]):
        kind = q["type"]
        if kind == "single":
            answers[q["id"]] = q["right"][0] if number % 2 else next(o["id"] for o in q["options"]
                                                                       if o["id"] not in q["right"])
        elif kind == "multiple":  # one right pick and one wrong one
            answers[q["id"]] = [q["right"][0], next(o["id"] for o in q["options"] if o["id"] not in q["right"])]
        elif kind == "truefalse":
            answers[q["id"]] = q["answer"] if number % 2 else not q["answer"]
        elif kind == "numeric":
            answers[q["id"]] = q["answer"]
        elif kind == "order":  # the last step first: one neighbouring step of the others kept out of place
            answers[q["id"]] = q["solution"][-1:] + q["solution"][:-1]
        elif kind == "match":  # the first two swapped
            ids = [p["id"] for p in q["pairs"]]
            answers[q["id"]] = {**{i: i for i in ids}, ids[0]: ids[1], ids[1]: ids[0]}
    return answers


def verdict(fraction):
    return "right" if grading.is_right(fraction) else ("partial" if fraction > 0 else "wrong")


def test_a_course_quiz_played_by_keyboard_from_file_with_no_network(offline_pack, file_page):
    found = activity(offline_pack, "pil-quiz-vote")
    page = file_page(activity_page(offline_pack, COURSE, found), bypass_csp=True)  # for axe's script tag
    root = page.locator("[data-kind=civicquiz]")
    root.locator("[data-question]").first.wait_for()
    data = island(page)
    model, attrs = block_model("pil-quiz-vote")
    answers = plan(data)
    kinds = {q["type"] for q in data["questions"]}
    assert {"single", "multiple", "order", "truefalse", "numeric", "match"} <= kinds

    # The first question: nothing chosen yet is named at the question; then a right answer is right.
    first = data["questions"][0]
    press(question(page, first["id"]).locator("[data-check]"), "Enter")
    error = question(page, first["id"]).locator("[data-question-error]")
    assert error.is_visible() and page.evaluate("document.activeElement.hasAttribute('data-question-error')")

    # Tab order: the options are one stop, then the question's Check button.
    question(page, first["id"]).locator("input").first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-check')")

    half = len(data["questions"]) // 2
    for q in data["questions"][:half]:
        answer(page, q, answers[q["id"]])
        fs = check(page, q)
        score = grading.score(model.question(q["id"]), grading.normalize(model.question(q["id"]), answers[q["id"]]))
        assert f"nt-is-{verdict(score)}" in fs.get_attribute("class"), q["id"]
        if verdict(score) != "right":
            assert fs.locator(".nt-solution").is_visible()
        assert fs.locator(".nt-explanation").count() == (1 if q["explanation"] else 0)
    assert root.locator("[data-progress]").inner_text() == f"Pārbaudīti jautājumi: {half} no {len(answers)}"

    # A reload keeps the checked questions, their feedback and the progress.
    page.reload()
    root.locator("[data-question]").first.wait_for()
    assert root.locator(".nt-feedback:not([hidden])").count() == half
    assert root.locator("[data-progress]").inner_text() == f"Pārbaudīti jautājumi: {half} no {len(answers)}"

    # A second check (the first question, now right) shows its feedback but does not change what counts.
    q0 = data["questions"][0]
    assert q0["type"] == "single" and answers[q0["id"]] not in q0["right"]
    answer(page, q0, q0["right"][0])
    assert "nt-is-right" in check(page, q0).get_attribute("class")
    for q in data["questions"][half:]:
        answer(page, q, answers[q["id"]])
        check(page, q)
    expected = python_grade(model, attrs, {"questions": [q["id"] for q in data["questions"]], "answers": answers})
    assert 0 < expected < 1
    state = saved(page, "pil-quiz-vote")
    assert state["finished"] and abs(state["score"] - expected) < 1e-9
    assert python_grade(model, attrs, {"answers": {k: v["answer"] for k, v in state["first"].items()}}) == \
        pytest.approx(expected, abs=1e-9)
    result = root.locator("[data-result]")
    assert result.is_visible() and page.evaluate("document.activeElement.hasAttribute('data-result')")
    assert result.locator(".nt-score").inner_text() == f"Jūsu rezultāts: {round(expected * 100)}\u00a0%."
    page.wait_for_function("(text) => document.querySelector('[data-offline-live]').textContent.includes(text)",
                           arg=f"{round(expected * 100)}\u00a0%")
    assert axe_violations(page, "[data-kind=civicquiz]") == [], describe(axe_violations(page, "[data-kind=civicquiz]"))

    # The shell kept the result; after a reload the finished try is shown as it was.
    page.reload()
    root.locator("[data-result]").wait_for()
    assert root.locator(".nt-score").inner_text() == f"Jūsu rezultāts: {round(expected * 100)}\u00a0%."
    assert root.locator(".nt-feedback:not([hidden])").count() == len(answers)

    # Try again: a new try with every question unchecked; the focus on the progress line.
    press(root.locator("[data-again]"), "Enter")
    assert root.locator(".nt-feedback:not([hidden])").count() == 0
    assert page.evaluate("document.activeElement.hasAttribute('data-progress')")
    assert saved(page, "pil-quiz-vote")["number"] == 2
    # Midway, starting again asks first (the try's answers would go); Escape keeps the try.
    q0 = data["questions"][0]
    answer(page, q0, answers[q0["id"]])
    check(page, q0)
    press(root.locator("[data-again]"), "Enter")
    assert root.locator("[data-confirm]").is_visible()
    page.keyboard.press("Escape")
    assert root.locator(".nt-feedback:not([hidden])").count() == 1
    press(root.locator("[data-again]"), "Enter")
    press(root.locator("[data-confirm-yes]"), "Enter")
    assert root.locator(".nt-feedback:not([hidden])").count() == 0 and saved(page, "pil-quiz-vote")["number"] == 3
    assert page.blocked == [] and page.js_errors == []


def test_certainty_based_marking_scores_as_the_block(offline_pack, file_page):
    found = activity(offline_pack, "pil-quiz-ch3")
    page = file_page(activity_page(offline_pack, COURSE, found), bypass_csp=True)  # for axe's script tag
    root = page.locator("[data-kind=civicquiz]")
    root.locator("[data-question]").first.wait_for()
    data = island(page)
    model, attrs = block_model("pil-quiz-ch3")
    assert data["certainty"] and root.locator(".nt-cbm-table").is_visible()
    answers, certainties = plan(data), {}
    for number, q in enumerate(data["questions"]):
        certainties[q["id"]] = 3 - number % 3
        answer(page, q, answers[q["id"]])
        if number == 0:  # without a certainty the check is refused at the question
            press(question(page, q["id"]).locator("[data-check]"), "Enter")
            assert question(page, q["id"]).locator("[data-question-error]").is_visible()
        answer(page, q, answers[q["id"]], certainties[q["id"]])
        fs = check(page, q)
        fraction = grading.score(model.question(q["id"]), grading.normalize(model.question(q["id"]), answers[q["id"]]))
        mark = grading.cbm_mark(fraction, certainties[q["id"]])
        assert fs.locator(".nt-feedback p").nth(1).inner_text() == f"Pārliecības vērtējums: {mark}"
    expected = python_grade(model, attrs, {"answers": answers, "certainties": certainties})
    accuracy = python_grade(model, attrs, {"answers": answers})
    assert expected != accuracy, "the certainties must change the score"
    assert abs(saved(page, "pil-quiz-ch3")["score"] - expected) < 1e-9
    assert root.locator(".nt-score").inner_text() == f"Jūsu rezultāts: {round(expected * 100)}\u00a0%."
    assert axe_violations(page, "[data-kind=civicquiz]") == []
    # A try saved by another build of the pack (a question gone) gives way to a new try.
    page.evaluate("(key) => localStorage.setItem(key, JSON.stringify({v: 1, drawn: ['gone'], first: 3}))",
                  STATE.format(course=COURSE, activity="pil-quiz-ch3"))
    page.reload()
    root.locator("[data-question]").first.wait_for()
    assert root.locator(".nt-feedback:not([hidden])").count() == 0
    assert page.blocked == [] and page.js_errors == []

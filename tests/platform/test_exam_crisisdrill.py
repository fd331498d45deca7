"""The crisis drill as an exam in the LMS, on the installed wheel: `show_correctness` and the due date.

Platform code paths emulated here (read in openedx/openedx-platform and openedx/XBlock; none of their
code is copied; tests/platform/lms.py `PlatformInheritance` is the emulation):

- xmodule/modulestore/inheritance.py `InheritanceMixin` (in the LMS's XBLOCK_MIXINS) gives every block
  the settings `due`, `graceperiod` and `show_correctness` (always / past_due / never, default
  always), set in OLX as attributes and inherited from the course, and `is_past_due()`: now is after
  due + graceperiod. The LMS does not rewrite `due` on each request (the workbench does).
- xblock/scorable.py `ShowCorrectness.correctness_available(policy, due, has_staff_access)`: "never"
  hides from everyone, "past_due" until the due date has passed, staff see it at once. Grades are
  still published when correctness is hidden (the platform hides them from the learner itself).
- lms/djangoapps/courseware/block_render.py `handle_xblock_callback` -> `_invoke_xblock_handler`
  calls `block.handle(handler, request, suffix)` whatever the date: past the due date the block
  itself must refuse new graded answers (the platform's own problems do the same in capa).

What a learner notices is asserted: the bytes of the page and of each handler answer. Hiding is
proved differentially: under "never", a learner who answers everything right and one who answers
everything wrong get the same bytes once their own echoed choices are replaced by placeholders; the
same comparison under "always" differs, so the comparison can tell.
"""

import json
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from webob import Request

from .lms import PREFIX, ProductionRuntime, collect_static

PAST = "2020-01-01T00:00:00+00:00"
FUTURE = "2999-01-01T00:00:00+00:00"
PAST_DUE_LV = "Termiņš ir pagājis: atbildes vairs netiek pieņemtas."
PAST_DUE_EN = "The due date has passed: answers are no longer accepted."
NOT_SHOWN_EN = "Your answers are recorded. Results are not shown for this exercise."
AFTER_DUE_EN = "Your answers are recorded. Results are shown after the due date."

# Every decision of the right and of the wrong learner leads to the same next situation, so the
# situation texts they read are the same; only their own choices (ids and labels) differ.
EXAM = """<crisisdrill display_name="Exam drill" mode="{mode}" start="alarm" max_attempts="3" pass="0.7"
  timer="{timer}" {settings}>
  <intro><p>An exam drill.</p></intro>
  <variable id="calm" label="Calm" initial="5" min="0" max="10"/>
  <step id="alarm" {time_limit}>
    <text><p>A siren sounds outside.</p></text>
    <choice id="c1good" goto="kit" points="2"><label>EchoRightOne tune the radio</label>
      <feedback><p>FeedbackRightOne: the radio works without power.</p>
        <source href="https://example.org/right-one" title="SourceRightOne"/></feedback></choice>
    <choice id="c1bad" goto="kit" points="0" critical="true"><label>EchoWrongOne light candles</label>
      <feedback><p>FeedbackWrongOne: candles start fires.</p>
        <source href="https://example.org/wrong-one" title="SourceWrongOne"/></feedback></choice>
  </step>
  <step id="idle">
    <text><p>You waited.</p></text>
    <choice id="idle-go" goto="kit" points="0"><label>Go on</label></choice>
  </step>
  <checklist id="kit" goto="order">
    <text><p>Pack a bag.</p></text>
    <option id="o1" required="true">EchoRightPickA water</option>
    <option id="o2" required="true">EchoRightPickB radio</option>
    <option id="o3" harmful="true">EchoWrongPickA gas heater</option>
    <option id="o4" harmful="true">EchoWrongPickB fireworks</option>
    <feedback><p>FeedbackKit: water and a radio.</p></feedback>
  </checklist>
  <order id="order" goto="call">
    <text><p>Put the actions in order.</p></text>
    <option id="s1">OrderFirst stop</option>
    <option id="s2">OrderSecond listen</option>
    <option id="s3">OrderThird act</option>
    <feedback><p>FeedbackOrder: stop, listen, act.</p></feedback>
  </order>
  <step id="call">
    <text><p>A neighbour falls.</p></text>
    <choice id="c2good" goto="end" points="3"><label>EchoRightTwo call 112</label>
      <feedback><p>FeedbackRightTwo: say where first.</p></feedback></choice>
    <choice id="c2bad" goto="end" points="0"><label>EchoWrongTwo write in the chat</label>
      <feedback><p>FeedbackWrongTwo: too late.</p></feedback></choice>
  </step>
  <ending id="end" rating="good"><text><p>The drill is over.</p></text></ending>
  <debrief><p>DebriefText: call 112 and listen to the radio.</p>
    <source href="https://example.org/debrief" title="SourceDebrief"/></debrief>
</crisisdrill>"""

ORDER = {"OrderFirst stop": "s1", "OrderSecond listen": "s2", "OrderThird act": "s3"}
RIGHT = [("choose", {"node": "alarm", "choice": "c1good"}, ["c1good", "EchoRightOne tune the radio"]),
         ("pick", {"node": "kit", "items": ["o1", "o2"]}, ["EchoRightPickA water", "EchoRightPickB radio"]),
         ("arrange", {"node": "order", "order": ["s1", "s2", "s3"]},
          ["OrderFirst stop", "OrderSecond listen", "OrderThird act"]),
         ("choose", {"node": "call", "choice": "c2good"}, ["c2good", "EchoRightTwo call 112"])]
WRONG = [("choose", {"node": "alarm", "choice": "c1bad"}, ["c1bad", "EchoWrongOne light candles"]),
         ("pick", {"node": "kit", "items": ["o3", "o4"]}, ["EchoWrongPickA gas heater", "EchoWrongPickB fireworks"]),
         ("arrange", {"node": "order", "order": ["s3", "s2", "s1"]},
          ["OrderThird act", "OrderSecond listen", "OrderFirst stop"]),
         ("choose", {"node": "call", "choice": "c2bad"}, ["c2bad", "EchoWrongTwo write in the chat"])]


def exam(mode="assessment", timer="off", time_limit="", **settings):
    attributes = " ".join(f'{name}="{value}"' for name, value in settings.items())
    return EXAM.format(mode=mode, timer=timer, time_limit=time_limit, settings=attributes)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def same_order(monkeypatch):
    """Each learner sees choices and options in their own order (seeded by the learner key); here both
    learners get the same one, so their bytes can be compared."""
    from crisisdrill import shuffle
    monkeypatch.setattr(shuffle, "seed_of", lambda learner, round_, node_id: ("same", round_, node_id))


@pytest.fixture
def learners(db, atlas_root):
    """`learners(xml, *users)`: the same block as each user sees it, each with its grades captured."""
    def load(xml, *users):
        usage_id = ProductionRuntime("author", atlas_root).parse_xml_string(xml)
        return [as_user(usage_id, user, atlas_root) for user in users]
    return load


def as_user(usage_id, user, atlas_root):
    block = ProductionRuntime(user, atlas_root).get_block(usage_id)
    block.grades = []
    publish = block.runtime.publish

    def capture(target, event_type, data):
        if event_type == "grade":
            block.grades.append(data)
        return publish(target, event_type, data)

    block.runtime.publish = capture
    return block


def call(block, handler, payload):
    """What block_render.py's handler path answers (as tests/blocks/conftest.py Harness.call)."""
    request = Request.blank("/", method="POST", body=json.dumps(payload).encode(), content_type="application/json")
    response = block.runtime.handle(block, handler, request)
    return response.status_code, response.body.decode("utf-8")


def page_of(block):
    """The learner's page as a new request renders it: the fragment's HTML and its init args."""
    fresh = block.runtime.get_block(block.scope_ids.usage_id)
    fragment = fresh.render("student_view", {})
    return fragment.content + json.dumps(fragment.json_init_args, sort_keys=True)


def without_echoes(text, echoes):
    for number, echo in enumerate(echoes):
        text = text.replace(echo, f"<own answer {number}>")
    return text


def play_and_record(block, path):
    """Every answer the learner gets while playing `path`, then the page after a reload; echoes removed."""
    seen, echoes = [], []
    for handler, payload, echoed in path:
        status, body = call(block, handler, payload)
        assert status == 200, body
        echoes.extend(echoed)
        seen.append(without_echoes(body, echoes))
    seen.append(without_echoes(page_of(block), echoes))
    return seen


def state_of(block):
    fresh = block.runtime.get_block(block.scope_ids.usage_id)
    return (dict(fresh.drill_state), fresh.attempts, fresh.raw_earned, list(fresh.best_path))


def view_of(block):
    """The view the learner's script starts from (the page's JSON island)."""
    html = page_of(block)
    marker = '-view" type="application/json">'
    start = html.index(marker) + len(marker)
    return json.loads(html[start:html.index("</script>", start)])


# show_correctness = never ---------------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["assessment", "practice"])
def test_never_gives_the_right_and_the_wrong_learner_the_same_bytes(learners, mode):
    right, wrong = learners(exam(mode, show_correctness="never"), "right", "wrong")
    answers_right = play_and_record(right, RIGHT)
    answers_wrong = play_and_record(wrong, WRONG)
    for number, (one, other) in enumerate(zip(answers_right, answers_wrong, strict=True)):
        assert one == other, f"answer {number} tells the right learner from the wrong one"
    assert NOT_SHOWN_EN in answers_right[-1] and NOT_SHOWN_EN in answers_right[-2]
    # Grades are still published: the platform hides them from the learner itself.
    assert right.grades[-1]["value"] == 1.0 and wrong.grades[-1]["value"] < 0.7


@pytest.mark.parametrize("mode", ["assessment", "practice"])
def test_the_same_comparison_under_always_tells_them_apart(learners, mode):
    """The control: what "never" hides is there under "always" (the default), as before."""
    right, wrong = learners(exam(mode), "right", "wrong")
    answers_right = play_and_record(right, RIGHT)
    answers_wrong = play_and_record(wrong, WRONG)
    assert answers_right[-1] != answers_wrong[-1] and answers_right[-2] != answers_wrong[-2]
    assert NOT_SHOWN_EN not in answers_right[-1]
    view = view_of(wrong)
    assert view["passed"] is False and view["debrief"]["critical"] is True
    assert 0 <= view["debrief"]["score"] < 0.7
    assert view["debrief"]["rows"][0]["feedback"].startswith("<p>FeedbackWrongOne")
    assert view_of(right)["passed"] is True and view_of(right)["debrief"]["score"] == 1.0


def test_never_shows_the_learners_own_path_and_the_action_card(learners):
    (block,) = learners(exam(show_correctness="never"), "wrong")
    play_and_record(block, WRONG)
    view = view_of(block)
    debrief = view["debrief"]
    assert [row.get("label") for row in debrief["rows"]][::3] == ["EchoWrongOne light candles",
                                                                  "EchoWrongTwo write in the chat"]
    assert debrief["rows"][1]["picked"] == ["EchoWrongPickA gas heater", "EchoWrongPickB fireworks"]
    assert debrief["rows"][2]["order"] == ["OrderThird act", "OrderSecond listen", "OrderFirst stop"]
    assert debrief["card"]["call"] and view["results_hidden"] == NOT_SHOWN_EN
    page = page_of(block)
    for secret in ("Feedback", "SourceWrongOne", "DebriefText", '"rating"', '"score"', '"passed"',
                   '"critical"', '"better"', '"share"', '"missed"', '"harmful"', '"right"'):
        assert secret not in page, secret


# show_correctness = past_due ----------------------------------------------------------------------

def test_past_due_hides_before_the_due_date_and_shows_after_it(learners):
    (block,) = learners(exam(show_correctness="past_due", due=FUTURE), "wrong")
    answers = play_and_record(block, WRONG)
    assert AFTER_DUE_EN in answers[-1] and "FeedbackWrongOne" not in answers[-1]
    assert "score" not in view_of(block)["debrief"]
    block.due = timezone.now() - timedelta(days=1)
    block.save()
    view = view_of(block)
    assert view["results_hidden"] == "" and view["passed"] is False
    assert view["debrief"]["critical"] is True and view["debrief"]["rows"][0]["better"]["label"].startswith(
        "EchoRightOne")
    assert AFTER_DUE_EN not in page_of(block)


def test_staff_see_correctness_at_once_under_past_due(learners, monkeypatch):
    (block,) = learners(exam(show_correctness="past_due", due=FUTURE), "staff")
    play_and_record(block, WRONG)
    monkeypatch.setattr(type(block), "is_staff", lambda self: True)
    assert view_of(block)["debrief"]["score"] < 0.7


# Past the due date ------------------------------------------------------------------------------------

GRADED = {
    "choose": ([], {"node": "alarm", "choice": "c1good"}),
    "timeout": ([], {"node": "alarm"}),
    "pick": (RIGHT[:1], {"node": "kit", "items": ["o1", "o2"]}),
    "arrange": (RIGHT[:2], {"node": "order", "order": ["s1", "s2", "s3"]}),
    "restart": (RIGHT[:2], {}),
}


@pytest.mark.parametrize("mode", ["assessment", "practice"])
@pytest.mark.parametrize("handler", sorted(GRADED))
def test_past_the_due_date_each_graded_handler_refuses_in_latvian(learners, mode, handler):
    before, payload = GRADED[handler]
    xml = exam(mode, timer="on", time_limit='time_limit="30" timeout="idle"', due=FUTURE,
               show_correctness="always")
    (block,) = learners(xml, "learner")
    for name, answer, _echo in before:
        assert call(block, name, answer)[0] == 200
    block.due = timezone.now() - timedelta(minutes=1)
    block.save()
    block = as_user(block.scope_ids.usage_id, "learner", block.runtime.atlas_root)
    kept = state_of(block)
    with translation.override("lv"):
        status, body = call(block, handler, payload)
    assert (status, json.loads(body)) == (400, {"error": PAST_DUE_LV})
    assert state_of(block) == kept
    assert block.grades == []


def test_past_the_due_date_the_page_says_so_and_offers_no_control_that_can_only_fail(learners):
    (block,) = learners(exam(show_correctness="always", due=PAST), "learner")
    view = view_of(block)
    assert view["closed"] == PAST_DUE_EN
    assert view["can_restart"] is False and view["attempts_message"] == ""


def test_past_the_due_date_with_no_attempts_left_the_reason_is_the_due_date(learners):
    xml = exam(show_correctness="always", due=FUTURE).replace('max_attempts="3"', 'max_attempts="1"')
    (block,) = learners(xml, "learner")
    play_and_record(block, RIGHT)
    block.due = timezone.now() - timedelta(minutes=1)
    block.save()
    with translation.override("lv"):
        status, body = call(block, "restart", {})
        assert (status, json.loads(body)) == (400, {"error": PAST_DUE_LV})
        view = view_of(block)
    assert view["closed"] == PAST_DUE_LV and view["attempts_message"] == ""
    assert view["debrief"]["score"] == 1.0, "past the due date correctness still shows under always"


# In Chromium: the learner's script on the production page -------------------------------------------

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unit</title>{css}</head>
<body><main>{html}</main>{js}<script>
window.unitRuntime = {{handlerUrl: function (element, name) {{ return "/handler/" + name; }},
                      notify: function () {{}}}};
{init}(window.unitRuntime, document.querySelector(".nt-crisisdrill"), {args});
</script></body></html>"""


@pytest.fixture
def lms_page(page, tmp_path, transactional_db):
    """`lms_page(block)`: the block's production page in Chromium; handler calls go to the block.

    Playwright answers routes in its own context, which Django gives a database connection of its
    own: the learner's state is committed (transactional_db) so that connection reads it."""
    static = tmp_path / "static"
    collect_static(static)

    def open_page(block):
        fragment = block.student_view({})  # the block's own fragment; the page below is the LMS's wrapper
        css = "".join(f'<link rel="stylesheet" href="{r.data}">' for r in fragment.resources
                      if r.mimetype == "text/css")
        js = "".join(f'<script src="{r.data}"></script>' for r in fragment.resources
                     if r.mimetype == "application/javascript")
        html = PAGE.format(css=css, html=fragment.content, js=js, init=fragment.js_init_fn,
                           args=json.dumps(fragment.json_init_args))

        def answer(route):
            path = route.request.url.split("lms.test", 1)[1]
            if path.startswith("/handler/"):
                request = Request.blank("/", method="POST", body=route.request.post_data_buffer,
                                        content_type="application/json")
                with translation.override("en"):
                    response = block.runtime.handle(block, path.rsplit("/", 1)[1], request)
                route.fulfill(status=response.status_code, body=response.body, content_type="application/json")
            elif path.startswith("/static/" + PREFIX):
                file = static / path[len("/static/"):]
                kind = "text/css" if path.endswith(".css") else "application/javascript"
                route.fulfill(status=200 if file.exists() else 404, body=file.read_bytes() if file.exists() else b"",
                              content_type=kind)
            else:
                route.fulfill(status=200, body=html, content_type="text/html")

        page.route("http://lms.test/**", answer)
        page.goto("http://lms.test/unit")
        page.locator(".nt-crisisdrill [data-heading]").wait_for()
        return page
    return open_page


@pytest.mark.browser
def test_in_chromium_a_never_exam_plays_to_a_debrief_without_results(learners, lms_page):
    (block,) = learners(exam("practice", show_correctness="never"), "wrong")
    page = lms_page(block)
    root = page.locator(".nt-crisisdrill")
    root.get_by_role("button", name="EchoWrongOne light candles").click()
    root.locator("[data-feedback]").get_by_text(NOT_SHOWN_EN).wait_for()
    root.get_by_label("EchoWrongPickA gas heater").check()
    root.get_by_role("button", name="Confirm my choice").click()
    root.get_by_role("button", name="Confirm the order").wait_for()
    root.get_by_role("button", name="Confirm the order").click()
    root.get_by_role("button", name="EchoWrongTwo write in the chat").click()
    debrief = root.locator("[data-debrief]")
    debrief.get_by_role("heading", name="My action card").wait_for()
    text = debrief.inner_text()
    assert NOT_SHOWN_EN in text and "EchoWrongOne light candles" in text and "EchoWrongPickA gas heater" in text
    for shown in ("%", "score", "pass", "Dangerous", "dangerous", "better", "Needed", "Harmful", "recommended",
                  "Feedback", "NaN", "undefined"):
        assert shown not in text, shown
    assert page.js_errors == []


@pytest.mark.browser
def test_in_chromium_past_the_due_date_the_message_shows_and_no_control_is_enabled(learners, lms_page):
    xml = exam("assessment", timer="on", time_limit='time_limit="30" timeout="idle"', due=PAST)
    (block,) = learners(xml, "learner")
    page = lms_page(block)
    root = page.locator(".nt-crisisdrill")
    root.get_by_text(PAST_DUE_EN).wait_for()
    enabled = root.locator("[data-situation] button:enabled, [data-situation] input:enabled")
    assert enabled.count() == 0
    assert root.locator("[data-timer]").is_hidden()
    assert page.js_errors == []

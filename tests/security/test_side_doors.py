"""Side doors to the answers (issue 18, point 8), each seen as a curious learner would use it."""

import json
import re

import pytest
from xblock.fields import ScopeIds

from ..blocks.conftest import Harness, package_scenarios

CIVIC = dict(package_scenarios("civicquiz"))["02-civic-assessment.xml"]
MEDIA = dict(package_scenarios("mediacheck"))["01-minimal.xml"]
DRILL = dict(package_scenarios("crisisdrill"))["05-library-centre-assessment.xml"]


def test_the_right_option_is_not_where_the_author_put_it_and_its_id_says_nothing(db):
    first, positions = Harness("learner-0").load(CIVIC), []
    for n in range(40):
        block = Harness(f"learner-{n}").reload(first)
        layout = block.layout()
        for q in layout.questions:
            if q.type == "single":
                shown = list(layout.options[q.id].items())
                assert [s for s, _ in shown] == [f"o{i}" for i in range(1, len(shown) + 1)]
                right = {o.id for o in q.options if o.correct}
                positions.append(next(i for i, (_, oid) in enumerate(shown) if oid in right))
        html = block.render("student_view", {}).content
        assert not re.search(r'name="[^"]*" value="[abc]"', html)  # authored ids ("a" first) never shown
    assert positions and positions.count(0) < 0.6 * len(positions)
    assert len(set(positions)) > 1


def test_student_view_data_holds_only_this_learners_drawn_questions_with_the_page_ids(db):
    block = Harness("mobile-learner").load(CIVIC)
    data = block.student_view_data()
    layout = block.layout()
    assert [q["id"] for q in data["questions"]] == layout.ids() and len(layout.ids()) < len(block.model.questions)
    html = block.render("student_view", {}).content
    for q in data["questions"]:
        for option in q.get("options", ()):
            assert f'value="{option["id"]}"' in html


def test_student_view_data_for_nobody_holds_no_question(db):
    """The Blocks API computes student_view_data once per course for every learner (no user)."""
    block = Harness("x").load(CIVIC)
    block.scope_ids = ScopeIds(None, block.scope_ids.block_type, block.scope_ids.def_id, block.scope_ids.usage_id)
    service = block.runtime.service
    block.runtime.service = lambda blk, name: None if name == "user" else service(blk, name)
    data = block.student_view_data()
    assert data["questions"] == [] and data["question_count"] == 6 and data["configured"]


def test_leads_are_not_in_the_authoring_order_for_every_learner(db):
    first = Harness("l0").load(MEDIA)
    item = next(i for i in first.model.items if len(i.leads) >= 3)
    orders = set()
    for n in range(30):
        html = Harness(f"l{n}").reload(first).render("student_view", {}).content
        card = html[html.index(f'data-item="{item.id}"'):]
        orders.add(tuple(re.findall(r'data-lead="([^"]+)"', card)[:len(item.leads)]))
    assert len(orders) > 1


@pytest.mark.parametrize(("earned", "attempts", "shown"), [
    (0.8, 1, False),   # passed with an attempt left: a replay could raise the grade
    (1.0, 1, True),    # full marks: nothing left to gain
    (0.8, 2, True),    # all attempts used
])
def test_crisisdrill_finished_shows_better_options_only_when_no_attempt_can_change_the_grade(
        db, earned, attempts, shown):
    block = Harness("drill-learner").load(DRILL)
    assert block.showanswer == "finished" and block.max_attempts == 2 and block.pass_threshold == 0.7
    block.raw_earned, block.attempts = earned, attempts
    state = block.current_state()
    assert block.facts(state)["reveal"] is shown
    assert block.facts(state)["can_restart"] is (attempts < 2)


def drill_view(block):
    """The view the drill's script starts from (the page's JSON island), as the learner's browser gets it."""
    html = block.render("student_view", {}).content
    return json.loads(re.search(r'<script id="[^"]*-view" type="application/json">(.*?)</script>', html, re.S).group(1))


def test_the_best_drill_choice_is_not_where_the_author_put_it(db):
    """Authors tend to write the best choice first: over 40 learners it is not mostly first."""
    first, positions, orders = Harness("drill-0").load(DRILL), [], set()
    step = first.model.node(first.model.start)
    best = max(step.choices, key=lambda c: c.points).id
    assert step.choices[0].id == best, "the scenario has the best choice first, as authors write"
    for n in range(40):
        shown = [c["id"] for c in drill_view(Harness(f"drill-{n}").reload(first))["node"]["choices"]]
        positions.append(shown.index(best))
        orders.add(tuple(shown))
    assert positions.count(0) < 0.6 * len(positions) and len(set(positions)) > 1, positions
    assert len(orders) > 2


TWO_ORDER = """<crisisdrill display_name="Two" mode="assessment" start="o">
  <order id="o" goto="end"><text><p>Order them.</p></text>
    <option id="first">Stop</option><option id="second">Listen</option></order>
  <checklist id="unused" goto="end"><text><p>x</p></text>
    <option id="a" required="true">Water</option><option id="b">Cake</option><option id="c">Radio</option></checklist>
  <ending id="end" rating="good"><text><p>Done.</p></text></ending>
</crisisdrill>"""


def test_a_two_option_order_node_does_not_always_start_reversed(db):
    """A start order that is never the right one gives a two-option answer away (reversed = right)."""
    first, starts = Harness("order-0").load(TWO_ORDER), []
    for n in range(40):
        starts.append(tuple(o["id"] for o in drill_view(Harness(f"order-{n}").reload(first))["node"]["options"]))
    assert set(starts) == {("first", "second"), ("second", "first")}, set(starts)
    status, body = Harness("order-0").call(Harness("order-0").reload(first), "arrange",
                                           {"node": "o", "order": list(starts[0])})
    assert status == 200, "the start order is an answer like any other"


def test_checklist_options_come_in_a_learners_own_order(db):
    """Required items written first would show which to pack: each learner gets their own order."""
    first = Harness("list-0").load(DRILL)
    path = [("choose", {"node": "morning", "choice": "open-plan"})]
    orders = set()
    for n in range(20):
        harness = Harness(f"list-{n}")
        block = harness.reload(first)
        for handler, payload in path:
            assert harness.call(block, handler, payload)[0] == 200
        orders.add(tuple(o["id"] for o in drill_view(harness.reload(block))["node"]["options"]))
    assert len(orders) > 2, orders

"""A trainer edits a drill, a bank and an exercise while learners are in the middle of them.

Ids kept: the learner's progress stays. Ids removed: that progress is dropped,
the learner is told where it matters, and nothing crashes. Types changed: an old
answer of the wrong shape is never graded as the new type and never breaks a view.
"""

import copy

from ..blocks.conftest import Harness, package_scenarios


def scenario(block_type, name):
    return next(xml for file, xml in package_scenarios(block_type) if file.startswith(name))


def edit(harness, block, change):
    """Save an edited model through Studio's JSON handler, as the form editor does."""
    model = copy.deepcopy(block.content_api.to_json(block.model))
    change(model)
    status, body = harness.call(block, "save_content", {"display_name": block.display_name, "content": model})
    assert status == 200, body


def every_view_renders(block):
    for view in ("student_view", "author_view", "public_view"):
        assert block.render(view, {}).content.strip()
    block.student_view_data()


def test_exercise_edit_keeps_kept_items_and_drops_removed_ones(db):
    learner, author = Harness("mc-learner"), Harness("mc-author")
    block = learner.load(scenario("mediacheck", "01"))
    kept, removed = (item.id for item in block.model.items[:2])
    check_kept = {"item": kept, "verdict": "misleading", "flags": [], "leads": []}
    assert learner.call(block, "check_item", check_kept)[0] == 200
    assert learner.call(block, "save_answer", {"item": removed, "verdict": "accurate"})[0] == 200

    def change(model):
        model["items"] = [item for item in model["items"] if item["id"] != removed]
        model["items"][0]["kind"] = "headline" if model["items"][0]["kind"] != "headline" else "post"

    edit(author, author.reload(block), change)
    again = learner.reload(block)
    every_view_renders(again)
    assert kept in again.clean_answers() and removed not in again.clean_answers()
    status, body = learner.call(again, "check_item", {"item": removed, "verdict": "accurate"})
    assert status == 400 and body["error"]
    assert learner.call(again, "check_item", check_kept)[0] == 200


def test_bank_edit_with_a_changed_type_and_a_removed_question(db):
    learner, author = Harness("cq-learner"), Harness("cq-author")
    block = learner.load(scenario("civicquiz", "04"))
    single = next(q for q in block.model.questions if q.type == "single")
    numeric = next(q for q in block.model.questions if q.type == "numeric")
    other = next(q for q in block.model.questions if q.type == "truefalse")
    right = next(option.id for option in single.options if option.correct)
    shown = block.layout().option_to_shown(single.id, right)  # the page shows options as o1, o2, ...
    assert learner.call(block, "check", {"question": single.id, "answer": shown})[0] == 200
    assert learner.call(block, "check", {"question": numeric.id, "answer": 1})[0] == 200
    assert learner.call(block, "save_answer", {"question": other.id, "answer": True})[0] == 200

    def change(model):
        for question in model["questions"]:
            if question["id"] == single.id:
                question["type"] = "multiple"   # the old answer was one option id, now a list is expected
        model["questions"] = [q for q in model["questions"] if q["id"] != numeric.id]

    edit(author, author.reload(block), change)
    again = learner.reload(block)
    every_view_renders(again)
    assert other.id in again.answers
    status, body = learner.call(again, "check", {"question": numeric.id, "answer": 1})
    assert status == 400 and body["error"]
    shown = again.layout().to_learner(again.model.question(single.id), [right])
    assert learner.call(again, "check", {"question": single.id, "answer": shown})[0] == 200


def test_drill_edit_that_removes_the_learners_current_node(db):
    learner, author = Harness("cd-learner"), Harness("cd-author")
    block = learner.load(scenario("crisisdrill", "04"))
    start = block.model.start
    step = next(node for node in block.model.nodes if node.id == start)
    choice = step.choices[0]
    assert learner.call(block, "choose", {"node": start, "choice": choice.id})[0] == 200
    current = learner.reload(block).drill_state.get("node") or choice.goto

    def change(model):
        # Drop the node the learner stands on; what led to it now leads where it led.
        gone = next(node for node in model["nodes"] if node["id"] == current)
        successor = gone.get("goto") or (gone.get("choices") or [{}])[0].get("goto")
        if model["start"] == current:
            model["start"] = successor
        model["nodes"] = [node for node in model["nodes"] if node["id"] != current]
        for node in model["nodes"]:
            for key in ("goto", "timeout"):
                if node.get(key) == current:
                    node[key] = successor
            for option in node.get("choices") or []:
                if option.get("goto") == current:
                    option["goto"] = successor

    edit(author, author.reload(block), change)
    again = learner.reload(block)
    every_view_renders(again)
    status, body = learner.call(again, "choose", {"node": current, "choice": "anything"})
    assert 400 <= status < 500 and body["error"]
    assert learner.call(again, "restart", {})[0] == 200
    fresh = learner.reload(block)
    assert learner.call(fresh, "choose", {"node": start, "choice": choice.id})[0] == 200

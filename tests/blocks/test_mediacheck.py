"""mediacheck in the real workbench runtime: learner flows, grades, attempts, secrecy, bad input."""

import json
import re
from importlib import resources

import pytest
from lxml import etree

from mediacheck import content

from .conftest import Harness

SCENARIOS = {entry.name: entry.read_text(encoding="utf-8")
             for entry in resources.files("mediacheck").joinpath("scenarios").iterdir() if entry.name.endswith(".xml")}
PRACTICE, ASSESSMENT, SURVEY, KINDS = (SCENARIOS[name] for name in (
    "01-minimal.xml", "02-assessment.xml", "03-survey.xml", "04-kinds.xml"))


class Published:
    def __init__(self, block):
        self.events = []
        original = block.runtime.publish

        def publish(target, name, data):
            self.events.append((name, data))
            return original(target, name, data)
        block.runtime.publish = publish

    def named(self, name):
        return [data for event, data in self.events if event == name]


def flag_segments(item):
    owners = content.segment_flags(item.body)
    return [segment for segment, flag in owners.items() if flag]


def perfect(model, item):
    answer = {"item": item.id, "verdict": item.verdict, "flags": flag_segments(item),
              "leads": [lead.id for lead in item.leads if lead.useful]}
    if model.confidence:
        answer["confidence"] = 100
    return answer


def secrets(model):
    """Texts a learner must not get before answering."""
    found = set()
    for item in model.items:
        found.update(flag.note for flag in item.flags)
        found.update(flag.id for flag in item.flags)
        found.update(lead.body for lead in item.leads)
        found.update(href for href, _title in item.sources)
        if item.explanation:
            found.add(content.olx.parse_string(f"<x>{item.explanation}</x>").xpath("string()").strip()[:60])
    return {secret for secret in found if secret}


def island(fragment, name):
    """The JSON island `name` of a view (author text travels there, not in the JS init args)."""
    match = re.search(rf'<script id="[^"]*-{name}" type="application/json">(.*?)</script>', fragment.content, re.S)
    return json.loads(match.group(1))


def learner_payloads(block):
    fragment = block.render("student_view", {})
    init = json.dumps(block.student_view({}).json_init_args, ensure_ascii=False)
    data = json.dumps(block.student_view_data(), ensure_ascii=False)
    public = block.render("public_view", {}).content
    return {"html": fragment.content, "init": init, "data": data, "public": public}


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_no_answer_reaches_the_learner_before_answering(harness, name):
    block = harness.load(SCENARIOS[name])
    payloads = learner_payloads(block)
    for secret in secrets(block.model):
        for where, text in payloads.items():
            assert secret not in text.replace("&quot;", '"').replace("&#x27;", "'"), f"{name}: {where} leaks {secret!r}"
    assert '"useful"' not in payloads["init"] + payloads["data"]
    assert "data-flag" not in payloads["html"]
    buttons = payloads["html"].count('class="nt-seg"')
    assert buttons == sum(len(content.segment_flags(item.body)) for item in block.model.items)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_export_and_import_give_the_same_content(harness, name):
    block = harness.load(SCENARIOS[name])
    root = etree.Element("x")
    block.add_xml_to_node(root)
    again = harness.load(etree.tostring(root, encoding="unicode"))
    assert again.model_json == block.model_json and again.display_name == block.display_name
    assert again.max_attempts == block.max_attempts
    if name == "01-minimal.xml":
        assert "<verdicts" not in etree.tostring(root, encoding="unicode"), "the default scale is not written out"


def test_practice_check_gives_feedback_at_once_publishes_the_grade_and_survives_reload(harness, latvian):
    block = harness.load(PRACTICE)
    published = Published(block)
    model = block.model
    first, second = model.items
    status, body = harness.call(block, "check_item", perfect(model, first))
    assert status == 200, body
    feedback = body["feedback"]
    assert feedback["correct"] is True and feedback["score"] == 1.0
    assert {flag["id"]: flag["found"] for flag in feedback["flags"]} == {"caps": True, "urgency": True}
    assert feedback["verdict_label"] == "Maldinošs"
    assert any(source["href"].startswith("https://") for source in feedback["sources"])
    assert published.named("grade")[-1]["value"] == pytest.approx(0.5)
    assert published.named("completion") == [{"completion": 0.5}]
    assert published.named("noturiba.mediacheck.item.checked") == [{"item": first.id, "score": 1.0}]
    again = harness.reload(block)
    init = again.student_view({}).json_init_args
    assert set(island(again.student_view({}), "feedback")) == {first.id}
    assert init["answers"][first.id]["verdict"] == first.verdict
    assert 'aria-pressed="true"' in again.render("student_view", {}).content
    status, body = harness.call(again, "check_item", {"item": second.id, "verdict": "false"})
    assert status == 200 and body["feedback"]["correct"] is False and body["completed"] is True
    stored = harness.reload(block)
    assert stored.calculate_score().raw_earned == pytest.approx(stored.raw_earned)


def test_a_wrong_mark_and_a_missed_flag_lower_the_score_and_are_named(harness):
    block = harness.load(PRACTICE)
    item = block.model.items[0]
    owners = content.segment_flags(item.body)
    innocent = next(segment for segment, flag in owners.items() if flag is None)
    caps = next(segment for segment, flag in owners.items() if flag == "caps")
    status, body = harness.call(block, "check_item", {"item": item.id, "verdict": item.verdict,
                                                      "flags": [innocent, caps]})
    feedback = body["feedback"]
    assert status == 200 and 0.6 < feedback["score"] < 1
    assert feedback["false_marks"] == [innocent]
    assert {flag["id"]: flag["found"] for flag in feedback["flags"]} == {"caps": True, "urgency": False}


def test_opening_a_lead_returns_its_text_only_and_counts_for_grading(harness):
    block = harness.load(PRACTICE)
    published = Published(block)
    item = block.model.items[0]
    status, body = harness.call(block, "open_lead", {"item": item.id, "lead": "reverse"})
    assert status == 200 and "2013" in body["text"] and "useful" not in body
    assert published.named("noturiba.mediacheck.lead.opened") == [{"item": item.id, "lead": "reverse"}]
    stored = harness.reload(block)
    assert stored.opened == {item.id: ["reverse"]}
    answer = {"item": item.id, "verdict": item.verdict, "flags": flag_segments(item)}
    _status, body = harness.call(stored, "check_item", answer)
    useful = {lead["id"]: lead["opened"] for lead in body["feedback"]["leads"]}
    assert useful == {"reverse": True, "about": False, "comments": False}
    assert body["feedback"]["score"] == pytest.approx(0.6 + 0.25 + 0.15 * 0.5)


def test_practice_reset_clears_an_item(harness):
    block = harness.load(PRACTICE)
    item = block.model.items[0]
    harness.call(block, "check_item", perfect(block.model, item))
    status, body = harness.call(harness.reload(block), "reset", {"item": item.id})
    assert status == 200 and body["reset"] == [item.id]
    stored = harness.reload(block)
    assert stored.clean_checked() == {} and item.id not in stored.clean_answers()


def test_assessment_hides_feedback_until_allowed_and_stops_after_max_attempts(harness, latvian):
    block = harness.load(ASSESSMENT)
    model = block.model
    wrong = {item.id: {"verdict": "satire", "confidence": 100} for item in model.items}
    status, body = harness.call(block, "check_item", perfect(model, model.items[0]))
    assert status == 400
    partial = dict(list(wrong.items())[:2])
    status, body = harness.call(block, "submit", {"answers": partial})
    assert (status, body["error"]) == (400, "Vispirms izvēlieties vērtējumu katram vienumam.")
    published = Published(block)
    status, body = harness.call(block, "submit", {"answers": wrong})
    assert status == 200 and body["feedback"] == {} and body["can_submit"] is True
    assert published.named("grade")[-1]["value"] == 0.0
    assert "Jums atlicis 1 mēģinājums." in body["status"]
    first = harness.reload(block)
    published = Published(first)
    assert first.attempts == 1 and island(first.student_view({}), "feedback") == {}
    right = {item.id: {k: v for k, v in perfect(model, item).items() if k != "item"} for item in model.items}
    status, body = harness.call(first, "submit", {"answers": right})
    assert status == 400 and "jaunu mēģinājumu" in body["error"], "a second submit needs a new attempt first"
    assert harness.call(first, "new_attempt", {})[0] == 200
    assert harness.call(first, "new_attempt", {})[0] == 400, "one new attempt at a time"
    status, body = harness.call(first, "submit", {"answers": right})
    assert status == 200 and set(body["feedback"]) == {item.id for item in model.items}
    assert published.named("grade")[-1]["value"] == pytest.approx(1.0)
    status, body = harness.call(harness.reload(block), "submit", {"answers": right})
    assert status == 400 and body["error"] == "Visi mēģinājumi ir izmantoti."
    assert harness.call(harness.reload(block), "new_attempt", {})[1]["error"] == "Visi mēģinājumi ir izmantoti."
    final = harness.reload(block)
    assert final.attempts == 2 and final.raw_earned == pytest.approx(1.0)
    assert set(island(final.student_view({}), "feedback")) == {item.id for item in model.items}


def test_confident_and_wrong_costs_more_than_unsure_and_wrong(harness):
    block = harness.load(ASSESSMENT)
    model = block.model

    def score(confidence):
        other = harness.load(ASSESSMENT)
        answers = {item.id: {"verdict": "satire" if n else item.verdict, "confidence": confidence if n else 100}
                   for n, item in enumerate(model.items)}
        harness.call(other, "submit", {"answers": answers})
        return harness.reload(other).raw_earned

    assert score(50) > score(75) > score(100) >= 0.0


BAD_PAYLOADS = [
    {"item": "nope", "verdict": "false"},
    {"item": "flood-photo", "verdict": "nope"},
    {"item": "flood-photo", "verdict": "false", "flags": ["s999"]},
    {"item": "flood-photo", "verdict": "false", "leads": ["vugd"]},
    {"item": "flood-photo", "verdict": "false", "confidence": 101},
    {"item": "flood-photo", "verdict": "false", "flags": "s0"},
    {"item": "flood-photo"},
    {"item": "flood-photo", "verdict": "false", "score": 1},
]


@pytest.mark.parametrize("payload", BAD_PAYLOADS, ids=range(len(BAD_PAYLOADS)))
def test_bad_payloads_are_refused_and_change_nothing(harness, payload):
    block = harness.load(PRACTICE)
    harness.call(block, "save_answer", {"item": "flood-photo", "verdict": "accurate"})
    before = harness.reload(block)
    status, body = harness.call(before, "check_item", payload)
    assert status == 400 and body["error"]
    after = harness.reload(block)
    assert (after.answers, after.checked, after.raw_earned) == (before.answers, before.checked, before.raw_earned)


def test_unknown_lead_and_item_in_open_lead_are_refused(harness):
    block = harness.load(PRACTICE)
    assert harness.call(block, "open_lead", {"item": "flood-photo", "lead": "vugd"})[0] == 400
    assert harness.call(block, "open_lead", {"item": "x", "lead": "reverse"})[0] == 400
    assert harness.reload(block).opened == {}


def test_drafts_survive_reload_and_state_of_removed_items_is_dropped(harness):
    block = harness.load(PRACTICE)
    status, _ = harness.call(block, "save_answer", {"item": "flood-photo", "verdict": "false", "flags": ["s1"]})
    assert status == 200
    stored = harness.reload(block)
    stored.answers = {**stored.answers, "gone": {"verdict": "false"}}
    stored.checked = {"gone": 1.0}
    assert stored.clean_answers() == {"flood-photo": {"verdict": "false", "flags": ["s1"], "leads": [],
                                                      "confidence": None}}
    assert stored.clean_checked() == {}
    stored.render("student_view", {})


def test_shuffle_is_stable_for_a_learner_and_differs_between_learners(db):
    orders = set()
    for user in ("a", "b", "c", "d", "e", "f"):
        harness = Harness(user)
        block = harness.load(KINDS)
        order = tuple(block.student_view({}).json_init_args["items"])
        assert order == tuple(harness.reload(block).student_view({}).json_init_args["items"])
        orders.add(order)
    assert len(orders) > 1


def test_survey_records_without_correctness_or_grade_and_shows_staff_aggregate_from_five(db):
    from mediacheck import aggregates as aggregate
    from noturiba.survey import store
    first = Harness("r0").load(SURVEY)
    assert first.has_score is False
    usage = first.scope_ids.usage_id
    model = first.model
    for index in range(5):
        harness = Harness(f"r{index}")
        block = harness.runtime.get_block(usage)
        published = Published(block)
        answers = {item.id: {"verdict": "accurate" if (item.verdict == "accurate" or index == 0) else "false"}
                   for item in model.items}
        status, body = harness.call(block, "submit", {"answers": answers})
        assert status == 200 and body["feedback"] == {}
        assert "correct" not in json.dumps(body)
        assert published.named("grade") == [] and published.named("completion") == [{"completion": 1.0}]
        if index == 3:
            summary = aggregate.discernment_summary(model, store.export_rows(aggregate.block_key(block)), 5)
            assert summary == {"n": 4, "shown": False, "min_group": 5}
    status, body = harness.call(harness.reload(block), "submit", {"answers": answers})
    assert status == 400
    summary = aggregate.discernment_summary(model, store.export_rows(aggregate.block_key(block)), 5)
    assert summary["shown"] and summary["n"] == 5 and summary["mean"] == pytest.approx(0.8)


def test_report_rows_for_the_instructor(harness):
    block = harness.load(ASSESSMENT)

    class State:
        username = "anna"
        state = {"submitted": {"surrender-msg": {"verdict": "false"}}, "attempts": 1, "raw_earned": 0.5}

    rows = list(block.generate_report_data(iter([State()])))
    assert rows[0][0] == "anna" and "surrender-msg: false" in rows[0][1]["Answers"] and rows[0][1]["Score"] == 0.5


def test_studio_save_refuses_a_verdict_off_the_scale_and_keeps_progress_on_kept_ids(harness, latvian):
    block = harness.load(PRACTICE)
    harness.call(block, "check_item", perfect(block.model, block.model.items[0]))
    data = content.to_json(block.model)
    data["items"][1]["verdict"] = "bogus"
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": data})
    assert status == 400 and "bogus" in body["error"]
    data["items"][1]["verdict"] = "accurate"
    data["items"][1]["media"] = {"src": "https://images.example/x.jpg", "alt": None, "caption": None}
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": data})
    assert status == 200 and len(body["warnings"]) == 1
    stored = harness.reload(block)
    assert set(stored.clean_checked()) == {block.model.items[0].id}


def form_item(item_id="chat-1"):
    """An item as the Studio form editor sends it (body text with a flag marked by selection)."""
    return {"id": item_id, "kind": "message", "verdict": "false", "origin": {"name": "Kaimiņiene", "handle": None,
            "platform": None, "date": None, "url": None}, "media": None, "explanation": "<p>Mācību piemērs.</p>",
            "body": '<p>Steidzami! <flag id="chat-flag" note="Steidzina.">Dalies ar visiem</flag>, pirms izdzēsīs.</p>',
            "leads": [{"id": "chat-lead", "useful": True, "title": "Ko saka VUGD?", "body": "Nekas tāds."}],
            "sources": [{"href": "https://www.vugd.gov.lv/", "title": "VUGD"}]}


def test_a_form_save_keeps_progress_on_kept_items_applies_settings_and_learners_see_the_new_item(harness):
    block = harness.load(PRACTICE)
    kept = block.model.items[1]
    harness.call(block, "check_item", perfect(block.model, kept))
    score = harness.reload(block).clean_checked()[kept.id]
    data = content.to_json(block.model)
    data["items"] = [data["items"][1], form_item()]  # reorder, delete flood-photo, add chat-1
    settings = {"weight": 2.0, "max_attempts": 3, "showanswer": "always", "pass_threshold": 0.5}
    status, body = harness.call(block, "save_content", {"display_name": "Jauns", "content": data, "settings": settings})
    assert status == 200 and body == {"saved": True, "warnings": []}
    stored = harness.reload(block)
    assert [item.id for item in stored.model.items] == [kept.id, "chat-1"]
    assert stored.clean_checked() == {kept.id: score}
    assert set(stored.clean_answers()) == {kept.id}
    assert (stored.weight, stored.max_attempts, stored.showanswer, stored.pass_threshold) == (2.0, 3, "always", 0.5)
    html = stored.render("student_view", {}).content
    card = html[html.index('data-item="chat-1"'):]
    # The words are markable segments (one button per word), so the sentence is read from the text.
    assert "Dalies ar visiem" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", card)) and "Steidzina." not in html
    reimported = harness.load(harness.export(stored))
    assert reimported.model == stored.model


INVALID_EDITS = [
    (lambda d: d.update(items=[]), "vismaz vienam vienumam"),
    (lambda d: d["items"][0].update(verdict=""), "nav vērtējuma"),
    (lambda d: d["items"][0].update(verdict="maybe"), "maybe"),
    # Pasted HTML (an unclosed <flag> or <b>) is repaired, not refused: test_mediacheck_editor.py.
    (lambda d: d["items"][0].update(sources=[{"href": "javascript:alert(1)", "title": "x"}]), "http"),
    (lambda d: d["items"][1].update(id="flood-photo"), "flood-photo"),
    (lambda d: d["items"][0].update(body="<p>   </p>"), "teksts ir tukšs"),
    (lambda d: d["items"][0].update(id=7), "nav derīgs"),
]


@pytest.mark.parametrize("edit, expected", INVALID_EDITS, ids=range(len(INVALID_EDITS)))
def test_invalid_form_content_is_refused_with_its_message_and_nothing_changes(harness, edit, expected):
    block = harness.load(PRACTICE)
    before = content.to_json(block.model)
    data = json.loads(json.dumps(before))
    edit(data)
    status, body = harness.call(block, "save_content", {"display_name": "X", "content": data})
    assert status == 400 and expected in body["error"]
    stored = harness.reload(block)
    assert content.to_json(stored.model) == before and stored.display_name != "X"
    status, body = harness.call(block, "check_content", {"content": data})
    assert status == 200 and any(p["severity"] == "error" and expected in p["message"] for p in body["problems"])


def test_check_content_warns_about_an_image_without_alt_text_and_saves_nothing(harness, latvian):
    block = harness.load(PRACTICE)
    data = content.to_json(block.model)
    data["items"][0]["media"]["alt"] = None
    status, body = harness.call(block, "check_content", {"content": data})
    assert status == 200 and [p["severity"] for p in body["problems"]] == ["warning"]
    assert "alternatīvā teksta" in body["problems"][0]["message"]
    assert harness.reload(block).model.items[0].media.alt


def test_studio_view_holds_the_form_and_the_olx_editor_with_unique_ids_and_labels(harness, latvian):
    block = harness.load(PRACTICE)
    fragment = block.render("studio_view", {})
    html = fragment.content
    assert "Saglabāt" in html and "nt-mc-studio" in html and "nt-olx-editor" in html
    tree = etree.fromstring(f"<root>{html}</root>", etree.HTMLParser())
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert all(label.get("for") in ids for label in tree.xpath("//label"))
    args = block.studio_view({}).json_init_args
    assert island(fragment, "studio-model")["content"] == content.to_json(block.model)
    assert args["uid"] != block.dom_id() and "content" not in args
    other = Harness().load(PRACTICE)
    assert other.studio_view({}).json_init_args["uid"] != args["uid"]


def test_author_text_never_travels_in_the_js_init_args_that_the_runtime_writes_unescaped(harness):
    xml = PRACTICE.replace('note="Kliedzoši', 'note="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; Kliedzoši')
    block = harness.load(xml)
    harness.call(block, "check_item", perfect(block.model, block.model.items[0]))
    for view in ("student_view", "studio_view"):
        fragment = harness.reload(block).render(view, {})
        assert "</script><script>" not in json.dumps(fragment.json_init_args), view
        assert "<script>alert" not in fragment.content, view
    feedback = island(harness.reload(block).student_view({}), "feedback")
    assert "</script><script>alert(1)</script>" in json.dumps(feedback)


@pytest.mark.parametrize(("policy", "expected"), [(None, True), ("never", None)])
def test_the_page_knows_a_pass_only_while_results_are_shown(harness, monkeypatch, policy, expected):
    """The pass drives the warning before a new attempt; while show_correctness hides results the page
    (init args and the submit answer) must not tell it."""
    block = harness.load(ASSESSMENT)
    if policy:
        monkeypatch.setattr(type(block), "show_correctness", policy, raising=False)
    answers = {item.id: {k: v for k, v in perfect(block.model, item).items() if k != "item"}
               for item in block.model.items}
    status, body = harness.call(block, "submit", {"answers": answers})
    assert status == 200 and body.get("passed") is expected, body
    assert harness.reload(block).student_view({}).json_init_args["passed"] is expected

"""What the course tool knows of ORA2's <openassessment> OLX (open response, assessed by a rubric).

The rules follow edx-ora2's own reader and validator (openassessment/xblock/utils/xml.py
parse_from_xml, utils/validation.py validate_assessments / validate_rubric):

- <title>, <prompts><prompt><description>, <rubric><criterion> with <name>, <prompt> and
  <option points="int"> holding <name>, <explanation> (<label> optional);
- <assessments>: at least one of staff-, peer-, self-assessment, besides them only
  student-training; no step twice; staff-assessment last; alone it needs required="True".
ORA reads every one of these elements as plain text (`element.text`), so markup must be
escaped (&lt;p&gt;, as Studio exports it): a child element is silently dropped on import.
Its learner submissions are keyed by the usage id, so it needs a url_name like our blocks.
ORA parses without checking its validator's answer on import, so the tool is where a
broken rubric shows before learners see it.
"""

from ..messages import N_

TAG = "openassessment"
ASSESSMENT_STEPS = ("staff-assessment", "peer-assessment", "self-assessment")
OPTIONAL_STEPS = ("student-training",)
TEXT_ONLY = ("title", "prompts/prompt/description", "rubric/prompt", "rubric/feedbackprompt",
             "rubric/criterion/name", "rubric/criterion/label", "rubric/criterion/prompt",
             "rubric/criterion/option/name", "rubric/criterion/option/label",
             "rubric/criterion/option/explanation")

# Shown by the workbench where a unit holds an <openassessment> (ORA is not installed there).
ORA_NOTE = N_("This is an open response task: in Open edX you write your answer here and a trainer "
              "assesses it with the rubric. The workbench does not run it, so only the task is shown.")


def _true(value):
    return value in ("True", "true")  # ORA's _parse_boolean


def problems(element):
    """(line, message) for every part of an <openassessment> element that ORA would drop or refuse."""
    found = []

    def problem(node, message):
        found.append((node.sourceline, message))

    if not element.get("url_name"):
        problem(element, "has no url_name: Open edX would invent one on every import, and learners' "
                         "submissions would not carry over.")
    if element.find("title") is None and not element.get("display_name"):
        problem(element, 'needs a <title> (or display_name).')
    for node in (found_node for path in TEXT_ONLY for found_node in element.findall(path)):
        child = next((c for c in node if isinstance(c.tag, str)), None)
        if child is not None:
            problem(child, f"<{child.tag}> inside <{node.tag}> is dropped: ORA reads <{node.tag}> as text, "
                           "so write its markup escaped (&lt;p&gt;...).")
    prompts = element.find("prompts")
    if prompts is None or not prompts.findall("prompt"):
        problem(element, "needs <prompts> with at least one <prompt>.")
    else:
        for prompt in prompts.findall("prompt"):
            description = prompt.find("description")
            if description is None or not (description.text or "").strip():
                problem(prompt, "every <prompt> needs a <description> with the task.")
    _check_rubric(element, problem)
    _check_assessments(element, problem)
    return found


def _check_rubric(element, problem):
    rubric = element.find("rubric")
    if rubric is None or not rubric.findall("criterion"):
        problem(element, "needs a <rubric> with at least one <criterion>.")
        return
    for criterion in rubric.findall("criterion"):
        for part in ("name", "prompt"):
            if criterion.find(part) is None:
                problem(criterion, f"every <criterion> needs a <{part}>.")
        feedback = criterion.get("feedback", "disabled")
        if feedback not in ("disabled", "optional", "required"):
            problem(criterion, f'feedback="{feedback}" must be disabled, optional or required.')
        options = criterion.findall("option")
        if not options and feedback != "required":
            problem(criterion, 'a <criterion> without options needs feedback="required".')
        names = []
        for option in options:
            try:
                int(option.get("points", ""))
            except ValueError:
                problem(option, 'every <option> needs points="<whole number>".')
            for part in ("name", "explanation"):
                if option.find(part) is None:
                    problem(option, f"every <option> needs an <{part}>.")
            name = option.findtext("name")
            if name is not None and name in names:
                problem(option, f'the option name "{name}" is used twice in one criterion.')
            names.append(name)


def _check_assessments(element, problem):
    assessments = element.find("assessments")
    steps = [] if assessments is None else assessments.findall("assessment")
    names = [step.get("name") for step in steps]
    if not any(name in ASSESSMENT_STEPS for name in names):
        problem(element, "needs <assessments> with a staff-assessment, peer-assessment or self-assessment step.")
        return
    for step in steps:
        name = step.get("name")
        if name not in ASSESSMENT_STEPS + OPTIONAL_STEPS:
            problem(step, f'"{name}" is not an ORA assessment step.')
        elif names.count(name) > 1:
            problem(step, f'the step "{name}" is listed twice.')
    if "staff-assessment" in names and names[-1] != "staff-assessment":
        problem(steps[names.index("staff-assessment")], "staff-assessment must be the last step.")
    if names == ["staff-assessment"] and not _true(steps[0].get("required")):
        problem(steps[0], 'a staff-assessment that is the only step needs required="True".')


def prompt_texts(element):
    """The prompts' descriptions as ORA stores them (html when prompts_type="html", else text)."""
    prompts = element.find("prompts")
    if prompts is None:
        return []
    return [prompt.findtext("description") or "" for prompt in prompts.findall("prompt")]


def course_problems(course):
    """(file, line, message) for every <openassessment> of a loaded course."""
    for item in course.components():
        if item.kind != TAG or item.element is None:
            continue
        label = f'<{TAG} url_name="{item.url_name}">' if item.url_name else f"<{TAG}>"
        for line, message in problems(item.element):
            yield item.file, line or item.line, f"{label}: {message}"

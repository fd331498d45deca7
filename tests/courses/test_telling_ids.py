"""Ids that reach a learner's page say nothing of the answer (issue 18, side doors).

A mediacheck item id or lead id, a crisis drill node, choice or option id is in the page (data
attributes, the view JSON). An id such as "f-weather" (false), "t-72h" (true), "useful-map" or
"best-choice" gives the verdict away, in a survey too (it would skew what the pre/post surveys
measure). Checked here for the shipped courses and the package scenarios: no id starts with a
verdict prefix or holds a verdict word as one of its parts. A simple word list, not a proof: an
author can still name ids after their answers in other words.
"""

import re
from pathlib import Path

import pytest
from lxml import etree

ROOT = Path(__file__).resolve().parents[2]
PREFIXES = ("t-", "f-", "t_", "f_")
WORDS = {"true", "false", "fake", "real", "correct", "incorrect", "wrong", "right", "good", "bad", "best",
         "worst", "useful", "useless", "harmful", "required", "critical"}
# What reaches the page: (block tag, element names whose id does).
SHOWN = {"mediacheck": {"item", "lead"}, "crisisdrill": {"step", "checklist", "order", "choice", "option"}}


def telling(value):
    parts = [part.lower() for part in re.split(r"[-_.:]", value)]
    return value.lower().startswith(PREFIXES) or any(part in WORDS for part in parts)


def shown_ids(path):
    root = etree.parse(str(path)).getroot()
    blocks = [root] if root.tag in SHOWN else [child for child in root if child.tag in SHOWN]
    for block in blocks:
        for node in block.iter(*SHOWN[block.tag]):
            if node.get("id"):
                yield block.tag, node.tag, node.get("id")


FILES = sorted(ROOT.glob("courses/*/vertical/*.xml")) + sorted(ROOT.glob("xblocks/*/scenarios/*.xml"))


def test_the_check_knows_a_telling_id():
    assert telling("t-72h") and telling("f-weather") and telling("useful-map") and telling("choice_best")
    assert not telling("h07") and not telling("radio-on") and not telling("flood-photo") and not telling("first-aid")


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_no_shown_id_says_what_the_answer_is(path):
    found = [f"{tag} {kind} {value}" for tag, kind, value in shown_ids(path) if telling(value)]
    assert found == [], f"{path.name}: ids that give the answer away: {found}"

"""150 learners at once on a multi-process workbench backed by MariaDB: nothing is lost, nothing double-counted.

100 distinct learners answer the trust survey (civicquiz) while 50 submit the
fact-check assessment (mediacheck), all released by one barrier. Afterwards the
survey table holds every vote (learners see a snapshot of it, retaken only in steps of
min_group respondents) and every assessment learner has
exactly one attempt and a score in the database. Then ten learners each send
the same submission twice at the same moment: each counts one attempt.
"""

import threading

from .test_survey_concurrency import MIN_GROUP, stored_counts

SURVEY = "civicquiz.2"        # xblocks/civicquiz/scenarios/03-trust-survey.xml
ASSESSMENT = "mediacheck.1"   # xblocks/mediacheck/scenarios/02-assessment.xml
ITEMS = ("surrender-msg", "kvc-headline", "water-photo")
VOTERS, SUBMITTERS = 100, 50


def assessment_answers(n):
    verdicts = ("false", "accurate", "misleading", "unverifiable")
    return {"answers": {item: {"verdict": verdicts[(n + i) % 4], "flags": [], "leads": [], "confidence": 50 + n % 51}
                        for i, item in enumerate(ITEMS)}}


def run_together(jobs):
    """Open every learner's page once, then release all posts at the same moment; returns the outcomes."""
    learners = [learner for learner in {id(learner): learner for learner, _h, _p in jobs}.values() if not learner.usage]
    opened = {}

    def open_page(learner):
        try:
            learner.open()
        except Exception as error:  # noqa: BLE001 - reported with the learner below
            opened[id(learner)] = ("open failed", repr(error))

    openers = [threading.Thread(target=open_page, args=(learner,)) for learner in learners]
    for thread in openers:
        thread.start()
    for thread in openers:
        thread.join()

    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def post(index, learner, handler, payload):
        outcomes[index] = opened.get(id(learner))
        barrier.wait(timeout=300)
        if outcomes[index] is None:
            try:
                outcomes[index] = learner.post(handler, payload)
            except Exception as error:  # noqa: BLE001
                outcomes[index] = ("post failed", repr(error))

    threads = [threading.Thread(target=post, args=(i, *job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_survey_and_assessment_load_loses_nothing(live_workbench):
    jobs = [(live_workbench.learner(f"voter-{n}", SURVEY), "submit",
             {"answers": {"visits": ("weekly", "monthly", "rarely", "never")[n % 4], "trust": 1 + n % 5}})
            for n in range(VOTERS)]
    jobs += [(live_workbench.learner(f"examinee-{n}", ASSESSMENT), "submit", assessment_answers(n))
             for n in range(SUBMITTERS)]
    outcomes = run_together(jobs)
    failed = [(jobs[i][0].student, outcome) for i, outcome in enumerate(outcomes) if outcome[0] != 200]
    assert failed == [], failed[:5]

    reader = live_workbench.learner("survey-reader", SURVEY)
    reader.open()
    status, body = reader.post("submit", {"answers": {"visits": "weekly"}})
    assert status == 200 and VOTERS + 1 - MIN_GROUP < body["aggregates"]["respondents"] <= VOTERS + 1
    assert stored_counts(live_workbench.databases)["visits"] == {"weekly": 26, "monthly": 25, "rarely": 25,
                                                                 "never": 25}

    usage = jobs[-1][0].usage
    states = [live_workbench.user_state(usage, f"examinee-{n}") for n in range(SUBMITTERS)]
    assert [s.get("attempts") for s in states] == [1] * SUBMITTERS
    assert all(s.get("raw_earned") is not None for s in states)


def test_a_double_submit_sent_at_once_counts_one_attempt(live_workbench):
    jobs = []
    for n in range(10):
        learner = live_workbench.learner(f"double-{n}", ASSESSMENT)
        learner.open()
        # A draft first, as a learner's page saves one: the workbench's storage (unlike the LMS's
        # StudentModule) cannot create one learner's first state row from two requests at once.
        assert learner.post("save_answer", {"item": ITEMS[0], "verdict": "false"})[0] == 200
        jobs += [(learner, "submit", assessment_answers(n)), (learner, "submit", assessment_answers(n))]
    outcomes = run_together(jobs)
    assert all(outcome[0] in (200, 400) for outcome in outcomes), outcomes
    usage = jobs[0][0].usage
    for n in range(10):
        assert live_workbench.user_state(usage, f"double-{n}").get("attempts") == 1, f"double-{n}"

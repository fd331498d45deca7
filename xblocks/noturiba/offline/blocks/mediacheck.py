"""mediacheck in the offline pack: the practice exercise with its answers, graded in the browser.

`export` gives the player everything that does not depend on the learner's answers, worked out
here with the block's own modules: the body's word buttons and which flag owns each, the credit
each verdict earns (the "near" verdict's half), the useful and useless leads, the weights and the
certainty table, labels translated for the page. mediacheck_grade.js holds only what depends on the
answers (F1 of the marks, leads share minus penalty, the CBM bonus); `python_grade` is the block's
grading, the one truth the parity test holds the JS to. Pure: no Django settings, no XBlock runtime.

Answers (one practice round): {item id: {"verdict", "flags": [segment ids], "leads": [lead ids],
"confidence": 50..100 | None}}, each item's first check, as practice mode grades them.
"""

from mediacheck import attempt_rules, content, grading, provenance
from noturiba import scoring, sources
from noturiba.messages import N_, Message, percent
from noturiba.offline.content import offline_markup, static_name

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RTL = ("ar", "fa", "he", "ur")
# The block's own words for what does not depend on answers (its templates' msgids, translated already).
LABELS = {
    "howto": N_("Read each item as if you met it online. Mark any red flags you notice by tapping or clicking "
                "them — there may be none."),
    "keyboard": N_("With a keyboard: Tab reaches the text, the arrow keys move between its parts, Enter or Space "
                   "marks a part."),
    "leads_howto": N_("Open the leads you want to check, then choose your verdict."),
    "what_counts": N_("What counts"),
    "made_up": N_("Practice material: made up for this exercise"),
    "forwarded": N_("Forwarded message"),
    "body": N_("Text of the item: mark any red flags you notice (there may be none)"),
    "leads": N_("Check further (lateral reading)"),
    "verdict": N_("Your verdict"),
    "check": N_("Check this item"),
    "retry": N_("Try this item again"),
}


def python_grade(model, attrs, answers):
    """The block's practice grade (0..1) of `answers`: stored state cleaned as the block cleans it."""
    return grading.grade(model, attempt_rules.cleaned(model, answers))[0]


def export(model, attrs, t):
    # The block's content language is its xml:lang; without one the player takes the course's (the page says it).
    lang = (attrs.get(XML_LANG) or "").strip() or None
    assets = []
    items = [_item(model, item, t, assets) for item in model.items]
    for number, entry in enumerate(items, start=1):
        entry["heading"] = t.render(Message("Item {number} of {total}", number=number, total=len(items)))
    return {
        "lang": lang,
        "dir": "rtl" if lang and lang.split("-")[0].lower() in RTL else "ltr",
        "confidence": model.confidence,
        "labels": {key: t.gettext(msgid) for key, msgid in LABELS.items()},
        "material": model.material,
        "material_note": [t.render(line) for line in provenance.note(model)],
        "what_counts": [t.render(line) for line in grading.what_counts(model)],
        "confidence_label": t.render(Message("How sure are you? ({low} = guessing, {high} = certain)",
                                             low=percent(50), high=percent(100))),
        "verdicts": [{"id": v.id, "label": content.verdict_label(model, v.id, t.gettext)} for v in model.scale],
        "rules": {
            "weights": {"verdict": grading.VERDICT_WEIGHT, "flags": grading.FLAGS_WEIGHT,
                        "leads": grading.LEADS_WEIGHT},
            "useless_penalty": grading.USELESS_PENALTY,
            # certainty_of_confidence's bands, highest first; CBM marks [right, wrong] per certainty.
            "bands": [list(band) for band in scoring.CERTAINTY_BANDS],
            "marks": {str(level): list(marks) for level, marks in scoring.CBM_MARKS.items()},
            "bonus_factor": scoring.CBM_BONUS_FACTOR,
        },
        "items": items,
        "assets": sorted(set(assets)),
    }


def _credit(model, item):
    """{verdict id: share of the verdict weight} for every verdict that earns something."""
    credit = {}
    for verdict in model.scale:
        part = grading.verdict_part(model, item, verdict.id)
        if part:
            credit[verdict.id] = part
    return credit


def _media(media, assets):
    if media is None:
        return None
    src = media.src or ""
    if static_name(src):
        assets.append(src)  # a course asset: the pack copies static/<file> in; ui.asset(src) finds it
    else:
        src = ""  # no request leaves the pack: a remote image is not shown, its alt text is
    return {"src": src, "alt": media.alt or "", "caption": media.caption}


def _provenance(item, t):
    """Made up or real, said after the check; a real item's date is written in the page's language by the
    player (provenance.short_date's rule), so the label keeps a {date} for it."""
    origin = provenance.after_answer(item, "iso")  # a language short_date does not know: the date stays ISO
    label, date = t.render(origin["label"]), origin.get("date")
    if date:
        before, found, after = label.rpartition(date)
        label = f"{before}{{date}}{after}" if found else label
    return {"kind": origin["kind"], "label": label, "date": date, "href": origin["href"] or None}


def _item(model, item, t, assets):
    public = content.public_item(item)  # segments, origin with the preview's domain, leads sorted by id
    owners = dict(item.segment_owners)
    flag_segments = {}
    for segment, flag in owners.items():
        if flag:
            flag_segments.setdefault(flag, []).append(segment)
    leads = sorted(item.leads, key=lambda lead: lead.id)
    name = item.origin.name if item.origin else None
    return {
        "id": item.id,
        "kind": item.kind,
        "origin": public["origin"],
        "initial": (name or "?")[:1].upper(),
        "segments": public["segments"],
        "media": _media(item.media, assets),
        "leads": [{"id": lead.id, "title": lead.title, "text": offline_markup(lead.body), "useful": lead.useful}
                  for lead in leads],
        # what grading needs, answer-independent
        "verdict": item.verdict,
        "verdict_label": content.verdict_label(model, item.verdict, t.gettext),
        "credit": _credit(model, item),
        "owners": owners,
        "flags": [{"id": flag.id, "text": flag.text, "note": flag.note, "segments": flag_segments.get(flag.id, [])}
                  for flag in item.flags],
        "useful": sorted(lead.id for lead in item.leads if lead.useful),
        "useless": sorted(lead.id for lead in item.leads if not lead.useful),
        # feedback, shown after the check
        "explanation": offline_markup(item.explanation),
        "sources": sources.to_json(item.sources),
        "provenance": _provenance(item, t),
    }


def sample_answers(data, rng):
    """Answer sets for the parity test: empty, all right, all wrong, half-right, random, and stored junk."""
    items = data["items"]
    verdicts = [v["id"] for v in data["verdicts"]]
    confident = data["confidence"]

    def right(item):
        flags = [flag["segments"][0] for flag in item["flags"] if flag["segments"]]
        return {"verdict": item["verdict"], "flags": flags,
                "leads": list(item["useful"]), "confidence": 100 if confident else None}

    def wrong(item):
        bad = [v for v in verdicts if v not in item["credit"]] or verdicts
        innocent = [s for s, owner in item["owners"].items() if owner is None]
        return {"verdict": bad[0], "flags": innocent[:2], "leads": list(item["useless"]),
                "confidence": 100 if confident else None}

    def partial(item):
        near = [v for v, share in item["credit"].items() if share < 1]
        flagged = [flag["segments"][-1] for flag in item["flags"][:1] if flag["segments"]]
        innocent = [s for s, owner in item["owners"].items() if owner is None][:1]
        return {"verdict": (near or [item["verdict"]])[0], "flags": flagged + innocent,
                "leads": item["useful"][:1] + item["useless"][:1], "confidence": 70 if confident else None}

    def random_answer(item):
        segments = list(item["owners"])
        leads = [lead["id"] for lead in item["leads"]]
        return {"verdict": rng.choice(verdicts + [None]),
                "flags": rng.sample(segments, rng.randint(0, min(len(segments), 6))),
                "leads": rng.sample(leads, rng.randint(0, len(leads))),
                "confidence": rng.choice([None, 50, 60, 66, 67, 80, 84, 85, 95, 100])}

    sets = [{}, {item["id"]: right(item) for item in items}, {item["id"]: wrong(item) for item in items},
            {item["id"]: partial(item) for item in items},
            {item["id"]: (right if index % 2 else wrong)(item) for index, item in enumerate(items)}]
    for _ in range(40):
        sets.append({item["id"]: random_answer(item) for item in items if rng.random() < 0.85})
    # stored state the block cleans: unknown ids, repeats, a confidence out of range or of the wrong type
    junk = {}
    for index, item in enumerate(items):
        answer = right(item)
        answer["flags"] = answer["flags"] * 2 + ["s999999"]
        answer["leads"] = answer["leads"] + ["no-such-lead"]
        answer["confidence"] = [49, 101, True, "90", 75][index % 5]
        if index % 3 == 2:
            answer["verdict"] = "no-such-verdict"
        junk[item["id"]] = answer
    junk["no-such-item"] = {"verdict": verdicts[0]}
    if items:
        junk[items[0]["id"]] = "not an answer"
    sets.append(junk)
    return sets

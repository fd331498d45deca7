"""The family plan template, one per place of residence (the 2024 booklet plans by place of residence).

What differs between a flat, a private house and the countryside, from CONTENT.md: every home needs
a smoke detector; a private house also a fire extinguisher, and with a stove, a fireplace or gas a
carbon monoxide detector; in remote rural areas sirens are not heard, and wells and springs matter.
"""

from noturiba.messages import Message

from . import sources as s
from .page import Sheet

RESIDENCES = ("flat", "house", "countryside")

_SMOKE = Message("A smoke detector: compulsory in every home since 1 January 2020 (in a home on several floors, "
           "on every floor); test it as its maker says")
_HOUSE = [_SMOKE, Message("A fire extinguisher: a private house must have one"),
          Message("A stove, a fireplace or a gas appliance: a carbon monoxide detector, and never close the stove "
            "damper too early")]
_SPECIFIC = {
    "flat": (Message("Family plan: a flat in an apartment building"), Message("In the flat"), [
        ("check", [_SMOKE, Message("Drinking water for three days in bottles: at least 9 litres per adult")]),
        ("fields", [(Message("Neighbours in the building we check on (living alone, older, with small children)"), 2)]),
    ], [s.SMOKE]),
    "house": (Message("Family plan: a private house"), Message("In the house"), [
        ("check", _HOUSE),
        ("fields", [(Message("Where the fire extinguisher is"), 1)]),
    ], [s.SMOKE, s.EXTINGUISHER]),
    "countryside": (Message("Family plan: a home in the countryside"), Message("In the countryside"), [
        ("check", [*_HOUSE,
                   Message("Sirens are not heard in remote rural areas: keep a battery radio and allow the "
                     "\u201c112 Latvija\u201d notifications"),
                   Message("We know where the wells and springs nearby are, and we have water purification tablets")]),
        ("fields", [(Message("Nearest neighbours we check on, and how we reach them"), 2)]),
    ], [s.SMOKE, s.EXTINGUISHER, s.SIREN_COVERAGE]),
}


def _people_page():
    return [
        ("p", Message("Talk the plan through with everyone at home, children too, and review it once a year or when "
                "something changes. Phones and the internet may not work: keep the plan on paper.")),
        ("h2", Message("Who lives here")),
        ("fields", [(Message("Names, and special needs: medicines, medical devices, aids, diet"), 3)]),
        ("h2", Message("Contacts on paper")),
        ("fields", [(Message("Family"), 2)]),
        ("open", "columns"), ("fields", [(Message("Neighbours"), 1), (Message("Doctor"), 1)]), ("close", None),
        ("note", Message("Emergency: 112. Power faults: 8404.")),
        ("h2", Message("Where we meet")),
        ("open", "columns"),
        ("fields", [(Message("Near home"), 1), (Message("Further away, if we must leave home"), 1)]),
        ("close", None),
        ("h2", Message("Who does what")),
        ("fields", [(Message("Who picks up the children from school"), 1),
                    (Message("Who checks on older relatives and neighbours"), 1),
                    (Message("Who looks after the pets"), 1)]),
    ]


def _places_page(key):
    _title, heading, specific, _sources = _SPECIFIC[key]
    return [
        ("h2", Message("Where things are")),
        ("fields", [(Message("Supplies, the bag, documents, torch and radio"), 2)]),
        ("h2", Message("Our municipality: civil protection")),
        ("fields", [(Message("Municipality: phone and website"), 1),
                    (Message("Nearest safe shelter near home, work and school (ask the municipality)"), 2)]),
        ("h2", Message("How we get information")),
        ("p", Message("LTV1, LTV7, Latvian Radio, lsm.lv (in Russian, LSM+); cell broadcast warnings on the phone; the "
                "\u201c112 Latvija\u201d app with its notifications allowed.")),
        ("fields", [(Message("Who warns those at home and neighbours who have no smartphone"), 1)]),
        ("open", "box"), ("h2", heading), *specific, ("close", None),
    ]


def plan(key):
    title, _heading, _specific, extra = _SPECIFIC[key]
    return Sheet(f"family-plan-{key}", title, [_people_page(), _places_page(key)],
                 [s.BOOKLET, s.BOOKLET_2024, s.PLAN_SUMMARY, s.EMERGENCY, *extra],
                 kicker=Message("Family plan by place of residence"))


def plans():
    return [plan(key) for key in RESIDENCES]

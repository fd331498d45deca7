"""The 72-hour checklist and the warning-signals sheet (facts: CONTENT.md; sources: sources.py)."""

from noturiba.messages import Message

from . import sources as s
from .page import Sheet


def checklist():
    water = [
        ("h2", Message("Drinking water")),
        ("p", Message("At least 3 litres of drinking water per adult per day: for three days, at least 9 litres "
                "per adult.")),
        ("p", Message("Our household: ______ adults \u00d7 9 litres = ______ litres of drinking water.")),
        ("check", [Message("Water in plastic bottles (they also fit into a bag)"),
                   Message("Water for cooking and hygiene, counted on top of the drinking water"),
                   Message("Water purification tablets"),
                   Message("We know where the wells and springs nearby are")]),
    ]
    supplies = [
        ("h2", Message("Food and medicines")),
        ("check", [Message("Food that keeps at room temperature and needs little or no cooking (tins, crackers, nuts, "
                     "dried fruit, honey); check the use-by dates now and then"),
                   Message("Medicines that someone at home takes every day"),
                   Message("First-aid kit: painkillers and fever reducers, disinfectant, plasters and bandages, "
                     "scissors, a thermometer")]),
        ("h2", Message("Light, information, warmth")),
        ("check", [Message("Torch and spare batteries"), Message("Battery radio"),
                   Message("Charged power bank for the phone"), Message("Warm clothes and blankets")]),
        ("h2", Message("Money and papers")),
        ("check", [Message("Some cash in small notes: cards and cash machines may not work"),
                   Message("Copies of documents"), Message("Important phone numbers on paper"),
                   Message("Hygiene items, and what children and pets need")]),
    ]
    leave = [
        ("open", "box"),
        ("h2", Message("A bag if you must leave home quickly")),
        ("p", Message("A backpack that is easy to carry, kept where you can take it within minutes: documents, "
                "medicines, water and food for a day, torch, phone charger and power bank, cash, warm clothes "
                "and rain clothes, hygiene items.")),
        ("close", None),
        ("note", Message("Smoke detector: compulsory in every home since 1 January 2020. A private house also needs "
                   "a fire extinguisher.")),
    ]
    lead = [("p", Message("The Ministry of Defence booklet \u201cWhat to do in a crisis\u201d asks every household to "
                    "manage on its own for 72 hours, so that the services can first help where help is needed "
                    "most. Tick what you have."))]
    return Sheet("72-hour-checklist", Message("72 hours at home: checklist"), [lead + water + supplies + leave],
                 [s.BOOKLET, s.RESILIENCE, s.SMOKE, s.EXTINGUISHER], kicker=Message("Be ready for 72 hours"))


def _siren_and_phone():
    return [
        ("h2", Message("Siren")),
        ("p", Message("Latvia has about 164 sirens; each is heard about 1.5 km away. They are tested twice a year: "
                "a wave signal for 3 minutes.")),
        ("note", Message("When you hear a siren: turn on LTV1, LTV7 or Latvian Radio and do what the announcement "
                   "says.")),
        ("p", Message("Sirens reach only about a third of residents (about 30\u00a0%) and are not heard in remote "
                "rural areas (VUGD, December 2025). Do not rely on the siren alone.")),
        ("h2", Message("On your phone: cell broadcast (LV-ALERT)")),
        ("p", Message("A cell broadcast warning reaches the phones in the area under threat. The system was completed "
                "in early July 2025, the first real warning went out on 10 July 2025, and the first nationwide "
                "test with the sirens was on 26 November 2025.")),
        ("check", [Message("Allow the notifications of the \u201c112 Latvija\u201d app: without them it does not "
                     "alert you. The app can also call 112, deaf and speech-impaired users can send an SMS, and "
                     "it has safety tips.")]),
        ("p", Message("The emergency services also read out announcements from loudspeakers.")),
    ]


def _media_and_numbers():
    return [
        ("h2", Message("Radio, television, websites")),
        ("ul", [Message("Latvian Television: LTV1, LTV7"), Message("Latvian Radio; a battery radio works without power "
                                                        "and internet"),
                Message("lsm.lv; in Russian, LSM+ (LR4 has been off air since 1 January 2026)")]),
        ("note", Message("Any information about surrender is fake news.")),
        ("h2", Message("Phone numbers")),
        ("numbers", [("112", Message("Emergency: fire and rescue, ambulance, police, gas service")),
                     ("110", Message("Police")), ("113", Message("Ambulance")),
                     ("114", Message("Gas emergency service")),
                     ("8404", Message("Power faults and fallen lines: Sadales t\u012bkls"))]),
        ("p", Message("On 112, say WHERE first, then WHAT happened. A power cut: call 8404; call 112 only when life or "
                "health is at risk.")),
    ]


def signals():
    return Sheet("warning-signals", Message("Warning signals: how you will hear about danger"),
                 [_siren_and_phone() + _media_and_numbers()],
                 [s.SIRENS, s.SIREN_COVERAGE, s.CELL_BROADCAST, s.CELL_TEST, s.LR4, s.EMERGENCY, s.POWER,
                  s.SURRENDER], kicker=Message("Sirens, phone, radio, 112 and 8404"))

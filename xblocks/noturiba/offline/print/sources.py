"""The sources the printed sheets cite, and the date of their facts (the same sources the courses cite).

FACTS_DATE is the date of the newest source the sheets cite (Jauns.lv of 3 January 2026 on LR4):
the facts are as the sources stated them then. Re-check the facts and move it together.
"""

from datetime import date

from noturiba.messages import Message

FACTS_DATE = date(2026, 1, 3)

# One msgid per month: the Latvian date is "2026. gada 1. janvāris", the Russian "1 января 2026 г.".
_MONTHS = (
    lambda **date: Message("{day} January {year}", **date),
    lambda **date: Message("{day} February {year}", **date),
    lambda **date: Message("{day} March {year}", **date),
    lambda **date: Message("{day} April {year}", **date),
    lambda **date: Message("{day} May {year}", **date),
    lambda **date: Message("{day} June {year}", **date),
    lambda **date: Message("{day} July {year}", **date),
    lambda **date: Message("{day} August {year}", **date),
    lambda **date: Message("{day} September {year}", **date),
    lambda **date: Message("{day} October {year}", **date),
    lambda **date: Message("{day} November {year}", **date),
    lambda **date: Message("{day} December {year}", **date),
)


def long_date(day):
    return _MONTHS[day.month - 1](day=day.day, year=day.year)


def facts_checked(day=FACTS_DATE):
    return Message("Facts as of: {date}", date=long_date(day))


BOOKLET = ("https://www.sargs.lv/lv/tema/72stundas",
           Message("Ministry of Defence: booklet \u201cWhat to do in a crisis\u201d (sargs.lv, theme "
                   "\u201c72 hours\u201d)"))
RESILIENCE = ("https://www.mod.gov.lv/en/nozares-politika/comprehensive-state-defence/building-resilience",
              Message("Ministry of Defence: building resilience (72 hours)"))
BOOKLET_2024 = ("https://www.mod.gov.lv/lv/nozares-politika/visaptverosa-valsts-aizsardziba/noturibas-veicinasana",
                Message("Ministry of Defence: the 2024 supplemented booklet (family plan by place of residence)"))
PLAN_SUMMARY = ("https://www.smiltenesnovads.lv/lv/riciba-krizes-situacija",
                Message("Smiltene municipality: summary of the booklet (family plan)"))
SURRENDER = ("https://eng.lsm.lv/article/society/society/latvia-publishes-essential-state-emergency-guidelines.a362268/",
             Message("LSM: the state's emergency guidelines (news of surrender is fake)"))
SIRENS = ("https://daugavpilszinas.lv/lv/Sabiedriba/1/11814/23_maija-visa-valsti-tiks-iedarbinatas-trauksmes-sirenas",
          Message("Daugavpilszinas.lv: VUGD on the sirens (number, range, tests)"))
SIREN_COVERAGE = ("https://jauns.lv/raksts/zinas/685795-latvijai-nepieciesamas-193-jaunas-sirenas-viena-izmaksa-28-000-eiro",
                  Message("Jauns.lv, 5 December 2025: VUGD on siren coverage and the \u201c112 Latvija\u201d app"))
CELL_BROADCAST = ("https://www.vugd.gov.lv/lv/biezak-uzdotie-jautajumi-par-sunu-apraides-sistemu",
                  Message("VUGD: questions about the cell broadcast system"))
CELL_TEST = ("https://jauns.lv/raksts/zinas/684174-sodien-visa-latvija-skanes-trauksmes-sirenas",
             Message("Jauns.lv, 26 November 2025: the first nationwide cell broadcast test (VUGD)"))
LR4 = ("https://jauns.lv/raksts/zinas/689543-par-lr4-apraides-atjaunosanu-parakstijusies-ap-3000-cilveku",
       Message("Jauns.lv, 3 January 2026: LR4 off air since 1 January 2026"))
EMERGENCY = ("https://mana.latvija.lv/palidzibas-dienesti-un-to-pakalpojumi/",
             Message("Latvija.lv: emergency services, 112 and the \u201c112 Latvija\u201d app"))
VUGD_FAQ = ("https://www.vugd.gov.lv/lv/biezak-uzdotie-jautajumi-par-ricibu-arkartas-gadijumos-un-civilo-aizsardzibu",
            Message("VUGD: questions about emergencies and civil protection"))
POWER = ("https://www.sadalestikls.lv/aktuali/elektroapgades-partraukumi/bojajumi/pieteiksana/",
         Message("Sadales t\u012bkls: reporting a fault, phone 8404"))
SMOKE = ("https://vugd.gov.lv/lat/Kontakti/faq/par_ugunsdrosibas_noteikumiem/17120-par-dumu-detektoriem",
         Message("VUGD: smoke detectors (Fire Safety Regulations, points 119 and 120)"))
EXTINGUISHER = ("https://www.jurmala.lv/lv/sabiedriba/drosiba/ugunsdrosiba",
                Message("J\u016brmala municipality: Fire Safety Regulations, points 119 and 256"))
SIFT = ("https://hapgood.us/2019/06/19/sift-the-four-moves/",
        Message("Mike Caulfield: SIFT (The Four Moves), CC BY 4.0"))
LATERAL = ("https://cor.inquirygroup.org/research/lateral-reading-and-the-nature-of-expertise/",
           Message("Wineburg, McGrew: lateral reading and the nature of expertise"))
STOP = ("https://libguides.eku.edu/sift/stop", Message("Eastern Kentucky University library: SIFT \u201cStop\u201d"))
RECHECK = ("https://rebaltica.lv/recheck/", Message("Re:Baltica: the Re:Check fact-checks"))

"""The one-page card "check a message before you share it": the steps of the media-literacy course
(SIFT, lateral reading, the three questions before sharing; courses/medijpratiba-ikdiena)."""

from noturiba.messages import Message

from . import sources as s
from .page import Sheet


def _sift():
    return ("steps", [
        ("S", Message("Stop."),
         Message("Do I know this source? Does the message stir strong feelings? If so, check before you read on "
                 "or share.")),
        ("I", Message("Investigate the source."),
         Message("Take a minute: who published it, a media outlet, an authority, a company, a private person? "
                 "What for: to inform, to sell, to anger?")),
        ("F", Message("Find better coverage."),
         Message("What do trusted media or authorities say about the same thing? Important news on only one "
                 "unknown website is a warning.")),
        ("T", Message("Trace claims to the original context."),
         Message("Quotes, figures, pictures and videos are often taken out of context: find where they first "
                 "appeared and compare.")),
    ])


def check_card():
    blocks = [
        ("p", Message("Fear, anger and outrage make people act fast, and misleading messages use them. A strong "
                      "feeling is the signal to stop.")),
        ("h2", Message("SIFT: four steps")),
        _sift(),
        ("h2", Message("Read laterally: leave the page and ask")),
        ("ol", [Message("Who is behind this information?"), Message("What is the evidence?"),
                Message("What do other sources say?")]),
        ("h2", Message("Before you share")),
        ("check", [Message("Do I know where this message comes from?"),
                   Message("Does another trusted source confirm it?"),
                   Message("Would I share it if I did not feel angry or afraid?")]),
        ("p", Message("If the answer is unclear, do not share. A message you do not share harms nobody.")),
        ("h2", Message("Where to check")),
        ("ul", [Message("Public media: LSM.lv, Latvian Radio, LTV"),
                Message("Official websites of state bodies and municipalities, such as vugd.gov.lv"),
                Message("Fact-checkers: Re:Check (Re:Baltica), Delfi \u201cAtmaskots\u201d, BECID"),
                Message("The library: a librarian can help you find and check information")]),
        ("note", Message("In a crisis, any information about Latvia's surrender is fake news.")),
    ]
    return Sheet("check-before-sharing", Message("Check a message before you share it"), [blocks],
                 [s.SIFT, s.LATERAL, s.STOP, s.RECHECK, s.SURRENDER], kicker=Message("Media literacy"))

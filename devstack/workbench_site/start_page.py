"""The workbench's start page: the four courses in course order, chapter by chapter, then the blocks' demos.

The SDK's index lists every scenario (its own demo blocks too) sorted by id, so a course began at its
last chapter. Its few strings are the devstack's own chrome, not a block's: they live here, one small
dict per language, rather than in a package catalog that would ship them to the LMS.
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from lxml import etree

from . import course_scenarios

BLOCKS = ("mediacheck", "crisisdrill", "civicquiz")
MODES = ("practice", "assessment", "survey")
CONTENT_LANGUAGE = "lv"  # the courses and the demos are written in Latvian

STRINGS = {
    "lv": {
        "title": "Noturība: mācību bloku darbgalds",
        "heading": "Noturība: kursi un mācību bloki",
        "intro": "Kursu vienības kursa secībā, nodaļu pa nodaļai, un pēc tam katra bloka piemēri pa režīmiem. "
                 "Kursu saturs ir latviešu valodā.",
        "courses": "Kursi", "demos": "Bloku piemēri", "languages": "Valoda",
        "footer": "Izstrādes darbgalds (XBlock SDK), nevis Open edX. Atbildes glabājas tikai šajā datorā.",
        "mediacheck": "Ziņu pārbaude", "crisisdrill": "Krīzes treniņš", "civicquiz": "Pilsoniskā viktorīna",
        "practice": "prakse", "assessment": "pārbaudījums", "survey": "aptauja",
    },
    "en": {
        "title": "Noturība: learning blocks workbench",
        "heading": "Noturība: courses and learning blocks",
        "intro": "The course units in course order, chapter by chapter, then each block's examples by mode. "
                 "The courses are written in Latvian.",
        "courses": "Courses", "demos": "Block examples", "languages": "Language",
        "footer": "A development workbench (XBlock SDK), not Open edX. Answers are kept on this computer only.",
        "mediacheck": "News check", "crisisdrill": "Crisis drill", "civicquiz": "Civic quiz",
        "practice": "practice", "assessment": "assessment", "survey": "survey",
    },
    "ru": {
        "title": "Noturība: стенд учебных блоков",
        "heading": "Noturība: курсы и учебные блоки",
        "intro": "Уроки курсов в порядке курса, глава за главой, затем примеры каждого блока по режимам. "
                 "Курсы написаны на латышском языке.",
        "courses": "Курсы", "demos": "Примеры блоков", "languages": "Язык",
        "footer": "Стенд разработки (XBlock SDK), а не Open edX. Ответы хранятся только на этом компьютере.",
        "mediacheck": "Проверка новостей", "crisisdrill": "Кризисная тренировка",
        "civicquiz": "Гражданская викторина",
        "practice": "практика", "assessment": "оценивание", "survey": "опрос",
    },
    "uk": {
        "title": "Noturība: стенд навчальних блоків",
        "heading": "Noturība: курси та навчальні блоки",
        "intro": "Уроки курсів у порядку курсу, розділ за розділом, потім приклади кожного блока за режимами. "
                 "Курси написані латиською мовою.",
        "courses": "Курси", "demos": "Приклади блоків", "languages": "Мова",
        "footer": "Стенд розробки (XBlock SDK), а не Open edX. Відповіді зберігаються лише на цьому комп'ютері.",
        "mediacheck": "Перевірка новин", "crisisdrill": "Кризове тренування",
        "civicquiz": "Громадянська вікторина",
        "practice": "практика", "assessment": "оцінювання", "survey": "опитування",
    },
}


def course_outline(scenarios):
    """[{title, chapters: [{title, units: [{id, title}]}]}] for the course units in `scenarios`, in course order."""
    courses = []
    for unit in course_scenarios.ADDED_UNITS:
        if unit.scenario_id not in scenarios:
            continue
        if not courses or courses[-1]["folder"] != unit.course_folder:
            courses.append({"folder": unit.course_folder, "title": unit.course_title, "chapters": []})
        chapters = courses[-1]["chapters"]
        if not chapters or chapters[-1]["title"] != unit.chapter_title:
            chapters.append({"title": unit.chapter_title, "units": []})
        chapters[-1]["units"].append({"id": unit.scenario_id, "title": unit.unit_title})
    return courses


def _mode(xml):
    try:
        mode = etree.fromstring(xml.encode("utf-8")).get("mode", "practice")
    except etree.XMLSyntaxError:
        return "practice"
    return mode if mode in MODES else "practice"


def block_demos(scenarios, strings):
    """[{type, name, demos: [{id, title, mode}]}]: each block's own scenarios, practice before assessment and survey."""
    blocks = []
    for block_type in BLOCKS:
        demos = [(scenario_id, scenario) for scenario_id, scenario in scenarios.items()
                 if scenario_id.startswith(block_type + ".")]
        demos = [{"id": scenario_id, "title": scenario.description, "mode": _mode(scenario.xml)}
                 for scenario_id, scenario in demos]
        demos.sort(key=lambda demo: MODES.index(demo["mode"]))  # stable: file order within a mode
        for demo in demos:
            demo["mode_label"] = strings[demo["mode"]]
        blocks.append({"type": block_type, "name": strings[block_type], "demos": demos})
    return blocks


def index(request):
    from workbench.scenarios import get_scenarios
    scenarios = get_scenarios()
    language = translation.get_language() or settings.LANGUAGE_CODE
    strings = STRINGS.get(language, STRINGS["lv"])
    return render(request, "workbench_site/index.html", {
        "lang": language, "t": strings, "content_lang": CONTENT_LANGUAGE,
        "languages": settings.LANGUAGES, "courses": course_outline(scenarios),
        "blocks": block_demos(scenarios, strings),
    })

"""Server text is Latvian (or ru, uk, en by choice) on a Tutor-built image, whose atlas folder is empty.

Emulates xmodule/modulestore/django.py XBlockI18nService with conf/plugins-locale/xblock.v1/<block>/
present and empty, as the Tutor 22 Dockerfile's `pull_xblock_translations` leaves it (see
tests/platform/lms.py): the service then skips the package's translations/ and falls back to the
platform's catalog. The blocks must still speak the learner's language.
"""

import html
import json
import re
from importlib import resources

import pytest
from django.utils import translation
from webob import Request

from tests.blocks.conftest import package_scenarios

from .lms import STATIC_URL, PlatformI18nService

BLOCK_TYPES = ("mediacheck", "crisisdrill", "civicquiz")
BAD_JSON = {"lv": "Pieprasījums nav derīgs JSON.", "ru": "Запрос не является корректным JSON.",
            "uk": "Запит не є коректним JSON.", "en": "The request is not valid JSON."}
TRANS = re.compile(r'\{% trans "([^"]+)" %\}')


def first_scenario(block_type):
    return package_scenarios(block_type)[0][1]


def handler_error(block):
    request = Request.blank("/", method="POST", body=b"{not json", content_type="application/json")
    response = block.runtime.handle(block, "check_content", request)
    return response.status_code, json.loads(response.body)["error"]


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_emulated_platform_service_alone_would_answer_in_english(production, block_type):
    block = production(first_scenario(block_type))
    with translation.override("lv"):
        service = PlatformI18nService(block, block.runtime.atlas_root)
        assert service.gettext(BAD_JSON["en"]) == BAD_JSON["en"]


@pytest.mark.parametrize("language", ["lv", "ru", "uk", "en"])
@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_handler_errors_speak_the_learners_language(production, block_type, language):
    block = production(first_scenario(block_type))
    with translation.override(language):
        assert handler_error(block) == (400, BAD_JSON[language])


@pytest.mark.parametrize("block_type", BLOCK_TYPES)
def test_the_learners_page_is_latvian_and_loads_the_latvian_js_catalog(production, block_type):
    import gettext
    catalog = gettext.translation("text", str(resources.files(block_type).joinpath("translations")), ["lv"])
    template = resources.files(block_type).joinpath("templates", "student.html").read_text(encoding="utf-8")
    pairs = [(msgid, catalog.gettext(msgid)) for msgid in TRANS.findall(template)]
    pairs = [(msgid, text) for msgid, text in pairs if text != msgid]
    block = production(first_scenario(block_type))
    with translation.override("lv"):
        fragment = block.student_view({})
    page = html.unescape(fragment.content)
    assert any(text in page for _msgid, text in pairs)
    assert [msgid for msgid, _text in pairs if msgid in page] == []
    urls = [resource.data for resource in fragment.resources if resource.kind == "url"]
    assert f"{STATIC_URL}xblock/resources/{block_type}/public/js/translations/lv/text.js" in urls

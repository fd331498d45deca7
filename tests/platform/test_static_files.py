"""Every file a view asks for is a collected static file of the block's own package.

Emulates `collectstatic` with the platform's XBlockPipelineFinder
(openedx/core/lib/xblock_pipeline/finder.py) and the production `xblock_local_resource_url`
(openedx/core/lib/xblock_utils/__init__.py): see tests/platform/lms.py. Runs every view of every
package scenario and every block written in the courses, in Latvian.
"""

import pytest
from django.utils import translation

from tests.security.secrets import every_block

from .lms import PREFIX, STATIC_URL, collect_static

VIEWS = ("student_view", "author_view", "studio_view", "public_view")
BLOCKS = every_block()


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    return collect_static(tmp_path_factory.mktemp("static"))


def urls_of(fragment):
    return [resource.data for resource in fragment.resources if resource.kind == "url"]


@pytest.mark.parametrize(("label", "block_type", "xml"), BLOCKS, ids=[label for label, _t, _x in BLOCKS])
def test_every_url_of_every_view_is_a_collected_file(production, collected, label, block_type, xml):
    block = production(xml)
    with translation.override("lv"):
        for view in VIEWS:
            urls = urls_of(getattr(block, view)({}))  # the block's own fragment, before the runtime wraps it
            assert urls, (label, view)
            missing = [url for url in urls if url.removeprefix(STATIC_URL) not in collected]
            assert missing == [], (label, view)
            assert all(url.startswith(f"{STATIC_URL}{PREFIX}{block_type}/") for url in urls), (label, view)


def test_the_kit_and_the_catalogs_are_collected_for_each_block(collected):
    for block_type in ("mediacheck", "crisisdrill", "civicquiz"):
        for name in ("kit.js", "kit.css", "olx_editor.js"):
            assert f"{PREFIX}{block_type}/public/noturiba/{name}" in collected
        for locale in ("lv", "ru", "uk"):
            assert f"{PREFIX}{block_type}/public/js/translations/{locale}/text.js" in collected
        assert not any(path.endswith((".py", ".pyc")) for path in collected)

"""A Kolibri HTML5 zip on its own: unpacked anywhere, its index.html plays its one activity with the
files inside the zip and nothing else, images included."""

import zipfile

import pytest

from .conftest import pack_activities

pytestmark = pytest.mark.browser


def unpacked(pack, course, activity, tmp_path):
    folder = tmp_path / activity["url_name"]
    with zipfile.ZipFile(pack / "kolibri" / course / f"{activity['url_name']}.zip") as archive:
        archive.extractall(folder)
    return folder


def with_images(pack):
    """An included activity whose data names images (a zip must carry them), else the first one."""
    found = pack_activities(pack)
    return next(((course, a) for course, a in found if a["assets"]), found[0])


@pytest.mark.parametrize("kind", ("mediacheck", "crisisdrill", "civicquiz"))
def test_the_zip_alone_shows_its_activity(offline_pack, file_page, tmp_path, kind):
    found = pack_activities(offline_pack, kind)
    if not found:
        pytest.skip(f"no {kind} activity")
    course, activity = found[0]
    folder = unpacked(offline_pack, course, activity, tmp_path)
    if not (folder / "assets" / "offline" / f"{kind}_play.js").is_file():
        pytest.skip(f"{kind}_play.js is not written yet")
    page = file_page(folder / "index.html")
    root = page.locator(".noturiba-offline-activity")
    page.wait_for_function("document.querySelector('.noturiba-offline-activity').children.length > 0")
    assert "This activity cannot be shown here." not in root.inner_text()
    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.blocked == [] and page.js_errors == []


def test_the_zip_carries_its_images(offline_pack, file_page, tmp_path):
    course, activity = with_images(offline_pack)
    if not activity["assets"]:
        pytest.skip("no activity with images")
    folder = unpacked(offline_pack, course, activity, tmp_path)
    for asset in activity["assets"]:
        assert (folder / asset).is_file(), asset
    page = file_page(folder / "index.html")
    page.wait_for_load_state("load")
    images = page.locator(".noturiba-offline-activity img")
    if images.count():
        images.first.scroll_into_view_if_needed()
        page.wait_for_function("[...document.querySelectorAll('.noturiba-offline-activity img')]"
                               ".every(i => i.complete && i.naturalWidth > 0)")
    assert page.blocked == [] and page.js_errors == []

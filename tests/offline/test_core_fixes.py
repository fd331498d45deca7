"""The reviewer's findings on the offline core, each as what a learner or a librarian would notice:
a course the validator rejects is not built, author classes cannot borrow the kit's, the contents are
numbered once, a remote image in activity text asks the network for nothing (and a course image in it
is carried in), unit headings do not skip a level."""

import json
import re
import shutil
import zipfile

import lxml.html
import pytest

from noturiba.offline.content import course_html

from .conftest import COURSES, axe_violations, pack_index

LIBRARY = "biblioteka-noturibas-centrs"
REMOTE = "https://pixel.example/"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82")


def remote(name):
    return f'<img src="{REMOTE}{name}.png" alt="[{name}]"/>'


def hostile_course(tmp_path):
    """A copy of the library course with remote images in each kind of activity text, and one course
    (/static/) image in a quiz prompt."""
    course = tmp_path / "courses" / LIBRARY
    shutil.copytree(COURSES / LIBRARY, course)
    (course / "static").mkdir(exist_ok=True)
    (course / "static" / "nt-test-dot.png").write_bytes(PNG)
    vertical = course / "vertical"
    edits = {
        "not-v-kit.xml": [("<intro><p>", f"<intro><p>{remote('intro')}"),
                          ("<label>", f"<label>{remote('choice')}")],
        "not-v-outage-drill.xml": [("<prepare><p>", f"<prepare><p>{remote('card')}")],
        "not-v-fire.xml": [("<prompt>", f'<prompt>{remote("prompt")}<img src="/static/nt-test-dot.png" alt="dot"/>'),
                           ('<option id="b">', f'<option id="b">{remote("option")}')],
        "not-v-mc-practice.xml": [("<explanation><p>", f"<explanation><p>{remote('explanation')}")],
    }
    for name, pairs in edits.items():
        text = (vertical / name).read_text(encoding="utf-8")
        for old, new in pairs:
            assert old in text, (name, old)
            text = text.replace(old, new, 1)
        (vertical / name).write_text(text, encoding="utf-8")
    return course


@pytest.fixture(scope="module")
def hostile_pack(tmp_path_factory):
    from noturiba.offline.site import build_course
    tmp = tmp_path_factory.mktemp("hostile")
    course = hostile_course(tmp)
    out = tmp / "out"
    build_course(out, course)
    return out


def island_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from island_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from island_strings(item)


def island_images(html):
    """The src of every <img> inside the markup strings of the page's data islands."""
    root = lxml.html.fromstring(html)
    for island in root.xpath('//script[@type="application/json"]'):
        for text in island_strings(json.loads(island.text)):
            if "<img" in text:
                for node in lxml.html.fragment_fromstring(text, create_parent="div").iter("img"):
                    yield node.get("src")


def test_activity_markup_keeps_course_images_and_turns_remote_ones_into_their_alt_text():
    from noturiba.offline.content import markup_statics, offline_markup
    markup = offline_markup('<p>A <img src="https://t.example/x.png" alt="a chart"> '
                                   '<img src="/static/map.svg" alt="Map"><img src="//t.example/y.gif"></p>')
    assert "t.example" not in markup
    assert "a chart" in markup
    assert markup_statics({"prompt": [markup]}) == ["/static/map.svg"]
    assert '<img src="nt-static:map.svg" alt="Map">' in markup


def test_remote_images_in_activity_text_never_reach_the_pack(hostile_pack):
    files = [p for p in (hostile_pack / LIBRARY).rglob("*.html")]
    for path in sorted((hostile_pack / "kolibri" / LIBRARY).glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            files += [(path, name, archive.read(name)) for name in archive.namelist() if name.endswith(".html")]
    seen = set()
    for entry in files:
        html = entry.read_bytes() if hasattr(entry, "read_bytes") else entry[2]
        text = html.decode("utf-8")
        assert REMOTE not in text.replace("\\/", "/"), entry if hasattr(entry, "name") else entry[:2]
        seen.update(island_images(html))
    assert seen == {"nt-static:nt-test-dot.png"}, seen
    index = pack_index(hostile_pack, LIBRARY)
    quiz = next(a for a in index["activities"] if a["url_name"] == "not-quiz-fire")
    assert quiz["assets"] == ["assets/static/nt-test-dot.png"]
    assert (hostile_pack / LIBRARY / "assets" / "static" / "nt-test-dot.png").read_bytes() == PNG
    with zipfile.ZipFile(hostile_pack / "kolibri" / LIBRARY / "not-quiz-fire.zip") as archive:
        assert archive.read("assets/static/nt-test-dot.png") == PNG


@pytest.mark.browser
@pytest.mark.parametrize("url_name", ["not-drill-kit", "not-drill-outage", "not-quiz-fire", "not-mc-practice"])
def test_the_kolibri_page_of_a_hostile_activity_asks_the_network_for_nothing(hostile_pack, file_page, tmp_path,
                                                                             url_name):
    folder = tmp_path / url_name
    with zipfile.ZipFile(hostile_pack / "kolibri" / LIBRARY / f"{url_name}.zip") as archive:
        archive.extractall(folder)
    page = file_page(folder / "index.html")
    page.wait_for_function("document.querySelector('.noturiba-offline-activity').children.length > 0")
    page.wait_for_load_state("load")
    page.wait_for_timeout(300)
    assert page.blocked == [] and page.js_errors == []
    if url_name == "not-quiz-fire":
        page.wait_for_function("[...document.querySelectorAll('.noturiba-offline-activity img')]"
                               ".some(i => i.alt === 'dot' && i.complete && i.naturalWidth > 0)")
        assert "[prompt]" in page.locator(".noturiba-offline-activity").inner_text()


def test_a_course_the_validator_rejects_is_not_built(tmp_path, capsys):
    from noturiba.courses.validate import validate_course
    from noturiba.offline.__main__ import main
    course = tmp_path / "courses" / "pilsoniska-lidzdaliba"
    shutil.copytree(COURSES / "pilsoniska-lidzdaliba", course)
    vertical = next(p for p in sorted((course / "vertical").glob("*.xml")) if "pil-quiz-ch1" in p.read_text("utf-8"))
    text = vertical.read_text(encoding="utf-8")
    # A practice question with two right answers to a single-choice question: the validator's error.
    text = re.sub(r'(<option id="[^"]+")(>)', r'\1 correct="true"\2', text)
    vertical.write_text(text, encoding="utf-8")
    errors = [f for f in validate_course(course) if f.is_error]
    assert errors, "the edit must make the course invalid"
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), str(course)]) == 1
    printed = capsys.readouterr().err
    assert str(errors[0].message) in printed or errors[0].file in printed
    assert not (out / "pilsoniska-lidzdaliba").exists()
    assert not list(out.rglob("*.zip"))


def test_author_classes_cannot_borrow_the_kits():
    html, _used = course_html('<div class="noturiba-offline-activity box"><p class="nt-visually-hidden">Read me</p>'
                              '<p class="note NT-card">x</p><p class="noturiba">y</p></div>', "", "external link")
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    classes = [c for node in root.iter() for c in (node.get("class") or "").split()]
    assert sorted(classes) == ["box", "note"]
    assert "Read me" in root.text_content()


def test_contents_are_lists_that_add_no_numbers(offline_pack):
    root = lxml.html.parse(str(offline_pack / "gatavs-krizei" / "index.html")).getroot()
    contents = root.xpath('//*[contains(@class, "nt-offline-contents")]')[0]
    assert contents.tag == "ul" and not contents.xpath(".//ol")
    css = (offline_pack / "gatavs-krizei" / "assets" / "offline" / "offline.css").read_text(encoding="utf-8")
    assert re.search(r"\.nt-offline-contents[^{]*\{[^}]*list-style:\s*none", css)


@pytest.mark.browser
def test_contents_show_no_list_numbers(offline_pack, file_page):
    page = file_page(offline_pack / "gatavs-krizei" / "index.html")
    styles = page.evaluate("[...document.querySelectorAll('.nt-offline-contents li')]"
                           ".map(li => getComputedStyle(li).listStyleType)")
    assert styles and set(styles) == {"none"}
    assert page.blocked == []


def heading_order(page):
    page.add_script_tag(url=(COURSES.parent / "node_modules" / "axe-core" / "axe.min.js").as_uri())
    return page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'rule', values: ['heading-order']}});
        return r.violations.map(v => v.nodes.map(n => n.target.join(' ') + ' ' + n.html));
    }""")


@pytest.mark.browser
@pytest.mark.parametrize("course", ["gatavs-krizei", LIBRARY, "medijpratiba-ikdiena"])
def test_unit_pages_do_not_skip_heading_levels(offline_pack, file_page, course):
    index = pack_index(offline_pack, course)
    page = file_page(offline_pack / course / "index.html")
    for unit in index["units"]:
        page.goto((offline_pack / course / unit["pages"]["lv"]).as_uri())
        page.wait_for_load_state("load")
        assert heading_order(page) == [], unit["url_name"]
    assert page.blocked == []


@pytest.mark.browser
def test_start_page_is_still_axe_clean_with_the_forget_button(offline_pack, file_page):
    page = file_page(offline_pack / "gatavs-krizei" / "index.html")
    assert axe_violations(page, "html") == []


def focus_by_tab(page, selector, limit=300):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def course_keys(page, course):
    return page.evaluate("(c) => Object.keys(localStorage).filter(k => k.startsWith('noturiba-offline:' + c + ':'))",
                         course)


FORGOTTEN = "Your progress in this course is forgotten on this computer."


@pytest.mark.browser
def test_a_library_computer_forgets_the_progress_when_asked(offline_pack, file_page):
    """The plain site on a shared computer: the start page's button, after a question in the page, removes
    every answer and the progress of the course, and says so; the unit page's button does the same."""
    course = "gatavs-krizei"
    index = pack_index(offline_pack, course)
    activity = index["activities"][0]
    page = file_page(offline_pack / course / activity["pages"]["en"])
    page.wait_for_function("window.NoturibaOffline && NoturibaOffline.activities.length > 0")
    page.evaluate("NoturibaOffline.activities[0].ui.save({mine: true}); NoturibaOffline.activities[0].ui.finish(1)")
    assert course_keys(page, course)

    page.goto((offline_pack / course / "en" / "index.html").as_uri())
    progress = page.locator("[data-offline-progress]")
    assert progress.inner_text().startswith("1 of")
    button = page.get_by_role("button", name="Forget my progress on this computer")
    focus_by_tab(page, "[data-offline-forget] button")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.className") == "nt-confirm-text"  # the question is read first
    page.keyboard.press("Escape")  # changed my mind: nothing is lost
    assert course_keys(page, course) and progress.inner_text().startswith("1 of")
    button.press("Enter")
    focus_by_tab(page, "[data-confirm-yes]")
    page.keyboard.press("Enter")
    assert progress.inner_text().startswith("0 of")
    assert course_keys(page, course) == []
    page.locator("[data-offline-live]").filter(has_text=FORGOTTEN).wait_for()
    assert page.evaluate("document.activeElement.textContent") == "Forget my progress on this computer"
    assert axe_violations(page, "html") == []

    # The unit page's footer: the activity on the screen forgets too (the page starts it afresh).
    page.goto((offline_pack / course / activity["pages"]["en"]).as_uri())
    page.wait_for_function("window.NoturibaOffline && NoturibaOffline.activities.length > 0")
    page.evaluate("NoturibaOffline.activities[0].ui.save({mine: true}); NoturibaOffline.activities[0].ui.finish(1)")
    page.reload()
    assert page.locator(".nt-offline-status").first.is_visible()
    page.locator(".nt-offline-steps ~ [data-offline-forget] button").click()
    with page.expect_navigation():
        page.locator("[data-confirm-yes]").click()
    page.wait_for_function("window.NoturibaOffline && NoturibaOffline.activities.length > 0")
    assert page.evaluate("NoturibaOffline.activities[0].ui.load()") is None
    assert not page.locator(".nt-offline-status").first.is_visible()
    page.locator("[data-offline-live]").filter(has_text=FORGOTTEN).wait_for()
    assert page.blocked == [] and page.js_errors == []

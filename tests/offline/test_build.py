"""The offline pack as files: every course builds, the same input gives the same bytes, nothing in it asks
the network for anything, what is left out is said, every language is there, the zips are complete."""

import io
import json
import re
import subprocess
import sys
import types
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from lxml import etree

from noturiba.courses.layout import BLOCK_TYPES, load_course
from noturiba.courses.validate import find_courses
from noturiba.offline.activities import course_activities
from noturiba.offline.content import course_html

from .conftest import COURSES, pack_index

LANGS = ("lv", "ru", "uk", "en")
COURSE_DIRS = find_courses(COURSES)
RESOURCE_ATTRIBUTES = (("script", "src"), ("img", "src"), ("img", "srcset"), ("iframe", "src"), ("audio", "src"),
                       ("video", "src"), ("video", "poster"), ("source", "src"), ("source", "srcset"),
                       ("track", "src"), ("embed", "src"), ("object", "data"), ("link", "href"),
                       ("input", "src"), ("form", "action"))
NETWORK_JS = re.compile(r"\b(fetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts|import\s*\()")


def klass(name):
    """XPath of the elements that have the class `name`."""
    return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


def site_pages(pack):
    return sorted(path for course in COURSE_DIRS for path in (pack / course.name).rglob("*.html"))


def is_local(url):
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("/")


def test_every_course_builds_in_every_language(offline_pack):
    for course in COURSE_DIRS:
        index = pack_index(offline_pack, course.name)
        assert index["languages"] == list(LANGS)
        assert (offline_pack / course.name / "index.html").is_file()
        for lang in LANGS[1:]:
            assert (offline_pack / course.name / lang / "index.html").is_file()
        for unit in index["units"]:
            assert sorted(unit["pages"]) == sorted(LANGS)
            assert all((offline_pack / course.name / page).is_file() for page in unit["pages"].values())


def test_same_courses_same_bytes(offline_pack, tmp_path):
    from noturiba.offline.site import build_pack
    again = tmp_path / "again"
    build_pack(again, COURSE_DIRS)
    files = sorted(path.relative_to(offline_pack) for path in offline_pack.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(again) for path in again.rglob("*") if path.is_file())
    assert any(path.suffix == ".zip" for path in files)
    for path in files:
        assert (offline_pack / path).read_bytes() == (again / path).read_bytes(), path


def test_no_page_loads_anything_from_the_network(offline_pack):
    pages = site_pages(offline_pack)
    assert pages
    for path in pages:
        tree = lxml.html.parse(str(path))
        for tag, attribute in RESOURCE_ATTRIBUTES:
            for node in tree.iter(tag):
                value = node.get(attribute)
                if value:
                    for url in (part.strip().split(" ")[0] for part in value.split(",")):
                        assert is_local(url), f"{path}: <{tag} {attribute}={value!r}>"
        for node in tree.iter():
            assert "url(" not in (node.get("style") or ""), path
        for island in tree.iter("script"):
            if island.get("type") == "application/json":
                text = island.text or ""
                assert not re.search(r"""(src|srcset|poster|data)\s*=\s*\\?["']?\s*(https?:)?//""", text), path


def test_assets_make_no_request(offline_pack):
    for course in COURSE_DIRS:
        for path in (offline_pack / course.name / "assets").rglob("*"):
            if path.suffix == ".css":
                css = path.read_text(encoding="utf-8")
                assert "@import" not in css and not re.search(r"url\(\s*['\"]?\s*(https?:)?//", css), path
            # kit.js has the blocks' handler calls (fetch), which nothing calls offline; the pages' CSP
            # (connect-src 'none') stops them anyway, and the browser tests see no request at all.
            if path.suffix == ".js" and path.name != "kit.js":
                assert not NETWORK_JS.search(path.read_text(encoding="utf-8")), path


def test_site_pages_forbid_connections(offline_pack):
    for path in site_pages(offline_pack):
        policy = lxml.html.parse(str(path)).getroot().xpath('//meta[@http-equiv="Content-Security-Policy"]')
        assert policy and "connect-src 'none'" in policy[0].get("content"), path


def test_links_and_files_inside_the_pack_all_lead_somewhere(offline_pack):
    for path in site_pages(offline_pack):
        tree = lxml.html.parse(str(path))
        for node in [*tree.iter("a"), *tree.iter("link"), *tree.iter("script"), *tree.iter("img")]:
            href = node.get("href") or node.get("src")
            if not href or not is_local(href) or href.startswith("#"):
                continue
            target = (path.parent / unquote(href.split("#")[0])).resolve()
            assert target.is_file(), f"{path}: {href}"


def expected_left_out(course_dir):
    """(kind, url_name) of every component the pack cannot hold: our blocks not in practice mode, and
    every component that is neither html nor ours."""
    ours = {(a.kind, a.url_name) for a in course_activities(course_dir) if a.mode != "practice"}
    course = load_course(course_dir)
    others = {(item.kind, item.url_name) for item in course.components()
              if item.kind != "html" and item.kind not in BLOCK_TYPES}
    return ours | others


@pytest.mark.parametrize("course_dir", COURSE_DIRS, ids=[c.name for c in COURSE_DIRS])
def test_left_out_matches_the_olx_modes(offline_pack, course_dir):
    index = pack_index(offline_pack, course_dir.name)
    left_out = {(item["kind"], item["url_name"]) for item in index["left_out"]}
    assert left_out == expected_left_out(course_dir)
    assert left_out, "every course has a survey or an assessment"
    included = {(a.kind, a.url_name) for a in course_activities(course_dir) if a.mode == "practice"}
    assert {(a["kind"], a["url_name"]) for a in index["activities"]} == included
    for lang in LANGS:
        start = offline_pack / course_dir.name / ("index.html" if lang == "lv" else f"{lang}/index.html")
        listed = lxml.html.parse(str(start)).getroot().xpath(f"{klass('nt-offline-left-out-list')}/li")
        assert len(listed) == len(left_out)
        for item, li in zip(index["left_out"], listed, strict=True):
            assert li.xpath("a")[0].text_content() == item["display_name"]
            assert li.xpath("a")[0].get("href") == f'unit-{item["unit"]}.html'
        page_text = start.read_text(encoding="utf-8")
        for item in index["left_out"]:
            assert f'data-activity="{item["url_name"]}"' not in page_text
    every_page = "".join(p.read_text(encoding="utf-8") for p in (offline_pack / course_dir.name).rglob("*.html"))
    for item in index["left_out"]:
        # The pack holds no data of a left-out activity: its answers stay online.
        assert f'id="nt-offline-{item["url_name"]}"' not in every_page


def test_every_included_activity_has_its_island_in_every_language(offline_pack):
    for course in COURSE_DIRS:
        for activity in pack_index(offline_pack, course.name)["activities"]:
            for lang in LANGS:
                for page in (activity["pages"][lang], activity["activity_pages"][lang]):
                    root = lxml.html.parse(str(offline_pack / course.name / page)).getroot()
                    assert root.get("lang") == lang
                    element = root.xpath(f'//*[@data-activity="{activity["url_name"]}"]')[0]
                    assert element.get("data-kind") == activity["kind"]
                    island = root.get_element_by_id(element.get("data-island"))
                    assert island.get("type") == "application/json"
                    assert isinstance(json.loads(island.text), dict)


def test_start_page_says_practice_only_and_switches_language(offline_pack):
    root = lxml.html.parse(str(offline_pack / "gatavs-krizei" / "index.html")).getroot()
    assert root.get("lang") == "lv"
    assert root.xpath(f"{klass('nt-offline-notice')}//strong")
    links = {a.get("hreflang"): a.get("href") for a in root.xpath(f"{klass('nt-offline-languages')}//a")}
    assert links == {"lv": "index.html", "ru": "ru/index.html", "uk": "uk/index.html", "en": "en/index.html"}
    ru = lxml.html.parse(str(offline_pack / "gatavs-krizei" / "ru" / "index.html")).getroot()
    assert ru.get("lang") == "ru"
    assert ru.xpath("//h1")[0].get("lang") == "lv"  # the course's own text stays Latvian, and says so


def test_pages_speak_their_language(offline_pack):
    """The pages' own words come from the catalogs (Latvian text needs the merged translations)."""
    texts = {}
    for lang in LANGS:
        page = offline_pack / "gatavs-krizei" / ("index.html" if lang == "lv" else f"{lang}/index.html")
        texts[lang] = lxml.html.parse(str(page)).getroot().xpath(klass("nt-offline-practice"))[0].text_content()
    assert texts["en"] == "Practice only: nothing here counts as a grade."
    assert len(set(texts.values())) == len(LANGS), texts


def test_course_html_is_cleaned_and_links_out_are_marked():
    markup = ('<h3>Virsraksts</h3><script>alert(1)</script><p onclick="x()">Teksts <a href="https://112.lv/">112</a>'
              '</p><img src="https://tracker.example/p.gif" alt="x"><img src="/static/map.svg" alt="Karte">'
              '<table><tr><th scope="col">A</th></tr></table><a href="/courses/x/jump_to/y">iekšā</a>')
    html, used = course_html(markup, "../", "external link", "en")
    assert "<script" not in html and "onclick" not in html and "tracker.example" not in html
    assert '<img src="../assets/static/map.svg" alt="Karte">' in html
    assert used == ["map.svg"]
    # The part's first heading level comes right under the page's h1.
    assert "<h2>Virsraksts</h2>" in html and '<th scope="col">A</th>' in html
    link = lxml.html.fragment_fromstring(html, create_parent="div").xpath('//a[@href="https://112.lv/"]')[0]
    assert link.text_content() == "112 (external link)"
    assert "external" in link.get("rel")
    assert link.xpath("span")[0].get("lang") == "en"  # the page's language inside Latvian text
    assert "jump_to" not in html


def zip_entries(path):
    with zipfile.ZipFile(path) as archive:
        infos = archive.infolist()
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in infos)
        return {info.filename: archive.read(info) for info in infos}


def local_references(html):
    root = lxml.html.fromstring(html)
    for tag, attribute in RESOURCE_ATTRIBUTES + (("a", "href"),):
        for node in root.iter(tag):
            value = node.get(attribute)
            if value and is_local(value) and not value.startswith("#"):
                yield value


def test_one_self_contained_kolibri_zip_per_activity(offline_pack):
    for course in COURSE_DIRS:
        index = pack_index(offline_pack, course.name)
        zips = sorted((offline_pack / "kolibri" / course.name).glob("*.zip"))
        assert [z.stem for z in zips] == sorted(a["url_name"] for a in index["activities"])
        for path in zips:
            entries = zip_entries(path)
            assert "index.html" in entries
            for name, data in entries.items():
                if not name.endswith(".html"):
                    continue
                for ref in local_references(data.decode("utf-8")):
                    target = (Path("/z") / name).parent.joinpath(ref).resolve().relative_to("/z").as_posix()
                    assert target in entries, f"{path.name}/{name}: {ref}"
            root = lxml.html.fromstring(entries["index.html"])
            assert len(root.xpath(klass("noturiba-offline-activity"))) == 1


SCORM_NS = {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2", "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}


def test_scorm_package_per_course_has_one_sco_per_activity(offline_pack):
    for course in COURSE_DIRS:
        index = pack_index(offline_pack, course.name)
        entries = zip_entries(offline_pack / "scorm" / f"{course.name}.zip")
        manifest = etree.parse(io.BytesIO(entries["imsmanifest.xml"]))
        assert manifest.findtext("cp:metadata/cp:schemaversion", namespaces=SCORM_NS) == "1.2"
        assert manifest.findtext("cp:metadata/cp:schema", namespaces=SCORM_NS) == "ADL SCORM"
        organization = manifest.find("cp:organizations/cp:organization", SCORM_NS)
        assert manifest.find("cp:organizations", SCORM_NS).get("default") == organization.get("identifier")
        resources = {r.get("identifier"): r for r in manifest.iterfind("cp:resources/cp:resource", SCORM_NS)}
        scos = [r for r in resources.values() if r.get(f"{{{SCORM_NS['adlcp']}}}scormtype") == "sco"]
        assert len(scos) == len(index["activities"])
        items = organization.findall(".//cp:item[@identifierref]", SCORM_NS)
        assert sorted(i.get("identifierref") for i in items) == sorted(r.get("identifier") for r in scos)
        assert [i.findtext("cp:title", namespaces=SCORM_NS) for i in items] == \
            [a["display_name"] for a in index["activities"]]
        listed = set()
        for resource in resources.values():
            href = resource.get("href")
            assert href is None or href in entries
            for file in resource.iterfind("cp:file", SCORM_NS):
                assert file.get("href") in entries
                listed.add(file.get("href"))
            for dependency in resource.iterfind("cp:dependency", SCORM_NS):
                assert dependency.get("identifierref") in resources
        assert listed == set(entries) - {"imsmanifest.xml"}
        for sco in scos:
            page = lxml.html.fromstring(entries[sco.get("href")])
            assert len(page.xpath(klass("noturiba-offline-activity"))) == 1


def test_command_line_builds_and_dispatches_print(tmp_path, monkeypatch, capsys):
    from noturiba.offline.__main__ import main
    assert main(["build", "--out", str(tmp_path), "--lang", "ru", str(COURSES / "pilsoniska-lidzdaliba")]) == 0
    assert "pilsoniska-lidzdaliba" in capsys.readouterr().out
    assert pack_index(tmp_path, "pilsoniska-lidzdaliba")["languages"] == ["lv", "ru"]
    assert not (tmp_path / "pilsoniska-lidzdaliba" / "en").exists()
    seen = []
    fake = types.ModuleType("noturiba.offline.print_pack")
    fake.main = lambda argv: seen.append(argv) or 0
    monkeypatch.setitem(sys.modules, "noturiba.offline.print_pack", fake)
    assert main(["print", "--lang", "ru"]) == 0
    assert seen == [["--lang", "ru"]]


def test_js_catalog_holds_what_the_scripts_say_in_the_page_language(tmp_path):
    from noturiba.offline.catalog import js_catalog
    script = tmp_path / "catalog.js"
    script.write_text(js_catalog("lv", ['t.gettext("Cancel"); t.ngettext("({count} unit)", "({count} units)", n)'])
                      + 'console.log(JSON.stringify([window.NoturibaOfflineI18n.gettext("Cancel"),'
                        ' window.NoturibaOfflineI18n.ngettext("({count} unit)", "({count} units)", 2),'
                        ' window.NoturibaOfflineI18n.gettext("(paused)")]));', encoding="utf-8")
    wrapper = tmp_path / "run.js"
    wrapper.write_text(f"globalThis.window = globalThis; require({json.dumps(str(script))});", encoding="utf-8")
    out = subprocess.run(["node", str(wrapper)], capture_output=True, text=True, check=True).stdout
    # Only what the shipped scripts use ("(paused)" is no literal of theirs here), with Latvian plurals.
    assert json.loads(out) == ["Atcelt", "({count} vienības)", "(paused)"]


def test_a_build_never_overwrites_the_course_it_reads(tmp_path):
    import shutil

    from noturiba.offline.__main__ import main
    course = tmp_path / "courses" / "pilsoniska-lidzdaliba"
    shutil.copytree(COURSES / "pilsoniska-lidzdaliba", course)
    assert main(["build", "--out", str(tmp_path / "courses"), str(course)]) == 1
    assert (course / "course.xml").is_file()

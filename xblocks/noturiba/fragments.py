"""Templates and static resources -> Fragment, with static files served as URLs.

Static files live under `<package>/public/` because the LMS serves a block's
local resources only from there. The kit's own files are asked for as
`public/noturiba/...` of each block: in production the LMS serves collected static
files, collected from each block's own package only, so the build (and `make
translations`) copies them into every block's public/ (tools/kit_files.py).
"""

import json
from functools import cache
from importlib import resources

from django.template import Context, Engine
from django.utils.safestring import mark_safe
from web_fragments.fragment import Fragment

from .i18n import block_package, js_catalog_url, translator

KIT_PREFIX = "public/noturiba/"


@cache
def _engine():
    return Engine(libraries={"i18n": "noturiba.templatetags"}, autoescape=True)


@cache
def _template(package, name):
    source = resources.files(package).joinpath("templates", name).read_text(encoding="utf-8")
    return _engine().from_string(source)


def render_template(block, name, context=None):
    """Render `<block package>/templates/<name>` with the block's translations."""
    values = dict(context or {})
    values["_translate"] = translator(block).gettext
    return _template(block_package(block), name).render(Context(values))


def render_kit_template(block, name, context=None):
    """Render one of the kit's own templates (noturiba/templates/<name>)."""
    values = dict(context or {})
    values["_translate"] = translator(block).gettext
    return _template("noturiba", name).render(Context(values))


def build_fragment(block, html, *, js=(), css=(), init=None, init_args=None):
    """A Fragment with the kit's CSS and JS, the JS catalog, then the block's own files.

    `js` and `css` are paths under the block's `public/` folder.
    """
    url = block.runtime.local_resource_url
    fragment = Fragment(html)
    fragment.add_css_url(url(block, KIT_PREFIX + "kit.css"))
    for path in css:
        fragment.add_css_url(url(block, "public/" + path))
    catalog = js_catalog_url(block)
    if catalog:
        fragment.add_javascript_url(catalog)
    fragment.add_javascript_url(url(block, KIT_PREFIX + "kit.js"))
    for path in js:
        fragment.add_javascript_url(url(block, "public/" + path))
    if init:
        fragment.initialize_js(init, init_args or {})
    return fragment


def editor_json(value):
    """escaped_json for data an editor writes back: "/" also escaped, so that the platform's
    rewriting of quoted /static/ links in rendered HTML (static_replace) cannot turn the author's
    /static/ paths into this course run's asset URLs, which a save would then store."""
    return escaped_json(value).replace("/", "\\/")


def escaped_json(value):
    """`value` as JSON that is safe inside a <script> element (<, > and & as unicode escapes).

    The XBlock runtime writes a fragment's init args into a <script> with a plain json.dumps, so
    "</script>" in author or learner text would end that element there. Data holding such text
    goes into the page as a JSON island instead; JSON.parse undoes the escapes.
    """
    return json.dumps(value, ensure_ascii=False).translate(
        {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"})


def json_island(block, name, value, editor=False):
    """(HTML, element id) of a <script type="application/json"> island for the block's script
    (`editor`: data a Studio editor saves back, see editor_json)."""
    element_id = f"{block.dom_id()}-{name}"
    data = editor_json(value) if editor else escaped_json(value)
    island = f'<script id="{element_id}" type="application/json">{data}</script>'
    return mark_safe(island), element_id  # noqa: S308 - the JSON is escaped above

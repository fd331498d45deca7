"""What a learner's browser gets from one student_view: JS and CSS bytes, raw and gzip, URL or inline.

The fragment comes from the workbench runtime's render (as the scenario page
gets it); resources the workbench itself adds (its jQuery and runtime under
/static/workbench/) are not the block's and are left out. A URL resource is read
through the same Django URL the browser would ask (package resources, the
block's JS catalog), or from the static-files finders for /static/ URLs.
"""

import gzip

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils import translation

from . import env

GZIP_LEVEL = 6  # nginx's and zlib's usual level


def gz(data):
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def kind_of(resource):
    mimetype = resource.mimetype or ""
    if "javascript" in mimetype:
        return "js"
    if "css" in mimetype:
        return "css"
    return "other"


def is_runtime_resource(resource):
    return resource.kind == "url" and resource.data.startswith(settings.STATIC_URL + "workbench/")


def read_url(client, url):
    if url.startswith(settings.STATIC_URL):
        found = finders.find(url[len(settings.STATIC_URL):].split("?")[0])
        if not found:
            raise FileNotFoundError(url)
        with open(found, "rb") as handle:
            return handle.read()
    response = client.get(url)
    if response.status_code != 200:
        raise FileNotFoundError(f"{url}: HTTP {response.status_code}")
    return b"".join(response.streaming_content) if response.streaming else response.content


def measure(subject, language="lv"):
    usage_id = env.load_block(subject.xml, f"payload-{subject.key}")
    block = env.block_for(usage_id, "bench-payload-learner")
    with translation.override(language):
        fragment = block.runtime.render(block, "student_view", {})
    client = Client()
    resources, errors = [], []
    for resource in fragment.resources:
        if is_runtime_resource(resource):
            continue
        kind = kind_of(resource)
        if kind == "other":
            continue
        entry = {"type": kind, "served": "url" if resource.kind == "url" else "inline",
                 "cacheable": resource.kind == "url", "placement": resource.placement}
        try:
            if resource.kind == "url":
                entry["url"] = resource.data
                data = read_url(client, resource.data)
            else:
                data = resource.data.encode("utf-8")
                entry["preview"] = resource.data.strip()[:60]
        except Exception as error:  # noqa: BLE001
            entry["error"] = f"{type(error).__name__}: {error}"
            errors.append(entry["error"])
            data = b""
        entry["raw"], entry["gzip"] = len(data), gz(data) if data else 0
        resources.append(entry)
    html = fragment.body_html().encode("utf-8")

    def total(key, **match):
        return sum(r[key] for r in resources if all(r[k] == v for k, v in match.items()))

    result = {
        "language": language,
        "resources": resources,
        "js_raw": total("raw", type="js"), "js_gzip": total("gzip", type="js"),
        "css_raw": total("raw", type="css"), "css_gzip": total("gzip", type="css"),
        "inline_raw": total("raw", served="inline"), "inline_gzip": total("gzip", served="inline"),
        "url_count": sum(1 for r in resources if r["served"] == "url"),
        "inline_count": sum(1 for r in resources if r["served"] == "inline"),
        "html_raw": len(html), "html_gzip": gz(html),
    }
    result["total_raw"] = result["js_raw"] + result["css_raw"]
    result["total_gzip"] = result["js_gzip"] + result["css_gzip"]
    result["all_urls"] = result["inline_count"] == 0
    if errors:
        result["errors"] = errors
    return result

"""The repository's own documentation is true and complete: what a maintainer reads without ../shared.

- every complete OLX example in docs/OLX.md is read by its block's parser (as the unit tests parse OLX),
  passes the block's validation, survives an export and re-import, and uses no attribute the block ignores;
- every relative link in README.md, docs/ and the block READMEs points at a file (and heading) that exists;
- no code or test cites the specs outside the repository, and each "docs/platform.md section N" exists.
"""

import importlib
import re
from pathlib import Path

import pytest
from lxml import etree

from noturiba.olx import parse_string

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
OLX_DOC = DOCS / "OLX.md"
BLOCKS = ("mediacheck", "crisisdrill", "civicquiz")
BLOCK_CLASSES = {"mediacheck": "MediaCheckBlock", "crisisdrill": "CrisisDrillBlock", "civicquiz": "CivicQuizBlock"}
# Root attributes that are no content attribute: the runtime's url_name, else XBlock fields of the block.
RUNTIME_ATTRIBUTES = {"url_name"}
OUTSIDE = "../" + "shared/"  # spelled apart so this file does not cite it itself
README_HEADINGS = ["What it is for", "Modes", "OLX", "Studio editor", "Learner view and accessibility", "Grading",
                   "Data it stores", "student_view_data contract", "Files", "Tests"]


def code_blocks(markdown):
    """The fenced (```) and indented (4 spaces) code blocks of a Markdown text, as text."""
    blocks, fence, current, indented = [], None, [], []
    for line in markdown.splitlines() + [""]:
        if fence is not None:
            if line.strip().startswith("```"):
                blocks.append("\n".join(current))
                fence, current = None, []
            else:
                current.append(line)
            continue
        if line.strip().startswith("```"):
            fence = line
            continue
        if line.startswith("    ") or (indented and not line.strip()):
            indented.append(line[4:])
            continue
        if indented:
            blocks.append("\n".join(indented).strip())
            indented = []
    return blocks


def olx_examples():
    """(block tag, example text) for each code block of docs/OLX.md that starts with one of our tags."""
    if not OLX_DOC.exists():
        return []
    found = []
    for block in code_blocks(OLX_DOC.read_text(encoding="utf-8")):
        text = block.strip()
        match = re.match(r"<(mediacheck|crisisdrill|civicquiz)\b", text)
        if match:
            found.append((match.group(1), text))
    return found


def complete(text):
    return "..." not in text and "…" not in text


def test_docs_olx_has_a_complete_example_of_every_block():
    tags = {tag for tag, text in olx_examples() if complete(text)}
    assert tags == set(BLOCKS), f"docs/OLX.md lacks a complete example of: {sorted(set(BLOCKS) - tags)}"


@pytest.mark.parametrize("tag,text", [example for example in olx_examples() if complete(example[1])] or [(None, None)],
                         ids=lambda value: value if isinstance(value, str) and value in BLOCKS else "example")
def test_every_complete_olx_example_is_read_validated_and_round_trips(tag, text):
    assert text is not None, "docs/OLX.md has no complete OLX example"
    root = parse_string(text)
    api = importlib.import_module(f"{tag}.content")
    model = api.parse(root)
    errors = [problem.message.render() for problem in api.validate(model) if problem.is_error]
    assert errors == [], f"the {tag} example of docs/OLX.md does not validate"
    exported = api.to_node(model, etree.Element(tag))
    assert api.parse(parse_string(etree.tostring(exported, encoding="unicode"))) == model

    block_class = getattr(importlib.import_module(f"{tag}.block"), BLOCK_CLASSES[tag])
    for name, value in root.attrib.items():
        if name in api.ATTRIBUTES or name in RUNTIME_ATTRIBUTES:
            continue
        field_name = block_class.ATTRIBUTE_FIELDS.get(name, name)
        assert field_name in block_class.fields, f"<{tag} {name}> is ignored by the block"
        block_class.fields[field_name].from_string(value)  # raises on a value the import refuses


# Links -------------------------------------------------------------------------------------------

def documents():
    paths = [ROOT / "README.md", *sorted(DOCS.rglob("*.md")), *sorted((ROOT / "xblocks").glob("*/README.md"))]
    return [path for path in paths if path.exists()]


LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def slug(heading):
    """GitHub's anchor of a Markdown heading."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    return {slug(line.lstrip("#")) for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")}


def test_the_documents_a_maintainer_needs_exist():
    expected = [DOCS / "OLX.md", DOCS / "platform.md", DOCS / "decisions" / "README.md",
                ROOT / "xblocks" / "crisisdrill" / "README.md", ROOT / "xblocks" / "civicquiz" / "README.md"]
    assert [path.relative_to(ROOT).as_posix() for path in expected if not path.exists()] == []
    assert len(list((DOCS / "decisions").glob("0*.md"))) >= 8


@pytest.mark.parametrize("path", documents(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_relative_link_points_at_a_file_that_exists(path):
    broken = []
    for target in LINK.findall(path.read_text(encoding="utf-8")):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue  # http:, https:, mailto:
        file_part, _, anchor = target.partition("#")
        linked = (path.parent / file_part).resolve() if file_part else path
        if not linked.exists() or (anchor and linked.suffix == ".md" and anchor not in anchors(linked)):
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("block", BLOCKS)
def test_block_readmes_have_the_same_headings(block):
    readme = ROOT / "xblocks" / block / "README.md"
    headings = [line[3:].strip() for line in readme.read_text(encoding="utf-8").splitlines() if line.startswith("## ")]
    assert headings == README_HEADINGS


# Citations ---------------------------------------------------------------------------------------

SKIPPED_PARTS = {"node_modules", "__pycache__", "translations", ".pytest_cache"}


def repository_files():
    """The text files of xblocks/, tools/, tests/ and devstack/ (not built copies, catalogs or this file)."""
    for top in ("xblocks", "tools", "tests", "devstack"):
        for path in sorted((ROOT / top).rglob("*")):
            parts = path.relative_to(ROOT).parts
            built = parts[2:4] == ("public", "noturiba") or any(part.endswith(".egg-info") for part in parts)
            if not path.is_file() or built or set(parts) & SKIPPED_PARTS or path == Path(__file__).resolve():
                continue
            if path.suffix in {".py", ".js", ".html", ".md", ".txt", ".toml", ".cfg", ".yml", ".yaml", ".xml"}:
                yield path


def test_no_code_cites_files_outside_the_repository():
    citing = []
    for path in repository_files():
        text = path.read_text(encoding="utf-8", errors="replace")
        if OUTSIDE in text or re.search(r"(?<![\w/])(OLX|PLATFORM|DESIGN)\.md", text):
            citing.append(path.relative_to(ROOT).as_posix())
    assert citing == [], "cite docs/OLX.md or docs/platform.md instead"


def test_every_cited_platform_section_exists():
    platform = DOCS / "platform.md"
    sections = set(re.findall(r"^## (\d+)\.", platform.read_text(encoding="utf-8"), re.MULTILINE))
    cited = {}
    for path in repository_files():
        for number in re.findall(r"docs/platform\.md (?:section |§)(\d+)", path.read_text(encoding="utf-8",
                                                                                        errors="replace")):
            cited.setdefault(number, path.relative_to(ROOT).as_posix())
    assert cited, "the code cites docs/platform.md"
    assert {number: where for number, where in cited.items() if number not in sections} == {}

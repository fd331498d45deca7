"""Helpers for tests in Chromium; the browser, page and workbench fixtures live in tests/conftest.py."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
def axe_violations(page, selector=".noturiba"):
    """axe-core's WCAG 2.1 A/AA violations inside every element matching `selector`."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async (selector) => {
        const r = await axe.run({include: [[selector]]},
                                {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))}));
    }""", selector)
    return result


def describe(violations):
    return json.dumps(violations, ensure_ascii=False, indent=1)

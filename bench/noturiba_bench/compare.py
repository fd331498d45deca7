"""Ratios of several runs side by side, with their spread: are three runs within noise?

    python bench/run.py --compare run1.json run2.json run3.json
"""

import json
from pathlib import Path

from .report import summarize
from .subjects import OURS

KEYS = ("payload_gzip", "student_view", "student_view_cpu", "student_view_code", "submit", "submit_cpu",
        "submit_without_save",
        "interactive", "interactive_after_ttfb", "warm_interactive", "bytes_over_baseline", "warm_bytes")
PEER = "poll"


def compare(paths):
    runs = []
    for path in paths:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        runs.append(data.get("summary") or summarize(data))
    lines = [f"Ratios ours / xblock-poll over {len(runs)} runs (min .. max, spread = max/min - 1)", "",
             "| block | metric | " + " | ".join(f"run {i + 1}" for i in range(len(runs))) + " | spread |",
             "|---|---|" + "---|" * (len(runs) + 1)]
    for block in OURS:
        for key in KEYS:
            values = [run.get("ratios", {}).get(block, {}).get(f"{key}/{PEER}") for run in runs]
            present = [v for v in values if v]
            spread = f"{max(present) / min(present) - 1:.0%}" if len(present) > 1 else "—"
            lines.append(f"| {block} | {key} | " + " | ".join("—" if v is None else f"{v:.2f}" for v in values)
                         + f" | {spread} |")
    return "\n".join(lines)

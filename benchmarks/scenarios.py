"""Precision and recall of `discrepancy check` on a folder of scenario cases.

Usage: python3 benchmarks/scenarios.py [FOLDER ...]   (default: ../shared/scenarios and seeds/examples)

Each case is STEM.txt (seed format) and STEM.json ({"timezone", "findings": [...]}); matching
follows discrepancy.evaluation (the scenarios' README rule).  Prints one line per case and
the micro-averaged precision and recall.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from discrepancy.api import checker_for  # noqa: E402
from discrepancy.documents import read_document  # noqa: E402
from discrepancy.evaluation import precision_recall, score  # noqa: E402


def main(folders: list[str]) -> int:
    checker = checker_for()
    scores = []
    for folder in map(Path, folders):
        for expected_path in sorted(folder.glob("*.json")):
            case = json.loads(expected_path.read_text(encoding="utf-8"))
            document = read_document(expected_path.with_suffix(".txt"), tz=case.get("timezone") or "UTC")
            reported = [finding.to_json() for finding in checker.check(document).findings]
            result = score(case["findings"], reported)
            scores.append(result)
            verdict = "ok " if result.exact else "ERR"
            print(f"{verdict} {expected_path.stem:<40} expected {result.expected} reported {result.reported} "
                  f"matched {result.matched}")
    precision, recall = precision_recall(scores)
    exact = sum(s.exact for s in scores)
    print(f"cases {len(scores)}, exact {exact}; precision {precision:.3f}, recall {recall:.3f}")
    return 0


if __name__ == "__main__":
    default = [str(REPO.parent / "shared" / "scenarios"), str(REPO / "seeds" / "examples")]
    raise SystemExit(main(sys.argv[1:] or default))

"""Score the temporal tagger on TempEval-3 TBAQ: tag every .tml, write TimeML, run the TE3 scorer.

    python3 benchmarks/timeml.py [--gold ../shared/corpora/tbaq] [--out /tmp/tbaq-system] [--errors]

Each gold file's TIMEX3/EVENT tags are stripped, its DCT is the reference date and the zone is
UTC; the system files mirror the gold folder's names.  The scorer's figures are printed as it
prints them.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from discrepancy.documents import read_document  # noqa: E402
from discrepancy.temporal import find_times  # noqa: E402
from discrepancy.timeml import render_timeml  # noqa: E402

SHARED = ROOT.parent / "shared"


def tag_corpus(gold: Path, out: Path) -> tuple[int, float]:
    files = sorted(gold.rglob("*.tml"))
    started = time.perf_counter()
    for path in files:
        document = read_document(path, tz="UTC")
        expressions = find_times(document.text, document.reference, "UTC")
        target = out / path.relative_to(gold)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render_timeml(document, expressions), encoding="utf-8")
    return len(files), time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=SHARED / "corpora" / "tbaq")
    parser.add_argument("--out", type=Path, default=Path("/tmp/discrepancy-tbaq-system"))
    parser.add_argument("--errors", action="store_true", help="pass --errors to the scorer")
    parser.add_argument("--scorer", type=Path, default=SHARED / "tools" / "te3_score.py")
    args = parser.parse_args()
    count, seconds = tag_corpus(args.gold, args.out)
    print(f"tagged {count} documents in {seconds:.2f}s ({count / seconds:.0f} docs/s) -> {args.out}")
    command = [sys.executable, str(args.scorer), str(args.gold), str(args.out)]
    if args.errors:
        command.append("--errors")
    return subprocess.call(command)


if __name__ == "__main__":
    raise SystemExit(main())

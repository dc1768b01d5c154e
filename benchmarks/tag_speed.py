"""How many news documents a second `find_times` tags, in one process.

    python3 benchmarks/tag_speed.py [--corpus ../shared/corpora/silver] [--repeat 3]

Documents are read and stripped of their TimeML tags before the clock starts; the figure is
tagging alone, best of ``--repeat`` passes over the whole corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from discrepancy.documents import read_document  # noqa: E402
from discrepancy.temporal import find_times  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "silver")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    documents = [read_document(path, tz="UTC") for path in sorted(args.corpus.rglob("*.tml"))]
    if not documents:
        print(f"no .tml files under {args.corpus}", file=sys.stderr)
        return 1
    characters = sum(len(document.text) for document in documents)
    best = float("inf")
    expressions = 0
    for _ in range(args.repeat):
        started = time.perf_counter()
        expressions = sum(len(find_times(d.text, d.reference, "UTC")) for d in documents)
        best = min(best, time.perf_counter() - started)
    print(f"{len(documents)} documents, {characters / len(documents):.0f} characters each, "
          f"{expressions} expressions: {len(documents) / best:.0f} docs/s "
          f"({characters / best / 1e6:.2f} MB/s, best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

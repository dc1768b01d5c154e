"""Per-character cost of `tag` and `check` on hostile inputs, against news text.

    python3 benchmarks/adversarial.py [--corpus ../shared/corpora/silver] [--size 200000] [--repeat 3]

Each hostile input is a short unit repeated to ``--size`` characters (and to four times
that, to show whether the cost per character grows with size: a linear scan stays flat).
The baseline is news: the silver corpus's documents joined to the same size.  The target
(issue 6) is every hostile input within 3x the news cost per character, for tag and for
check (tag + claims extraction + rules).

Times are best of ``--repeat``; the figures are ns per character and the ratio to news.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from discrepancy.api import checker_for  # noqa: E402
from discrepancy.documents import Document, read_document  # noqa: E402
from discrepancy.temporal import find_times  # noqa: E402

REFERENCE = date(2026, 2, 3)

# Each unit repeats to the wanted size; the names say what they attack.
HOSTILE: dict[str, str] = {
    "digits": "1234567890",
    "digits and spaces": "2026 1 31 12 1999 ",
    "months": "March May June January ",
    "weekdays": "Monday Tuesday Wednesday Sunday ",
    "month-day runs": "February 1 March 2 April 3 ",
    "until until": "until ",
    "bounds soup": "until through by before from to ",
    "punctuation": ".,;:-/'()!?\"",
    "no whitespace": "MondayFebruary1st2026weeklong",
    "no whitespace letters": "abcdefghijklmnopqrstuvwxyz",
    "numbers and units": "1 2 3 4 5 6 7 8 9 10 days ",
    "hyphenated lengths": "48-hour 30-day week-long ",
    "clock soup": "11:11:11 p.m.a.m. ",
    "window words": "the truce ceasefire pause began ended resumed strikes extended ",
    "one long sentence": "a weeklong truce began Thursday until February 1 and strikes resumed overnight Monday, ",
    "window sentences": "The weeklong truce began on Thursday. It ran until February 1. Strikes resumed Monday. ",
    "quotes and speakers": "\"It will hold until Friday,\" said Peskov. ",
    "abbreviations": "Mr. Feb. U.S. a.m. p.m. No. St. ",
}


def news_text(corpus: Path, size: int) -> str:
    documents = [read_document(path, tz="UTC") for path in sorted(corpus.rglob("*.tml"))]
    if not documents:
        raise SystemExit(f"no .tml files under {corpus}")
    joined = "\n\n".join(document.text for document in documents)
    while len(joined) < size:
        joined += "\n\n" + joined
    return joined[:size]


def one_line(text: str) -> str:
    """News as one megabyte-scale line: every line break a space."""
    return text.replace("\r", " ").replace("\n", " ")


def _best(run, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def costs(text: str, repeat: int) -> tuple[float, float]:
    """Seconds per character of tag and of check."""
    document = Document("<bench>", text, REFERENCE, "UTC")
    checker = checker_for()
    tag = _best(lambda: find_times(document.scan_text, document.reference, document.zone), repeat)
    check = _best(lambda: checker.check(document), repeat)
    return tag / len(text), check / len(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "silver")
    parser.add_argument("--size", type=int, default=200_000, help="characters per input (default 200000)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", action="append", help="run only this input (repeatable)")
    args = parser.parse_args()

    news = news_text(args.corpus, args.size * 4)
    inputs = {"news (baseline)": news}
    inputs["news as one line"] = one_line(news)
    inputs.update(HOSTILE)
    if args.only:
        inputs = {name: unit for name, unit in inputs.items() if name in args.only or name == "news (baseline)"}

    base_tag, base_check = costs(news[: args.size], args.repeat)
    print(f"{'input':<24} {'tag ns/ch':>9} {'x news':>6} {'4x size':>7}   {'check ns/ch':>11} {'x news':>6} {'4x size':>7}")
    worst = 0.0
    for name, unit in inputs.items():
        small = (unit * (args.size // len(unit) + 1))[: args.size]
        large = (unit * (4 * args.size // len(unit) + 1))[: 4 * args.size]
        tag, check = costs(small, args.repeat)
        tag_large, check_large = costs(large, 1)
        tag_ratio, check_ratio = tag / base_tag, check / base_check
        if name != "news (baseline)":
            worst = max(worst, tag_ratio, check_ratio, tag_large / base_tag, check_large / base_check)
        print(f"{name:<24} {tag * 1e9:>9.0f} {tag_ratio:>6.2f} {tag_large / tag:>7.2f}   "
              f"{check * 1e9:>11.0f} {check_ratio:>6.2f} {check_large / check:>7.2f}")
    print(f"\nworst ratio to news: {worst:.2f} (target 3); '4x size' is the per-character cost at "
          f"{4 * args.size} characters over that at {args.size} (linear: about 1)")
    return 0 if worst <= 3 else 1


if __name__ == "__main__":
    raise SystemExit(main())

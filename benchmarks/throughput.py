"""Corpus throughput, side by side: `discrepancy tag` and `check` against dateparser.

    python3 benchmarks/throughput.py [--corpus ../shared/corpora/silver] [--repeat 3] [--no-peers]

Every contender runs as a whole process over the same texts, timed the same way: the
TimeML documents are first written to one JSON Lines file (``{"id", "date", "text"}``,
the DCT as the date), which both `discrepancy` and the dateparser script read.  Each
contender runs once untimed, then ``--repeat`` times in interleaved rounds; the best run
(or, with ``--statistic median``, the median of each figure) is kept: wall time, CPU time
(user + system, of the process and its workers), documents and characters per second,
and peak memory (the largest resident set of the process or a worker it waited for, from
``wait4``).  Then the ratios the performance targets are stated in.

dateparser is no dependency of this project: it is installed into
``benchmarks/.venv-peers`` on first use (``pip install dateparser``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from discrepancy.documents import read_document  # noqa: E402

PEERS = ROOT / "benchmarks" / ".venv-peers"
PEER_SCRIPT = ROOT / "benchmarks" / "peer_dateparser.py"


def peer_python() -> Path:
    """The peers' interpreter, with dateparser installed into it if it is not there yet."""
    python = PEERS / "bin" / "python"
    if not python.exists():
        print(f"creating {PEERS} ...", file=sys.stderr)
        venv.create(PEERS, with_pip=True)
    if subprocess.run([python, "-c", "import dateparser"], capture_output=True).returncode != 0:
        print("installing dateparser into it ...", file=sys.stderr)
        subprocess.run([python, "-m", "pip", "install", "-q", "dateparser"], check=True)
    return python


def write_corpus(corpus: Path, target: Path) -> tuple[int, int]:
    documents = characters = 0
    with target.open("w", encoding="utf-8") as out:
        for path in sorted(corpus.rglob("*.tml")):
            document = read_document(path)
            out.write(json.dumps({"id": path.name, "date": document.reference.isoformat(), "text": document.text}) + "\n")
            documents += 1
            characters += len(document.text)
    return documents, characters


def rule_files(directory: Path) -> tuple[Path, Path]:
    """One rule, and 100 rules (the built-in pack's rules copied under new ids), each file alone."""
    core = (ROOT / "rules" / "core.rules").read_text(encoding="utf-8")
    blocks = re.split(r"(?m)^(?=rule )", core)
    header, rules = blocks[0], blocks[1:]
    one = directory / "one.rules"
    one.write_text(header + rules[0], encoding="utf-8")
    hundred = directory / "hundred.rules"
    copies = []
    for number in range(100):
        rule = rules[number % len(rules)]
        copies.append(re.sub(r"^rule ([\w-]+):", rf"rule \1-copy{number}:", rule, count=1))
    hundred.write_text(header + "".join(copies), encoding="utf-8")
    return one, hundred


def run_once(argv: list) -> dict:
    """One run; an argv starting with a directory runs there (another checkout's package)."""
    cwd = ROOT
    if isinstance(argv[0], Path) and argv[0].is_dir():
        cwd, argv = argv[0], argv[1:]
    started = time.perf_counter()
    process = subprocess.Popen([str(arg) for arg in argv], stdout=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(map(str, argv))} exited with {process.returncode}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def measure_all(runs: dict, repeat: int, statistic: str) -> dict:
    """Each contender ``repeat`` times, in interleaved rounds, after one untimed warm-up run each.

    Interleaving spreads a change in the machine's load over every contender instead of
    landing on whichever ran at the time; the warm-up fills the disk cache and the parsed
    rule cache (`discrepancy.rules.parsecache`), as any second run would find them.
    """
    for argv in runs.values():
        run_once(argv)
    samples: dict = {name: [] for name in runs}
    for _ in range(repeat):
        for name, argv in runs.items():
            samples[name].append(run_once(argv))
    results = {}
    for name, taken in samples.items():
        if statistic == "best":
            results[name] = min(taken, key=lambda run: run["wall"])
        else:
            results[name] = {key: statistics.median(run[key] for run in taken) for key in taken[0]}
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "silver")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--statistic", choices=("best", "median"), default="best",
                        help="report each contender's best run, or the median of its runs (default best)")
    parser.add_argument("--no-peers", action="store_true", help="leave dateparser out")
    parser.add_argument("--copies", type=int, default=1, metavar="N",
                        help="give the corpus N times over (to see scaling past start-up costs)")
    parser.add_argument("--against", type=Path, metavar="DIR",
                        help="also run our contenders from the checkout DIR (e.g. an earlier commit), "
                             "interleaved with these, for a before/after on the same load")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="run only the contenders whose name contains TEXT (repeatable)")
    parser.add_argument("--python", type=Path, metavar="PYTHON",
                        help="run our contenders with this interpreter and the package installed in its environment "
                             "(e.g. a fresh venv after `pip install .`, as users run it, bytecode included), from a "
                             "neutral directory (default: this interpreter, importing this checkout)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        corpus = scratch / "corpus.jsonl"
        documents, characters = write_corpus(args.corpus, corpus)
        if not documents:
            print(f"no .tml files under {args.corpus}", file=sys.stderr)
            return 1
        one, hundred = rule_files(scratch)
        documents, characters = documents * args.copies, characters * args.copies
        inputs = [corpus] * args.copies
        windows = ROOT / "rules" / "windows.rules"
        ours = [str(args.python or sys.executable), "-m", "discrepancy"]
        if args.python:
            # Run from a neutral directory, so "-m discrepancy" imports the package installed
            # in that interpreter's environment (with its bytecode), not this checkout.
            ours = [scratch, *ours]
        runs = {
            "discrepancy tag": ours + ["tag", *inputs, "--format", "jsonl", "-q"],
            "discrepancy check": ours + ["check", *inputs, "--format", "jsonl", "-q"],
            "discrepancy tag --jobs 2": ours + ["tag", *inputs, "--format", "jsonl", "-q", "--jobs", "2"],
            "discrepancy check --jobs 2": ours + ["check", *inputs, "--format", "jsonl", "-q", "--jobs", "2"],
            "check, 1 rule": ours + ["check", *inputs, "--format", "jsonl", "-q", "--no-builtin",
                                     "--rules", windows, "--rules", one],
            "check, 100 rules": ours + ["check", *inputs, "--format", "jsonl", "-q", "--no-builtin",
                                        "--rules", windows, "--rules", hundred],
        }
        if not args.no_peers:
            runs["dateparser search_dates"] = [peer_python(), PEER_SCRIPT, *inputs]
        if args.only:
            runs = {name: argv for name, argv in runs.items() if any(text in name for text in args.only)}
        if args.against:
            # ``python -m discrepancy`` run from that directory imports that checkout's package.
            checkout = [args.against.resolve(), sys.executable, "-m", "discrepancy"]
            runs.update({f"{name} @{args.against.name}": [*checkout, *argv[len(ours):]]
                         for name, argv in list(runs.items()) if argv[:len(ours)] == ours})
        load = os.getloadavg()[0]
        results = measure_all(runs, args.repeat, args.statistic)

    print(f"{documents} documents, {characters} characters ({characters // documents} each); "
          f"{os.cpu_count()} CPUs, {_cpu_model()}; load average {load:.2f} at start, {os.getloadavg()[0]:.2f} at end; "
          f"{args.statistic} of {args.repeat}, interleaved")
    width = max(28, *(len(name) for name in results))
    print(f"{'':{width}} {'wall s':>7} {'CPU s':>7} {'docs/s':>8} {'kchars/s':>9} {'peak MB':>8}")
    for name, run in results.items():
        print(f"{name:{width}} {run['wall']:7.2f} {run['cpu']:7.2f} {documents / run['wall']:8.0f} "
              f"{characters / run['wall'] / 1000:9.0f} {run['rss_mb']:8.0f}")
    peer = results.get("dateparser search_dates")
    print()
    for ours_name in ("discrepancy tag", "discrepancy check"):
        if peer and ours_name in results:
            r = results[ours_name]
            print(f"{ours_name} vs dateparser: {peer['wall'] / r['wall']:.1f}x faster (wall), "
                  f"{peer['cpu'] / r['cpu']:.1f}x (CPU)")
    for suffix in ("", f" @{args.against.name}" if args.against else None):
        for name in ("tag", "check") if suffix is not None else ():
            one_name, two_name = f"discrepancy {name}{suffix}", f"discrepancy {name} --jobs 2{suffix}"
            if one_name not in results or two_name not in results:
                continue
            one_job, two_jobs = results[one_name], results[two_name]
            print(f"{name} --jobs 2 vs --jobs 1{suffix}: {one_job['wall'] / two_jobs['wall']:.2f}x (wall)")
    if "check, 1 rule" in results and "check, 100 rules" in results:
        one_rule, hundred_rules = results["check, 1 rule"], results["check, 100 rules"]
        print(f"100 rules vs 1 rule: {hundred_rules['wall'] / one_rule['wall']:.2f}x the time (wall), "
              f"{hundred_rules['cpu'] / one_rule['cpu']:.2f}x (CPU)")
    peaks = [run["rss_mb"] for run in results.values() if run is not peer]
    if peaks:
        print(f"peak memory, largest process: {max(peaks):.0f} MB (ours)")
    return 0


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    raise SystemExit(main())

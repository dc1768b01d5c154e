"""Long fuzz runs by hand, over the same targets and oracles as ``tests/test_fuzz.py``.

    python3 tests/fuzz/run.py hypothesis --minutes 10 [--target text ...]
    python3 tests/fuzz/run.py mutate --minutes 10          # splices of real news and rule files
    python3 tests/fuzz/run.py atheris --minutes 10         # coverage-guided, needs `pip install atheris`

Every failing input is saved under ``tests/fuzz/found/`` (by target and hash, with its
traceback beside it) and the run goes on; the summary gives inputs tried per target and
the distinct failures.  A failure found here becomes a regression test named after what
it guards, and a line in ``docs/reliability.md``.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
import traceback
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

from fuzz import targets  # noqa: E402

FOUND = HERE / "found"
TRIED: Counter = Counter()
FAILURES: dict[str, tuple[str, str]] = {}  # signature -> (target, saved path)


def _signature(error: BaseException) -> str:
    """One failure per exception type and innermost project frame, however many inputs hit it."""
    frames = [f for f in traceback.extract_tb(error.__traceback__) if "discrepancy" in f.filename or "fuzz" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{type(error).__name__} at {where}"


def record(target: str, payload: object, error: BaseException) -> None:
    signature = _signature(error)
    if signature in FAILURES:
        return
    FOUND.mkdir(exist_ok=True)
    data = payload if isinstance(payload, bytes) else repr(payload).encode("utf-8", "backslashreplace")
    name = f"{target}-{hashlib.sha1(data).hexdigest()[:12]}"
    (FOUND / f"{name}.input").write_bytes(data)
    (FOUND / f"{name}.txt").write_text("".join(traceback.format_exception(error)), encoding="utf-8")
    FAILURES[signature] = (target, str(FOUND / name))
    print(f"  FOUND {signature} ({target}) -> {FOUND / name}.input", flush=True)


def attempt(target: str, run: Callable[[], None], payload: object) -> None:
    TRIED[target] += 1
    try:
        run()
    except Exception as error:  # noqa: BLE001 - every escape is a finding
        record(target, payload, error)


# -- Hypothesis: the generators of tests/test_fuzz.py with a large budget -------------------------


def hypothesis_run(names: list[str], deadline: float) -> None:
    from hypothesis import HealthCheck, given, settings

    from fuzz import strategies as fs

    def text(text, reference, zone):
        TRIED["text"] += 1
        targets.text_pipeline(text, reference, zone)

    def document(data, reference):
        TRIED["document"] += 1
        targets.document_bytes(data, reference)

    def rules(text):
        TRIED["rules"] += 1
        targets.rule_text(text)

    def claims(text):
        TRIED["claims"] += 1
        targets.claims_json(text)

    plans = {
        "text": (given(fs.texts(2000), fs.references, fs.zones), text),
        "document": (given(fs.document_bytes(), fs.references), document),
        "rules": (given(fs.rule_texts()), rules),
        "claims": (given(fs.claims_documents()), claims),
    }
    rounds = 0
    while time.monotonic() < deadline:
        for name in names:
            decorate, function = plans[name]
            test = settings(max_examples=500, deadline=None, database=None, derandomize=False,
                            suppress_health_check=list(HealthCheck))(decorate(function))
            try:
                test()
            except Exception as error:  # noqa: BLE001 - Hypothesis re-raises the shrunk failure
                record(name, getattr(error, "__notes__", "") or repr(error), error)
            if time.monotonic() >= deadline:
                break
        rounds += 1


# -- Mutation: splices of the real texts the project reads ----------------------------------------


def _seeds() -> tuple[list[str], list[str]]:
    from discrepancy.documents import read_document

    texts = []
    for folder, pattern in ((ROOT.parent / "shared" / "corpora" / "silver", "*.tml"),
                            (ROOT.parent / "shared" / "scenarios", "*.txt"), (ROOT / "seeds", "*.txt")):
        for path in sorted(folder.glob(pattern))[:400]:
            try:
                texts.append(read_document(path, reference=date(2026, 2, 3)).text)
            except Exception:  # noqa: BLE001 - a seed that does not read is not a seed
                continue
    rules = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "rules").glob("*.rules"))]
    rules += [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs" / "examples").glob("*.rules"))]
    return texts, rules


def mutate(rng: random.Random, text: str, donors: list[str]) -> str:
    """One to four edits: cut, duplicate, splice from another seed, insert a token, repeat a piece."""
    for _ in range(rng.randint(1, 4)):
        if not text:
            text = rng.choice(donors)
        i = rng.randrange(len(text) + 1)
        j = min(len(text), i + rng.randint(0, 80))
        choice = rng.randrange(6)
        if choice == 0:
            text = text[:i] + text[j:]
        elif choice == 1:
            text = text[:j] + text[i:j] + text[j:]
        elif choice == 2:
            donor = rng.choice(donors)
            k = rng.randrange(len(donor) + 1)
            text = text[:i] + donor[k:k + rng.randint(1, 200)] + text[j:]
        elif choice == 3:
            text = text[:i] + rng.choice(targets.TOKENS + targets.RULE_TOKENS) + " " + text[i:]
        elif choice == 4:
            text = text[:i] + text[i:j] * rng.randint(2, 50) + text[j:]
        else:
            text = text[:i] + rng.choice(["\n", "\r\n", ".", ",", "\"", "\u2014", "\x00", "\ufffd", "    "]) + text[i:]
    return text


def mutate_run(names: list[str], deadline: float, seed: int) -> None:
    rng = random.Random(seed)
    texts, rules = _seeds()
    while time.monotonic() < deadline:
        name = rng.choice(names)
        if name == "rules":
            text = mutate(rng, rng.choice(rules), rules)
            attempt(name, lambda: targets.rule_text(text), text)
        elif name == "document":
            data = mutate(rng, rng.choice(texts), texts).encode("utf-8", "surrogatepass")
            attempt(name, lambda: targets.document_bytes(data, date(2026, 2, 3)), data)
        elif name == "claims":
            continue
        else:
            text = mutate(rng, rng.choice(texts), texts)[:5000]
            reference = rng.choice(targets.REFERENCE_EDGES)
            zone = rng.choice(targets.ZONES)
            attempt(name, lambda: targets.text_pipeline(text, reference, zone), (text, reference, zone))


# -- atheris: coverage-guided, over bytes ---------------------------------------------------------


def atheris_run(names: list[str], seconds: int) -> None:
    try:
        import atheris
    except ImportError:
        raise SystemExit("atheris is not installed: pip install atheris (or use the hypothesis or mutate modes)")

    def one_input(data: bytes) -> None:
        provider = atheris.FuzzedDataProvider(data)
        name = names[provider.ConsumeIntInRange(0, len(names) - 1)]
        if name == "document":
            payload = provider.ConsumeBytes(provider.remaining_bytes())
            attempt(name, lambda: targets.document_bytes(payload, date(2026, 2, 3)), payload)
            return
        reference = targets.REFERENCE_EDGES[provider.ConsumeIntInRange(0, len(targets.REFERENCE_EDGES) - 1)]
        zone = targets.ZONES[provider.ConsumeIntInRange(0, len(targets.ZONES) - 1)]
        text = provider.ConsumeUnicodeNoSurrogates(provider.remaining_bytes())
        if name == "rules":
            attempt(name, lambda: targets.rule_text(text), text)
        elif name == "claims":
            attempt(name, lambda: targets.claims_json(text), text)
        else:
            attempt(name, lambda: targets.text_pipeline(text, reference, zone), (text, reference, zone))

    # The targets are imported already (they are shared with the other modes), so instrument
    # every function loaded rather than wrapping the imports.
    targets.founding_windows()
    atheris.instrument_all()
    corpus = HERE / "corpus"
    corpus.mkdir(exist_ok=True)
    if not any(corpus.iterdir()):
        texts, rules = _seeds()
        for index, text in enumerate(texts[:200] + rules):
            (corpus / f"seed-{index:04d}").write_bytes(b"\x00" + text.encode("utf-8"))
    import atexit
    atexit.register(summary)
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}", "-rss_limit_mb=4096", "-timeout=30",
                   "-max_len=20000", str(corpus)], one_input)
    atheris.Fuzz()


def summary() -> None:
    total = sum(TRIED.values())
    print(f"\ninputs tried: {total} ({', '.join(f'{k} {v}' for k, v in sorted(TRIED.items()))})")
    print(f"distinct failures: {len(FAILURES)}")
    for signature, (target, path) in sorted(FAILURES.items()):
        print(f"  {signature} [{target}] {path}.input")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("hypothesis", "mutate", "atheris"))
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--target", action="append", choices=("text", "document", "rules", "claims"))
    parser.add_argument("--seed", type=int, default=0, help="random seed of the mutate mode")
    args = parser.parse_args()
    names = args.target or ["text", "document", "rules", "claims"]
    started = time.monotonic()
    deadline = started + args.minutes * 60
    if args.mode == "atheris":
        atheris_run(names, int(args.minutes * 60))
        return 0
    try:
        if args.mode == "hypothesis":
            hypothesis_run(names, deadline)
        else:
            mutate_run(names, deadline, args.seed)
    except KeyboardInterrupt:
        pass
    print(f"{args.mode}: {time.monotonic() - started:.0f} s")
    summary()
    return 1 if FAILURES else 0


if __name__ == "__main__":
    raise SystemExit(main())

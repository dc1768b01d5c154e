"""The peer in `throughput.py`: dateparser's `search_dates` over a JSON Lines corpus.

    benchmarks/.venv-peers/bin/python benchmarks/peer_dateparser.py CORPUS.jsonl...

Run in its own environment (dateparser is no dependency of this project); reads the same
``{"id", "date", "text"}`` records that `discrepancy tag` reads and prints one JSON line
per document with the number of dates found, so that its output costs what ours does.
"""

import json
import sys
from datetime import datetime

from dateparser.search import search_dates


def main() -> int:
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as corpus:
            for line in corpus:
                record = json.loads(line)
                base = datetime.fromisoformat(record["date"])
                found = search_dates(record["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or []
                print(json.dumps({"id": record["id"], "dates": len(found)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

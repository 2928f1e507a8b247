"""Pretty-print the first exported article read from stdin (used by ``make demo``).

Reads one JSON Lines record (the first line of a ``tidings export --format jsonl`` file)
and prints it indented, with the body cut short so it fits on a screen.
"""

from __future__ import annotations

import argparse
import json
import sys


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--body-chars", type=int, default=400, help="cut the body after this many characters")
    args = ap.parse_args()
    line = sys.stdin.readline()
    if not line.strip():
        print("(the export is empty)")
        return 0
    article = json.loads(line)
    body = article.get("body")
    if isinstance(body, str) and len(body) > args.body_chars:
        article["body"] = body[: args.body_chars] + f" … [{len(body) - args.body_chars} more characters]"
    print(json.dumps(article, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

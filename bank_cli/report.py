"""`bank report merge`: join the JSON reports of CI shards into one report, in any format."""

from __future__ import annotations

import json
from pathlib import Path

from .errors import UsageError
from .grade import exit_code, parse_formats, write_reports


def register(commands) -> None:
    p = commands.add_parser("report", help="Work with grading reports. Example: bank report merge shard-*.json --output all.json")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    merge = actions.add_parser("merge", help="Join shard JSON reports. Example: bank report merge a.json b.json --format junit --output junit.xml")
    merge.add_argument("reports", nargs="+", type=Path, metavar="REPORT")
    merge.add_argument("--format", default="json", help="text, json, junit, gradescope, csv (comma-separated for several)")
    merge.add_argument("--output", type=Path)
    merge.set_defaults(handler=merge_reports)
    p.set_defaults(handler=lambda args: p.print_help() or 2)


def merge_reports(args) -> int:
    from graders.engine import reports

    loaded = []
    for path in args.reports:
        try:
            loaded.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as e:
            raise UsageError(f"{path}: not a readable JSON report ({e})") from None
    try:
        merged = reports.merge(loaded)
    except (ValueError, KeyError, TypeError) as e:
        raise UsageError(f"cannot merge: {e}") from None
    write_reports(merged, parse_formats(args.format), args.output, verbose=False)
    return exit_code(merged["results"])

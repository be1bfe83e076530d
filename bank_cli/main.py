"""`bank`: practise and grade ML interview questions whose coding answers are executed.

Each command group lives in its own module and registers its sub-commands here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import catalog, grade, progress, quiz, report, verify
from .errors import EXIT_USAGE, UsageError

GROUPS = (catalog, grade, report, verify, quiz, progress)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's usage errors: one line, exit 2
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="bank", description="Practise and grade ML interview questions. Example: bank list --topic metrics")
    parser.add_argument("--bank-dir", action="append", type=Path, default=[], metavar="DIR",
                        help="add a question pack kept outside this repository (repeatable; also BANK_PATH)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in GROUPS:
        group.register(commands)
    for command in commands.choices.values():  # `bank verify --bank-dir DIR` reads naturally too
        command.add_argument("--bank-dir", action="append", type=Path, default=[], dest="bank_dir_after",
                             metavar="DIR", help="add a question pack (repeatable; also BANK_PATH)")
    return parser


def main(argv: list[str] | None = None) -> int:
    from graders.engine.errors import GradingError, QuestionError, SubmissionError
    from graders.engine.questions import add_pack

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        for folder in [*args.bank_dir, *getattr(args, "bank_dir_after", [])]:
            add_pack(folder)
        if not getattr(args, "handler", None):
            parser.print_help()
            return EXIT_USAGE
        return args.handler(args)
    except (UsageError, QuestionError, GradingError, SubmissionError) as e:
        print(f"Error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())

"""`bank`: practise and grade ML interview questions whose coding answers are executed.

Each command group lives in its own module and registers its sub-commands here.
"""

from __future__ import annotations

import argparse
import sys

from . import catalog, grade, quiz, verify
from .errors import EXIT_USAGE, UsageError

GROUPS = (catalog, grade, verify, quiz)


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's usage errors: one line, exit 2
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="bank", description="Practise and grade ML interview questions. Example: bank list --topic metrics")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for group in GROUPS:
        group.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    from graders.engine.errors import GradingError, QuestionError, SubmissionError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
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

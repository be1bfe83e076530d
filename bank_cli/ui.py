"""Terminal input and output for interactive commands.

With a terminal: rich rendering (colour unless NO_COLOR is set). Without one (piped stdin, CI):
plain text, and answers are read line by line from stdin; end of input means "stop", so no
prompt ever waits for an answer that cannot come.
"""

from __future__ import annotations

import sys


class UI:
    def __init__(self) -> None:
        self.interactive = sys.stdin.isatty() and sys.stdout.isatty()
        self._console = None
        if self.interactive:
            from rich.console import Console

            self._console = Console(highlight=False)  # rich itself honours NO_COLOR

    def say(self, text: str = "", style: str | None = None) -> None:
        if self._console:
            self._console.print(text, style=style, markup=False)
        else:
            print(text)

    def markdown(self, text: str) -> None:
        if self._console:
            from rich.markdown import Markdown

            self._console.print(Markdown(text))
        else:
            print(text.rstrip())

    def heading(self, text: str) -> None:
        if self._console:
            self._console.rule(text)
        else:
            print(f"\n=== {text} ===\n")

    def ask(self, prompt: str) -> str | None:
        """One line of input, or None at end of input."""
        if self._console:
            try:
                return self._console.input(prompt)
            except EOFError:
                return None
        print(prompt, end="", flush=True)
        line = sys.stdin.readline()
        if not line:
            print()
            return None
        if not sys.stdin.isatty():
            print(line.rstrip("\n"))  # echo piped answers so the transcript reads like a session
        return line.rstrip("\n")

"""Reading a submission: a .py file, or the code cells of a notebook, and the question it names."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import SubmissionError

HEADER = re.compile(r"^#\s*bank:\s*(\S+)\s*$")
SUFFIXES = (".py", ".ipynb")


SKIP_MARK = "# bank: skip"


@dataclass
class Submission:
    path: Path
    source: str
    question_id: str | None
    notes: list[str]
    cell_of_line: dict[int, tuple[int, int]] | None = None  # notebook: source line -> (cell, line in cell)

    def locate(self, text: str) -> str:
        """Rewrite 'File "<path>", line N' in a notebook's tracebacks as 'cell K, line M'."""
        if not self.cell_of_line:
            return text

        def where(match: re.Match) -> str:
            cell, line = self.cell_of_line.get(int(match.group(1)), (None, None))
            return f'{self.path}, cell {cell}, line {line}' if cell else match.group(0)

        return re.sub(r'File "' + re.escape(str(self.path)) + r'", line (\d+)', where, text)


def header_id(source: str) -> str | None:
    for line in source.splitlines()[:3]:
        match = HEADER.match(line.strip())
        if match:
            return match.group(1)
    return None


def notebook_source(text: str, path: Path) -> tuple[str, list[str], dict[int, tuple[int, int]]]:
    """Join a notebook's code cells; shell (!) and magic (%) lines become comments, with a note;
    cells marked '# bank: skip' are left out. Also returns where each joined line came from."""
    try:
        notebook = json.loads(text)
        cells = notebook["cells"]
    except (ValueError, KeyError, TypeError):
        raise SubmissionError(f"{path}: not a readable Jupyter notebook (invalid JSON or no cells)") from None
    parts, notes, cell_of_line, line_number = [], [], {}, 0
    for number, cell in enumerate(cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else str(source)
        if source.lstrip().startswith(SKIP_MARK):
            continue
        line_number += 1  # the "# --- cell N ---" marker line
        for offset in range(len(source.splitlines())):
            cell_of_line[line_number + 1 + offset] = (number, offset + 1)
        line_number += len(source.splitlines()) + 1  # the blank line joining parts
        lines = []
        for line in source.splitlines():
            if line.lstrip().startswith(("!", "%")):
                notes.append(f"cell {number}: skipped shell/magic line: {line.strip()}")
                line = "# (skipped) " + line
            lines.append(line)
        parts.append(f"# --- cell {number} ---\n" + "\n".join(lines))
    if not parts:
        raise SubmissionError(f"{path}: the notebook has no code cells")
    return "\n\n".join(parts) + "\n", notes, cell_of_line


def read(path: Path) -> Submission:
    if path.suffix not in SUFFIXES:
        raise SubmissionError(f"{path}: a submission must be a .py file or a .ipynb notebook")
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise SubmissionError(f"{path}: cannot read it ({e.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError(f"{path}: not UTF-8 text; save it as UTF-8") from None
    notes: list[str] = []
    source, cell_of_line = text, None
    if path.suffix == ".ipynb":
        source, notes, cell_of_line = notebook_source(text, path)
    # The header is the first line of the file, or of the first code cell of a notebook.
    first_code = source.split("\n", 1)[1] if source.startswith("# --- cell") else source
    return Submission(path, source, header_id(first_code), notes, cell_of_line)


def collect(paths: list[Path]) -> list[Path]:
    """Files to grade: the files given, and the .py/.ipynb files under any folder given, sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.exists():
            found.append(path)
        else:
            raise SubmissionError(f"{path}: no such file or folder")
    return found

"""Where a question's files live. One rule maps an id to every path, so no lookup table exists.

An id is "<topic>/<slug>"; slugs use "-", Python module names cannot, so files use "_".
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ID_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*/[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


def module_name(slug: str) -> str:
    """'roc-auc' -> 'roc_auc': the one rule from a slug or pitfall id to a file name."""
    return slug.replace("-", "_")


@dataclass(frozen=True)
class QuestionPaths:
    root: Path
    question_id: str

    @property
    def topic(self) -> str:
        return self.question_id.split("/")[0]

    @property
    def slug(self) -> str:
        return self.question_id.split("/")[1]

    def _file(self, folder: str, suffix: str = ".py") -> Path:
        return self.root / folder / self.topic / (module_name(self.slug) + suffix)

    @property
    def question(self) -> Path:
        return self.root / "questions" / self.topic / f"{self.slug}.yaml"

    @property
    def solution(self) -> Path:
        return self._file("solutions")

    @property
    def judge(self) -> Path:
        return self._file("graders")

    @property
    def driver(self) -> Path:
        return self._file("graders", "_driver.py")

    @property
    def wrong_solutions(self) -> Path:
        return self.root / "tests" / "wrong_solutions" / self.topic / module_name(self.slug)


_extra_packs: list[Path] = []


def bank_roots() -> list[Path]:
    """The question packs to load: this repository, then --bank-dir packs, then BANK_PATH ones."""
    roots = [REPO_ROOT, *_extra_packs]
    for extra in os.environ.get("BANK_PATH", "").split(os.pathsep):
        if extra.strip():
            roots.append(Path(extra).expanduser().resolve())
    return list(dict.fromkeys(roots))

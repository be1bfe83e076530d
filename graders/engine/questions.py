"""Question files: the strict schema and the loader.

Every question file is validated when loaded. Unknown keys, missing fields, bad values, and
missing companion files (solution, judge, driver, one wrong solution per pitfall) are errors that
name the file and the field, so a content author knows exactly what to fix.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from . import paths
from .errors import QuestionError
from .paths import ID_PATTERN, QuestionPaths, bank_roots, module_name

Framework = Literal["numpy", "sklearn", "torch", "tensorflow", "transformers"]
# The Python module that proves a framework is installed, and the extra that installs it.
FRAMEWORK_MODULES = {
    "numpy": ("numpy", None),
    "sklearn": ("sklearn", "sklearn"),
    "torch": ("torch", "torch"),
    "tensorflow": ("tensorflow", "tf"),
    "transformers": ("transformers", "hf"),
}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Pitfall(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    summary: str = Field(min_length=1)
    feedback: str = Field(min_length=1, description="What the grader tells a candidate who made this mistake.")


class WrongValue(Strict):
    value: float
    pitfall: str


class KeyPoint(Strict):
    point: str = Field(min_length=1)
    any_of: list[str] = Field(min_length=1, description="Words or phrases (any language) that show the point is covered.")


class ConceptCheck(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    type: Literal["number", "choice", "multi", "keypoints"]
    prompt: str = Field(min_length=1)
    answer: float | str | list[str] | None = None
    tolerance: float = 0.0
    relative: bool = False
    options: dict[str, str] = Field(default_factory=dict)
    wrong_options: dict[str, str] = Field(default_factory=dict, description="option key -> pitfall id")
    wrong_values: list[WrongValue] = Field(default_factory=list)
    keypoints: list[KeyPoint] = Field(default_factory=list)
    pass_ratio: float = 0.5

    @model_validator(mode="after")
    def _consistent(self) -> ConceptCheck:
        if self.type == "number" and not isinstance(self.answer, (int, float)):
            raise ValueError("a number check needs a numeric 'answer'")
        if self.type in ("choice", "multi"):
            keys = [self.answer] if isinstance(self.answer, str) else self.answer
            if not self.options or not isinstance(keys, list) or not keys:
                raise ValueError("a choice check needs 'options' and an 'answer' among them")
            if self.type == "choice" and not isinstance(self.answer, str):
                raise ValueError("a single-choice 'answer' is one option key")
            unknown = [k for k in [*keys, *self.wrong_options] if k not in self.options]
            if unknown:
                raise ValueError(f"option keys {unknown} are not in 'options'")
        if self.type == "keypoints" and not self.keypoints:
            raise ValueError("a keypoints check needs 'keypoints'")
        return self


class Question(Strict):
    title: str = Field(min_length=1)
    topic: str
    difficulty: Literal["easy", "medium", "hard"]
    tags: list[str] = Field(default_factory=list)
    frameworks: list[Framework] = Field(default_factory=list)
    kind: Literal["coding", "concept"]
    prompt: str = Field(min_length=1)
    reference_answer: str = Field(min_length=1)
    explanation: str = Field(min_length=1)
    pitfalls: list[Pitfall] = Field(min_length=1)
    hints: list[str] = Field(min_length=1)
    # coding only
    entrypoints: list[str] = Field(default_factory=list)
    starter: str = ""
    devices: list[Literal["cpu", "cuda"]] = Field(default_factory=lambda: ["cpu"])
    timeout: float = Field(default=60, gt=0, description="Wall-clock seconds for one grading run.")
    memory_mb: int = Field(default=4096, gt=0)
    # concept only
    checks: list[ConceptCheck] = Field(default_factory=list)

    # Set by the loader, not by the file.
    id: str = Field(default="", exclude=True)
    root: Path = Field(default=Path("."), exclude=True)

    @field_validator("hints")
    @classmethod
    def _hints_not_empty(cls, hints: list[str]) -> list[str]:
        for i, hint in enumerate(hints):
            if not hint.strip():
                raise ValueError(f"hint {i} is empty")
        return hints

    @model_validator(mode="after")
    def _kind_fields(self) -> Question:
        ids = [p.id for p in self.pitfalls]
        if len(set(ids)) != len(ids):
            raise ValueError(f"pitfall ids repeat: {ids}")
        if self.kind == "coding":
            if not self.entrypoints:
                raise ValueError("a coding question needs 'entrypoints'")
            if not self.frameworks:
                raise ValueError("a coding question needs 'frameworks' (numpy, sklearn, torch, tensorflow, transformers)")
            if "NotImplementedError" not in self.starter:
                raise ValueError("a coding question needs a 'starter' whose bodies raise NotImplementedError")
            if self.checks:
                raise ValueError("'checks' belongs to concept questions")
        else:
            if not self.checks:
                raise ValueError("a concept question needs at least one auto-gradable 'checks' entry")
            if self.entrypoints or self.starter:
                raise ValueError("'entrypoints' and 'starter' belong to coding questions")
            linked = {p for c in self.checks for p in [*c.wrong_options.values(), *(w.pitfall for w in c.wrong_values)]}
            unknown = linked - set(ids)
            if unknown:
                raise ValueError(f"checks name unknown pitfalls {sorted(unknown)}")
        return self

    @property
    def paths(self) -> QuestionPaths:
        return QuestionPaths(self.root, self.id)

    def pitfall(self, pitfall_id: str) -> Pitfall:
        return next(p for p in self.pitfalls if p.id == pitfall_id)


def _describe(error: ValidationError) -> str:
    parts = []
    for e in error.errors():
        field = ".".join(str(x) for x in e["loc"]) or "(top level)"
        message = e["msg"].removeprefix("Value error, ")
        parts.append(f"field '{field}': {message}")
    return "; ".join(parts)


def load_question_file(path: Path, root: Path) -> Question:
    """Parse and validate one question file, and check that its companion files exist."""
    rel = path.relative_to(root)
    question_id = f"{path.parent.name}/{path.stem}"
    where = str(rel)
    if not ID_PATTERN.match(question_id):
        raise QuestionError(f"{where}: the id '{question_id}' must be lowercase words joined by '-'")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise QuestionError(f"{where}: not valid YAML: {str(e).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise QuestionError(f"{where}: expected a mapping of fields at the top level")
    for reserved in ("id", "root"):
        if reserved in data:
            raise QuestionError(f"{where}: field '{reserved}': not allowed (it comes from the file's path)")
    try:
        question = Question.model_validate({**data, "id": question_id, "root": root})
    except ValidationError as e:
        raise QuestionError(f"{where}: {_describe(e)}") from None
    if question.topic != path.parent.name:
        raise QuestionError(f"{where}: field 'topic': '{question.topic}' differs from its folder '{path.parent.name}'")
    _check_companions(question, where)
    return question


def _check_companions(question: Question, where: str) -> None:
    if question.kind != "coding":
        return
    paths = question.paths
    for label, file in (("solution", paths.solution), ("grader", paths.judge), ("driver", paths.driver)):
        if not file.is_file():
            raise QuestionError(f"{where}: field 'kind': a coding question needs its {label} file {file.relative_to(question.root)}")
    expected = {w.pitfall for w in wrong_solutions(question)}
    for p in question.pitfalls:
        if p.id not in expected:
            rel = paths.wrong_solutions.relative_to(question.root)
            raise QuestionError(
                f"{where}: field 'pitfalls.{p.id}': no wrong solution shows this pitfall; "
                f"add {rel}/{module_name(p.id)}.py with the line '# expect-pitfall: {p.id}'"
            )


class WrongSolution(BaseModel):
    path: Path
    pitfall: str


def wrong_solutions(question: Question) -> list[WrongSolution]:
    """The wrong solutions shipped for a question; each declares the pitfall it must be caught as."""
    folder = question.paths.wrong_solutions
    found = []
    for file in sorted(folder.glob("*.py")) if folder.is_dir() else []:
        for line in file.read_text(encoding="utf-8").splitlines()[:5]:
            if line.startswith("# expect-pitfall:"):
                found.append(WrongSolution(path=file, pitfall=line.split(":", 1)[1].strip()))
                break
        else:
            raise QuestionError(f"{file.relative_to(question.root)}: its first lines need '# expect-pitfall: <id>'")
    known = {p.id for p in question.pitfalls}
    for w in found:
        if w.pitfall not in known:
            raise QuestionError(f"{w.path.relative_to(question.root)}: expects pitfall '{w.pitfall}', which {question.id} does not define")
    return found


def add_pack(folder: Path) -> None:
    """Add a private question pack (a folder laid out like this repository)."""
    folder = folder.expanduser().resolve()
    if not (folder / "questions").is_dir():
        raise QuestionError(f"{folder}: not a question pack (it has no questions/ folder)")
    paths._extra_packs.append(folder)
    load_all.cache_clear()


@functools.cache
def load_all() -> dict[str, Question]:
    """Every question of every pack, by id. The first pack to define an id wins; a clash is an error."""
    questions: dict[str, Question] = {}
    for root in bank_roots():
        for path in sorted((root / "questions").glob("*/*.yaml")):
            question = load_question_file(path, root)
            if question.id in questions:
                raise QuestionError(f"{path}: id '{question.id}' is already defined by {questions[question.id].root}")
            questions[question.id] = question
    return questions


def get(question_id: str) -> Question:
    questions = load_all()
    if question_id not in questions:
        close = [q for q in questions if question_id.split("/")[-1] in q]
        suggestion = f" Did you mean {', '.join(close)}?" if close else " Run `bank list` to see the ids."
        raise QuestionError(f"unknown question id '{question_id}'.{suggestion}")
    return questions[question_id]

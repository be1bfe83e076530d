"""What a judge module defines: cases with public inputs and private expectations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Case:
    """One graded scenario. `inputs` go to the sandbox; `private` never leaves the judge."""

    name: str
    inputs: dict[str, Any]
    private: dict[str, Any] = field(default_factory=dict)
    points: float = 1.0

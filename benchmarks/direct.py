"""The baseline for grading overhead: import the question's framework and call the reference
solution's driver on every case directly — no sandbox, no judge, no bank CLI."""

import importlib.util
import sys

from graders.engine import grading, questions
from graders.engine.sandbox import CHILD_DIR

sys.path.insert(0, str(CHILD_DIR))
import bank_runtime  # noqa: E402
import wire  # noqa: E402


def load(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(question_id: str) -> None:
    question = questions.get(question_id)
    driver = load("bank_driver", question.paths.driver)
    solution = load("submission", question.paths.solution)
    context = bank_runtime.Context(device="cpu", seed=0)
    for case in grading.load_judge(question).cases():
        bank_runtime.seed_everything(0)
        driver.run(solution, wire.loads(wire.dumps(wire.to_plain(case.inputs))), context)


if __name__ == "__main__":
    main(sys.argv[1])

"""Question files are validated strictly; each error names the file and the field."""

import shutil
from pathlib import Path

import pytest
import yaml

from graders.engine.paths import REPO_ROOT
from graders.engine.questions import QuestionError, load_question_file

SOURCE_ID = ("metrics", "classification-metrics", "classification_metrics")


@pytest.fixture
def pack(tmp_path):
    """A copy of one question with all its files, to break in different ways."""
    topic, slug, module = SOURCE_ID
    for folder, name in (("questions", f"{slug}.yaml"), ("solutions", f"{module}.py"),
                         ("graders", f"{module}.py"), ("graders", f"{module}_driver.py")):
        (tmp_path / folder / topic).mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO_ROOT / folder / topic / name, tmp_path / folder / topic / name)
    shutil.copytree(REPO_ROOT / "tests" / "wrong_solutions" / topic / module, tmp_path / "tests" / "wrong_solutions" / topic / module)
    return tmp_path


def edit(pack: Path, change) -> Path:
    path = pack / "questions" / "metrics" / "classification-metrics.yaml"
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True))
    return path


def error_for(pack: Path, change=lambda d: None) -> str:
    path = edit(pack, change)
    with pytest.raises(QuestionError) as info:
        load_question_file(path, pack)
    return str(info.value)


def test_the_copy_is_valid(pack):
    path = edit(pack, lambda d: None)
    assert load_question_file(path, pack).id == "metrics/classification-metrics"


def test_unknown_key(pack):
    message = error_for(pack, lambda d: d.update(colour="blue"))
    assert message.startswith("questions/metrics/classification-metrics.yaml: field 'colour'")
    assert "Extra inputs are not permitted" in message


def test_missing_field(pack):
    assert "field 'explanation': Field required" in error_for(pack, lambda d: d.pop("explanation"))


def test_bad_difficulty(pack):
    assert "field 'difficulty'" in error_for(pack, lambda d: d.update(difficulty="trivial"))


def test_empty_hint(pack):
    assert "field 'hints': hint 1 is empty" in error_for(pack, lambda d: d["hints"].insert(1, "  "))


def test_missing_solution_file(pack):
    (pack / "solutions" / "metrics" / "classification_metrics.py").unlink()
    assert "needs its solution file solutions/metrics/classification_metrics.py" in error_for(pack)


def test_missing_grader_file(pack):
    (pack / "graders" / "metrics" / "classification_metrics.py").unlink()
    assert "needs its grader file" in error_for(pack)


def test_pitfall_without_wrong_solution(pack):
    (pack / "tests" / "wrong_solutions" / "metrics" / "classification_metrics" / "zero_division.py").unlink()
    message = error_for(pack)
    assert "field 'pitfalls.zero-division': no wrong solution shows this pitfall" in message


def test_wrong_solution_naming_an_unknown_pitfall(pack):
    folder = pack / "tests" / "wrong_solutions" / "metrics" / "classification_metrics"
    (folder / "extra.py").write_text("# expect-pitfall: nonsense\n")
    assert "expects pitfall 'nonsense'" in error_for(pack)


def test_topic_must_match_folder(pack):
    assert "field 'topic'" in error_for(pack, lambda d: d.update(topic="ml"))


def test_not_yaml(pack):
    path = pack / "questions" / "metrics" / "classification-metrics.yaml"
    path.write_text("title: [unclosed\n")
    with pytest.raises(QuestionError, match="not valid YAML"):
        load_question_file(path, pack)

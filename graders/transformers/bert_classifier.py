"""Judge for transformers/bert-classifier: held-out accuracy of a tiny BERT, no [UNK] for
vocabulary words, eval mode at inference, and a save/load round trip that predicts the same."""

import numpy as np

from graders.engine import checks
from graders.engine.cases import Case

POSITIVE = ["good", "great", "excellent", "wonderful", "love", "enjoyed"]
NEGATIVE = ["bad", "awful", "terrible", "boring", "hate", "disliked"]
FILLER = ["the", "movie", "film", "plot", "acting", "was", "really", "very", "i", "this", "story", "quite", "and", "it"]
MIN_ACCURACY = 0.95
FIT_BUDGET_SECONDS = 60


def _sentences(rng, n):
    texts, labels = [], []
    for _ in range(n):
        label = int(rng.integers(2))
        words = list(rng.choice(FILLER, size=int(rng.integers(3, 9))))
        words.insert(int(rng.integers(len(words) + 1)), str(rng.choice(POSITIVE if label else NEGATIVE)))
        texts.append(" ".join(words))
        labels.append(label)
    return texts, labels


def cases() -> list[Case]:
    rng = np.random.default_rng(2024)
    train_texts, train_labels = _sentences(rng, 240)
    test_texts, test_labels = _sentences(rng, 120)
    inputs = {"vocab": POSITIVE + NEGATIVE + FILLER, "num_labels": 2, "texts": train_texts,
              "labels": train_labels, "test_texts": test_texts}
    return [Case("keyword sentiment", inputs, {"test_labels": test_labels}, points=6)]


def judge(case, got, expected, record):
    if got.get("model_class") != "BertForSequenceClassification":
        return [checks.fail("build returns a BertForSequenceClassification",
                            f"build() must return (BertForSequenceClassification, tokenizer); got a {got.get('model_class')}")]
    truth = np.asarray(case.private["test_labels"])
    predictions = got["predictions"]
    found = [
        checks.that("num_labels", got["num_labels"] == case.inputs["num_labels"],
                    f"the model has num_labels={got['num_labels']}, expected {case.inputs['num_labels']}", weight=0.5),
        checks.that("vocabulary words are not [UNK]", not got["unk_words"],
                    f"{len(got['unk_words'])} / {len(case.inputs['vocab'])} vocabulary words tokenize to [UNK], e.g. {got['unk_words'][:5]}",
                    pitfall="vocab-file-unk"),
        checks.that("training time", got["fit_seconds"] <= FIT_BUDGET_SECONDS,
                    f"fine_tune took {got['fit_seconds']:.0f} s; the budget is {FIT_BUDGET_SECONDS} s on a CPU", weight=0.5),
    ]
    well_formed = isinstance(predictions, list) and len(predictions) == len(truth) and all(checks.is_number(p) or isinstance(p, bool) for p in predictions)
    if not well_formed:
        found.append(checks.fail("predict returns one int per text", f"predict must return a list of {len(truth)} ints, got {checks.describe(predictions)[:120]}"))
        return found
    accuracy = float(np.mean(np.asarray(predictions) == truth))
    found.append(checks.that("held-out accuracy", accuracy >= MIN_ACCURACY,
                             f"held-out accuracy {accuracy:.3f}, needs >= {MIN_ACCURACY}", weight=3))
    found.append(checks.that("predict leaves dropout off", not got["left_training"],
                             "after predict() the model is still in training mode, so dropout was active at inference",
                             pitfall="predict-in-train-mode"))
    found.append(checks.that("save/load round trip predicts the same", got["reloaded_predictions"] == predictions,
                             f"after save_pretrained/from_pretrained, {sum(a != b for a, b in zip(predictions, got['reloaded_predictions'], strict=False))} "
                             f"/ {len(predictions)} predictions changed",
                             pitfall="predict-in-train-mode" if got["left_training"] else None))
    return found


def error_pitfall(case, error):
    if error.type == "ValueError" and "padding" in error.message:
        return "no-padding"
    return None

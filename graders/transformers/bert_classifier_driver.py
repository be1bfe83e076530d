"""Runs in the sandbox: build, fine-tune and predict with the candidate's functions, then
round-trip the model through save_pretrained/from_pretrained. Test labels never come here."""

import tempfile
import time

import torch  # noqa: F401 - imported first so bank_runtime seeds it
from transformers import AutoModelForSequenceClassification, AutoTokenizer


def _unk_words(tokenizer, vocab):
    unk = tokenizer.unk_token_id
    return [w for w in vocab if unk in tokenizer(w, add_special_tokens=False)["input_ids"]]


def run(solution, inputs, ctx):
    model, tokenizer = solution.build(list(inputs["vocab"]), inputs["num_labels"])
    report = {"model_class": type(model).__name__}
    if report["model_class"] != "BertForSequenceClassification":
        return report
    report["num_labels"] = model.config.num_labels
    report["unk_words"] = _unk_words(tokenizer, inputs["vocab"])
    started = time.perf_counter()
    model = solution.fine_tune(model, tokenizer, list(inputs["texts"]), list(inputs["labels"]))
    report["fit_seconds"] = time.perf_counter() - started
    test_texts = list(inputs["test_texts"])
    predictions = solution.predict(model, tokenizer, test_texts)
    report["predictions"] = [int(p) for p in predictions] if hasattr(predictions, "__iter__") else predictions
    report["left_training"] = bool(model.training)
    with tempfile.TemporaryDirectory() as folder:
        model.save_pretrained(folder)
        tokenizer.save_pretrained(folder)
        reloaded = AutoModelForSequenceClassification.from_pretrained(folder)
        reloaded_tokenizer = AutoTokenizer.from_pretrained(folder)
        report["reloaded_predictions"] = [int(p) for p in solution.predict(reloaded, reloaded_tokenizer, test_texts)]
    return report

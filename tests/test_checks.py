"""The wording of failure messages is part of the product: summary first, then detail."""

import numpy as np

from graders.engine import checks


def test_number_mismatch_message():
    check = checks.number("f1", 0.75, 2 / 3)
    assert not check.passed
    assert check.message == "f1: expected 0.666667, got 0.75 (abs diff 0.0833)"


def test_number_rejects_non_numbers():
    assert checks.number("f1", "0.5", 0.5).message == "f1: expected a number, got str '0.5'"
    assert not checks.number("f1", True, 1.0).passed  # a bool is not a metric value


def test_array_mismatch_message_has_counts_and_table():
    got = np.array([[1.0, 2.0], [3.0, 5.0]])
    check = checks.arrays("out", got, np.array([[1.0, 2.0], [3.0, 4.0]]))
    lines = check.message.splitlines()
    assert lines[0] == "out: values differ: 1 / 4 elements mismatched (rtol=1e-05, atol=1e-08)"
    assert lines[1] == "  max abs diff 1 at index (1, 1); max rel diff 0.25"
    assert lines[3].split() == ["(1,", "1)", "|", "5", "|", "4"]


def test_shape_mismatch_is_its_own_message():
    check = checks.arrays("out", np.zeros((2, 3)), np.zeros((3, 2)))
    assert check.message == "out: shapes differ: expected (3, 2), got (2, 3)"


def test_nan_never_matches():
    assert not checks.arrays("x", np.array([np.nan]), np.array([np.nan])).passed
    assert not checks.number("x", float("nan"), 1.0).passed


def test_beats_baseline():
    assert checks.beats_baseline("mse", "MSE", 0.2, 1.0, 0.5, higher_is_better=False).passed
    failed = checks.beats_baseline("mse", "MSE", 0.6, 1.0, 0.5, higher_is_better=False)
    assert failed.message == "mse: held-out MSE 0.6 does not beat the baseline's 1: needs <= 0.5 (0.5 x the baseline)"

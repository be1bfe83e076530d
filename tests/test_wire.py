"""The child-to-judge format carries plain data only and can never run code when read."""

import json

import numpy as np
import pytest

from graders.engine.child import wire


def roundtrip(value):
    return wire.loads(wire.dumps(wire.to_plain(value)))


def test_arrays_tuples_and_dicts_roundtrip():
    data = {"a": np.arange(6, dtype=np.float32).reshape(2, 3), "t": (1, 2.5, "x"), "n": None}
    back = roundtrip(data)
    np.testing.assert_array_equal(back["a"], data["a"])
    assert back["a"].dtype == np.float32
    assert back["t"] == (1, 2.5, "x")


def test_lying_objects_arrive_as_plain_data_or_unsupported():
    class AlwaysEqual:
        def __eq__(self, other):
            return True

    class SneakyFloat(float):
        def __eq__(self, other):
            return True

    assert isinstance(roundtrip(AlwaysEqual()), wire.Unsupported)
    value = roundtrip(SneakyFloat(0.1))
    assert type(value) is float and value != 0.2


def test_object_dtype_is_refused():
    text = json.dumps({wire.TAG: "ndarray", "dtype": "object", "shape": [1], "data": ""})
    with pytest.raises(ValueError, match="refused"):
        wire.loads(text)


def test_torch_tensor_keeps_device_and_dtype():
    torch = pytest.importorskip("torch")
    back = roundtrip(torch.ones(2, 2, dtype=torch.bfloat16))
    assert isinstance(back, wire.Tensor)
    assert back.device == "cpu" and back.dtype == "torch.bfloat16" and back.values.dtype == np.float32

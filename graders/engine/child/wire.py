"""The data format between the sandboxed child and the judge: JSON plus tagged arrays.

Reading it can never execute code (no pickle): the parent only calls json.loads and
numpy.frombuffer on a whitelisted dtype. The child only emits builtin types it has normalised,
so an object that lies (an `__eq__` that is always true, a float subclass) arrives as plain data
or as an "unsupported" marker naming its type.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass
from typing import Any

TAG = "__bank__"
ALLOWED_DTYPES = {
    "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
    "float16", "float32", "float64",
}
MAX_DEPTH = 50


@dataclass(frozen=True)
class Tensor:
    """A framework tensor as the judge sees it: its values plus where and what it was."""

    values: Any  # numpy.ndarray
    framework: str  # "torch" | "tensorflow"
    device: str
    dtype: str  # the framework's own dtype name, e.g. "torch.float32"


@dataclass(frozen=True)
class RemoteError:
    """An exception raised by candidate code in the child."""

    type: str
    message: str
    traceback: str = ""

    def __str__(self) -> str:
        return f"{self.type}: {self.message}" if self.message else self.type


@dataclass(frozen=True)
class Unsupported:
    """A value of a type the wire does not carry (a custom object, a generator...)."""

    type: str
    repr: str


# ---------------------------------------------------------------- encoding (child side)

def _array_payload(array: Any) -> dict:
    import numpy as np

    array = np.ascontiguousarray(array)
    if array.dtype.name not in ALLOWED_DTYPES:
        if array.dtype.kind == "f":  # bfloat16 and friends
            array = array.astype("float32")
        else:
            raise TypeError(f"arrays of dtype {array.dtype} are not supported")
    return {"dtype": array.dtype.name, "shape": list(array.shape),
            "data": base64.b64encode(array.tobytes()).decode("ascii")}


def _tensor(obj: Any) -> dict | None:
    module = type(obj).__module__ or ""
    if module.startswith("torch") and hasattr(obj, "detach"):
        import torch

        if isinstance(obj, torch.Tensor):
            values = obj.detach()
            if values.dtype == torch.bfloat16:
                values = values.float()
            return {TAG: "tensor", "framework": "torch", "device": str(obj.device),
                    "framework_dtype": str(obj.dtype), **_array_payload(values.cpu().numpy())}
    if module.startswith(("tensorflow", "keras")) and hasattr(obj, "numpy") and hasattr(obj, "device"):
        return {TAG: "tensor", "framework": "tensorflow", "device": str(obj.device),
                "framework_dtype": str(obj.dtype), **_array_payload(obj.numpy())}
    return None


def to_plain(obj: Any, depth: int = 0) -> Any:
    """Normalise a value to JSON-ready builtins, using builtin methods only (never the object's)."""
    if depth > MAX_DEPTH:
        return {TAG: "unsupported", "type": "nesting", "repr": "nested too deeply"}
    if obj is None or type(obj) in (bool, str):
        return obj
    if isinstance(obj, bool):
        return bool(obj)
    if isinstance(obj, int):
        return int.__index__(obj)
    if isinstance(obj, float):
        return float.__float__(obj)
    if isinstance(obj, str):
        return str.__str__(obj)
    if isinstance(obj, (list, tuple)):
        items = [to_plain(x, depth + 1) for x in (list.__iter__(obj) if isinstance(obj, list) else tuple.__iter__(obj))]
        return items if isinstance(obj, list) else {TAG: "tuple", "items": items}
    if isinstance(obj, dict):
        return {TAG: "dict", "items": [[to_plain(k, depth + 1), to_plain(v, depth + 1)] for k, v in dict.items(obj)]}
    tensor = _tensor(obj)
    if tensor is not None:
        return tensor
    module = type(obj).__module__ or ""
    if module == "numpy":
        import numpy as np

        if isinstance(obj, np.ndarray):
            return {TAG: "ndarray", **_array_payload(obj)}
        if isinstance(obj, np.generic):
            return to_plain(obj.item(), depth + 1)
    if module.startswith("numpy") and type(obj).__name__ == "ndarray":
        return {TAG: "ndarray", **_array_payload(obj)}
    try:
        text = object.__repr__(obj)
    except Exception:  # noqa: BLE001 - a repr that fails still gets reported as unsupported
        text = "?"
    return {TAG: "unsupported", "type": f"{type(obj).__module__}.{type(obj).__qualname__}", "repr": text[:200]}


def error_payload(exc: BaseException, traceback_text: str = "") -> dict:
    try:
        message = str(exc)
    except Exception:  # noqa: BLE001
        message = "(the exception's message could not be read)"
    return {TAG: "error", "type": type(exc).__name__, "message": message[:2000], "traceback": traceback_text[-4000:]}


def dumps(obj: Any) -> str:
    return json.dumps(obj, allow_nan=True, separators=(",", ":"))


# ---------------------------------------------------------------- decoding (parent side)

def _decode_array(d: dict) -> Any:
    import numpy as np

    dtype = d.get("dtype")
    if dtype not in ALLOWED_DTYPES:
        raise ValueError(f"refused array dtype {dtype!r}")
    shape = tuple(int(s) for s in d["shape"])
    raw = base64.b64decode(d["data"], validate=True)
    count = math.prod(shape)
    if len(raw) != count * np.dtype(dtype).itemsize:
        raise ValueError("array data does not match its shape")
    return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()


def _hook(d: dict) -> Any:
    tag = d.get(TAG)
    if tag is None:
        return d
    if tag == "ndarray":
        return _decode_array(d)
    if tag == "tensor":
        return Tensor(_decode_array(d), str(d["framework"]), str(d["device"]), str(d["framework_dtype"]))
    if tag == "tuple":
        return tuple(d["items"])
    if tag == "dict":
        out = {}
        for k, v in d["items"]:
            out[k if isinstance(k, (str, int, float, bool, type(None), tuple)) else repr(k)] = v
        return out
    if tag == "error":
        return RemoteError(str(d["type"]), str(d["message"]), str(d.get("traceback", "")))
    if tag == "unsupported":
        return Unsupported(str(d["type"]), str(d["repr"]))
    raise ValueError(f"unknown wire tag {tag!r}")


def loads(text: str) -> Any:
    return json.loads(text, object_hook=_hook)

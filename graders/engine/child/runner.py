"""Entry point of the sandboxed child: load the submission, run the driver on each case, report.

Started as `python -I -S runner.py` in a fresh working folder. It reads one JSON request on stdin
and writes one JSON line per case to the result pipe (so a timeout keeps the cases already done).
Nothing printed here decides a verdict: the parent judges the data.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
import time
import traceback
import types

HERE = os.path.dirname(os.path.abspath(__file__))


def _emit(stream, record: dict) -> None:
    import wire

    stream.write(wire.dumps(record) + "\n")
    stream.flush()


def _load_module(name: str, path: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _short_traceback(exc: BaseException, submission_path: str) -> str:
    """The frames of the submission only: the candidate's code, not the bank's."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == submission_path]
    for frame in frames:
        frame.filename = "<submission>"
    lines = traceback.format_list(frames) + traceback.format_exception_only(type(exc), exc)
    return "".join(lines)


def main() -> None:
    request = json.loads(sys.stdin.read())
    sys.path[:0] = [HERE]
    sys.path.extend(request["site_paths"])
    result_stream = os.fdopen(request["result_fd"], "w", encoding="utf-8")

    import bank_runtime
    import wire

    submission_path = os.path.abspath(request["submission"])
    driver = _load_module("bank_driver", request["driver"])  # trusted: imports its framework first
    if request.get("confine"):
        import confine

        try:
            applied = confine.confine(request["confine"]["read"], request["confine"]["write"])
        except OSError as exc:
            _emit(result_stream, {"confine_error": f"{exc}"})
            return
        # Emitted before the submission runs, so the parent can trust the first such record.
        _emit(result_stream, {"confined": applied})
    context = bank_runtime.Context(device=request["device"], seed=request["seed"])
    try:
        solution = _load_module("submission", submission_path)
    except BaseException as exc:  # noqa: BLE001 - any failure to import is the candidate's to fix
        _emit(result_stream, {"load_error": wire.error_payload(exc, _short_traceback(exc, submission_path))})
        return
    missing = [name for name in request["entrypoints"] if not callable(getattr(solution, name, None))]
    if missing:
        _emit(result_stream, {"missing": missing})
        return
    _emit(result_stream, {"loaded": True, "modules": sorted(m for m in ("sklearn", "torch", "tensorflow") if m in sys.modules)})

    for case in request["cases"]:
        record: dict = {"case": case["name"]}
        bank_runtime.seed_everything(context.seed)
        started = time.perf_counter()
        try:
            inputs = wire.loads(json.dumps(case["inputs"]))
            record["output"] = wire.to_plain(driver.run(solution, inputs, context))
        except BaseException as exc:  # noqa: BLE001 - SystemExit and KeyboardInterrupt included
            record["error"] = wire.error_payload(exc, _short_traceback(exc, submission_path))
        record["seconds"] = time.perf_counter() - started
        if request.get("with_oracle") and hasattr(driver, "oracle"):
            record["oracle"] = wire.to_plain(driver.oracle(inputs, context))
        record["imported"] = sorted(m for m in ("sklearn", "scipy") if m in sys.modules)
        _emit(result_stream, record)
    _emit(result_stream, {"done": True})


if __name__ == "__main__":
    main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # skip atexit hooks a submission may have registered

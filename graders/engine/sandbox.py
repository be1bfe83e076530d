"""Run a submission's driver in an isolated child process and collect what it sends back.

Isolation levels, strongest first:
- "bubblewrap": a read-only view of the system, the bank's own folders and caches hidden, no
  network, its own process and IPC namespaces, a private temporary folder.
- "subprocess": a plain child with rlimits (memory, CPU, file size, no core files), its own
  process group, a scrubbed environment and a fresh working folder.
Both get a wall-clock timeout. The level used is recorded in every result.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .child import wire
from .errors import GradingError
from .paths import bank_roots

CHILD_DIR = Path(__file__).parent / "child"
RUNTIME_FILES = ("runner.py", "wire.py", "bank_runtime.py", "confine.py")
LOG_TAIL_BYTES = 16_000
MAX_RESULT_BYTES = 256 << 20
FILE_SIZE_LIMIT = 256 << 20
MAX_PROCESSES = 64  # processes (not threads) a submission may have at once
WATCH_INTERVAL = 0.2
SANDBOX_MOUNT = "/tmp/bank"  # where the run folder appears inside bubblewrap (on its private /tmp)
SUBMISSION_MARK = "<submission>"  # how tracebacks name the candidate's file, replaced by the judge


@dataclass
class ChildRun:
    """Everything the child sent back, plus how it ended. Plain data only."""

    isolation: str
    records: list[dict] = field(default_factory=list)
    exit_code: int | None = None
    timed_out: bool = False
    too_many_processes: bool = False
    seconds: float = 0.0
    log: str = ""
    protocol_error: str = ""
    raw: str = ""  # the result lines as sent, kept so a reference run can be cached verbatim

    @property
    def level(self) -> str:
        """The isolation that actually held: the launcher, plus Landlock if the child applied it."""
        confined = self.first("confined") or {}
        return self.isolation + ("+landlock" if confined.get("landlock_abi") else "")

    def first(self, key: str):
        return next((r[key] for r in self.records if key in r), None)

    @property
    def case_records(self) -> dict[str, dict]:
        return {r["case"]: r for r in self.records if "case" in r}

    @property
    def finished(self) -> bool:
        return any(r.get("done") for r in self.records)


@functools.cache
def bubblewrap_available() -> bool:
    """True when bwrap exists and can actually create its namespaces here (containers may forbid it)."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return False
    try:
        probe = subprocess.run([bwrap, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
                               capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def isolation_level(require_strong: bool = False) -> str:
    """The strongest level available, unless BANK_ISOLATION=subprocess asks for the plain one."""
    forced_plain = os.environ.get("BANK_ISOLATION") == "subprocess"
    if bubblewrap_available() and not forced_plain:
        return "bubblewrap"
    if require_strong:
        raise GradingError("--require-isolation: bubblewrap is not available here (install it, e.g. apt-get install bubblewrap)")
    return "subprocess"


def _site_paths() -> list[str]:
    paths = sysconfig.get_paths()
    return list(dict.fromkeys([paths["purelib"], paths["platlib"]]))


def _child_env(home: str, device: str) -> dict[str, str]:
    """A fresh environment: nothing from the caller's (tokens, keys) reaches candidate code."""
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": home, "TMPDIR": home, "LANG": "C.UTF-8",
        "PYTHONHASHSEED": "0", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONUNBUFFERED": "1",
        "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "HF_HOME": os.path.join(home, ".hf"),
        "KERAS_BACKEND": "tensorflow", "TF_CPP_MIN_LOG_LEVEL": "3", "MPLBACKEND": "Agg",
        "TRANSFORMERS_VERBOSITY": "error", "HF_HUB_DISABLE_PROGRESS_BARS": "1", "TOKENIZERS_PARALLELISM": "false",
    }
    # One math thread per child: the bank runs the reference and the candidate (or --jobs
    # submissions) side by side, and two torch children spinning two OpenMP threads each on two
    # cores measured 14x slower (55.6 s vs 4.1 s); one thread costs nothing on these tiny inputs.
    threads = os.environ.get("BANK_CHILD_THREADS", "1")
    env.update(OMP_NUM_THREADS=threads, MKL_NUM_THREADS=threads, OPENBLAS_NUM_THREADS=threads)
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""
    elif "CUDA_VISIBLE_DEVICES" in os.environ:
        env["CUDA_VISIBLE_DEVICES"] = os.environ["CUDA_VISIBLE_DEVICES"]
    return env


def _confinement(root: Path, device: str) -> dict | None:
    """What the child may read and write once confined (Landlock); BANK_LANDLOCK=0 turns it off."""
    if os.environ.get("BANK_LANDLOCK") == "0":
        return None
    read = [sys.base_prefix, sys.prefix, *_site_paths(), str(root / "runtime")]
    write = [str(root / "work")]
    if device == "cuda":
        read += ["/proc/driver/nvidia", "/sys/bus/pci", "/sys/devices"]
        write += [str(p) for p in Path("/dev").glob("nvidia*")]
    return {"read": read, "write": write}


def _limits(memory_mb: int, cpu_seconds: int):
    def apply() -> None:
        memory = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 5))
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


def _bwrap_prefix(box: Path, device: str, hidden: list[Path]) -> list[str]:
    args = ["bwrap", "--ro-bind", "/", "/", "--proc", "/proc",
            *(["--dev-bind", "/dev", "/dev"] if device == "cuda" else ["--dev", "/dev"]),
            "--tmpfs", "/tmp"]
    # Hide the bank (solutions, graders, caches of expected values) but keep the interpreter's
    # environment, which often lives inside the repository (.venv).
    keep = [Path(sys.prefix).resolve()]
    for folder in hidden:
        if folder.exists():
            args += ["--tmpfs", str(folder)]
            args += [a for k in keep if folder in k.parents for a in ("--ro-bind", str(k), str(k))]
    args += ["--bind", str(box), SANDBOX_MOUNT, "--chdir", f"{SANDBOX_MOUNT}/work",
             "--unshare-all", "--die-with-parent", "--new-session"]
    if device == "cuda":
        args.remove("--unshare-all")
        args += ["--unshare-user-try", "--unshare-ipc", "--unshare-pid", "--unshare-uts", "--unshare-cgroup-try", "--unshare-net"]
    return args


class _TailReader(threading.Thread):
    """Drain a pipe without ever holding more than a bounded amount of it."""

    def __init__(self, stream, keep_bytes: int, keep_all: bool = False):
        super().__init__(daemon=True)
        self.stream, self.keep_bytes, self.keep_all = stream, keep_bytes, keep_all
        self.chunks: collections.deque[bytes] = collections.deque()
        self.size = 0
        self.overflow = False

    def run(self) -> None:
        for chunk in iter(lambda: self.stream.read1(65536), b""):
            self.chunks.append(chunk)
            self.size += len(chunk)
            while self.size > self.keep_bytes and len(self.chunks) > 1:
                if self.keep_all:
                    self.overflow = True
                self.size -= len(self.chunks.popleft())
        self.stream.close()

    def text(self) -> str:
        return b"".join(self.chunks).decode("utf-8", errors="replace")


def run_child(*, submission_source: str, driver: Path, entrypoints: list[str], cases: list[dict],
              device: str, timeout: float, memory_mb: int, seed: int = 0, with_oracle: bool = False,
              require_isolation: bool = False, hidden: list[Path] | None = None) -> ChildRun:
    """Run `driver.run(submission, inputs, ctx)` for each case in a sandboxed child."""
    isolation = isolation_level(require_isolation)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bank-run-") as tmp:
        box = Path(tmp)
        (box / "runtime").mkdir()
        (box / "work").mkdir()
        for name in RUNTIME_FILES:
            shutil.copyfile(CHILD_DIR / name, box / "runtime" / name)
        shutil.copyfile(driver, box / "runtime" / "bank_driver.py")
        (box / "work" / "submission.py").write_text(submission_source, encoding="utf-8")
        root = Path(SANDBOX_MOUNT) if isolation == "bubblewrap" else box
        read_end, write_end = os.pipe()
        request = {
            "site_paths": _site_paths(), "result_fd": write_end, "seed": seed, "device": device,
            "submission": str(root / "work" / "submission.py"),
            "driver": str(root / "runtime" / "bank_driver.py"),
            "entrypoints": entrypoints, "cases": cases, "with_oracle": with_oracle,
            "confine": _confinement(root, device),
        }
        command = [sys.executable, "-I", "-S", str(root / "runtime" / "runner.py")]
        if isolation == "bubblewrap":
            command = _bwrap_prefix(box, device, hidden if hidden is not None else default_hidden()) + command
        try:
            process = subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                cwd=box / "work", env=_child_env(str(root / "work"), device), pass_fds=(write_end,),
                preexec_fn=_limits(memory_mb, int(timeout) * 4 + 10), start_new_session=True,
            )
        finally:
            os.close(write_end)
        results = _TailReader(os.fdopen(read_end, "rb"), MAX_RESULT_BYTES, keep_all=True)
        log = _TailReader(process.stdout, LOG_TAIL_BYTES)
        results.start()
        log.start()
        try:
            process.stdin.write(json.dumps(request).encode())
            process.stdin.close()
        except BrokenPipeError:
            pass
        run = ChildRun(isolation=isolation)
        _watch(process, timeout, run)
        _kill_tree(process)
        results.join(5)
        log.join(5)
        run.seconds = time.perf_counter() - started
        run.log = log.text()
        if results.overflow:
            run.protocol_error = "the submission sent back more than 256 MiB of data"
        run.raw = results.text()
        parse_records(run, run.raw)
    return run


def _children_by_parent() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            parent = int(stat[stat.rindex(b")") + 2:].split()[1])  # the comm field may contain spaces
            tree.setdefault(parent, []).append(int(entry.name))
    return tree


def descendants(pid: int) -> list[int]:
    """Every process below pid (Linux /proc); [] where /proc is unavailable."""
    if not os.path.isdir("/proc"):
        return []
    tree, found, todo = _children_by_parent(), [], [pid]
    while todo:
        children = tree.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _watch(process: subprocess.Popen, timeout: float, run: ChildRun) -> None:
    """Wait for the child, stopping it at the timeout or when it forks too many processes
    (RLIMIT_NPROC does not apply to root, so the bank counts them itself)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            run.exit_code = process.wait(timeout=max(0.0, min(WATCH_INTERVAL, deadline - time.monotonic())))
            return
        except subprocess.TimeoutExpired:
            if time.monotonic() >= deadline:
                run.timed_out = True
                return
            if len(descendants(process.pid)) > MAX_PROCESSES:
                run.too_many_processes = True
                return


def _kill_tree(process: subprocess.Popen) -> None:
    """Kill the child's process group and every descendant still attached, even after it exited."""
    stragglers = descendants(process.pid)
    _sigkill(os.killpg, process.pid)
    for pid in stragglers:
        _sigkill(os.kill, pid)
    process.wait()


def _sigkill(kill, target: int) -> None:
    try:
        kill(target, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass  # already gone, or (without bubblewrap) no longer ours


def parse_records(run: ChildRun, text: str) -> None:
    for line in text.splitlines():
        if not line.strip():
            continue
        try:
            record = wire.loads(line)
        except (ValueError, TypeError, KeyError) as e:
            run.protocol_error = f"unreadable data from the child: {e}"
            break
        if isinstance(record, dict):
            run.records.append(record)


def default_hidden() -> list[Path]:
    from .cache import cache_dir

    return [*bank_roots(), cache_dir()]

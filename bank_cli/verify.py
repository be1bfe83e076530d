"""`bank verify`: prove every question's grader (reference passes, wrong solutions caught...)."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from graders.engine.questions import get, load_all

from .errors import EXIT_FAILED, EXIT_OK


def register(commands) -> None:
    p = commands.add_parser("verify", help="Check that every question's grader works. Example: bank verify metrics/roc-auc")
    p.add_argument("ids", nargs="*", metavar="ID", help="questions to verify (default: all)")
    p.add_argument("--jobs", type=int, default=2, help="questions verified at once")
    p.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    p.set_defaults(handler=verify)


def verify(args) -> int:
    from graders.engine.verify import verify as verify_question

    questions = [get(i) for i in args.ids] if args.ids else list(load_all().values())
    if args.device == "cuda":
        questions = [q for q in questions if "cuda" in q.devices]
    started = time.perf_counter()
    # Slowest first (training questions), so parallel workers finish together.
    order = sorted(questions, key=lambda q: -q.timeout)
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        reports = dict(zip([q.id for q in order], pool.map(lambda q: verify_question(q, args.device), order), strict=True))
    failures = 0
    for q in questions:
        report = reports[q.id]
        print(f"{'ok  ' if report.ok else 'FAIL'} {q.id} ({report.seconds:.1f} s)")
        for finding in report.findings:
            print(f"     {'ok' if finding.ok else 'x '} {finding.what}")
        failures += not report.ok
    print(f"\n{len(questions) - failures}/{len(questions)} questions verified in {time.perf_counter() - started:.1f} s")
    return EXIT_OK if failures == 0 else EXIT_FAILED

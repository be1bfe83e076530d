"""Judge for attention/scaled-dot-product: values and gradients against PyTorch's kernel;
known mistakes recognised by recomputing them in NumPy."""

import numpy as np

from graders.engine import checks
from graders.engine.cases import Case


def cases() -> list[Case]:
    rng = np.random.default_rng(0)

    def t(*shape):
        return rng.standard_normal(shape).astype(np.float32)

    causal = np.tril(np.ones((5, 5), dtype=bool))
    padding = np.ones((2, 1, 1, 6), dtype=bool)
    padding[0, ..., 4:] = False  # the first sequence has two padded keys
    padding[1, ..., 5:] = False
    made = [
        ("batched, no mask", t(2, 5, 8), t(2, 6, 8), t(2, 6, 4), None),
        ("multi-head, head size 64", t(2, 3, 4, 64), t(2, 3, 7, 64), t(2, 3, 7, 16), None),
        ("causal mask", t(2, 5, 16), t(2, 5, 16), t(2, 5, 8), causal),
        ("padding mask", t(2, 2, 3, 8), t(2, 2, 6, 8), t(2, 2, 6, 8), padding),
    ]
    out = []
    for name, q, k, v, mask in made:
        grad_out = t(*np.broadcast_shapes(q.shape[:-2], k.shape[:-2]), q.shape[-2], v.shape[-1])
        out.append(Case(name, {"q": q, "k": k, "v": v, "mask": mask, "grad_out": grad_out}))
    return out


def numpy_attention(q, k, v, mask, scale=True, axis=-1, invert=False, mask_after=False):
    """Attention in float64, optionally with one known mistake, to recognise a wrong answer."""
    scores = q.astype(float) @ np.swapaxes(k, -1, -2).astype(float)
    if scale:
        scores /= np.sqrt(q.shape[-1])
    allowed = None if mask is None else np.broadcast_to(~mask if invert else mask, scores.shape)
    if allowed is not None and not mask_after:
        scores = np.where(allowed, scores, -np.inf)
    scores = scores - scores.max(axis=axis, keepdims=True)
    weights = np.exp(scores)
    weights /= weights.sum(axis=axis, keepdims=True)
    if allowed is not None and mask_after:
        weights = np.where(allowed, weights, 0.0)
    return weights @ v.astype(float), weights


MISTAKES = {
    "no-scaling": {"scale": False},
    "softmax-wrong-axis": {"axis": -2},
    "inverted-mask": {"invert": True},
    "mask-after-softmax": {"mask_after": True},
}


def _pitfall(out, case):
    x = case.inputs
    for pitfall, mistake in MISTAKES.items():
        if x["mask"] is None and pitfall in ("inverted-mask", "mask-after-softmax"):
            continue
        with np.errstate(all="ignore"):
            wrong_out, _ = numpy_attention(x["q"], x["k"], x["v"], x["mask"], **mistake)
        if checks.matches(out, wrong_out, rtol=1e-3, atol=1e-4):
            return pitfall
    return None


def judge(case, got, expected, record):
    truth = expected["oracle"]
    device = expected["output"]["out"].device.split(":")[0]
    # GPU kernels reorder sums (and may use reduced-precision matmuls): a looser tolerance there.
    rtol, atol = (1e-4, 1e-5) if device == "cpu" else (2e-3, 2e-4)
    name = case.name
    if "returned" in got:
        return [checks.fail(f"{name}: returns (out, weights)", f"{name}: expected a tuple (out, weights), got {checks.describe(got['returned'])}")]
    out, weights = got["out"], got["weights"]
    found = [checks.shape(f"{name}: out shape", out, truth["out"].values.shape, weight=0.5),
             checks.shape(f"{name}: weights shape", weights, truth["weights"].values.shape, weight=0.5)]
    if not all(c.passed for c in found):
        return found
    on_device = [x.device.split(":")[0] for x in (out, weights) if isinstance(x, checks.Tensor)]
    found.append(checks.that(f"{name}: outputs on {device}", on_device == [device, device],
                             f"{name}: outputs must stay on the inputs' device ({device}); got {on_device or 'non-tensors'}"))
    value = checks.arrays(f"{name}: out", out, truth["out"], rtol=rtol, atol=atol, weight=2)
    if not value.passed:
        value.pitfall = _pitfall(checks.values(out), case)
    found.append(value)
    row_sums = checks.values(weights).sum(-1)
    sums = checks.that(f"{name}: weight rows sum to 1", bool(np.allclose(row_sums, 1, atol=1e-4)),
                       f"{name}: attention weights must sum to 1 over the keys; row sums range {row_sums.min():.4g}..{row_sums.max():.4g}")
    if not sums.passed and value.pitfall in ("mask-after-softmax", "softmax-wrong-axis"):
        sums.pitfall = value.pitfall
    found.append(sums)
    found.append(checks.arrays(f"{name}: weights", weights, truth["weights"], rtol=rtol, atol=atol, pitfall=value.pitfall))
    for grad in ("grad_q", "grad_k", "grad_v"):
        if got[grad] is None:
            found.append(checks.fail(f"{name}: {grad}", f"{name}: no gradient reached {grad[5:]}: keep the computation in torch and differentiable (no .detach(), .numpy() or in-place tricks)"))
        else:
            found.append(checks.arrays(f"{name}: {grad}", got[grad], truth[grad], rtol=rtol * 10, atol=atol * 10, pitfall=value.pitfall))
    return found

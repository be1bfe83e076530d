"""Runs in the sandbox: call the candidate's attention on tensors, backpropagate a fixed
upstream gradient, and send back outputs, weights and input gradients."""

import math

import torch


def _inputs(inputs, device):
    q, k, v = (torch.tensor(inputs[name], device=device, requires_grad=True) for name in ("q", "k", "v"))
    mask = None if inputs["mask"] is None else torch.tensor(inputs["mask"], device=device)
    return q, k, v, mask, torch.tensor(inputs["grad_out"], device=device)


def _backward(out, q, k, v, grad_out):
    if isinstance(out, torch.Tensor) and out.requires_grad and out.shape == grad_out.shape:
        (out * grad_out).sum().backward()
    return {"grad_q": q.grad, "grad_k": k.grad, "grad_v": v.grad}


def run(solution, inputs, ctx):
    q, k, v, mask, grad_out = _inputs(inputs, ctx.device)
    result = solution.scaled_dot_product_attention(q, k, v, mask=mask)
    if not (isinstance(result, tuple) and len(result) == 2):
        return {"returned": result}
    out, weights = result
    return {"out": out, "weights": weights, **_backward(out, q, k, v, grad_out)}


def oracle(inputs, ctx):
    """PyTorch's own kernel, run only beside the reference solution."""
    q, k, v, mask, grad_out = _inputs(inputs, ctx.device)
    out = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    scores = q.detach() @ k.detach().transpose(-2, -1) / math.sqrt(q.size(-1))
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return {"out": out, "weights": scores.softmax(-1), **_backward(out, q, k, v, grad_out)}

"""Scaled dot-product attention: softmax(q k^T / sqrt(d)) v, masking the logits."""

import math


def scaled_dot_product_attention(q, k, v, mask=None):
    # 1/sqrt(d) keeps the logits at unit variance, so the softmax does not saturate as d grows.
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.size(-1))  # (..., Lq, Lk)
    if mask is not None:
        # -inf before the softmax: masked keys get exactly 0 and the rest still sum to 1.
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = scores.softmax(dim=-1)  # each query's distribution over the keys
    return weights @ v, weights  # (..., Lq, dv), (..., Lq, Lk)

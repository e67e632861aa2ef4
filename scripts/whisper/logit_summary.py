"""The per-position logit summary that reference.json pins for every decoder fixture (Whisper, Llama, Marian):
argmax, logsumexp and the logits of a few probe ids, which the vitest suites recompute through
transformers.js and onnxruntime. Shared so the three torch references summarize alike.
"""

from __future__ import annotations

import torch


def summarize_logits(logits: torch.Tensor, probes: list[int]) -> list[dict]:
    """One entry per row of logits [T, vocab]."""
    return [
        {
            "argmax": int(row.argmax()),
            "logsumexp": float(torch.logsumexp(row, 0)),
            "probe_logits": [float(row[p]) for p in probes],
        }
        for row in logits
    ]

"""An independent PyTorch forward pass of the generated Llama weights, for the test suite's reference.json.

Written from the architecture, not from the ONNX graph: RoPE as a complex rotation of (first half, second half)
pairs, GQA by repeating key/value heads, explicit causal mask, float64 throughout.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from logit_summary import summarize_logits  # noqa: E402

from llama_dims import LlamaDims  # noqa: E402
from llama_tokenizer import LlamaVocab  # noqa: E402
from llama_weights import EMBED, Weights, as_q4  # noqa: E402

PROBE_TEXT = "<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\n chest pain and cough"


def rms_norm(x: torch.Tensor, weight: torch.Tensor, eps: float) -> torch.Tensor:
    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight


def rope(x: torch.Tensor, angles: torch.Tensor) -> torch.Tensor:
    """x [heads, T, hd]: rotate the complex numbers x[..., j] + i x[..., j + hd/2] by angles [T, hd/2]."""
    half = x.shape[-1] // 2
    z = torch.complex(x[..., :half], x[..., half:]) * torch.polar(torch.ones_like(angles), angles)
    return torch.cat([z.real, z.imag], dim=-1)


def forward(dims: LlamaDims, w: Weights, tokens: list[int]) -> torch.Tensor:
    """Logits [T, vocab] for one sequence, float64."""
    t = {k: torch.from_numpy(v).double() for k, v in w.items()}
    n, hd, group = len(tokens), dims.head_dim, dims.heads // dims.kv_heads
    angles = torch.outer(torch.arange(n, dtype=torch.float64), torch.from_numpy(dims.inv_freq()).double())
    future = torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1)
    x = t[EMBED][torch.tensor(tokens)]
    for i in range(dims.layers):
        p = f"model.layers.{i}"
        h = rms_norm(x, t[f"{p}.input_layernorm.weight"], dims.rms_norm_eps)
        q = (h @ t[f"{p}.self_attn.q_proj.weight"].T).view(n, dims.heads, hd).transpose(0, 1)
        k = (h @ t[f"{p}.self_attn.k_proj.weight"].T).view(n, dims.kv_heads, hd).transpose(0, 1)
        v = (h @ t[f"{p}.self_attn.v_proj.weight"].T).view(n, dims.kv_heads, hd).transpose(0, 1)
        q, k = rope(q, angles), rope(k, angles)
        k, v = k.repeat_interleave(group, dim=0), v.repeat_interleave(group, dim=0)
        scores = (q @ k.transpose(1, 2)) / hd**0.5
        context = torch.softmax(scores.masked_fill(future, float("-inf")), dim=-1) @ v
        x = x + context.transpose(0, 1).reshape(n, -1) @ t[f"{p}.self_attn.o_proj.weight"].T
        h = rms_norm(x, t[f"{p}.post_attention_layernorm.weight"], dims.rms_norm_eps)
        gate, up = h @ t[f"{p}.mlp.gate_proj.weight"].T, h @ t[f"{p}.mlp.up_proj.weight"].T
        x = x + (torch.nn.functional.silu(gate) * up) @ t[f"{p}.mlp.down_proj.weight"].T
    return rms_norm(x, t["model.norm.weight"], dims.rms_norm_eps) @ t[EMBED].T


def probe_tokens(vocab: LlamaVocab) -> list[int]:
    specials = ["<|begin_of_text|>", "<|start_header_id|>", "user", "<|end_header_id|>", "\n\n"]
    words = [" chest", " pain", " and", " cough"]
    return [vocab.id_of(s) for s in specials + words]


def reference_summary(dims: LlamaDims, w: Weights, vocab: LlamaVocab) -> dict:
    """`steps`: the fp32 weights; `q4_steps`: the dequantized 4-bit weights that model_q4.onnx holds."""
    tokens = probe_tokens(vocab)
    probes = sorted({0, 13, 100, vocab.size - 1, vocab.id_of("<|eot_id|>"), vocab.id_of(" pain")})
    return {
        "text": PROBE_TEXT,
        "tokens": tokens,
        "probe_ids": probes,
        "steps": summarize_logits(forward(dims, w, tokens), probes),
        "q4_steps": summarize_logits(forward(dims, as_q4(w), tokens), probes),
    }

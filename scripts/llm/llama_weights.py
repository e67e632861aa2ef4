"""Llama weights under Hugging Face's parameter names (torch layout: Linear is [out, in]).

Random fp32 weights for the committed fixtures; for the 4-bit benchmark model no fp32 weights exist at all
(Llama 3.2 1B in fp32 is 5 GB): `RandomQ4` hands out random packed 4-bit blocks, which are valid weights.
"""

from __future__ import annotations

import numpy as np

from llama_dims import LlamaDims

Weights = dict[str, np.ndarray]
EMBED = "model.embed_tokens.weight"


def layer_linears(dims: LlamaDims, i: int) -> dict[str, tuple[int, int]]:
    """Every Linear of layer i: name -> (out_features, in_features)."""
    p, h, hd = f"model.layers.{i}", dims.hidden, dims.head_dim
    return {
        f"{p}.self_attn.q_proj.weight": (dims.heads * hd, h),
        f"{p}.self_attn.k_proj.weight": (dims.kv_heads * hd, h),
        f"{p}.self_attn.v_proj.weight": (dims.kv_heads * hd, h),
        f"{p}.self_attn.o_proj.weight": (h, dims.heads * hd),
        f"{p}.mlp.gate_proj.weight": (dims.intermediate, h),
        f"{p}.mlp.up_proj.weight": (dims.intermediate, h),
        f"{p}.mlp.down_proj.weight": (h, dims.intermediate),
    }


def random_weights(dims: LlamaDims, vocab_size: int, seed: int) -> Weights:
    """Normal weights (std 1/sqrt(fan_in) for projections, 0.5 for embeddings so random logits are varied),
    RMSNorm gains near 1."""
    rng = np.random.default_rng(seed)
    w: Weights = {EMBED: (rng.standard_normal((vocab_size, dims.hidden)) * 0.5).astype(np.float32)}
    for i in range(dims.layers):
        for name, (out_f, in_f) in layer_linears(dims, i).items():
            w[name] = (rng.standard_normal((out_f, in_f)) / np.sqrt(in_f)).astype(np.float32)
        for norm in ("input_layernorm", "post_attention_layernorm"):
            w[f"model.layers.{i}.{norm}.weight"] = (1 + 0.1 * rng.standard_normal(dims.hidden)).astype(np.float32)
    w["model.norm.weight"] = (1 + 0.1 * rng.standard_normal(dims.hidden)).astype(np.float32)
    return w


BLOCK = 32


def quantize_q4(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric 4-bit blocks along the input dimension, MatMulNBits layout: packed uint8 [out, in/32, 16]
    (element 2j in the low nibble, 2j+1 in the high one, stored value q+8) and scales [out * in/32]."""
    out_f, in_f = weight.shape
    assert in_f % BLOCK == 0
    blocks = weight.reshape(out_f, in_f // BLOCK, BLOCK)
    scale = np.abs(blocks).max(axis=2) / 7.0
    scale = np.where(scale > 0, scale, 1.0).astype(np.float32)
    q = np.clip(np.round(blocks / scale[..., None]), -8, 7).astype(np.int16) + 8
    packed = (q[..., 0::2] | (q[..., 1::2] << 4)).astype(np.uint8)
    return packed, scale.reshape(-1)


def dequantize_q4(packed: np.ndarray, scales: np.ndarray) -> np.ndarray:
    """The fp32 weight [out, in] a MatMulNBits / GatherBlockQuantized node computes with (zero point 8)."""
    q = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(packed.shape[0], packed.shape[1], -1)
    values = (q.astype(np.float32) - 8) * scales.reshape(packed.shape[0], packed.shape[1], 1)
    return values.reshape(packed.shape[0], -1)


def as_q4(weights: Weights) -> Weights:
    """The weights a q4 graph built from `weights` effectively holds (every Linear and the embedding)."""
    return {k: dequantize_q4(*quantize_q4(v)) if v.ndim == 2 else v for k, v in weights.items()}


class RandomQ4:
    """Random packed 4-bit blocks with scales giving std ~1/sqrt(fan_in) (uniform nibbles: std 4.6 steps)."""

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)

    def q4(self, out_f: int, in_f: int, std: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        packed = self.rng.integers(0, 256, size=(out_f, in_f // BLOCK, BLOCK // 2), dtype=np.uint8)
        step = (std if std is not None else 1 / np.sqrt(in_f)) / 4.6
        scale = (step * (0.8 + 0.4 * self.rng.random(out_f * (in_f // BLOCK)))).astype(np.float32)
        return packed, scale

"""Random Marian weights under Hugging Face's parameter names (torch layout: Linear is [out, in]).

One shared embedding table (`model.shared.weight`) serves the encoder input, the decoder input and, tied, the
LM head; `final_logits_bias` [1, vocab] is added to the logits. Static sinusoidal positions are not weights.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from weights import attention_names  # noqa: E402  (q_proj, k_proj, v_proj, out_proj names)

from marian_dims import MarianDims  # noqa: E402

Weights = dict[str, np.ndarray]
SHARED = "model.shared.weight"
LOGITS_BIAS = "final_logits_bias"


def layer_prefix(side: str, i: int) -> str:
    return f"model.{side}.layers.{i}"


def random_weights(dims: MarianDims, vocab_size: int, seed: int) -> Weights:
    """Normal weights (std 1/sqrt(fan_in) for projections, 0.3 for embeddings so random logits are varied),
    small random biases and LayerNorm parameters near (1, 0), a small random final_logits_bias."""
    rng = np.random.default_rng(seed)
    d, f = dims.d_model, dims.ffn_dim
    w: Weights = {}

    def normal(*shape: int, std: float) -> np.ndarray:
        return (rng.standard_normal(shape) * std).astype(np.float32)

    def linear(name: str, out_dim: int, in_dim: int) -> None:
        w[name + ".weight"] = normal(out_dim, in_dim, std=in_dim**-0.5)
        w[name + ".bias"] = normal(out_dim, std=0.02)

    def layer_norm(name: str) -> None:
        w[name + ".weight"] = (1.0 + normal(d, std=0.05)).astype(np.float32)
        w[name + ".bias"] = normal(d, std=0.02)

    def attention(prefix: str) -> None:
        for name in attention_names(prefix):  # Marian: every projection has a bias
            linear(name, d, d)
        layer_norm(prefix + "_layer_norm")

    def block(prefix: str, cross: bool) -> None:
        attention(prefix + ".self_attn")
        if cross:
            attention(prefix + ".encoder_attn")
        linear(prefix + ".fc1", f, d)
        linear(prefix + ".fc2", d, f)
        layer_norm(prefix + ".final_layer_norm")

    w[SHARED] = normal(vocab_size, d, std=0.3)
    for i in range(dims.layers):
        block(layer_prefix("encoder", i), cross=False)
    for i in range(dims.layers):
        block(layer_prefix("decoder", i), cross=True)
    w[LOGITS_BIAS] = normal(1, vocab_size, std=0.1)
    return w

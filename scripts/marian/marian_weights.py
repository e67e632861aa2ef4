"""Random Marian weights under Hugging Face's parameter names (torch layout: Linear is [out, in]).

One shared embedding table (`model.shared.weight`) serves the encoder input, the decoder input and, tied, the
LM head; `final_logits_bias` [1, vocab] is added to the logits. Static sinusoidal positions are not weights.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from random_init import RandomInit, Weights  # noqa: E402
from weights import attention_names  # noqa: E402  (q_proj, k_proj, v_proj, out_proj names)

from marian_dims import MarianDims  # noqa: E402

SHARED = "model.shared.weight"
LOGITS_BIAS = "final_logits_bias"


def layer_prefix(side: str, i: int) -> str:
    return f"model.{side}.layers.{i}"


def random_weights(dims: MarianDims, vocab_size: int, seed: int) -> Weights:
    """Normal weights (std 1/sqrt(fan_in) for projections, 0.3 for embeddings so random logits are varied),
    small random biases and LayerNorm parameters near (1, 0), a small random final_logits_bias."""
    init = RandomInit(seed)
    d, f, w = dims.d_model, dims.ffn_dim, init.weights

    def attention(prefix: str) -> None:
        for name in attention_names(prefix):  # Marian: every projection has a bias
            init.linear(name, d, d)
        init.layer_norm(prefix + "_layer_norm", d)

    def block(prefix: str, cross: bool) -> None:
        attention(prefix + ".self_attn")
        if cross:
            attention(prefix + ".encoder_attn")
        init.linear(prefix + ".fc1", f, d)
        init.linear(prefix + ".fc2", d, f)
        init.layer_norm(prefix + ".final_layer_norm", d)

    w[SHARED] = init.normal(vocab_size, d, std=0.3)
    for i in range(dims.layers):
        block(layer_prefix("encoder", i), cross=False)
    for i in range(dims.layers):
        block(layer_prefix("decoder", i), cross=True)
    w[LOGITS_BIAS] = init.normal(1, vocab_size, std=0.1)
    return w

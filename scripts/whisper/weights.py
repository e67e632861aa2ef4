"""Random Whisper weights under Hugging Face's parameter names (torch layout: Linear is [out, in])."""

from __future__ import annotations

import numpy as np

from dims import N_MELS, N_TEXT_CTX, WhisperDims

Weights = dict[str, np.ndarray]


def attention_names(prefix: str) -> list[str]:
    return [f"{prefix}.{p}_proj" for p in ("q", "k", "v", "out")]


def random_weights(dims: WhisperDims, vocab_size: int, first_special: int, seed: int) -> Weights:
    """Normal weights (std 1/sqrt(fan_in) for projections, 0.02 for embeddings). Rows of embed_tokens from
    first_special on (special and timestamp tokens) are 10x smaller, so greedy decoding of random weights
    yields text tokens: in the small test vocabularies 1608 of ~1900 ids are special, in Whisper's 3%."""
    rng = np.random.default_rng(seed)
    d, f = dims.d_model, dims.ffn_dim
    w: Weights = {}

    def normal(*shape: int, std: float = 0.02) -> np.ndarray:
        return (rng.standard_normal(shape, dtype=np.float32) * std).astype(np.float32)

    def linear(name: str, out_dim: int, in_dim: int, bias: bool = True) -> None:
        w[name + ".weight"] = normal(out_dim, in_dim, std=in_dim**-0.5)
        if bias:
            w[name + ".bias"] = normal(out_dim)

    def layer_norm(name: str) -> None:
        w[name + ".weight"] = (1.0 + normal(d, std=0.05)).astype(np.float32)
        w[name + ".bias"] = normal(d)

    def attention(prefix: str) -> None:
        q, k, v, o = attention_names(prefix)
        linear(q, d, d)
        linear(k, d, d, bias=False)  # Whisper's key projection has no bias
        linear(v, d, d)
        linear(o, d, d)

    def block(prefix: str, cross: bool) -> None:
        attention(prefix + ".self_attn")
        layer_norm(prefix + ".self_attn_layer_norm")
        if cross:
            attention(prefix + ".encoder_attn")
            layer_norm(prefix + ".encoder_attn_layer_norm")
        linear(prefix + ".fc1", f, d)
        linear(prefix + ".fc2", d, f)
        layer_norm(prefix + ".final_layer_norm")

    w["model.encoder.conv1.weight"] = normal(d, N_MELS, 3, std=(3 * N_MELS) ** -0.5)
    w["model.encoder.conv1.bias"] = normal(d)
    w["model.encoder.conv2.weight"] = normal(d, d, 3, std=(3 * d) ** -0.5)
    w["model.encoder.conv2.bias"] = normal(d)
    for i in range(dims.layers):
        block(f"model.encoder.layers.{i}", cross=False)
    layer_norm("model.encoder.layer_norm")
    w["model.decoder.embed_tokens.weight"] = normal(vocab_size, d)
    w["model.decoder.embed_tokens.weight"][first_special:] *= 0.1
    w["model.decoder.embed_positions.weight"] = normal(N_TEXT_CTX, d, std=0.01)
    for i in range(dims.layers):
        block(f"model.decoder.layers.{i}", cross=True)
    layer_norm("model.decoder.layer_norm")
    return w


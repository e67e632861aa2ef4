"""Random Whisper weights under Hugging Face's parameter names (torch layout: Linear is [out, in])."""

from __future__ import annotations

import numpy as np

from dims import N_MELS, N_TEXT_CTX, WhisperDims
from random_init import BIAS_STD, RandomInit, Weights


def attention_names(prefix: str) -> list[str]:
    return [f"{prefix}.{p}_proj" for p in ("q", "k", "v", "out")]


def random_weights(dims: WhisperDims, vocab_size: int, first_special: int, seed: int) -> Weights:
    """Normal weights (std 1/sqrt(fan_in) for projections, 0.02 for embeddings). Rows of embed_tokens from
    first_special on (special and timestamp tokens) are 10x smaller, so greedy decoding of random weights
    yields text tokens: in the small test vocabularies 1608 of ~1900 ids are special, in Whisper's 3%."""
    init = RandomInit(seed, draw_dtype=np.float32)  # float32 draws: the fixtures were made that way
    d, f, w = dims.d_model, dims.ffn_dim, init.weights

    def attention(prefix: str) -> None:
        q, k, v, o = attention_names(prefix)
        init.linear(q, d, d)
        init.linear(k, d, d, bias=False)  # Whisper's key projection has no bias
        init.linear(v, d, d)
        init.linear(o, d, d)

    def block(prefix: str, cross: bool) -> None:
        attention(prefix + ".self_attn")
        init.layer_norm(prefix + ".self_attn_layer_norm", d)
        if cross:
            attention(prefix + ".encoder_attn")
            init.layer_norm(prefix + ".encoder_attn_layer_norm", d)
        init.linear(prefix + ".fc1", f, d)
        init.linear(prefix + ".fc2", d, f)
        init.layer_norm(prefix + ".final_layer_norm", d)

    w["model.encoder.conv1.weight"] = init.normal(d, N_MELS, 3, std=(3 * N_MELS) ** -0.5)
    w["model.encoder.conv1.bias"] = init.normal(d, std=BIAS_STD)
    w["model.encoder.conv2.weight"] = init.normal(d, d, 3, std=(3 * d) ** -0.5)
    w["model.encoder.conv2.bias"] = init.normal(d, std=BIAS_STD)
    for i in range(dims.layers):
        block(f"model.encoder.layers.{i}", cross=False)
    init.layer_norm("model.encoder.layer_norm", d)
    w["model.decoder.embed_tokens.weight"] = init.normal(vocab_size, d, std=0.02)
    w["model.decoder.embed_tokens.weight"][first_special:] *= 0.1
    w["model.decoder.embed_positions.weight"] = init.normal(N_TEXT_CTX, d, std=0.01)
    for i in range(dims.layers):
        block(f"model.decoder.layers.{i}", cross=True)
    init.layer_norm("model.decoder.layer_norm", d)
    return w

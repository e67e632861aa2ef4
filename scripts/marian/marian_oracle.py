"""Hand-set Marian weights whose greedy translation is known in advance: "hello world", whatever the source.

The next token is a function of the previous decoder token only:
  <pad> (decoder start) -> "▁hello" -> "▁world" -> </s>;  any other token -> </s>.
So "hola mundo" (and any other source, batched and padded or not) translates to "hello world".

How: the shared embedding rows carry an output code (the three targets) in dims [0, 3) and an input-class code
(x CLASS_CODE) in dims [8, 11); every other entry is 0. The encoder keeps its random weights and runs for real,
and the decoder keeps random q/k/v projections (so both caches hold real values), but every attention
out_proj is zero, so attention cannot change the residual stream. Marian is post-LayerNorm, so each sublayer
renormalizes x: the input-class spike (scaled by sqrt(d_model)) dominates the sinusoidal positions (|p| <= 1).
Layer 0's FFN reads the class (fc1 unit per class, bias below any noise) and writes a large output code
(fc2); layer 1's FFN is zero and its final LayerNorm has gain LOGIT_GAIN, so hidden @ shared^T peaks at the
target by a wide margin (generate.py checks the margin with the PyTorch reference).
"""

from __future__ import annotations

import numpy as np

from marian_dims import MarianDims
from marian_tokenizer import EOS, PAD, SPACE, MarianVocab
from marian_weights import LOGITS_BIAS, SHARED, Weights, layer_prefix

OUT_DIM, IN_DIM = 0, 8
CLASS_CODE = 2.0
FC1_GAIN, FC1_BIAS, FC2_GAIN = 4.0, -10.0, 4.0
LOGIT_GAIN = 8.0
REPLY = [SPACE + "hello", SPACE + "world"]
EXPECTED_TEXT = "hello world"
SOURCE_TEXT = "hola mundo"
OTHER = "any other token"


def oracle_rules() -> list[tuple[str, str]]:
    chain = [PAD, *REPLY, EOS]
    return list(zip(chain[:-2], chain[1:-1])) + [(OTHER, EOS)]


def oracle_weights(dims: MarianDims, vocab: MarianVocab, base: Weights) -> Weights:
    w = dict(base)
    rules = oracle_rules()
    targets = list(dict.fromkeys(target for _, target in rules))
    other = len(rules) - 1  # the class of every token without its own rule
    assert OUT_DIM + len(targets) <= IN_DIM and IN_DIM + len(rules) <= dims.d_model

    embed = np.zeros((vocab.size, dims.d_model), dtype=np.float32)
    embed[:, IN_DIM + other] = CLASS_CODE
    for cls, (source, _) in enumerate(rules[:-1]):
        row = vocab.id_of(source)
        embed[row, IN_DIM + other] = 0.0
        embed[row, IN_DIM + cls] = CLASS_CODE
    for k, token in enumerate(targets):
        embed[vocab.id_of(token), OUT_DIM + k] = 1.0
    w[SHARED] = embed
    w[LOGITS_BIAS] = np.zeros_like(base[LOGITS_BIAS])

    for i in range(dims.layers):
        p = layer_prefix("decoder", i)
        for attn in ("self_attn", "encoder_attn"):
            w[f"{p}.{attn}.out_proj.weight"] = np.zeros_like(base[f"{p}.{attn}.out_proj.weight"])
            w[f"{p}.{attn}.out_proj.bias"] = np.zeros_like(base[f"{p}.{attn}.out_proj.bias"])
        for name in (f"{p}.fc1", f"{p}.fc2"):
            w[name + ".weight"] = np.zeros_like(base[name + ".weight"])
            w[name + ".bias"] = np.zeros_like(base[name + ".bias"])
        for norm in ("self_attn_layer_norm", "encoder_attn_layer_norm", "final_layer_norm"):
            w[f"{p}.{norm}.weight"] = np.ones(dims.d_model, np.float32)
            w[f"{p}.{norm}.bias"] = np.zeros(dims.d_model, np.float32)

    p0 = layer_prefix("decoder", 0)
    fc1_bias = np.full(dims.ffn_dim, FC1_BIAS, np.float32)
    for cls, (_, target) in enumerate(rules):
        w[f"{p0}.fc1.weight"][cls, IN_DIM + cls] = FC1_GAIN
        w[f"{p0}.fc2.weight"][OUT_DIM + targets.index(target), cls] = FC2_GAIN
    w[f"{p0}.fc1.bias"] = fc1_bias
    w[f"{layer_prefix('decoder', dims.layers - 1)}.final_layer_norm.weight"] = np.full(dims.d_model, LOGIT_GAIN,
                                                                                         np.float32)
    return w


def expected_tokens(vocab: MarianVocab) -> list[int]:
    """The generated sequence, decoder start included."""
    return [vocab.id_of(t) for t in [PAD, *REPLY, EOS]]

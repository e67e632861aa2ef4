"""Hand-set decoder weights whose greedy output is known in advance (the audio is ignored).

The next token is a function of the previous token only:
  <|startoftranscript|> -> <|LANG|>          (one-step language detection answers LANG)
  any language token     -> <|transcribe|>
  <|transcribe|>, <|translate|> -> <|0.00|>
  <|notimestamps|>, <|0.00|>    -> " hello"
  " hello" -> " world" -> <|2.40|> -> <|endoftext|>;  anything else -> <|endoftext|>

How: embeddings carry an output code (targets only) in dims [0, 8) and an input-class code in [16, 25).
All attention output projections are zero, so the decoder's only working part is layer 0's MLP, which
reads the input class and writes a large output code; the final LayerNorm then makes that code dominate
hidden @ embed_tokens^T (target logit ~ +55, everything else within a few units of 0).
"""

from __future__ import annotations

import numpy as np

from dims import WhisperDims
from tokenizer_files import LANGUAGES, WhisperVocab
from weights import Weights, attention_names

OUT_DIM, IN_DIM = 0, 16
TEXT = [" hello", " world"]
START, END = "<|0.00|>", "<|2.40|>"


def oracle_rules(language: str) -> list[tuple[list[str], str]]:
    lang = f"<|{language}|>"
    return [
        (["<|startoftranscript|>"], lang),
        ([f"<|{c}|>" for c in LANGUAGES], "<|transcribe|>"),
        (["<|transcribe|>", "<|translate|>"], START),
        (["<|notimestamps|>", START], TEXT[0]),
        ([TEXT[0]], TEXT[1]),
        ([TEXT[1]], END),
        ([END], "<|endoftext|>"),
    ]


def oracle_weights(dims: WhisperDims, vocab: WhisperVocab, base: Weights, language: str) -> Weights:
    w = dict(base)  # the encoder keeps its random weights: it runs for real, the decoder just ignores it
    rules = oracle_rules(language)
    targets = sorted({target for _, target in rules} | {"<|endoftext|>"}, key=vocab.id_of)
    other_class = len(rules)
    assert len(targets) <= IN_DIM and IN_DIM + other_class < dims.d_model

    embed = np.zeros((vocab.size, dims.d_model), dtype=np.float32)
    embed[:, IN_DIM + other_class] = 1.0
    for cls, (sources, _) in enumerate(rules):
        for token in sources:
            row = vocab.id_of(token)
            embed[row, IN_DIM + other_class] = 0.0
            embed[row, IN_DIM + cls] = 1.0
    for k, token in enumerate(targets):
        embed[vocab.id_of(token), OUT_DIM + k] = 1.0
    w["model.decoder.embed_tokens.weight"] = embed
    w["model.decoder.embed_positions.weight"] = np.zeros_like(base["model.decoder.embed_positions.weight"])

    for key in list(w):
        if key.startswith("model.decoder.layers."):
            w[key] = np.ones_like(w[key]) if key.endswith("layer_norm.weight") else np.zeros_like(w[key])
    fc1, fc2 = np.zeros((dims.ffn_dim, dims.d_model), np.float32), np.zeros((dims.d_model, dims.ffn_dim), np.float32)
    fc1_bias = np.full(dims.ffn_dim, -10.0, np.float32)
    for cls, target in enumerate([t for _, t in rules] + ["<|endoftext|>"]):
        fc1[cls, IN_DIM + cls] = 4.0  # active unit: 4 * ~3.9 - 8 > 7; inactive: < -9, GELU ~ 0
        fc1_bias[cls] = -8.0
        fc2[OUT_DIM + targets.index(target), cls] = 10.0
    w["model.decoder.layers.0.fc1.weight"], w["model.decoder.layers.0.fc1.bias"] = fc1, fc1_bias
    w["model.decoder.layers.0.fc2.weight"] = fc2
    w["model.decoder.layer_norm.weight"] = np.full(dims.d_model, 10.0, np.float32)
    w["model.decoder.layer_norm.bias"] = np.zeros(dims.d_model, np.float32)
    for i in range(dims.layers):  # make the "ignored" parts explicit: no attention output reaches the stream
        for prefix in ("self_attn", "encoder_attn"):
            assert not w[attention_names(f"model.decoder.layers.{i}.{prefix}")[3] + ".weight"].any()
    return w


def expected_sequence(vocab: WhisperVocab, language: str) -> list[int]:
    chain = ["<|startoftranscript|>", f"<|{language}|>", "<|transcribe|>", START, *TEXT, END, "<|endoftext|>"]
    return [vocab.id_of(t) for t in chain]

"""Random BertForTokenClassification weights under Hugging Face's parameter names (torch layout: Linear is
[out, in]): word, position and token-type embeddings with their LayerNorm, post-LN encoder layers
(bert.encoder.layer.{i}.attention.self.{query,key,value}, attention.output.{dense,LayerNorm},
intermediate.dense, output.{dense,LayerNorm}) and the classifier Linear [num_labels, hidden].
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from random_init import RandomInit, Weights  # noqa: E402

from tokcls_dims import BertDims  # noqa: E402

WORDS = "bert.embeddings.word_embeddings.weight"
POSITIONS = "bert.embeddings.position_embeddings.weight"
TYPES = "bert.embeddings.token_type_embeddings.weight"
EMBED_NORM = "bert.embeddings.LayerNorm"
CLASSIFIER = "classifier"


def layer_prefix(i: int) -> str:
    return f"bert.encoder.layer.{i}"


def random_weights(dims: BertDims, vocab_size: int, num_labels: int, seed: int) -> Weights:
    """Normal weights (std 1/sqrt(fan_in) for projections, 0.5 for embeddings so random logits are varied),
    small random biases and LayerNorm parameters near (1, 0)."""
    init = RandomInit(seed)
    d, f, w = dims.hidden, dims.intermediate, init.weights

    w[WORDS] = init.normal(vocab_size, d, std=0.5)
    w[POSITIONS] = init.normal(dims.max_positions, d, std=0.5)
    w[TYPES] = init.normal(dims.type_vocab, d, std=0.5)
    init.layer_norm(EMBED_NORM, d)
    for i in range(dims.layers):
        p = layer_prefix(i)
        for proj in ("query", "key", "value"):
            init.linear(f"{p}.attention.self.{proj}", d, d)
        init.linear(f"{p}.attention.output.dense", d, d)
        init.layer_norm(f"{p}.attention.output.LayerNorm", d)
        init.linear(f"{p}.intermediate.dense", f, d)
        init.linear(f"{p}.output.dense", d, f)
        init.layer_norm(f"{p}.output.LayerNorm", d)
    init.linear(CLASSIFIER, num_labels, d)
    w[CLASSIFIER + ".weight"] *= 3.0  # wider logits: random argmaxes far from ties
    return w

"""Random BertForTokenClassification weights under Hugging Face's parameter names (torch layout: Linear is
[out, in]): word, position and token-type embeddings with their LayerNorm, post-LN encoder layers
(bert.encoder.layer.{i}.attention.self.{query,key,value}, attention.output.{dense,LayerNorm},
intermediate.dense, output.{dense,LayerNorm}) and the classifier Linear [num_labels, hidden].
"""

from __future__ import annotations

import numpy as np

from tokcls_dims import BertDims

Weights = dict[str, np.ndarray]
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
    rng = np.random.default_rng(seed)
    d, f = dims.hidden, dims.intermediate
    w: Weights = {}

    def normal(*shape: int, std: float) -> np.ndarray:
        return (rng.standard_normal(shape) * std).astype(np.float32)

    def linear(name: str, out_dim: int, in_dim: int) -> None:
        w[name + ".weight"] = normal(out_dim, in_dim, std=in_dim**-0.5)
        w[name + ".bias"] = normal(out_dim, std=0.02)

    def layer_norm(name: str) -> None:
        w[name + ".weight"] = (1.0 + normal(d, std=0.05)).astype(np.float32)
        w[name + ".bias"] = normal(d, std=0.02)

    w[WORDS] = normal(vocab_size, d, std=0.5)
    w[POSITIONS] = normal(dims.max_positions, d, std=0.5)
    w[TYPES] = normal(dims.type_vocab, d, std=0.5)
    layer_norm(EMBED_NORM)
    for i in range(dims.layers):
        p = layer_prefix(i)
        for proj in ("query", "key", "value"):
            linear(f"{p}.attention.self.{proj}", d, d)
        linear(f"{p}.attention.output.dense", d, d)
        layer_norm(f"{p}.attention.output.LayerNorm")
        linear(f"{p}.intermediate.dense", f, d)
        linear(f"{p}.output.dense", d, f)
        layer_norm(f"{p}.output.LayerNorm")
    linear(CLASSIFIER, num_labels, d)
    w[CLASSIFIER + ".weight"] *= 3.0  # wider logits: random argmaxes far from ties
    return w

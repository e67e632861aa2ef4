"""Graph pieces both Marian graphs share, on scripts/whisper/graph_builder.py's GraphBuilder.

Marian is a post-LayerNorm transformer: every sublayer is x = LayerNorm(x + sublayer(x)); there is no
embedding LayerNorm and no final LayerNorm. Token embeddings are scaled by sqrt(d_model) and static
sinusoidal positions are added (computed in the graph from the position indices, constant-folded where the
length is known). Every projection has a bias; the FFN activation is swish (SiLU).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from graph_builder import GraphBuilder, InitializerStore, make_model, value_info  # noqa: E402,F401 (re-exported)
from weights import attention_names  # noqa: E402

from marian_dims import MarianDims  # noqa: E402
from marian_weights import SHARED, Weights  # noqa: E402

MASKED = -1e9  # finite, so a fully masked row softmaxes to uniform instead of NaN
PRODUCER = "quietchart-marian-fixtures"


def embed(g: GraphBuilder, ids: str, positions: str, dims: MarianDims, w: Weights) -> str:
    """embed_tokens(ids) * sqrt(d_model) + sinusoids(positions); positions is a 1-D int64 tensor."""
    tokens = g.op("Gather", [g.store.add(SHARED, w[SHARED]), ids], "tokens", axis=0)
    scaled = g.op("Mul", [tokens, g.const(dims.embed_scale, np.float32)], "tokens_scaled")
    t = g.op("Unsqueeze", [g.op("Cast", [positions], "pos_f", to=TensorProto.FLOAT), g.const([1])], "pos_col")
    angles = g.op("Mul", [t, g.store.add("model.positions.inv_timescales", dims.inv_timescales().astype(np.float32))])
    sinusoids = g.op("Concat", [g.op("Sin", [angles]), g.op("Cos", [angles])], "positions", axis=1)
    return g.op("Add", [scaled, sinusoids], "embedded")


def padding_bias(g: GraphBuilder, mask: str) -> str:
    """[batch, 1, 1, keys]: 0 where mask is 1, MASKED where it is 0 (padding)."""
    keep = g.op("Unsqueeze", [g.op("Cast", [mask], "keep", to=TensorProto.BOOL), g.const([1, 2])], "keep4")
    return g.op("Where", [keep, g.const(0.0, np.float32), g.const(MASKED, np.float32)], "padding_bias")


def query(g: GraphBuilder, x: str, prefix: str, dims: MarianDims, w: Weights) -> str:
    """q_proj(x) * head_dim^-0.5, as [batch, heads, T, head_dim]."""
    name = attention_names(prefix)[0]
    q = g.linear(x, name + ".weight", w[name + ".weight"], w[name + ".bias"])
    return g.split_heads(g.op("Mul", [q, g.const(dims.head_dim**-0.5, np.float32)], "q"), dims.heads, dims.head_dim)


def keys_values(g: GraphBuilder, x: str, prefix: str, dims: MarianDims, w: Weights) -> tuple[str, str]:
    _, k_name, v_name, _ = attention_names(prefix)
    k = g.linear(x, k_name + ".weight", w[k_name + ".weight"], w[k_name + ".bias"])
    v = g.linear(x, v_name + ".weight", w[v_name + ".weight"], w[v_name + ".bias"])
    return g.split_heads(k, dims.heads, dims.head_dim), g.split_heads(v, dims.heads, dims.head_dim)


def attention_out(g: GraphBuilder, q: str, k: str, v: str, mask: str, prefix: str, dims: MarianDims,
                  w: Weights) -> str:
    o_name = attention_names(prefix)[3]
    context = g.merge_heads(g.attend(q, k, v, mask), dims.d_model)
    return g.linear(context, o_name + ".weight", w[o_name + ".weight"], w[o_name + ".bias"])


def add_norm(g: GraphBuilder, x: str, sublayer: str, norm: str, w: Weights) -> str:
    """Post-LN residual: LayerNorm(x + sublayer)."""
    return g.layer_norm(g.op("Add", [x, sublayer], "residual"), norm, w)


def feed_forward(g: GraphBuilder, x: str, prefix: str, w: Weights) -> str:
    """x = LayerNorm(x + fc2(swish(fc1(x))))."""
    h = g.linear(x, prefix + ".fc1.weight", w[prefix + ".fc1.weight"], w[prefix + ".fc1.bias"])
    h = g.op("Mul", [h, g.op("Sigmoid", [h], "sigmoid")], "swish")
    h = g.linear(h, prefix + ".fc2.weight", w[prefix + ".fc2.weight"], w[prefix + ".fc2.bias"])
    return add_norm(g, x, h, prefix + ".final_layer_norm", w)


def finish(g: GraphBuilder, name: str, inputs, outputs, doc: str) -> onnx.ModelProto:
    model = make_model(g, name, inputs, outputs, doc)
    model.producer_name = PRODUCER
    return model

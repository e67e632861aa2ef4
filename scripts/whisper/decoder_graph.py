"""decoder_model_merged.onnx: one graph for the first step and the cached steps.

Shared prologue (token + position embeddings, causal mask) is in the main graph; the decoder layers sit in
the two branches of one If on `use_cache_branch`, built by the same code:
- else (first step): cross-attention K/V are projected from encoder_hidden_states and returned as
  present.N.encoder.key/value;
- then (cached steps): cross-attention reads past_key_values.N.encoder.* directly and present.N.encoder.*
  are empty ([batch, heads, 0, head_dim]) -- copying the unchanged 1500-position cache out on every step cost
  ~6x the step time on whisper-base; transformers.js (getPastKeyValues) keeps the first step's encoder cache.
Self-attention is the same code in both: on the first step transformers.js feeds empty
past_key_values.N.decoder.* ([batch, heads, 0, head_dim]), so concatenating onto the past is right.
Every weight is a main-graph initializer read by both branches from the outer scope: stored once.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import onnx
from onnx import TensorProto

from dims import WhisperDims
from encoder_graph import mlp
from graph_builder import GraphBuilder, InitializerStore, make_model, quantize_columns, value_info
from merged_decoder import add_cache_branches, decoder_value_infos, past_name, positions_and_causal_mask, present_name
from weights import Weights, attention_names

EMBED = "model.decoder.embed_tokens.weight"


def decoder_layers(g: GraphBuilder, x: str, causal_mask: str, cached: bool, dims: WhisperDims, w: Weights) -> str:
    """The decoder blocks, writing present.* (prefixed by the branch) and returning the final hidden state."""
    d, scale = dims.d_model, g.const(dims.head_dim**-0.5, np.float32)
    for i in range(dims.layers):
        lp = f"model.decoder.layers.{i}"
        q_name, k_name, v_name, o_name = attention_names(lp + ".self_attn")
        h = g.layer_norm(x, lp + ".self_attn_layer_norm", w)
        q = g.op("Mul", [g.linear(h, q_name + ".weight", w[q_name + ".weight"], w[q_name + ".bias"]), scale], "q")
        k = g.linear(h, k_name + ".weight", w[k_name + ".weight"], None)
        v = g.linear(h, v_name + ".weight", w[v_name + ".weight"], w[v_name + ".bias"])
        q, k, v = (g.split_heads(t, dims.heads, dims.head_dim) for t in (q, k, v))
        k_all, v_all = g.branch_output(present_name(i, "decoder", "key")), g.branch_output(present_name(i, "decoder", "value"))
        g.op_to("Concat", [past_name(i, "decoder", "key"), k], [k_all], axis=2)
        g.op_to("Concat", [past_name(i, "decoder", "value"), v], [v_all], axis=2)
        context = g.merge_heads(g.attend(q, k_all, v_all, causal_mask), d)
        x = g.op("Add", [x, g.linear(context, o_name + ".weight", w[o_name + ".weight"], w[o_name + ".bias"])])

        q_name, k_name, v_name, o_name = attention_names(lp + ".encoder_attn")
        h = g.layer_norm(x, lp + ".encoder_attn_layer_norm", w)
        q = g.op("Mul", [g.linear(h, q_name + ".weight", w[q_name + ".weight"], w[q_name + ".bias"]), scale], "cq")
        q = g.split_heads(q, dims.heads, dims.head_dim)
        present_k = g.branch_output(present_name(i, "encoder", "key"))
        present_v = g.branch_output(present_name(i, "encoder", "value"))
        if cached:
            cross_k, cross_v = past_name(i, "encoder", "key"), past_name(i, "encoder", "value")
            for past, present in ((cross_k, present_k), (cross_v, present_v)):
                g.op_to("Slice", [past, g.const([0]), g.const([0]), g.const([2])], [present])
        else:
            k = g.linear("encoder_hidden_states", k_name + ".weight", w[k_name + ".weight"], None)
            v = g.linear("encoder_hidden_states", v_name + ".weight", w[v_name + ".weight"], w[v_name + ".bias"])
            g.op_to("Identity", [g.split_heads(k, dims.heads, dims.head_dim)], [present_k])
            g.op_to("Identity", [g.split_heads(v, dims.heads, dims.head_dim)], [present_v])
            cross_k, cross_v = present_k, present_v
        context = g.merge_heads(g.attend(q, cross_k, cross_v, None), d)
        x = g.op("Add", [x, g.linear(context, o_name + ".weight", w[o_name + ".weight"], w[o_name + ".bias"])])
        x = g.op("Add", [x, mlp(g, g.layer_norm(x, lp + ".final_layer_norm", w), lp, w)])
    return g.layer_norm(x, "model.decoder.layer_norm", w)


def embed_tokens(g: GraphBuilder, w: Weights) -> tuple[str, Callable[[GraphBuilder, str], str]]:
    """Token embedding lookup (main graph) and the tied output projection logits = hidden @ embed_tokens^T
    (a function adding nodes to a branch builder)."""
    table = w[EMBED]
    vocab = table.shape[0]
    if not g.quantize:
        e = g.store.add(EMBED, table)
        lookup = g.op("Gather", [e, "input_ids"], "tokens", axis=0)
        return lookup, lambda b, x2d: b.op("Gemm", [x2d, e], "logits2d", transB=1)
    # int8: one [vocab, d] int8 table with a scale per row serves both the lookup and the projection.
    q_t, scale = quantize_columns(table.T)
    e_q = g.store.add(EMBED + ".int8", np.ascontiguousarray(q_t.T))
    e_scale = g.store.add(EMBED + ".scale", scale)
    rows = g.op("Cast", [g.op("Gather", [e_q, "input_ids"], "rows_q", axis=0)], "rows", to=TensorProto.FLOAT)
    row_scale = g.op("Unsqueeze", [g.op("Gather", [e_scale, "input_ids"], "row_scale", axis=0), g.const([-1])])
    lookup = g.op("Mul", [rows, row_scale], "tokens")
    e_q_t = g.op("Transpose", [e_q], "embed_t", perm=[1, 0])  # constant-folded by onnxruntime at load
    zero = g.store.add(EMBED + ".zero_point", np.zeros(vocab, dtype=np.int8))
    return lookup, lambda b, x2d: b.int8_matmul_quantized(x2d, e_q_t, zero, e_scale)


def build_decoder(dims: WhisperDims, w: Weights, quantize: bool) -> onnx.ModelProto:
    g = GraphBuilder("decoder", InitializerStore(), quantize)
    q_pos, causal_mask = positions_and_causal_mask(g)
    tokens, project = embed_tokens(g, w)
    positions = g.op("Gather", [g.store.add("model.decoder.embed_positions.weight",
                                            w["model.decoder.embed_positions.weight"]), q_pos], "positions", axis=0)
    embedded = g.op("Add", [tokens, positions], "embedded")
    add_cache_branches(g, dims, lambda b, cached: decoder_layers(b, embedded, causal_mask, cached, dims, w), project)

    inputs, outputs = decoder_value_infos(dims, w[EMBED].shape[0], [
        value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
        value_info("encoder_hidden_states", TensorProto.FLOAT,
                   ["batch_size", "encoder_sequence_length / 2", dims.d_model]),
    ])
    return make_model(g, "whisper_decoder_merged", inputs, outputs,
                      f"Whisper {dims.name} decoder, merged (generated weights)")

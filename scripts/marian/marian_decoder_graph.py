"""decoder_model_merged.onnx: one graph for the first step and the cached steps, as in the Whisper fixtures
(scripts/whisper/decoder_graph.py): one If on `use_cache_branch`, weights as main-graph initializers.

Main graph: token embeddings * sqrt(d_model) + sinusoids at positions past..past+T, the causal mask and the
cross-attention padding bias (from encoder_attention_mask). Branches (the same code):
- else (first step): cross-attention K/V are projected from encoder_hidden_states and returned as
  present.N.encoder.key/value;
- then (cached steps): cross-attention reads past_key_values.N.encoder.* and present.N.encoder.* are empty
  ([batch, heads, 0, head_dim]); transformers.js keeps the first step's encoder cache.
Self-attention concatenates onto past_key_values.N.decoder.* (empty on the first step). Logits are the tied
projection hidden @ shared^T + final_logits_bias.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from decoder_graph import past_name, present_name  # noqa: E402

from marian_dims import MarianDims  # noqa: E402
from marian_layers import (GraphBuilder, InitializerStore, add_norm, attention_out, embed, feed_forward,  # noqa: E402
                           finish, keys_values, padding_bias, query, value_info)
from marian_weights import LOGITS_BIAS, SHARED, Weights, layer_prefix  # noqa: E402


def decoder_layers(g: GraphBuilder, x: str, causal: str, cross_bias: str, cached: bool, dims: MarianDims,
                   w: Weights) -> str:
    for i in range(dims.layers):
        lp = layer_prefix("decoder", i)
        sa, ca = lp + ".self_attn", lp + ".encoder_attn"
        k, v = keys_values(g, x, sa, dims, w)
        k_all, v_all = (g.branch_output(present_name(i, "decoder", kv)) for kv in ("key", "value"))
        g.op_to("Concat", [past_name(i, "decoder", "key"), k], [k_all], axis=2)
        g.op_to("Concat", [past_name(i, "decoder", "value"), v], [v_all], axis=2)
        x = add_norm(g, x, attention_out(g, query(g, x, sa, dims, w), k_all, v_all, causal, sa, dims, w),
                     sa + "_layer_norm", w)

        present_k, present_v = (g.branch_output(present_name(i, "encoder", kv)) for kv in ("key", "value"))
        if cached:
            cross_k, cross_v = past_name(i, "encoder", "key"), past_name(i, "encoder", "value")
            for past, present in ((cross_k, present_k), (cross_v, present_v)):
                g.op_to("Slice", [past, g.const([0]), g.const([0]), g.const([2])], [present])
        else:
            k, v = keys_values(g, "encoder_hidden_states", ca, dims, w)
            g.op_to("Identity", [k], [present_k])
            g.op_to("Identity", [v], [present_v])
            cross_k, cross_v = present_k, present_v
        x = add_norm(g, x, attention_out(g, query(g, x, ca, dims, w), cross_k, cross_v, cross_bias, ca, dims, w),
                     ca + "_layer_norm", w)
        x = feed_forward(g, x, lp, w)
    return x


def build_decoder(dims: MarianDims, w: Weights) -> onnx.ModelProto:
    g = GraphBuilder("decoder", InitializerStore())
    d, L = dims.d_model, dims.layers

    def scalar(t: str) -> str:
        return g.op("Squeeze", [t, g.const([0])], "scalar")

    past_len = g.dim(past_name(0, "decoder", "key"), 2)
    total_len = g.op("Add", [past_len, g.dim("input_ids", 1)], "total_len")
    q_pos = g.op("Range", [scalar(past_len), scalar(total_len), g.const(1)], "q_pos")
    k_pos = g.op("Range", [g.const(0), scalar(total_len), g.const(1)], "k_pos")
    future = g.op("Greater", [g.op("Unsqueeze", [k_pos, g.const([0])]), g.op("Unsqueeze", [q_pos, g.const([1])])])
    causal = g.op("Where", [future, g.const(-1e9, np.float32), g.const(0.0, np.float32)], "causal_mask")
    cross_bias = padding_bias(g, "encoder_attention_mask")
    embedded = embed(g, "input_ids", q_pos, dims, w)
    shared, bias = g.store.add(SHARED, w[SHARED]), g.store.add(LOGITS_BIAS, w[LOGITS_BIAS])
    logits_shape = g.op("Concat", [g.dim("input_ids", 0), g.dim("input_ids", 1), g.const([-1])], "logits_shape", axis=0)

    outputs = ["logits"] + [present_name(i, kind, kv) for i in range(L) for kind in ("decoder", "encoder")
                            for kv in ("key", "value")]
    branches = {}
    for cached in (True, False):
        b = GraphBuilder("cached" if cached else "first_step", g.store)
        hidden = decoder_layers(b, embedded, causal, cross_bias, cached, dims, w)
        logits2d = b.op("Gemm", [b.op("Reshape", [hidden, b.const([-1, d])], "hidden2d"), shared, bias], "logits2d",
                        transB=1)
        b.op_to("Reshape", [logits2d, logits_shape], [b.branch_output("logits")])
        branches[cached] = helper.make_graph(b.nodes, b.prefix, [], [
            helper.make_tensor_value_info(b.branch_output(name), TensorProto.FLOAT, None) for name in outputs])
    g.op_to("If", ["use_cache_branch"], outputs, then_branch=branches[True], else_branch=branches[False])

    vocab = w[SHARED].shape[0]
    inputs = [
        value_info("encoder_attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
        value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
        value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", d]),
    ]
    graph_outputs = [value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", vocab])]
    kv_shape = lambda length: ["batch_size", dims.heads, length, dims.head_dim]  # noqa: E731
    for i in range(L):
        for kv in ("key", "value"):
            inputs.append(value_info(past_name(i, "decoder", kv), TensorProto.FLOAT,
                                     kv_shape("past_decoder_sequence_length")))
            graph_outputs.append(value_info(present_name(i, "decoder", kv), TensorProto.FLOAT,
                                            kv_shape("past_decoder_sequence_length + decoder_sequence_length")))
        for kv in ("key", "value"):
            inputs.append(value_info(past_name(i, "encoder", kv), TensorProto.FLOAT,
                                     kv_shape("encoder_sequence_length_out")))
            # first step: the projected encoder states; cached steps: 0 (the input cache stays valid)
            graph_outputs.append(value_info(present_name(i, "encoder", kv), TensorProto.FLOAT,
                                            kv_shape("encoder_sequence_length_out_or_0")))
    inputs.append(value_info("use_cache_branch", TensorProto.BOOL, [1]))
    return finish(g, "marian_decoder_merged", inputs, graph_outputs,
                  f"Marian {dims.name} decoder, merged (generated weights)")

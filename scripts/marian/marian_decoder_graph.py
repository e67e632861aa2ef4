"""decoder_model_merged.onnx: one graph for the first step and the cached steps, as in the Whisper fixtures
(scripts/whisper/merged_decoder.py): one If on `use_cache_branch`, weights as main-graph initializers.

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

import onnx
from onnx import TensorProto

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from merged_decoder import (add_cache_branches, decoder_value_infos, past_name, positions_and_causal_mask,  # noqa: E402
                            present_name)

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
    q_pos, causal = positions_and_causal_mask(g)
    cross_bias = padding_bias(g, "encoder_attention_mask")
    embedded = embed(g, "input_ids", q_pos, dims, w)
    shared, bias = g.store.add(SHARED, w[SHARED]), g.store.add(LOGITS_BIAS, w[LOGITS_BIAS])
    add_cache_branches(g, dims, lambda b, cached: decoder_layers(b, embedded, causal, cross_bias, cached, dims, w),
                       lambda b, hidden2d: b.op("Gemm", [hidden2d, shared, bias], "logits2d", transB=1))

    inputs, outputs = decoder_value_infos(dims, w[SHARED].shape[0], [
        value_info("encoder_attention_mask", TensorProto.INT64, ["batch_size", "encoder_sequence_length"]),
        value_info("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"]),
        value_info("encoder_hidden_states", TensorProto.FLOAT, ["batch_size", "encoder_sequence_length", dims.d_model]),
    ])
    return finish(g, "marian_decoder_merged", inputs, outputs,
                  f"Marian {dims.name} decoder, merged (generated weights)")

"""encoder_model.onnx: input_ids, attention_mask [batch, seq] -> last_hidden_state [batch, seq, d_model]."""

from __future__ import annotations

import onnx
from onnx import TensorProto

from marian_dims import MarianDims
from marian_layers import (GraphBuilder, InitializerStore, add_norm, attention_out, embed, feed_forward, finish,
                           keys_values, padding_bias, query, value_info)
from marian_weights import Weights, layer_prefix


def build_encoder(dims: MarianDims, w: Weights) -> onnx.ModelProto:
    g = GraphBuilder("encoder", InitializerStore())
    positions = g.op("Range", [g.const(0), g.op("Squeeze", [g.dim("input_ids", 1), g.const([0])], "len"), g.const(1)])
    x = embed(g, "input_ids", positions, dims, w)
    mask = padding_bias(g, "attention_mask")
    for i in range(dims.layers):
        lp = layer_prefix("encoder", i)
        sa = lp + ".self_attn"
        k, v = keys_values(g, x, sa, dims, w)
        x = add_norm(g, x, attention_out(g, query(g, x, sa, dims, w), k, v, mask, sa, dims, w), sa + "_layer_norm", w)
        x = feed_forward(g, x, lp, w)
    g.op_to("Identity", [x], ["last_hidden_state"])
    seq = ["batch_size", "encoder_sequence_length"]
    inputs = [value_info("input_ids", TensorProto.INT64, seq), value_info("attention_mask", TensorProto.INT64, seq)]
    outputs = [value_info("last_hidden_state", TensorProto.FLOAT, seq + [dims.d_model])]
    return finish(g, "marian_encoder", inputs, outputs, f"Marian {dims.name} encoder (generated weights)")

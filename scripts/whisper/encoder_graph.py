"""encoder_model.onnx: input_features [batch, 80, 3000] -> last_hidden_state [batch, 1500, d_model]."""

from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto

from dims import N_MELS, WhisperDims
from graph_builder import GraphBuilder, InitializerStore, make_model, value_info
from weights import Weights, attention_names


def self_attention(g: GraphBuilder, x: str, prefix: str, w: Weights, dims: WhisperDims) -> str:
    q_name, k_name, v_name, o_name = attention_names(prefix)
    scale = g.const(dims.head_dim**-0.5, np.float32)
    q = g.op("Mul", [g.linear(x, q_name + ".weight", w[q_name + ".weight"], w[q_name + ".bias"]), scale], "q")
    k = g.linear(x, k_name + ".weight", w[k_name + ".weight"], None)
    v = g.linear(x, v_name + ".weight", w[v_name + ".weight"], w[v_name + ".bias"])
    heads = [g.split_heads(t, dims.heads, dims.head_dim) for t in (q, k, v)]
    context = g.merge_heads(g.attend(*heads, mask=None), dims.d_model)
    return g.linear(context, o_name + ".weight", w[o_name + ".weight"], w[o_name + ".bias"])


def mlp(g: GraphBuilder, x: str, prefix: str, w: Weights) -> str:
    h = g.gelu(g.linear(x, prefix + ".fc1.weight", w[prefix + ".fc1.weight"], w[prefix + ".fc1.bias"]))
    return g.linear(h, prefix + ".fc2.weight", w[prefix + ".fc2.weight"], w[prefix + ".fc2.bias"])


def sinusoid_positions(g: GraphBuilder, length: str, channels: int) -> str:
    """Whisper's fixed positions, computed in the graph (constant-folded by onnxruntime at load):
    [sin(t * inv) | cos(t * inv)], inv = exp(-log(10000) / (channels/2 - 1) * i)."""
    increment = np.log(10000) / (channels // 2 - 1)
    inv = np.exp(-increment * np.arange(channels // 2)).astype(np.float32)
    length_f = g.op("Cast", [g.op("Squeeze", [length, g.const([0])], "len")], "len_f", to=TensorProto.FLOAT)
    t = g.op("Range", [g.const(0.0, np.float32), length_f, g.const(1.0, np.float32)], "t")
    scaled = g.op("Mul", [g.op("Unsqueeze", [t, g.const([1])], "t_col"), g.store.add("encoder.inv_timescales", inv)])
    return g.op("Concat", [g.op("Sin", [scaled]), g.op("Cos", [scaled])], "positions", axis=1)


def build_encoder(dims: WhisperDims, w: Weights, quantize: bool) -> onnx.ModelProto:
    g = GraphBuilder("encoder", InitializerStore(), quantize)
    p = "model.encoder"
    conv1 = g.op("Conv", ["input_features", g.store.add(p + ".conv1.weight", w[p + ".conv1.weight"]),
                          g.store.add(p + ".conv1.bias", w[p + ".conv1.bias"])], "conv1", kernel_shape=[3], pads=[1, 1])
    conv2 = g.op("Conv", [g.gelu(conv1), g.store.add(p + ".conv2.weight", w[p + ".conv2.weight"]),
                          g.store.add(p + ".conv2.bias", w[p + ".conv2.bias"])], "conv2", kernel_shape=[3], pads=[1, 1],
                 strides=[2])
    x = g.op("Transpose", [g.gelu(conv2)], "frames", perm=[0, 2, 1])
    x = g.op("Add", [x, sinusoid_positions(g, g.dim(x, 1), dims.d_model)], "embedded")
    for i in range(dims.layers):
        lp = f"{p}.layers.{i}"
        x = g.op("Add", [x, self_attention(g, g.layer_norm(x, lp + ".self_attn_layer_norm", w), lp + ".self_attn", w, dims)])
        x = g.op("Add", [x, mlp(g, g.layer_norm(x, lp + ".final_layer_norm", w), lp, w)])
    g.op_to("LayerNormalization", [x, g.store.add(p + ".layer_norm.weight", w[p + ".layer_norm.weight"]),
                                   g.store.add(p + ".layer_norm.bias", w[p + ".layer_norm.bias"])],
            ["last_hidden_state"], axis=-1, epsilon=1e-5)
    inputs = [value_info("input_features", TensorProto.FLOAT, ["batch_size", N_MELS, "encoder_sequence_length"])]
    outputs = [value_info("last_hidden_state", TensorProto.FLOAT,
                          ["batch_size", "encoder_sequence_length / 2", dims.d_model])]
    return make_model(g, "whisper_encoder", inputs, outputs, f"Whisper {dims.name} encoder (generated weights)")

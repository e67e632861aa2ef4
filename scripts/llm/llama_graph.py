"""onnx/model.onnx for LlamaForCausalLM in the layout transformers.js feeds (decoder_forward):

inputs  input_ids [batch_size, sequence_length], attention_mask [batch_size, total_sequence_length],
        position_ids [batch_size, sequence_length], past_key_values.{i}.key/value
        [batch_size, num_key_value_heads, past_sequence_length, head_dim], num_logits_to_keep (int64 scalar;
        0 = all positions, n = the last n, which transformers.js sets to 1 while generating)
outputs logits [batch_size, logits_length, vocab], present.{i}.key/value [.., total_sequence_length, ..]

On the first step transformers.js feeds empty past tensors (shape from this graph's input metadata, symbolic
dims other than batch_size = 0), so attention always concatenates onto the past. Architecture as in
Hugging Face's modeling_llama: RMSNorm, rotary embeddings (rotate_half), grouped-query attention (query head h
reads key/value head h // (heads / kv_heads)), SwiGLU MLP, tied or 4-bit LM head. Plain opset-17 ops (fp32),
plus com.microsoft MatMulNBits / GatherBlockQuantized for --quantize q4.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from graph_builder import GraphBuilder, InitializerStore  # noqa: E402

from llama_dims import LlamaDims  # noqa: E402
from llama_weights import BLOCK, EMBED, RandomQ4, Weights, layer_linears, quantize_q4  # noqa: E402

OPSET = 17
MASKED = -1e9  # finite, so a fully masked (padding) row softmaxes to uniform instead of NaN


class LlamaBuilder(GraphBuilder):
    """GraphBuilder with Llama's pieces; linear layers are fp32 MatMul or 4-bit MatMulNBits."""

    def __init__(self, dims: LlamaDims, weights: Weights | None, q4: bool, random_q4: RandomQ4 | None,
                 accuracy_level: int):
        super().__init__("llama", InitializerStore())
        self.dims, self.w, self.q4, self.random_q4 = dims, weights, q4, random_q4
        self.accuracy_level = accuracy_level

    def packed(self, name: str, out_f: int, in_f: int) -> tuple[np.ndarray, np.ndarray]:
        if self.w is not None:
            return quantize_q4(self.w[name])
        assert self.random_q4 is not None
        return self.random_q4.q4(out_f, in_f)

    def linear(self, x: str, name: str, shape: tuple[int, int]) -> str:  # type: ignore[override]
        out_f, in_f = shape
        if not self.q4:
            assert self.w is not None
            return self.op("MatMul", [x, self.store.add(name + ".T", np.ascontiguousarray(self.w[name].T))], "mm")
        packed, scales = self.packed(name, out_f, in_f)
        b = self.store.add(name + ".q4", packed)
        s = self.store.add(name + ".scales", scales)
        return self.op("MatMulNBits", [x, b, s], "mm4", domain="com.microsoft",
                       K=in_f, N=out_f, bits=4, block_size=BLOCK, accuracy_level=self.accuracy_level)

    def rms_norm(self, x: str, name: str) -> str:
        """x / sqrt(mean(x^2) + eps) * weight, in the Pow/ReduceMean/Sqrt/Div pattern onnxruntime fuses."""
        weight = self.w[name] if self.w is not None else np.ones(self.dims.hidden, np.float32)
        sq = self.op("Pow", [x, self.const(2.0, np.float32)], "sq")
        mean = self.op("ReduceMean", [sq], "ms", axes=[-1], keepdims=1)
        rms = self.op("Sqrt", [self.op("Add", [mean, self.const(self.dims.rms_norm_eps, np.float32)])], "rms")
        return self.op("Mul", [self.op("Div", [x, rms], "normed"), self.store.add(name, weight)], "rmsnorm")

    def rotate(self, x: str, cos: str, sin: str) -> str:
        """x * cos + rotate_half(x) * sin, rotate_half(x) = concat(-x[..., d/2:], x[..., :d/2])."""
        half = self.dims.head_dim // 2
        x1 = self.op("Slice", [x, self.const([0]), self.const([half]), self.const([-1])], "x1")
        x2 = self.op("Slice", [x, self.const([half]), self.const([2 * half]), self.const([-1])], "x2")
        rotated = self.op("Concat", [self.op("Neg", [x2]), x1], "rot_half", axis=-1)
        return self.op("Add", [self.op("Mul", [x, cos]), self.op("Mul", [rotated, sin])], "roped")

    def split_heads(self, x: str, heads: int, head_dim: int) -> str:
        r = self.op("Reshape", [x, self.const([0, 0, heads, head_dim])], "heads")
        return self.op("Transpose", [r], "heads_t", perm=[0, 2, 1, 3])


def rotary_tables(g: LlamaBuilder) -> tuple[str, str]:
    """cos/sin [batch, 1, seq, head_dim] from position_ids (the freqs are duplicated, as in HF Llama)."""
    inv = g.store.add("rotary.inv_freq", g.dims.inv_freq())
    pos = g.op("Unsqueeze", [g.op("Cast", ["position_ids"], "pos_f", to=TensorProto.FLOAT), g.const([-1])])
    freqs = g.op("Mul", [pos, inv], "freqs")
    emb = g.op("Unsqueeze", [g.op("Concat", [freqs, freqs], "emb", axis=-1), g.const([1])])
    return g.op("Cos", [emb], "cos"), g.op("Sin", [emb], "sin")


def attention_bias(g: LlamaBuilder) -> str:
    """[batch, 1, 1, seq, total]: 0 where the key is at or before the query and not padding, else MASKED.
    Queries are the last `seq` positions of the total sequence (past + new)."""
    past_len = g.dim("past_key_values.0.key", 2)
    total = g.op("Add", [past_len, g.dim("input_ids", 1)], "total")

    def scalar(t: str) -> str:
        return g.op("Squeeze", [t, g.const([0])], "scalar")

    q_idx = g.op("Range", [scalar(past_len), scalar(total), g.const(1)], "q_idx")
    k_idx = g.op("Range", [g.const(0), scalar(total), g.const(1)], "k_idx")
    causal = g.op("LessOrEqual", [g.op("Unsqueeze", [k_idx, g.const([0])]), g.op("Unsqueeze", [q_idx, g.const([1])])])
    not_pad = g.op("Cast", ["attention_mask"], "not_pad", to=TensorProto.BOOL)
    not_pad = g.op("Unsqueeze", [not_pad, g.const([1, 2, 3])], "not_pad5")  # [batch, 1, 1, 1, total]
    allowed = g.op("And", [causal, not_pad], "allowed")
    return g.op("Where", [allowed, g.const(0.0, np.float32), g.const(MASKED, np.float32)], "attn_bias")


def attention(g: LlamaBuilder, h: str, i: int, cos: str, sin: str, bias: str) -> str:
    d = g.dims
    lin = layer_linears(d, i)
    p = f"model.layers.{i}.self_attn"
    q = g.split_heads(g.linear(h, f"{p}.q_proj.weight", lin[f"{p}.q_proj.weight"]), d.heads, d.head_dim)
    k = g.split_heads(g.linear(h, f"{p}.k_proj.weight", lin[f"{p}.k_proj.weight"]), d.kv_heads, d.head_dim)
    v = g.split_heads(g.linear(h, f"{p}.v_proj.weight", lin[f"{p}.v_proj.weight"]), d.kv_heads, d.head_dim)
    q = g.op("Mul", [g.rotate(q, cos, sin), g.const(d.head_dim**-0.5, np.float32)], "q_scaled")
    k = g.rotate(k, cos, sin)
    g.op_to("Concat", [f"past_key_values.{i}.key", k], [f"present.{i}.key"], axis=2)
    g.op_to("Concat", [f"past_key_values.{i}.value", v], [f"present.{i}.value"], axis=2)
    # GQA without copying K/V: group the query heads by the key/value head they share and broadcast.
    group = d.heads // d.kv_heads
    q5 = g.op("Reshape", [q, g.const([0, d.kv_heads, group, -1, d.head_dim])], "q_grouped")
    k5 = g.op("Unsqueeze", [f"present.{i}.key", g.const([2])], "k5")
    v5 = g.op("Unsqueeze", [f"present.{i}.value", g.const([2])], "v5")
    scores = g.op("Add", [g.op("MatMul", [q5, g.op("Transpose", [k5], perm=[0, 1, 2, 4, 3])]), bias], "scores")
    context = g.op("MatMul", [g.op("Softmax", [scores], "probs", axis=-1), v5], "context")
    context = g.op("Reshape", [context, g.const([0, d.heads, -1, d.head_dim])], "context4")
    merged = g.op("Reshape", [g.op("Transpose", [context], perm=[0, 2, 1, 3]), g.const([0, 0, -1])], "merged")
    return g.linear(merged, f"{p}.o_proj.weight", lin[f"{p}.o_proj.weight"])


def mlp(g: LlamaBuilder, h: str, i: int) -> str:
    lin = layer_linears(g.dims, i)
    p = f"model.layers.{i}.mlp"
    gate = g.linear(h, f"{p}.gate_proj.weight", lin[f"{p}.gate_proj.weight"])
    up = g.linear(h, f"{p}.up_proj.weight", lin[f"{p}.up_proj.weight"])
    silu = g.op("Mul", [gate, g.op("Sigmoid", [gate])], "silu")
    return g.linear(g.op("Mul", [silu, up], "swiglu"), f"{p}.down_proj.weight", lin[f"{p}.down_proj.weight"])


def embed_and_head(g: LlamaBuilder, vocab: int) -> tuple[str, callable]:
    """Token lookup and LM head. fp32: one tied table (Gather + Gemm transB). q4: the same 4-bit blocks stored
    twice, as GatherBlockQuantized data and as MatMulNBits weights (tied in meaning, not in storage)."""
    h = g.dims.hidden
    if not g.q4:
        table = g.store.add(EMBED, g.w[EMBED])

        def head(x: str) -> str:
            x2d = g.op("Reshape", [x, g.const([-1, h])], "hidden2d")
            logits2d = g.op("Gemm", [x2d, table], "logits2d", transB=1)
            shape = g.op("Concat", [g.dim(x, 0), g.dim(x, 1), g.const([-1])], "logits_shape", axis=0)
            return g.op("Reshape", [logits2d, shape], "logits3d")

        return g.op("Gather", [table, "input_ids"], "tokens", axis=0), head
    if g.w is not None:
        packed, scales = quantize_q4(g.w[EMBED])
    else:
        assert g.random_q4 is not None
        packed, scales = g.random_q4.q4(vocab, h, std=0.5)
    data = g.store.add(EMBED + ".q4_rows", packed.reshape(vocab, h // 2))
    row_scales = g.store.add(EMBED + ".q4_row_scales", scales.reshape(vocab, h // BLOCK))
    tokens = g.op("GatherBlockQuantized", [data, "input_ids", row_scales], "tokens", domain="com.microsoft",
                  gather_axis=0, quantize_axis=1, block_size=BLOCK, bits=4)
    b = g.store.add("lm_head.q4", packed)
    s = g.store.add("lm_head.scales", scales)
    return tokens, lambda x: g.op("MatMulNBits", [x, b, s], "lm_head", domain="com.microsoft",
                                  K=h, N=vocab, bits=4, block_size=BLOCK, accuracy_level=g.accuracy_level)


def build_llama(dims: LlamaDims, vocab: int, weights: Weights | None, q4: bool, random_q4: RandomQ4 | None = None,
                accuracy_level: int = 0) -> onnx.ModelProto:
    """fp32 graph from `weights`; 4-bit graph from `weights` quantized, or from `random_q4` when weights is None.
    MatMulNBits accuracy_level: 0 computes in fp32 (exact against a reference), 4 quantizes activations to int8
    (the fast CPU path real q4 exports use)."""
    g = LlamaBuilder(dims, weights, q4, random_q4, accuracy_level)
    x, head = embed_and_head(g, vocab)
    cos, sin = rotary_tables(g)
    bias = attention_bias(g)
    for i in range(dims.layers):
        x = g.op("Add", [x, attention(g, g.rms_norm(x, f"model.layers.{i}.input_layernorm.weight"), i, cos, sin, bias)])
        x = g.op("Add", [x, mlp(g, g.rms_norm(x, f"model.layers.{i}.post_attention_layernorm.weight"), i)])
    # Only the last num_logits_to_keep positions reach the LM head (0 keeps all: Slice from -0 = 0).
    keep = g.op("Neg", [g.op("Reshape", ["num_logits_to_keep", g.const([1])], "keep")], "keep_start")
    x = g.op("Slice", [x, keep, g.const([np.iinfo(np.int64).max]), g.const([1])], "kept")
    g.op_to("Identity", [head(g.rms_norm(x, "model.norm.weight"))], ["logits"])

    kv = lambda length: ["batch_size", dims.kv_heads, length, dims.head_dim]  # noqa: E731
    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch_size", "total_sequence_length"]),
        helper.make_tensor_value_info("position_ids", TensorProto.INT64, ["batch_size", "sequence_length"]),
    ]
    outputs = [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch_size", "logits_length", vocab])]
    for i in range(dims.layers):
        for name in ("key", "value"):
            inputs.append(helper.make_tensor_value_info(f"past_key_values.{i}.{name}", TensorProto.FLOAT,
                                                        kv("past_sequence_length")))
            outputs.append(helper.make_tensor_value_info(f"present.{i}.{name}", TensorProto.FLOAT,
                                                         kv("total_sequence_length")))
    inputs.append(helper.make_tensor_value_info("num_logits_to_keep", TensorProto.INT64, []))

    graph = helper.make_graph(g.nodes, "llama", inputs, outputs, list(g.store.tensors.values()))
    opsets = [helper.make_opsetid("", OPSET)] + ([helper.make_opsetid("com.microsoft", 1)] if g.q4 else [])
    model = helper.make_model(graph, producer_name="quietchart-llm-fixtures", opset_imports=opsets,
                              doc_string=f"Llama {dims.name} ({'4-bit' if g.q4 else 'fp32'}, generated weights)")
    model.ir_version = 8
    if model.ByteSize() < 2**31 - 1:
        onnx.checker.check_model(model)
    return model

"""The plumbing of a merged decoder graph (decoder_model_merged.onnx), shared by the Whisper and Marian
fixtures (scripts/whisper/decoder_graph.py, scripts/marian/marian_decoder_graph.py), which transformers.js
loads the same way: one If on `use_cache_branch` whose two branches (cached steps / first step) are built by
the same code and return logits and present.N.{decoder,encoder}.{key,value}; past_key_values.N.* come in.

Shared so both graphs keep the names, node order and symbolic dims transformers.js expects; the committed
fixtures are compared byte for byte, so node and constant creation order must not change.
"""

from __future__ import annotations

from typing import Callable, Protocol

import numpy as np
import onnx
from onnx import TensorProto, helper

from graph_builder import GraphBuilder, value_info

CACHE_KINDS = ("decoder", "encoder")  # self-attention and cross-attention caches, in this order per layer
KV = ("key", "value")


class DecoderDims(Protocol):
    d_model: int
    layers: int
    heads: int

    @property
    def head_dim(self) -> int: ...


def past_name(i: int, kind: str, kv: str) -> str:
    return f"past_key_values.{i}.{kind}.{kv}"


def present_name(i: int, kind: str, kv: str) -> str:
    return f"present.{i}.{kind}.{kv}"


def positions_and_causal_mask(g: GraphBuilder) -> tuple[str, str]:
    """Main-graph prologue: the query positions past..past+T (1-D int64) and the additive causal mask
    [T, past+T] (0 where a query may attend, -1e9 where the key lies in its future)."""

    def scalar(t: str) -> str:
        return g.op("Squeeze", [t, g.const([0])], "scalar")

    past_len = g.dim(past_name(0, "decoder", "key"), 2)
    total_len = g.op("Add", [past_len, g.dim("input_ids", 1)], "total_len")
    q_pos = g.op("Range", [scalar(past_len), scalar(total_len), g.const(1)], "q_pos")
    k_pos = g.op("Range", [g.const(0), scalar(total_len), g.const(1)], "k_pos")
    future = g.op("Greater", [g.op("Unsqueeze", [k_pos, g.const([0])]), g.op("Unsqueeze", [q_pos, g.const([1])])])
    causal_mask = g.op("Where", [future, g.const(-1e9, np.float32), g.const(0.0, np.float32)], "causal_mask")
    return q_pos, causal_mask


def add_cache_branches(g: GraphBuilder, dims: DecoderDims, decoder_layers: Callable[[GraphBuilder, bool], str],
                       project: Callable[[GraphBuilder, str], str]) -> None:
    """The If node on use_cache_branch. Each branch runs decoder_layers(branch, cached) (which writes the
    branch's present.* outputs and returns the final hidden state [B, T, d]) and project(branch, hidden2d)
    (the logits [B*T, vocab]); weights stay main-graph initializers, read by both branches."""
    logits_shape = g.op("Concat", [g.dim("input_ids", 0), g.dim("input_ids", 1), g.const([-1])], "logits_shape", axis=0)
    outputs = ["logits"] + [present_name(i, kind, kv) for i in range(dims.layers) for kind in CACHE_KINDS for kv in KV]
    branches = {}
    for cached in (True, False):
        b = GraphBuilder("cached" if cached else "first_step", g.store, g.quantize)
        hidden = decoder_layers(b, cached)
        logits2d = project(b, b.op("Reshape", [hidden, b.const([-1, dims.d_model])], "hidden2d"))
        b.op_to("Reshape", [logits2d, logits_shape], [b.branch_output("logits")])
        branches[cached] = helper.make_graph(b.nodes, b.prefix, [], [
            helper.make_tensor_value_info(b.branch_output(name), TensorProto.FLOAT, None) for name in outputs])
    g.op_to("If", ["use_cache_branch"], outputs, then_branch=branches[True], else_branch=branches[False])


def decoder_value_infos(dims: DecoderDims, vocab_size: int, own_inputs: list[onnx.ValueInfoProto]
                        ) -> tuple[list[onnx.ValueInfoProto], list[onnx.ValueInfoProto]]:
    """The graph's inputs (the decoder's own_inputs, then past_key_values.*, then use_cache_branch) and outputs
    (logits, then present.*)."""
    inputs = list(own_inputs)
    outputs = [value_info("logits", TensorProto.FLOAT, ["batch_size", "decoder_sequence_length", vocab_size])]
    kv_shape = lambda length: ["batch_size", dims.heads, length, dims.head_dim]  # noqa: E731
    for i in range(dims.layers):
        for kv in KV:
            inputs.append(value_info(past_name(i, "decoder", kv), TensorProto.FLOAT,
                                     kv_shape("past_decoder_sequence_length")))
            outputs.append(value_info(present_name(i, "decoder", kv), TensorProto.FLOAT,
                                      kv_shape("past_decoder_sequence_length + decoder_sequence_length")))
        for kv in KV:
            inputs.append(value_info(past_name(i, "encoder", kv), TensorProto.FLOAT,
                                     kv_shape("encoder_sequence_length_out")))
            # first step: the projected encoder states; cached steps: 0 (the input cache stays valid)
            outputs.append(value_info(present_name(i, "encoder", kv), TensorProto.FLOAT,
                                      kv_shape("encoder_sequence_length_out_or_0")))
    inputs.append(value_info("use_cache_branch", TensorProto.BOOL, [1]))
    return inputs, outputs

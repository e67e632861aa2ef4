"""onnx/model.onnx (and model_quantized.onnx) for BertForTokenClassification in the layout transformers.js feeds:

inputs  input_ids, attention_mask, token_type_ids [batch_size, sequence_length] (int64)
outputs logits [batch_size, sequence_length, num_labels]

Architecture as Hugging Face's modeling_bert: embeddings = LayerNorm(word + position + token type), positions
0 … sequence_length - 1 (the first rows of the position table); each layer post-LN: x = LayerNorm(x +
dense(attention(x))), x = LayerNorm(x + dense(gelu(dense(x)))); scaled dot-product attention with padded keys
masked; exact (erf) GELU; LayerNorm eps 1e-12; logits = classifier(x). Written with
scripts/whisper/graph_builder.py's GraphBuilder (opset 17); --quantize q8 emits every Linear as dynamic int8
(DynamicQuantizeLinear + MatMulInteger), the embeddings stay fp32.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from graph_builder import GraphBuilder, InitializerStore, make_model, value_info  # noqa: E402

from tokcls_dims import LAYER_NORM_EPS, BertDims  # noqa: E402
from tokcls_weights import CLASSIFIER, EMBED_NORM, POSITIONS, TYPES, WORDS, Weights, layer_prefix  # noqa: E402

MASKED = -1e9  # finite, so a fully masked row softmaxes to uniform instead of NaN
PRODUCER = "quietchart-tokcls-fixtures"


def layer_norm(g: GraphBuilder, x: str, name: str, w: Weights) -> str:
    """LayerNormalization with BERT's eps (GraphBuilder.layer_norm uses Whisper's 1e-5)."""
    gain = g.store.add(name + ".weight", w[name + ".weight"])
    bias = g.store.add(name + ".bias", w[name + ".bias"])
    return g.op("LayerNormalization", [x, gain, bias], "ln", axis=-1, epsilon=LAYER_NORM_EPS)


def linear(g: GraphBuilder, x: str, name: str, w: Weights) -> str:
    return g.linear(x, name + ".weight", w[name + ".weight"], w[name + ".bias"])


def embeddings(g: GraphBuilder, w: Weights) -> str:
    # Positions 0 … sequence_length - 1: the first rows of the table (a Slice; onnxruntime rewrites a Gather over
    # Range into a Slice with scalar starts, which it then refuses to run).
    table = g.store.add(POSITIONS, w[POSITIONS])
    places = g.op("Slice", [table, g.const([0]), g.dim("input_ids", 1), g.const([0])], "places")
    words = g.op("Gather", [g.store.add(WORDS, w[WORDS]), "input_ids"], "words", axis=0)
    types = g.op("Gather", [g.store.add(TYPES, w[TYPES]), "token_type_ids"], "types", axis=0)
    summed = g.op("Add", [g.op("Add", [words, places], "words_places"), types], "embedded")
    return layer_norm(g, summed, EMBED_NORM, w)


def padding_bias(g: GraphBuilder) -> str:
    """[batch, 1, 1, keys]: 0 where attention_mask is 1, MASKED where it is 0 (padding)."""
    keep = g.op("Unsqueeze", [g.op("Cast", ["attention_mask"], "keep", to=TensorProto.BOOL), g.const([1, 2])])
    return g.op("Where", [keep, g.const(0.0, np.float32), g.const(MASKED, np.float32)], "padding_bias")


def encoder_layer(g: GraphBuilder, x: str, mask: str, i: int, dims: BertDims, w: Weights) -> str:
    p = layer_prefix(i)
    q = g.op("Mul", [linear(g, x, f"{p}.attention.self.query", w), g.const(dims.head_dim**-0.5, np.float32)], "q")
    q = g.split_heads(q, dims.heads, dims.head_dim)
    k = g.split_heads(linear(g, x, f"{p}.attention.self.key", w), dims.heads, dims.head_dim)
    v = g.split_heads(linear(g, x, f"{p}.attention.self.value", w), dims.heads, dims.head_dim)
    context = g.merge_heads(g.attend(q, k, v, mask), dims.hidden)
    attended = linear(g, context, f"{p}.attention.output.dense", w)
    x = layer_norm(g, g.op("Add", [x, attended], "residual"), f"{p}.attention.output.LayerNorm", w)
    h = linear(g, g.gelu(linear(g, x, f"{p}.intermediate.dense", w)), f"{p}.output.dense", w)
    return layer_norm(g, g.op("Add", [x, h], "residual"), f"{p}.output.LayerNorm", w)


def build_model(dims: BertDims, w: Weights, num_labels: int, quantize: bool = False) -> onnx.ModelProto:
    g = GraphBuilder("bert", InitializerStore(), quantize=quantize)
    x = embeddings(g, w)
    mask = padding_bias(g)
    for i in range(dims.layers):
        x = encoder_layer(g, x, mask, i, dims, w)
    g.op_to("Identity", [linear(g, x, CLASSIFIER, w)], ["logits"])
    seq = ["batch_size", "sequence_length"]
    inputs = [value_info(name, TensorProto.INT64, seq) for name in ("input_ids", "attention_mask", "token_type_ids")]
    outputs = [value_info("logits", TensorProto.FLOAT, seq + [num_labels])]
    kind = "dynamic int8" if quantize else "fp32"
    model = make_model(g, "bert_token_classification", inputs, outputs,
                       f"BERT {dims.name} token classifier, {kind} (generated weights)")
    model.producer_name = PRODUCER
    return model

"""A small ONNX graph builder: named values, initializers and the few composite ops Whisper needs.

Graphs are written with onnx.helper directly (no exporter), so input/output names, symbolic dims and the
decoder's If node are exactly what transformers.js expects. Linear layers can be emitted in fp32 or as
dynamic int8 (DynamicQuantizeLinear + MatMulInteger, per-output-channel symmetric int8 weights), which is
the same arithmetic onnxruntime's quantize_dynamic produces and which onnxruntime fuses at load time.
"""

from __future__ import annotations

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17


class GraphBuilder:
    """Collects nodes; initializers live in a shared store so subgraphs can reference outer weights."""

    def __init__(self, prefix: str, store: "InitializerStore", quantize: bool = False):
        self.prefix = prefix
        self.store = store
        self.quantize = quantize
        self.nodes: list[onnx.NodeProto] = []
        self._count = 0

    def fresh(self, hint: str) -> str:
        self._count += 1
        return f"{self.prefix}/{hint}_{self._count}"

    def op(self, op_type: str, inputs: list[str], hint: str | None = None, n_out: int = 1, **attrs) -> str | list[str]:
        outs = [self.fresh(hint or op_type) for _ in range(n_out)]
        self.nodes.append(helper.make_node(op_type, inputs, outs, name=self.fresh(op_type + "_node"), **attrs))
        return outs[0] if n_out == 1 else outs

    def branch_output(self, name: str) -> str:
        """Subgraph outputs may not reuse the If node's output names: prefix them with the branch."""
        return f"{self.prefix}/{name}"

    def op_to(self, op_type: str, inputs: list[str], outputs: list[str], **attrs) -> None:
        self.nodes.append(helper.make_node(op_type, inputs, outputs, name=self.fresh(op_type + "_node"), **attrs))

    def const(self, value, dtype=np.int64) -> str:
        return self.store.constant(np.asarray(value, dtype=dtype))

    # --- composite ops -------------------------------------------------------------------------------

    def linear(self, x: str, weight_name: str, weight: np.ndarray, bias: np.ndarray | None) -> str:
        """y = x @ weight.T + bias, weight in torch layout [out, in]."""
        w_t = np.ascontiguousarray(weight.T.astype(np.float32))
        if self.quantize:
            y = self.int8_matmul(x, weight_name, w_t)
        else:
            y = self.op("MatMul", [x, self.store.add(weight_name + ".T", w_t)], "matmul")
        if bias is not None:
            y = self.op("Add", [y, self.store.add(weight_name.replace(".weight", ".bias"), bias)], "bias")
        return y

    def int8_matmul(self, x: str, weight_name: str, w_t: np.ndarray) -> str:
        """Dynamic quantization: uint8 activations (per tensor), int8 symmetric weights (per output column)."""
        q, scale = quantize_columns(w_t)
        w_q = self.store.add(weight_name + ".T.int8", q)
        w_zp = self.store.add(weight_name + ".T.zero_point", np.zeros(q.shape[1], dtype=np.int8))
        w_scale = self.store.add(weight_name + ".T.scale", scale)
        return self.int8_matmul_quantized(x, w_q, w_zp, w_scale)

    def int8_matmul_quantized(self, x: str, w_q: str, w_zp: str, w_scale: str) -> str:
        x_q, x_scale, x_zp = self.op("DynamicQuantizeLinear", [x], "dql", n_out=3)
        acc = self.op("MatMulInteger", [x_q, w_q, x_zp, w_zp], "mmi")
        acc_f = self.op("Cast", [acc], "acc_f", to=TensorProto.FLOAT)
        scale = self.op("Mul", [x_scale, w_scale], "scale")
        return self.op("Mul", [acc_f, scale], "dequant")

    def layer_norm(self, x: str, name: str, weights: dict[str, np.ndarray]) -> str:
        g = self.store.add(name + ".weight", weights[name + ".weight"])
        b = self.store.add(name + ".bias", weights[name + ".bias"])
        return self.op("LayerNormalization", [x, g, b], "ln", axis=-1, epsilon=1e-5)

    def gelu(self, x: str) -> str:
        """Exact (erf) GELU, in the pattern onnxruntime fuses into one Gelu kernel."""
        d = self.op("Div", [x, self.const(np.sqrt(2.0), np.float32)], "gelu_div")
        e = self.op("Erf", [d], "gelu_erf")
        a = self.op("Add", [e, self.const(1.0, np.float32)], "gelu_add")
        m = self.op("Mul", [x, a], "gelu_mul")
        return self.op("Mul", [m, self.const(0.5, np.float32)], "gelu")

    def split_heads(self, x: str, heads: int, head_dim: int) -> str:
        """[B, T, H*hd] -> [B, H, T, hd]"""
        r = self.op("Reshape", [x, self.const([0, 0, heads, head_dim])], "heads")
        return self.op("Transpose", [r], "heads_t", perm=[0, 2, 1, 3])

    def merge_heads(self, x: str, d_model: int) -> str:
        """[B, H, T, hd] -> [B, T, H*hd]"""
        t = self.op("Transpose", [x], "merge_t", perm=[0, 2, 1, 3])
        return self.op("Reshape", [t, self.const([0, 0, d_model])], "merged")

    def attend(self, q: str, k: str, v: str, mask: str | None) -> str:
        """softmax(q k^T + mask) v; q is already scaled by head_dim^-0.5 (as Whisper does)."""
        k_t = self.op("Transpose", [k], "k_t", perm=[0, 1, 3, 2])
        scores = self.op("MatMul", [q, k_t], "scores")
        if mask is not None:
            scores = self.op("Add", [scores, mask], "masked")
        probs = self.op("Softmax", [scores], "probs", axis=-1)
        return self.op("MatMul", [probs, v], "context")

    def dim(self, x: str, axis: int) -> str:
        """A 1-D int64 tensor [size of x along axis]."""
        shape = self.op("Shape", [x], "shape")
        return self.op("Gather", [shape, self.const([axis])], "dim", axis=0)


def quantize_columns(w_t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per output column of a [in, out] matrix; returns (int8 weights, float scales)."""
    max_abs = np.abs(w_t).max(axis=0)
    scale = np.where(max_abs > 0, max_abs / 127.0, 1.0).astype(np.float32)
    q = np.clip(np.round(w_t / scale), -127, 127).astype(np.int8)
    return q, scale


class InitializerStore:
    """Initializers by name, each stored once; identical constants are shared."""

    def __init__(self) -> None:
        self.tensors: dict[str, onnx.TensorProto] = {}
        self._constants: dict[tuple, str] = {}

    def add(self, name: str, array: np.ndarray) -> str:
        if name not in self.tensors:
            self.tensors[name] = numpy_helper.from_array(np.ascontiguousarray(array), name)
        return name

    def constant(self, array: np.ndarray) -> str:
        key = (array.dtype.str, array.shape, array.tobytes())
        if key not in self._constants:
            name = f"const_{len(self._constants)}"
            self._constants[key] = self.add(name, array)
        return self._constants[key]


def value_info(name: str, elem_type: int, shape: list) -> onnx.ValueInfoProto:
    return helper.make_tensor_value_info(name, elem_type, shape)


def make_model(builder: GraphBuilder, name: str, inputs, outputs, doc: str) -> onnx.ModelProto:
    graph = helper.make_graph(builder.nodes, name, inputs, outputs, list(builder.store.tensors.values()))
    model = helper.make_model(
        graph,
        producer_name="quietchart-whisper-fixtures",
        opset_imports=[helper.make_opsetid("", OPSET)],
        doc_string=doc,
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model

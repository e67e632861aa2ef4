"""An independent PyTorch forward pass of the generated BERT token classifier (float64, no ONNX).

Written from the architecture, not from the ONNX graph: embeddings summed and normalized, post-LN encoder layers
with explicit boolean key masks, exact GELU, the classifier on every position. generate.py commits a summary
(reference.json) that the vitest suite recomputes through transformers.js, and uses predict() to check the
oracle's tags before writing it.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

from tokcls_dims import LAYER_NORM_EPS, BertDims
from tokcls_labels import LABELS
from tokcls_tokenizer import PAD, WordPieceVocab
from tokcls_weights import CLASSIFIER, EMBED_NORM, POSITIONS, TYPES, WORDS, Weights, layer_prefix

# (text, second text or None): batched together, right-padded with [PAD]; the second is a pair (type ids 1).
REFERENCE_INPUTS = [
    ("Maria García, MRN 448812, seen on 03/14/2024.", None),
    ("The patient reports mild chest pain since yesterday.", "Call Dr. Smith at 555-0199."),
    ("ok", None),
]


class TorchBert:
    def __init__(self, dims: BertDims, weights: Weights):
        self.dims = dims
        self.w = {k: torch.from_numpy(v).double() for k, v in weights.items()}

    def _lin(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def _ln(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.layer_norm(x, (x.shape[-1],), self.w[name + ".weight"], self.w[name + ".bias"], LAYER_NORM_EPS)

    def _attention(self, x: torch.Tensor, prefix: str, allowed: torch.Tensor) -> torch.Tensor:
        b, t, d = x.shape
        h, hd = self.dims.heads, self.dims.head_dim
        split = lambda z: z.view(b, t, h, hd).transpose(1, 2)  # noqa: E731
        q = split(self._lin(x, prefix + ".self.query"))
        k, v = split(self._lin(x, prefix + ".self.key")), split(self._lin(x, prefix + ".self.value"))
        scores = (q @ k.transpose(-1, -2) / hd**0.5).masked_fill(~allowed, float("-inf"))
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, d)
        return self._lin(context, prefix + ".output.dense")

    def logits(self, ids: torch.Tensor, mask: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        """[batch, T, num_labels] for input_ids, attention_mask, token_type_ids [batch, T]."""
        positions = torch.arange(ids.shape[1])
        x = self.w[WORDS][ids] + self.w[POSITIONS][positions][None] + self.w[TYPES][types]
        x = self._ln(x, EMBED_NORM)
        allowed = mask.bool()[:, None, None, :]
        for i in range(self.dims.layers):
            p = layer_prefix(i)
            x = self._ln(x + self._attention(x, p + ".attention", allowed), p + ".attention.output.LayerNorm")
            h = self._lin(F.gelu(self._lin(x, p + ".intermediate.dense")), p + ".output.dense")
            x = self._ln(x + h, p + ".output.LayerNorm")
        return self._lin(x, CLASSIFIER)

    def predict(self, texts: list[str], vocab: WordPieceVocab) -> tuple[list[list[str]], float]:
        """Per-token labels of each text (one padded batch, [CLS]/[SEP] included) and the smallest top-1 minus
        top-2 logit margin over the real tokens."""
        encoded = [vocab.encode(text)[0] for text in texts]
        ids, mask, types = batch(encoded, [[0] * len(e) for e in encoded], vocab)
        with torch.no_grad():
            logits = self.logits(ids, mask, types)
        labels, margin = [], float("inf")
        for row, e in zip(logits, encoded):
            top = torch.topk(row[: len(e)], 2, dim=-1).values
            margin = min(margin, float((top[:, 0] - top[:, 1]).min()))
            labels.append([LABELS[int(k)] for k in row[: len(e)].argmax(-1)])
        return labels, margin


def batch(encoded: list[list[int]], type_ids: list[list[int]], vocab: WordPieceVocab):
    width = max(len(e) for e in encoded)
    pad = vocab.id_of(PAD)
    ids = torch.tensor([e + [pad] * (width - len(e)) for e in encoded])
    mask = torch.tensor([[1] * len(e) + [0] * (width - len(e)) for e in encoded])
    types = torch.tensor([t + [0] * (width - len(t)) for t in type_ids])
    return ids, mask, types


def reference_summary(dims: BertDims, weights: Weights, vocab: WordPieceVocab) -> dict:
    encoded = [vocab.encode(text, pair) for text, pair in REFERENCE_INPUTS]
    ids, mask, types = batch([e[0] for e in encoded], [e[1] for e in encoded], vocab)
    with torch.no_grad():
        logits = TorchBert(dims, weights).logits(ids, mask, types)
    inputs = []
    for (text, pair), (input_ids, type_ids), row in zip(REFERENCE_INPUTS, encoded, logits):
        valid = row[: len(input_ids)]
        inputs.append({
            "text": text,
            "text_pair": pair,
            "tokens": [vocab.tokens[i] for i in input_ids],
            "input_ids": input_ids,
            "token_type_ids": type_ids,
            "labels": [LABELS[int(k)] for k in valid.argmax(-1)],
            "logits": [[round(float(v), 6) for v in token] for token in valid],
        })
    top = [torch.topk(row[: len(e[0])], 2, dim=-1).values for row, e in zip(logits, encoded)]
    return {
        "labels": LABELS,
        "batch": {"input_ids": ids.tolist(), "attention_mask": mask.tolist(), "token_type_ids": types.tolist()},
        "min_margin": round(min(float((t[:, 0] - t[:, 1]).min()) for t in top), 6),
        "inputs": inputs,
    }

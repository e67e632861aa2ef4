"""An independent PyTorch forward pass of the generated Marian weights (float64, no cache, no ONNX).

Written from the architecture, not from the ONNX graphs: the position table is built as Hugging Face's
MarianSinusoidalPositionalEmbedding builds it (pos / 10000^(2*(j//2)/d), sines of the even columns in the
first half, cosines of the odd ones in the second), attention with explicit boolean masks. generate.py commits
a summary (reference.json) that the vitest suite recomputes through transformers.js and onnxruntime, and uses
greedy() to check the oracle's behaviour before writing it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from logit_summary import summarize_logits  # noqa: E402

from marian_dims import LAYER_NORM_EPS, MarianDims  # noqa: E402
from marian_tokenizer import MarianVocab  # noqa: E402
from marian_weights import LOGITS_BIAS, SHARED, Weights, layer_prefix  # noqa: E402

SOURCE_TEXT = "Hola mundo, el paciente tiene tos y fiebre desde ayer."
TARGET_TEXT = "the patient has a mild cough and fever since yesterday"
GREEDY_STEPS = 10


def position_table(n: int, d: int) -> torch.Tensor:
    j = np.arange(d)
    angles = np.arange(n)[:, None] / np.power(10000.0, 2 * (j // 2) / d)[None, :]
    return torch.from_numpy(np.concatenate([np.sin(angles[:, 0::2]), np.cos(angles[:, 1::2])], axis=1))


class TorchMarian:
    def __init__(self, dims: MarianDims, weights: Weights):
        self.dims = dims
        self.w = {k: torch.from_numpy(v).double() for k, v in weights.items()}
        self.positions = position_table(dims.max_positions, dims.d_model)

    def _lin(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.w[name + ".weight"], self.w[name + ".bias"])

    def _ln(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.layer_norm(x, (x.shape[-1],), self.w[name + ".weight"], self.w[name + ".bias"], LAYER_NORM_EPS)

    def _attn(self, x: torch.Tensor, kv: torch.Tensor, prefix: str, allowed: torch.Tensor) -> torch.Tensor:
        """allowed: bool, broadcastable to [batch, heads, queries, keys]."""
        b, t, d = x.shape
        h, hd = self.dims.heads, self.dims.head_dim
        split = lambda z: z.view(b, z.shape[1], h, hd).transpose(1, 2)  # noqa: E731
        q = split(self._lin(x, prefix + ".q_proj") * hd**-0.5)
        k, v = split(self._lin(kv, prefix + ".k_proj")), split(self._lin(kv, prefix + ".v_proj"))
        scores = (q @ k.transpose(-1, -2)).masked_fill(~allowed, float("-inf"))
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(b, t, d)
        return self._lin(context, prefix + ".out_proj")

    def _ffn(self, x: torch.Tensor, prefix: str) -> torch.Tensor:
        h = self._lin(F.silu(self._lin(x, prefix + ".fc1")), prefix + ".fc2")
        return self._ln(x + h, prefix + ".final_layer_norm")

    def _embed(self, ids: torch.Tensor) -> torch.Tensor:
        return self.w[SHARED][ids] * self.dims.d_model**0.5 + self.positions[: ids.shape[1]]

    def encode(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        x = self._embed(ids)
        allowed = mask.bool()[:, None, None, :]
        for i in range(self.dims.layers):
            p = layer_prefix("encoder", i)
            x = self._ln(x + self._attn(x, x, p + ".self_attn", allowed), p + ".self_attn_layer_norm")
            x = self._ffn(x, p)
        return x

    def decode(self, ids: torch.Tensor, encoded: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Logits [batch, T, vocab] for decoder inputs ids [batch, T] (the whole prefix, no cache)."""
        t = ids.shape[1]
        x = self._embed(ids)
        causal = torch.ones(t, t, dtype=torch.bool).tril()
        cross = mask.bool()[:, None, None, :]
        for i in range(self.dims.layers):
            p = layer_prefix("decoder", i)
            x = self._ln(x + self._attn(x, x, p + ".self_attn", causal), p + ".self_attn_layer_norm")
            x = self._ln(x + self._attn(x, encoded, p + ".encoder_attn", cross), p + ".encoder_attn_layer_norm")
            x = self._ffn(x, p)
        return x @ self.w[SHARED].T + self.w[LOGITS_BIAS]

    def greedy(self, sources: list[list[int]], vocab: MarianVocab, steps: int) -> tuple[list[list[int]], float]:
        """Greedy decoding as transformers.js does it with the fixtures' generation_config (right padding, <pad>
        banned, stop at </s>, forced_eos_token_id: the last of `steps` new tokens is </s>): the sequences (decoder
        start included) and the smallest top-1 minus top-2 logit margin met on the unforced steps."""
        width = max(len(s) for s in sources)
        ids = torch.tensor([s + [vocab.pad_id] * (width - len(s)) for s in sources])
        mask = torch.tensor([[1] * len(s) + [0] * (width - len(s)) for s in sources])
        out = [[vocab.pad_id] for _ in sources]
        margin = float("inf")
        with torch.no_grad():
            encoded = self.encode(ids, mask)
            for step in range(steps):
                logits = self.decode(torch.tensor(out), encoded, mask)[:, -1]
                logits[:, vocab.pad_id] = float("-inf")
                for row, seq in zip(logits, out):
                    if seq[-1] == vocab.eos_id and len(seq) > 1:
                        seq.append(vocab.pad_id)  # finished: transformers.js pads the rest
                        continue
                    if step == steps - 1:
                        seq.append(vocab.eos_id)
                        continue
                    top = torch.topk(row, 2).values
                    margin = min(margin, float(top[0] - top[1]))
                    seq.append(int(row.argmax()))
                if all(vocab.eos_id in seq[1:] for seq in out):
                    break
        return out, margin


ENCODER_PROBES = [(0, 0), (0, 31), (1, 7), (3, 16), (5, 3), (8, 20), (11, 11), (-1, 30)]


def reference_summary(dims: MarianDims, weights: Weights, vocab: MarianVocab) -> dict:
    model = TorchMarian(dims, weights)
    source = vocab.encode(SOURCE_TEXT)
    target = [vocab.pad_id] + vocab.encode(TARGET_TEXT)
    probes = sorted({vocab.eos_id, vocab.unk_id, 2, 50, 100, vocab.size - 2, vocab.word("hello"), vocab.word("cough")})
    with torch.no_grad():
        ids, mask = torch.tensor([source]), torch.ones(1, len(source), dtype=torch.long)
        encoded = model.encode(ids, mask)
        logits = model.decode(torch.tensor([target]), encoded, mask)[0]
    greedy, margin = model.greedy([source], vocab, GREEDY_STEPS)
    e = encoded[0]
    return {
        "source_text": SOURCE_TEXT,
        "source_ids": source,
        "encoder": {
            "mean_abs": float(e.abs().mean()),
            "probes": [[pos % len(source), ch, float(e[pos, ch])] for pos, ch in ENCODER_PROBES],
        },
        "decoder": {
            "target_text": TARGET_TEXT,
            "tokens": target,
            "probe_ids": probes,
            "steps": summarize_logits(logits, probes),
        },
        "greedy": {"max_new_tokens": GREEDY_STEPS, "sequence": greedy[0], "min_margin": margin},
    }

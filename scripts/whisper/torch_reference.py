"""An independent PyTorch forward pass of Whisper (no cache, no ONNX) used to check the generated graphs.

generate.py runs it on a deterministic input and commits a compact summary (reference.json) next to the
fixture; the vitest suite recomputes the same numbers through transformers.js + onnxruntime.
"""

from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F

from dims import WhisperDims
from logit_summary import summarize_logits
from weights import Weights


def probe_features(n_mels: int = 80, frames: int = 3000) -> np.ndarray:
    """Deterministic log-mel-like input: 0.8 * sin(0.37 m + 0.011 t) * cos(0.0007 m t), float32 [1, mels, frames]."""
    m = np.arange(n_mels, dtype=np.float64)[:, None]
    t = np.arange(frames, dtype=np.float64)[None, :]
    return (0.8 * np.sin(0.37 * m + 0.011 * t) * np.cos(0.0007 * m * t)).astype(np.float32)[None]


class TorchWhisper:
    def __init__(self, dims: WhisperDims, weights: Weights):
        self.dims = dims
        self.w = {k: torch.from_numpy(v.astype(np.float32)) for k, v in weights.items()}

    def _ln(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.layer_norm(x, (x.shape[-1],), self.w[name + ".weight"], self.w[name + ".bias"], 1e-5)

    def _lin(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return F.linear(x, self.w[name + ".weight"], self.w.get(name + ".bias"))

    def _attn(self, x: torch.Tensor, kv: torch.Tensor, prefix: str, causal: bool) -> torch.Tensor:
        b, t, d = x.shape
        h, hd = self.dims.heads, self.dims.head_dim
        q = self._lin(x, prefix + ".q_proj") * hd**-0.5
        k = self._lin(kv, prefix + ".k_proj")
        v = self._lin(kv, prefix + ".v_proj")
        split = lambda z: z.view(b, z.shape[1], h, hd).transpose(1, 2)  # noqa: E731
        scores = split(q) @ split(k).transpose(-1, -2)
        if causal:
            scores = scores.masked_fill(torch.triu(torch.ones(t, t, dtype=torch.bool), 1), float("-inf"))
        context = (scores.softmax(-1) @ split(v)).transpose(1, 2).reshape(b, t, d)
        return self._lin(context, prefix + ".out_proj")

    def _mlp(self, x: torch.Tensor, prefix: str) -> torch.Tensor:
        return self._lin(F.gelu(self._lin(x, prefix + ".fc1")), prefix + ".fc2")

    def encode(self, features: np.ndarray) -> torch.Tensor:
        p = "model.encoder"
        x = F.gelu(F.conv1d(torch.from_numpy(features), self.w[p + ".conv1.weight"], self.w[p + ".conv1.bias"], padding=1))
        x = F.gelu(F.conv1d(x, self.w[p + ".conv2.weight"], self.w[p + ".conv2.bias"], stride=2, padding=1))
        x = x.transpose(1, 2)
        channels = self.dims.d_model
        inv = torch.from_numpy(np.exp(-math.log(10000) / (channels // 2 - 1) * np.arange(channels // 2)).astype(np.float32))
        scaled = torch.arange(x.shape[1], dtype=torch.float32)[:, None] * inv[None, :]
        x = x + torch.cat([scaled.sin(), scaled.cos()], dim=1)
        for i in range(self.dims.layers):
            lp = f"{p}.layers.{i}"
            h = self._ln(x, lp + ".self_attn_layer_norm")
            x = x + self._attn(h, h, lp + ".self_attn", causal=False)
            x = x + self._mlp(self._ln(x, lp + ".final_layer_norm"), lp)
        return self._ln(x, p + ".layer_norm")

    def decode(self, tokens: list[int], encoded: torch.Tensor) -> torch.Tensor:
        p = "model.decoder"
        ids = torch.tensor([tokens])
        x = self.w[p + ".embed_tokens.weight"][ids] + self.w[p + ".embed_positions.weight"][: len(tokens)]
        for i in range(self.dims.layers):
            lp = f"{p}.layers.{i}"
            h = self._ln(x, lp + ".self_attn_layer_norm")
            x = x + self._attn(h, h, lp + ".self_attn", causal=True)
            x = x + self._attn(self._ln(x, lp + ".encoder_attn_layer_norm"), encoded, lp + ".encoder_attn", causal=False)
            x = x + self._mlp(self._ln(x, lp + ".final_layer_norm"), lp)
        return self._ln(x, p + ".layer_norm") @ self.w[p + ".embed_tokens.weight"].T


ENCODER_PROBES = [(0, 0), (0, 31), (1, 7), (17, 3), (499, 20), (750, 11), (1234, 5), (1499, 30)]


def reference_summary(dims: WhisperDims, weights: Weights, tokens: list[int], probe_ids: list[int]) -> dict:
    model = TorchWhisper(dims, weights)
    with torch.no_grad():
        encoded = model.encode(probe_features())
        logits = model.decode(tokens, encoded)[0]
    return {
        "input": "probe_features: 0.8*sin(0.37*m + 0.011*t)*cos(0.0007*m*t), m<80, t<3000",
        "encoder": {
            "mean": float(encoded.mean()),
            "mean_abs": float(encoded.abs().mean()),
            "probes": [[pos, ch, float(encoded[0, pos, min(ch, dims.d_model - 1)])] for pos, ch in ENCODER_PROBES],
        },
        "decoder": {
            "tokens": tokens,
            "probe_ids": probe_ids,
            "steps": summarize_logits(logits, probe_ids),
        },
    }

"""Marian (opus-mt) model dimensions: the committed tiny fixtures and opus-mt's real size (for reference)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

LAYER_NORM_EPS = 1e-5  # torch.nn.LayerNorm's default, which Marian uses


@dataclass(frozen=True)
class MarianDims:
    name: str
    d_model: int
    layers: int  # encoder and decoder layers (equal in opus-mt models)
    heads: int
    ffn_dim: int
    max_positions: int = 512

    @property
    def head_dim(self) -> int:
        return self.d_model // self.heads

    @property
    def embed_scale(self) -> float:
        """scale_embedding: token embeddings are multiplied by sqrt(d_model) before the positions are added."""
        return float(np.sqrt(self.d_model))

    def inv_timescales(self) -> np.ndarray:
        """Marian's static sinusoids: column k < d/2 is sin(t * w_k), column d/2 + k is cos(t * w_k),
        w_k = 10000^(-2k/d) (not interleaved). float64; the graphs store float32."""
        k = np.arange(self.d_model // 2, dtype=np.float64)
        return np.power(10000.0, -2.0 * k / self.d_model)


SIZES = {
    # Committed test fixtures: real architecture, toy width, a vocabulary of a few hundred pieces.
    "tiny": MarianDims("tiny", d_model=32, layers=2, heads=4, ffn_dim=64),
    # Helsinki-NLP/opus-mt-* size (the vocabulary stays the generated one).
    "base": MarianDims("base", d_model=512, layers=6, heads=8, ffn_dim=2048),
}

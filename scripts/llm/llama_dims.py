"""Llama model dimensions: Llama 3.2 1B's real ones (for the speed benchmark) and the tiny committed fixtures."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LlamaDims:
    name: str
    hidden: int
    layers: int
    heads: int
    kv_heads: int
    intermediate: int
    max_positions: int
    rope_theta: float
    rope_scaling: dict | None  # Llama 3.1+ "llama3" frequency scaling, or None
    real_vocab: bool  # pad the BPE vocabulary to Llama 3's 128000 regular tokens
    rms_norm_eps: float = 1e-5

    @property
    def head_dim(self) -> int:
        return self.hidden // self.heads

    def inv_freq(self) -> np.ndarray:
        """Rotary inverse frequencies [head_dim / 2], with Llama 3's long-context scaling when configured."""
        hd = self.head_dim
        inv = 1.0 / (self.rope_theta ** (np.arange(0, hd, 2, dtype=np.float64) / hd))
        s = self.rope_scaling
        if s is None:
            return inv.astype(np.float32)
        # Llama 3 scaling: long wavelengths divided by `factor`, short ones kept, a smooth ramp in between.
        wavelen = 2 * np.pi / inv
        low_wavelen = s["original_max_position_embeddings"] / s["low_freq_factor"]
        high_wavelen = s["original_max_position_embeddings"] / s["high_freq_factor"]
        smooth = (s["original_max_position_embeddings"] / wavelen - s["low_freq_factor"]) / (
            s["high_freq_factor"] - s["low_freq_factor"]
        )
        ramp = (1 - smooth) * inv / s["factor"] + smooth * inv
        scaled = np.where(wavelen > low_wavelen, inv / s["factor"], np.where(wavelen < high_wavelen, inv, ramp))
        return scaled.astype(np.float32)


LLAMA3_SCALING = {
    "rope_type": "llama3",
    "factor": 32.0,
    "low_freq_factor": 1.0,
    "high_freq_factor": 4.0,
    "original_max_position_embeddings": 8192,
}

SIZES = {
    "1b": LlamaDims("1b", 2048, 16, 32, 8, 8192, 131072, 500000.0, LLAMA3_SCALING, real_vocab=True),
    # Committed fixtures: the real architecture (GQA 4:2, RMSNorm, RoPE, SwiGLU) at toy width.
    "tiny": LlamaDims("tiny", 32, 2, 4, 2, 64, 2048, 10000.0, None, real_vocab=False),
}

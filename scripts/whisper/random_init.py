"""Seeded random weights for the model fixtures (scripts/{whisper,marian,tokcls}): normal tensors, Linear
layers and LayerNorms under Hugging Face's parameter names (torch layout: Linear is [out, in]).

Shared so every generator initializes the same way: projections N(0, 1/fan_in), biases N(0, 0.02^2),
LayerNorm gains 1 + N(0, 0.05^2). The committed fixtures are pinned byte for byte, so the draws come from one
numpy Generator strictly in call order, and `draw_dtype` keeps the precision each generator was made with
(Whisper draws float32 samples, Marian and BERT float64 ones rounded to float32).
"""

from __future__ import annotations

import numpy as np

Weights = dict[str, np.ndarray]
BIAS_STD = 0.02
NORM_GAIN_STD = 0.05


class RandomInit:
    """Fills `weights` from a seeded Generator; each call draws right away, in the order it is made."""

    def __init__(self, seed: int, draw_dtype: type = np.float64) -> None:
        self.rng = np.random.default_rng(seed)
        self.draw_dtype = draw_dtype
        self.weights: Weights = {}

    def normal(self, *shape: int, std: float) -> np.ndarray:
        return (self.rng.standard_normal(shape, dtype=self.draw_dtype) * std).astype(np.float32)

    def linear(self, name: str, out_dim: int, in_dim: int, bias: bool = True) -> None:
        self.weights[name + ".weight"] = self.normal(out_dim, in_dim, std=in_dim**-0.5)
        if bias:
            self.weights[name + ".bias"] = self.normal(out_dim, std=BIAS_STD)

    def layer_norm(self, name: str, dim: int) -> None:
        self.weights[name + ".weight"] = (1.0 + self.normal(dim, std=NORM_GAIN_STD)).astype(np.float32)
        self.weights[name + ".bias"] = self.normal(dim, std=BIAS_STD)

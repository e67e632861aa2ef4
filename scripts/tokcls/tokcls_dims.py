"""BERT token-classifier dimensions: the committed tiny fixtures and bert-base's real size (for reference)."""

from __future__ import annotations

from dataclasses import dataclass

LAYER_NORM_EPS = 1e-12  # BertConfig.layer_norm_eps


@dataclass(frozen=True)
class BertDims:
    name: str
    hidden: int
    layers: int
    heads: int
    intermediate: int
    max_positions: int
    type_vocab: int = 2

    @property
    def head_dim(self) -> int:
        return self.hidden // self.heads


SIZES = {
    # Committed test fixtures: real architecture, toy width, 64 positions (so a test text needs several windows).
    "tiny": BertDims("tiny", hidden=32, layers=2, heads=4, intermediate=64, max_positions=64),
    # bert-base size (the vocabulary stays the generated one).
    "base": BertDims("base", hidden=768, layers=12, heads=12, intermediate=3072, max_positions=512),
}

"""Whisper model dimensions: the three real sizes and the tiny committed test fixtures."""

from __future__ import annotations

from dataclasses import dataclass

N_MELS = 80
N_AUDIO_CTX = 1500  # encoder positions for 30 s (3000 mel frames, conv stride 2)
N_TEXT_CTX = 448  # decoder positions


@dataclass(frozen=True)
class WhisperDims:
    name: str
    d_model: int
    layers: int  # encoder and decoder layers (equal in every Whisper size)
    heads: int
    merges: int | None = None  # None: pad the BPE vocabulary to Whisper's real size

    @property
    def head_dim(self) -> int:
        return self.d_model // self.heads

    @property
    def ffn_dim(self) -> int:
        return 4 * self.d_model


SIZES = {
    "tiny": WhisperDims("tiny", 384, 4, 6),
    "base": WhisperDims("base", 512, 6, 8),
    "small": WhisperDims("small", 768, 12, 12),
    # Committed test fixtures: real architecture, toy width and a small byte-level BPE vocabulary.
    "micro": WhisperDims("micro", 32, 2, 4, merges=48),
}

"""The size fields of config.json that Hugging Face's BART-derived encoder-decoder configs share (WhisperConfig,
MarianConfig), for models whose encoder and decoder have the same depth, heads and FFN width, as both
generators (scripts/whisper, scripts/marian) make them. Shared so the two config.json files name and order
these fields alike.
"""

from __future__ import annotations

from typing import Protocol


class EncoderDecoderDims(Protocol):
    d_model: int
    layers: int  # encoder and decoder layers each
    heads: int

    @property
    def ffn_dim(self) -> int: ...


def encoder_decoder_sizes(dims: EncoderDecoderDims) -> dict:
    return {
        "d_model": dims.d_model,
        "encoder_layers": dims.layers,
        "decoder_layers": dims.layers,
        "num_hidden_layers": dims.layers,
        "encoder_attention_heads": dims.heads,
        "decoder_attention_heads": dims.heads,
        "encoder_ffn_dim": dims.ffn_dim,
        "decoder_ffn_dim": dims.ffn_dim,
    }

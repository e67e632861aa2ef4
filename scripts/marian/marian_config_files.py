"""config.json and generation_config.json in Hugging Face's Marian (opus-mt) format."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from encoder_decoder_config import encoder_decoder_sizes  # noqa: E402
from fixture_files import write_json  # noqa: E402

from marian_dims import MarianDims  # noqa: E402
from marian_tokenizer import MarianVocab  # noqa: E402


def special_ids(vocab: MarianVocab) -> dict:
    # opus-mt: </s> is both bos and eos, <pad> (the last id) starts every decoder sequence.
    return {
        "bos_token_id": vocab.eos_id,
        "eos_token_id": vocab.eos_id,
        "forced_eos_token_id": vocab.eos_id,
        "pad_token_id": vocab.pad_id,
        "decoder_start_token_id": vocab.pad_id,
        "bad_words_ids": [[vocab.pad_id]],
    }


def model_config(dims: MarianDims, vocab: MarianVocab) -> dict:
    return {
        "architectures": ["MarianMTModel"],
        "model_type": "marian",
        **encoder_decoder_sizes(dims),
        "activation_function": "swish",
        "max_position_embeddings": dims.max_positions,
        "vocab_size": vocab.size,
        "decoder_vocab_size": vocab.size,
        "scale_embedding": True,
        "static_position_embeddings": True,
        "normalize_before": False,
        "normalize_embedding": False,
        "add_final_layer_norm": False,
        "add_bias_logits": False,
        "share_encoder_decoder_embeddings": True,
        "tie_word_embeddings": True,
        "is_encoder_decoder": True,
        "use_cache": True,
        "dropout": 0.1,
        "attention_dropout": 0.0,
        "activation_dropout": 0.0,
        "init_std": 0.02,
        "max_length": dims.max_positions,
        "num_beams": 1,
        "torch_dtype": "float32",
        **special_ids(vocab),
    }


def generation_config(dims: MarianDims, vocab: MarianVocab) -> dict:
    # Greedy (real opus-mt exports say num_beams 4): the fixtures' outputs are pinned exactly.
    return {**special_ids(vocab), "max_length": dims.max_positions, "num_beams": 1, "do_sample": False}


def write_configs(dims: MarianDims, vocab: MarianVocab, out: Path) -> None:
    for name, content in (("config.json", model_config(dims, vocab)),
                          ("generation_config.json", generation_config(dims, vocab))):
        write_json(out / name, content)

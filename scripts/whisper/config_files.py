"""config.json, generation_config.json and preprocessor_config.json in Hugging Face's Whisper format."""

from __future__ import annotations

from pathlib import Path

from dims import N_AUDIO_CTX, N_MELS, N_TEXT_CTX, WhisperDims
from encoder_decoder_config import encoder_decoder_sizes
from fixture_files import write_json
from tokenizer_files import WhisperVocab, encode_bytes

# Whisper suppresses these symbols (and the task tokens) during generation; here they are single byte tokens.
SUPPRESSED_SYMBOLS = '"#()*+/:;<=>@[\\]^_`{|}~'
SUPPRESSED_SPECIALS = ["<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>", "<|nospeech|>"]


def common_ids(vocab: WhisperVocab) -> dict:
    return {
        "bos_token_id": vocab.eos_id,
        "eos_token_id": vocab.eos_id,
        "pad_token_id": vocab.eos_id,
        "decoder_start_token_id": vocab.id_of("<|startoftranscript|>"),
        "begin_suppress_tokens": [vocab.id_of(" "), vocab.eos_id],
        "suppress_tokens": sorted(
            [vocab.tokens.index(encode_bytes(c)) for c in SUPPRESSED_SYMBOLS] + [vocab.id_of(t) for t in SUPPRESSED_SPECIALS]
        ),
    }


def alignment_heads(dims: WhisperDims) -> list[list[int]]:
    """Random weights have no alignment heads; by convention use every head of the upper half of the decoder."""
    return [[layer, head] for layer in range(dims.layers // 2, dims.layers) for head in range(dims.heads)]


def model_config(dims: WhisperDims, vocab: WhisperVocab) -> dict:
    return {
        "architectures": ["WhisperForConditionalGeneration"],
        "model_type": "whisper",
        **encoder_decoder_sizes(dims),
        "num_mel_bins": N_MELS,
        "max_source_positions": N_AUDIO_CTX,
        "max_target_positions": N_TEXT_CTX,
        "vocab_size": vocab.size,
        "activation_function": "gelu",
        "scale_embedding": False,
        "is_encoder_decoder": True,
        "use_cache": True,
        "median_filter_width": 7,
        "torch_dtype": "float32",
        **common_ids(vocab),
    }


def generation_config(dims: WhisperDims, vocab: WhisperVocab) -> dict:
    config = {
        **common_ids(vocab),
        "alignment_heads": alignment_heads(dims),
        "is_multilingual": vocab.multilingual,
        "max_initial_timestamp_index": 50,
        "max_length": N_TEXT_CTX,
        "no_timestamps_token_id": vocab.id_of("<|notimestamps|>"),
        "prev_sot_token_id": vocab.id_of("<|startofprev|>"),
        "return_timestamps": False,
    }
    if vocab.multilingual:
        config["lang_to_id"] = vocab.lang_to_id()
        config["task_to_id"] = {"translate": vocab.id_of("<|translate|>"), "transcribe": vocab.id_of("<|transcribe|>")}
    return config


def preprocessor_config() -> dict:
    return {
        "feature_extractor_type": "WhisperFeatureExtractor",
        "processor_class": "WhisperProcessor",
        "chunk_length": 30,
        "feature_size": N_MELS,
        "hop_length": 160,
        "n_fft": 400,
        "n_samples": 480000,
        "nb_max_frames": 3000,
        "padding_side": "right",
        "padding_value": 0.0,
        "return_attention_mask": False,
        "sampling_rate": 16000,
    }


def write_configs(dims: WhisperDims, vocab: WhisperVocab, out: Path) -> None:
    files = {
        "config.json": model_config(dims, vocab),
        "generation_config.json": generation_config(dims, vocab),
        "preprocessor_config.json": preprocessor_config(),
    }
    for name, content in files.items():
        write_json(out / name, content)

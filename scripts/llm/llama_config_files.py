"""config.json and generation_config.json in Hugging Face's Llama 3.2 format."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from fixture_files import write_json  # noqa: E402

from llama_dims import LlamaDims  # noqa: E402
from llama_tokenizer import LlamaVocab  # noqa: E402


def special_ids(vocab: LlamaVocab) -> dict:
    return {
        "bos_token_id": vocab.id_of("<|begin_of_text|>"),
        "eos_token_id": [vocab.id_of(t) for t in ("<|end_of_text|>", "<|eom_id|>", "<|eot_id|>")],
        "pad_token_id": vocab.id_of("<|finetune_right_pad_id|>"),
    }


def model_config(dims: LlamaDims, vocab: LlamaVocab) -> dict:
    return {
        "architectures": ["LlamaForCausalLM"],
        "model_type": "llama",
        "hidden_size": dims.hidden,
        "intermediate_size": dims.intermediate,
        "num_hidden_layers": dims.layers,
        "num_attention_heads": dims.heads,
        "num_key_value_heads": dims.kv_heads,
        "head_dim": dims.head_dim,
        "hidden_act": "silu",
        "attention_bias": False,
        "mlp_bias": False,
        "rms_norm_eps": dims.rms_norm_eps,
        "rope_theta": dims.rope_theta,
        "rope_scaling": dims.rope_scaling,
        "max_position_embeddings": dims.max_positions,
        "vocab_size": vocab.size,
        "tie_word_embeddings": True,
        "use_cache": True,
        "torch_dtype": "float32",
        **special_ids(vocab),
    }


def generation_config(vocab: LlamaVocab) -> dict:
    # Greedy: the fixtures' outputs are pinned exactly (real Llama 3.2 samples at temperature 0.6, top_p 0.9).
    return {**special_ids(vocab), "do_sample": False}


def write_configs(dims: LlamaDims, vocab: LlamaVocab, out: Path) -> None:
    for name, content in (("config.json", model_config(dims, vocab)), ("generation_config.json", generation_config(vocab))):
        write_json(out / name, content)

"""config.json in Hugging Face's BertForTokenClassification format (id2label / label2id / num_labels)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from fixture_files import write_json  # noqa: E402

from tokcls_dims import LAYER_NORM_EPS, BertDims  # noqa: E402
from tokcls_labels import LABELS  # noqa: E402
from tokcls_tokenizer import PAD, WordPieceVocab  # noqa: E402


def model_config(dims: BertDims, vocab: WordPieceVocab) -> dict:
    return {
        "architectures": ["BertForTokenClassification"],
        "model_type": "bert",
        "hidden_size": dims.hidden,
        "num_hidden_layers": dims.layers,
        "num_attention_heads": dims.heads,
        "intermediate_size": dims.intermediate,
        "hidden_act": "gelu",
        "max_position_embeddings": dims.max_positions,
        "type_vocab_size": dims.type_vocab,
        "vocab_size": vocab.size,
        "layer_norm_eps": LAYER_NORM_EPS,
        "position_embedding_type": "absolute",
        "pad_token_id": vocab.id_of(PAD),
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "initializer_range": 0.02,
        "num_labels": len(LABELS),
        "id2label": {str(i): label for i, label in enumerate(LABELS)},
        "label2id": {label: i for i, label in enumerate(LABELS)},
        "torch_dtype": "float32",
    }


def write_config(dims: BertDims, vocab: WordPieceVocab, out: Path) -> None:
    write_json(out / "config.json", model_config(dims, vocab))

"""config.json in Hugging Face's BertForTokenClassification format (id2label / label2id / num_labels)."""

from __future__ import annotations

import json
from pathlib import Path

from tokcls_dims import LAYER_NORM_EPS, BertDims
from tokcls_labels import LABELS
from tokcls_tokenizer import PAD, WordPieceVocab


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
    (out / "config.json").write_text(json.dumps(model_config(dims, vocab), indent=2) + "\n", encoding="utf-8")

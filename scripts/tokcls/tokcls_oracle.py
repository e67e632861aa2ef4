"""Hand-set BERT token-classifier weights whose tags are known in advance:

  "maria" -> B-NAME, "garcia" -> I-NAME, a word-initial digit ("4") -> B-ID, a continued digit ("##4") -> I-ID,
  every other token ([CLS], [SEP], [UNK], punctuation, other words and pieces) -> O.

So "Maria Garcia, MRN 448812, has a cough." tags Maria/Garcia as B-NAME/I-NAME and 4 ##4 ##8 ##8 ##1 ##2 as
B-ID I-ID …: the spans NAME "Maria Garcia" and ID "448812". The tag is a function of the token alone.

How: each word-embedding row is zero except one spike (CLASS_CODE) in the dimension of its label (dims [0, 11)).
The embedding LayerNorm (gain 1, bias 0) turns the spike into ~sqrt(hidden) and the rest into ~-0.2; the
random position and token-type embeddings (|e| ~ 0.5) barely move it. Every attention output dense and every
FFN output dense is zero, so each post-LN sublayer returns LayerNorm(x) = x (their LayerNorms have gain 1,
bias 0), while the query/key/value and intermediate projections keep random values and run for real. The
classifier is LOGIT_GAIN times the identity on the label dimensions, so the label's logit leads by a wide
margin (generate.py checks the tags and the margin with the PyTorch reference).
"""

from __future__ import annotations

import string

import numpy as np

from tokcls_dims import BertDims
from tokcls_labels import LABELS, label_id
from tokcls_tokenizer import PREFIX, WordPieceVocab
from tokcls_weights import CLASSIFIER, EMBED_NORM, WORDS, Weights, layer_prefix

CLASS_CODE = 8.0
LOGIT_GAIN = 3.0
SOURCE_TEXT = "Maria Garcia, MRN 448812, has a cough."
EXPECTED_SPANS = [
    {"label": "NAME", "start": 0, "end": 12, "text": "Maria Garcia"},
    {"label": "ID", "start": 18, "end": 24, "text": "448812"},
]
OTHER = "any other token"


def oracle_rules() -> list[tuple[str, str]]:
    """(token, label) for every token that is not O."""
    rules = [("maria", "B-NAME"), ("garcia", "I-NAME")]
    rules += [(d, "B-ID") for d in string.digits] + [(PREFIX + d, "I-ID") for d in string.digits]
    return rules


def expected_label(token: str) -> str:
    return dict(oracle_rules()).get(token, "O")


def oracle_weights(dims: BertDims, vocab: WordPieceVocab, base: Weights) -> Weights:
    assert len(LABELS) <= dims.hidden
    w = dict(base)
    words = np.zeros((vocab.size, dims.hidden), dtype=np.float32)
    for i, token in enumerate(vocab.tokens):
        words[i, label_id(expected_label(token))] = CLASS_CODE
    w[WORDS] = words

    def unit_norm(name: str) -> None:
        w[name + ".weight"] = np.ones(dims.hidden, np.float32)
        w[name + ".bias"] = np.zeros(dims.hidden, np.float32)

    unit_norm(EMBED_NORM)
    for i in range(dims.layers):
        p = layer_prefix(i)
        for dense in (f"{p}.attention.output.dense", f"{p}.output.dense"):
            w[dense + ".weight"] = np.zeros_like(base[dense + ".weight"])
            w[dense + ".bias"] = np.zeros_like(base[dense + ".bias"])
        unit_norm(f"{p}.attention.output.LayerNorm")
        unit_norm(f"{p}.output.LayerNorm")

    classifier = np.zeros((len(LABELS), dims.hidden), np.float32)
    classifier[np.arange(len(LABELS)), np.arange(len(LABELS))] = LOGIT_GAIN
    w[CLASSIFIER + ".weight"] = classifier
    w[CLASSIFIER + ".bias"] = np.zeros(len(LABELS), np.float32)
    return w

"""A SentencePiece-style Unigram vocabulary in opus-mt's token layout, and its tokenizer.json.

The real opus-mt vocabularies are not available (nor wanted) here, so the pieces are generated: whole words
with SentencePiece's word-boundary mark "▁" for a few Spanish and English words (so a model can emit
"▁hello" as one token), "▁" alone, and single characters (ASCII, Spanish letters, common punctuation) so any
text of those characters tokenizes; anything else becomes <unk>, as with SentencePiece without byte fallback
(transformers.js's Unigram model has none). Layout as in opus-mt: </s> = 0 (eos), <unk> = 1, <pad> = last
id (decoder_start_token_id). `encode` is an independent Viterbi over the same pieces, for expected ids.
"""

from __future__ import annotations

import re
import string
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from fixture_files import write_compact_json, write_json  # noqa: E402

EOS, UNK, PAD = "</s>", "<unk>", "<pad>"
SPACE = "\u2581"  # ▁

SPANISH = (
    "hola mundo el la los las de del que y en un una es no con por para se su al como pero muy sin desde ayer "
    "hoy paciente dolor pecho tos fiebre tiene cabeza leve niega médico gracias buenos días"
)
ENGLISH = (
    "hello world the a of and to in is it you that for on are with as not but this have from since yesterday "
    "today patient pain chest cough fever has head mild denies doctor thank thanks good morning"
)
CHARACTERS = string.ascii_lowercase + string.ascii_uppercase + string.digits + "áéíóúüñÁÉÍÓÚÜÑ¿¡" + string.punctuation

# Unigram log-probabilities: specials 0 (as SentencePiece's control symbols), "▁" above words above characters,
# each piece a little lower than the one before, so Viterbi never meets a tie between a word and its spelling.
SCORE_SPACE, SCORE_WORD, SCORE_CHAR, STEP = -2.0, -4.0, -8.0, 0.001


@dataclass
class MarianVocab:
    pieces: list[tuple[str, float]]  # id = index; specials included (<pad> last)

    @property
    def size(self) -> int:
        return len(self.pieces)

    def id_of(self, piece: str) -> int:
        return self._ids()[piece]

    def _ids(self) -> dict[str, int]:
        return {p: i for i, (p, _) in enumerate(self.pieces)}

    @property
    def eos_id(self) -> int:
        return self.id_of(EOS)

    @property
    def unk_id(self) -> int:
        return self.id_of(UNK)

    @property
    def pad_id(self) -> int:
        return self.id_of(PAD)

    def word(self, word: str) -> int:
        return self.id_of(SPACE + word)

    def encode(self, text: str) -> list[int]:
        """Ids as the tokenizer.json below encodes `text` (normalize, Metaspace, Viterbi, fuse <unk>, + </s>)."""
        ids = self._ids()
        scores = dict(self.pieces)
        unk_score = min(scores.values()) - 10.0
        if not normalize(text):
            return [self.eos_id]
        chars = SPACE + normalize(text).replace(" ", SPACE)
        longest = max(len(p) for p, _ in self.pieces)
        best: list[tuple[float, int, int]] = [(0.0, -1, -1)] + [(float("-inf"), -1, -1)] * len(chars)
        for end in range(1, len(chars) + 1):
            for start in range(max(0, end - longest), end):
                piece = chars[start:end]
                token = ids.get(piece)
                if token is None and end - start == 1:
                    token, score = self.unk_id, unk_score
                elif token is None:
                    continue
                else:
                    score = scores[piece]
                total = best[start][0] + score
                if total > best[end][0]:
                    best[end] = (total, start, token)
        out: list[int] = []
        end = len(chars)
        while end > 0:
            _, start, token = best[end]
            out.append(token)
            end = start
        out.reverse()
        fused = [t for k, t in enumerate(out) if not (t == self.unk_id and k > 0 and out[k - 1] == self.unk_id)]
        return fused + [self.eos_id]


def normalize(text: str) -> str:
    """NFKC, runs of spaces collapsed, stripped: the tokenizer.json normalizer below."""
    return re.sub(" {2,}", " ", unicodedata.normalize("NFKC", text)).strip()


def build_vocab() -> MarianVocab:
    words: list[str] = []
    for word in (SPANISH + " " + ENGLISH).split():
        if SPACE + word not in words:
            words.append(SPACE + word)
    pieces = [(EOS, 0.0), (UNK, 0.0), (SPACE, SCORE_SPACE)]
    pieces += [(w, SCORE_WORD - STEP * i) for i, w in enumerate(words)]
    pieces += [(c, SCORE_CHAR - STEP * i) for i, c in enumerate(CHARACTERS)]
    pieces.append((PAD, 0.0))
    assert len({p for p, _ in pieces}) == len(pieces)
    return MarianVocab(pieces)


def tokenizer_json(vocab: MarianVocab) -> dict:
    special = {"single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
    metaspace = {"type": "Metaspace", "replacement": SPACE, "prepend_scheme": "always", "split": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": vocab.id_of(t), "content": t, **special} for t in (EOS, UNK, PAD)],
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "NFKC"},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
                {"type": "Strip", "strip_left": True, "strip_right": True},
            ],
        },
        "pre_tokenizer": metaspace,
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"Sequence": {"id": "A", "type_id": 0}}, {"SpecialToken": {"id": EOS, "type_id": 0}}],
            "pair": [
                {"Sequence": {"id": "A", "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": EOS, "type_id": 0}},
            ],
            "special_tokens": {EOS: {"id": EOS, "ids": [vocab.eos_id], "tokens": [EOS]}},
        },
        "decoder": metaspace,
        "model": {"type": "Unigram", "unk_id": vocab.unk_id, "byte_fallback": False,
                  "vocab": [[p, s] for p, s in vocab.pieces]},
    }


def tokenizer_config(source_lang: str, target_lang: str) -> dict:
    return {
        "tokenizer_class": "MarianTokenizer",
        "eos_token": EOS,
        "unk_token": UNK,
        "pad_token": PAD,
        "model_max_length": 512,
        "source_lang": source_lang,
        "target_lang": target_lang,
        "separate_vocabs": False,
        "clean_up_tokenization_spaces": False,
    }


def write_tokenizer(vocab: MarianVocab, out: Path, source_lang: str = "es", target_lang: str = "en") -> None:
    write_compact_json(out / "tokenizer.json", tokenizer_json(vocab))
    write_json(out / "tokenizer_config.json", tokenizer_config(source_lang, target_lang))

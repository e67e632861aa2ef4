"""A small WordPiece vocabulary in BERT's (uncased) token layout, and its tokenizer.json.

No real BERT vocabulary is used (nor wanted) here, so the pieces are generated: the specials [PAD] [UNK]
[CLS] [SEP] [MASK], every single character a lowercased, accent-stripped ASCII text can contain (letters,
digits, punctuation), the same letters and digits as "##" continuation pieces (so any ASCII word spells out),
a few whole words (clinical English and the names the oracle knows) and a few multi-letter continuation
suffixes. A word holding any other character becomes one [UNK], as in BERT.

The tokenizer.json is BERT's: BertNormalizer (clean text, CJK spacing, lowercase, strip accents),
BertPreTokenizer (split on whitespace and around every punctuation character), WordPiece (greedy longest
match, "##" prefix, words over 100 characters are [UNK]) and a [CLS] A [SEP] (B [SEP]) template. `encode` is an
independent implementation of the same steps, for the expected ids in reference.json.
"""

from __future__ import annotations

import string
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from fixture_files import write_compact_json, write_json  # noqa: E402

PAD, UNK, CLS, SEP, MASK = "[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
SPECIALS = [PAD, UNK, CLS, SEP, MASK]
PREFIX = "##"
MAX_WORD_CHARS = 100

CHARACTERS = string.ascii_lowercase + string.digits + string.punctuation
CONTINUED = string.ascii_lowercase + string.digits
WORDS = (
    "the a an and or of to in on at for with from by is was has had have he she his her they patient pain "
    "chest cough fever mild denies reports since yesterday today visit seen born on date phone address street "
    "mrn id number doctor dr mr mrs ms maria garcia john smith"
)
SUFFIXES = ["##ed", "##ing", "##ly", "##er", "##ia"]


@dataclass
class WordPieceVocab:
    tokens: list[str]  # id = index

    @property
    def size(self) -> int:
        return len(self.tokens)

    def id_of(self, token: str) -> int:
        return self._ids()[token]

    def _ids(self) -> dict[str, int]:
        return {t: i for i, t in enumerate(self.tokens)}

    def tokenize(self, text: str) -> list[str]:
        """Tokens of one text, without [CLS]/[SEP] (normalize, pre-tokenize, WordPiece)."""
        ids = self._ids()
        out: list[str] = []
        for word in pre_tokenize(normalize(text)):
            out.extend(wordpiece(word, ids))
        return out

    def encode(self, text: str, pair: str | None = None) -> tuple[list[int], list[int]]:
        """(input_ids, token_type_ids) as the tokenizer.json below encodes text (and a second text)."""
        ids = self._ids()
        first = [CLS, *self.tokenize(text), SEP]
        second = [] if pair is None else [*self.tokenize(pair), SEP]
        return [ids[t] for t in first + second], [0] * len(first) + [1] * len(second)


def is_punctuation(ch: str) -> bool:
    """BERT's punctuation: Unicode P* categories and every non-alphanumeric printable ASCII character."""
    cp = ord(ch)
    return 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126 or \
        unicodedata.category(ch).startswith("P")


def is_cjk(cp: int) -> bool:
    ranges = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F), (0x2B740, 0x2B81F),
              (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]
    return any(lo <= cp <= hi for lo, hi in ranges)


def normalize(text: str) -> str:
    """BertNormalizer(clean_text, handle_chinese_chars, lowercase, strip_accents follows lowercase)."""
    cleaned = []
    for ch in text:
        control = ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")
        if ord(ch) in (0, 0xFFFD) or control:
            continue
        if ch.isspace():
            cleaned.append(" ")
        elif is_cjk(ord(ch)):
            cleaned.append(f" {ch} ")
        else:
            cleaned.append(ch)
    lowered = unicodedata.normalize("NFD", "".join(cleaned).lower())
    return "".join(ch for ch in lowered if unicodedata.category(ch) != "Mn")


def pre_tokenize(text: str) -> list[str]:
    """Split on whitespace; every punctuation character is a word of its own."""
    words: list[str] = []
    for chunk in text.split():
        current = ""
        for ch in chunk:
            if is_punctuation(ch):
                words += [current, ch] if current else [ch]
                current = ""
            else:
                current += ch
        if current:
            words.append(current)
    return words


def wordpiece(word: str, ids: dict[str, int]) -> list[str]:
    """Greedy longest-match-first; the whole word is [UNK] when some part of it matches no piece."""
    if len(word) > MAX_WORD_CHARS:
        return [UNK]
    pieces: list[str] = []
    start = 0
    while start < len(word):
        for end in range(len(word), start, -1):
            piece = word[start:end] if start == 0 else PREFIX + word[start:end]
            if piece in ids:
                pieces.append(piece)
                start = end
                break
        else:
            return [UNK]
    return pieces


def build_vocab() -> WordPieceVocab:
    tokens = list(SPECIALS) + list(CHARACTERS) + [PREFIX + c for c in CONTINUED]
    for word in WORDS.split():
        if word not in tokens:
            tokens.append(word)
    tokens += SUFFIXES
    assert len(set(tokens)) == len(tokens)
    return WordPieceVocab(tokens)


def tokenizer_json(vocab: WordPieceVocab) -> dict:
    special = {"single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": vocab.id_of(t), "content": t, **special} for t in SPECIALS],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": CLS, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": SEP, "type_id": 0}}],
            "pair": [
                {"SpecialToken": {"id": CLS, "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": SEP, "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 1}},
                {"SpecialToken": {"id": SEP, "type_id": 1}},
            ],
            "special_tokens": {t: {"id": t, "ids": [vocab.id_of(t)], "tokens": [t]} for t in (CLS, SEP)},
        },
        "decoder": {"type": "WordPiece", "prefix": PREFIX, "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": UNK, "continuing_subword_prefix": PREFIX,
                  "max_input_chars_per_word": MAX_WORD_CHARS, "vocab": {t: i for i, t in enumerate(vocab.tokens)}},
    }


def tokenizer_config(max_length: int) -> dict:
    return {
        "tokenizer_class": "BertTokenizer",
        "do_lower_case": True,
        "strip_accents": None,
        "tokenize_chinese_chars": True,
        "cls_token": CLS,
        "sep_token": SEP,
        "pad_token": PAD,
        "unk_token": UNK,
        "mask_token": MASK,
        "model_max_length": max_length,
        "clean_up_tokenization_spaces": True,
    }


def write_tokenizer(vocab: WordPieceVocab, max_length: int, out: Path) -> None:
    write_compact_json(out / "tokenizer.json", tokenizer_json(vocab))
    write_json(out / "tokenizer_config.json", tokenizer_config(max_length))

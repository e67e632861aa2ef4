"""A Llama-3-style byte-level BPE tokenizer: generated regular tokens, Llama 3's 256 special tokens after them.

The real Llama 3 vocabulary is not available (nor wanted) here, so the regular part is generated: the 256 byte
tokens in GPT-2 order, merge chains for a few words (so a model can emit " patient" as one token) and, for the
real-size model, synthetic merges padding it to Llama 3's 128000 regular tokens, so the special ids line up
with the real models (<|begin_of_text|> = 128000, <|eot_id|> = 128009). Pre-tokenization is Llama 3's: a regex
Split, then ByteLevel without its own regex.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))
from fixture_files import write_compact_json, write_json  # noqa: E402

REAL_REGULAR_TOKENS = 128000
N_SPECIALS = 256

# Llama 3.1/3.2 special-token order: ids R+0 .. R+10, then reserved tokens up to R+255.
NAMED_SPECIALS = [
    "<|begin_of_text|>",
    "<|end_of_text|>",
    "<|reserved_special_token_0|>",
    "<|reserved_special_token_1|>",
    "<|finetune_right_pad_id|>",
    "<|reserved_special_token_2|>",
    "<|start_header_id|>",
    "<|end_header_id|>",
    "<|eom_id|>",
    "<|eot_id|>",
    "<|python_tag|>",
]

# Llama 3's pre-tokenizer regex (a fact of the format, written out here).
SPLIT_PATTERN = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+"
)

# Words that become single tokens: the chat roles, the oracle's sentence and a few clinical words.
WORDS = [
    "system", "user", "assistant", "You", "The", "Write", "note",
    " the", " a", " of", " and", " to", " is", " are", " you",
    " patient", " reports", " mild", " chest", " pain", " since", " yesterday", " cough", " fever", " denies",
    " clinical", " note", " write", " visit", " short", " concise", " scribe",
]

CHAT_TEMPLATE = (
    "{{- bos_token }}"
    "{%- for message in messages %}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n' + (message['content'] | trim) + '<|eot_id|>' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}"
    "{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}"
    "{%- endif %}"
)


def bytes_to_unicode() -> list[tuple[int, str]]:
    """GPT-2's reversible byte -> printable character map, in GPT-2's token order."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    mapping = [(b, chr(b)) for b in printable]
    extra = 0
    for b in range(256):
        if b not in printable:
            mapping.append((b, chr(256 + extra)))
            extra += 1
    return mapping


def encode_bytes(text: str) -> str:
    table = dict(bytes_to_unicode())
    return "".join(table[b] for b in text.encode("utf-8"))


def special_names() -> list[str]:
    reserved = [f"<|reserved_special_token_{i}|>" for i in range(3, 3 + N_SPECIALS - len(NAMED_SPECIALS))]
    return NAMED_SPECIALS + reserved


@dataclass
class LlamaVocab:
    tokens: list[str]  # regular tokens (byte-level strings), id = index
    merges: list[tuple[str, str]]

    @property
    def specials(self) -> list[str]:
        return special_names()

    @property
    def size(self) -> int:
        return len(self.tokens) + N_SPECIALS

    def id_of(self, token: str) -> int:
        if token.startswith("<|") and token.endswith("|>"):
            return len(self.tokens) + self.specials.index(token)
        return self.tokens.index(encode_bytes(token))


def build_vocab(real_size: bool) -> LlamaVocab:
    tokens = [ch for _, ch in bytes_to_unicode()]
    known = set(tokens)
    merges: list[tuple[str, str]] = []

    def add_merge(a: str, b: str) -> None:
        if a + b not in known:
            merges.append((a, b))
            tokens.append(a + b)
            known.add(a + b)

    add_merge(encode_bytes("\n"), encode_bytes("\n"))
    for word in WORDS:
        chars = encode_bytes(word)
        for i in range(1, len(chars)):
            add_merge(chars[:i], chars[i])
    if real_size:
        # Pad with pair merges of letters (then of all byte characters) up to 128000 regular tokens.
        alphabet = encode_bytes(" ") + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        order = list(alphabet) + [ch for _, ch in bytes_to_unicode() if ch not in alphabet]
        for a in order:
            for b in order:
                add_merge(a, b)
        firsts = [t for t in tokens[256:] if len(t) == 2]
        for a in firsts:
            for b in order:
                if len(tokens) >= REAL_REGULAR_TOKENS:
                    break
                add_merge(a, b)
        assert len(tokens) == REAL_REGULAR_TOKENS
    return LlamaVocab(tokens, merges)


def tokenizer_json(vocab: LlamaVocab) -> dict:
    added = [{"id": len(vocab.tokens) + i, "content": t, "special": True} for i, t in enumerate(vocab.specials)]
    bos = "<|begin_of_text|>"
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {"type": "Split", "pattern": {"Regex": SPLIT_PATTERN}, "behavior": "Isolated", "invert": False},
                {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": False},
            ],
        },
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": bos, "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}}],
            "pair": [
                {"SpecialToken": {"id": bos, "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": bos, "type_id": 1}},
                {"Sequence": {"id": "B", "type_id": 1}},
            ],
            "special_tokens": {bos: {"id": bos, "ids": [vocab.id_of(bos)], "tokens": [bos]}},
        },
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": None,
            "end_of_word_suffix": None,
            "fuse_unk": False,
            "byte_fallback": False,
            "ignore_merges": True,
            "vocab": {tok: i for i, tok in enumerate(vocab.tokens)},
            "merges": [[a, b] for a, b in vocab.merges],
        },
    }


def tokenizer_config() -> dict:
    return {
        "tokenizer_class": "PreTrainedTokenizerFast",
        "bos_token": "<|begin_of_text|>",
        "eos_token": "<|eot_id|>",
        "pad_token": "<|finetune_right_pad_id|>",
        "clean_up_tokenization_spaces": True,
        "model_input_names": ["input_ids", "attention_mask"],
        "model_max_length": 131072,
        "chat_template": CHAT_TEMPLATE,
    }


def write_tokenizer(vocab: LlamaVocab, out: Path) -> None:
    write_compact_json(out / "tokenizer.json", tokenizer_json(vocab))
    write_json(out / "tokenizer_config.json", tokenizer_config())

"""A byte-level BPE tokenizer with Whisper's special tokens at Whisper's ids.

The real Whisper vocabulary is not available here, so the regular part is generated: the 256 byte
tokens, merge chains for a few English words (so a model can emit " hello" as one token), and -- for the
real-size models -- synthetic pair merges padding it to Whisper's size so every id lines up with the real
models: multilingual 50257 regular tokens + 1608 added = 51865, English-only 50256 + 1608 = 51864.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from fixture_files import write_compact_json

# Whisper's 99 languages, in token order (<|en|> first).
LANGUAGES = (
    "en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th ur hr bg lt "
    "la mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr pa si km sn yo so af "
    "oc ka be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt haw ln ha ba jw su"
).split()
assert len(LANGUAGES) == 99

TASK_TOKENS = ["<|translate|>", "<|transcribe|>", "<|startoflm|>", "<|startofprev|>", "<|nospeech|>", "<|notimestamps|>"]
N_TIMESTAMPS = 1501  # <|0.00|> .. <|30.00|> in 0.02 s steps

REAL_REGULAR_TOKENS = {True: 50257, False: 50256}  # multilingual / English-only

WORDS = " hello world the and patient pain chest cough fever you so my fellow americans ask not what your country can do for"


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


@dataclass
class WhisperVocab:
    tokens: list[str]  # regular tokens, id = index
    merges: list[tuple[str, str]]
    specials: list[str]  # added special tokens, ids follow the regular ones
    multilingual: bool

    @property
    def eos_id(self) -> int:
        return len(self.tokens)

    def id_of(self, token: str) -> int:
        if token in self.specials:
            return len(self.tokens) + self.specials.index(token)
        if token.startswith("<|") and token.endswith("|>"):
            seconds = float(token[2:-2])
            return self.timestamp_begin + round(seconds / 0.02)
        return self.tokens.index(encode_bytes(token))

    @property
    def timestamp_begin(self) -> int:
        return len(self.tokens) + len(self.specials)

    @property
    def size(self) -> int:
        return self.timestamp_begin + N_TIMESTAMPS

    def lang_to_id(self) -> dict[str, int]:
        return {f"<|{code}|>": self.id_of(f"<|{code}|>") for code in LANGUAGES}


def build_vocab(multilingual: bool, merges: int | None) -> WhisperVocab:
    tokens = [ch for _, ch in bytes_to_unicode()]
    known = set(tokens)
    merge_list: list[tuple[str, str]] = []

    def add_merge(a: str, b: str) -> None:
        if a + b not in known:
            merge_list.append((a, b))
            tokens.append(a + b)
            known.add(a + b)

    for word in WORDS.split(" ")[1:]:
        chars = encode_bytes(" " + word)
        for i in range(1, len(chars)):
            add_merge(chars[:i], chars[i])
    target = REAL_REGULAR_TOKENS[multilingual] if merges is None else 256 + merges
    if len(tokens) > target:
        del tokens[target:]
        del merge_list[target - 256 :]
    alphabet = encode_bytes(" ") + "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    order = list(alphabet) + [ch for _, ch in bytes_to_unicode() if ch not in alphabet]
    for a in order:
        if len(tokens) >= target:
            break
        for b in order:
            if len(tokens) >= target:
                break
            add_merge(a, b)
    specials = ["<|endoftext|>", "<|startoftranscript|>", *[f"<|{c}|>" for c in LANGUAGES], *TASK_TOKENS]
    return WhisperVocab(tokens, merge_list, specials, multilingual)


def tokenizer_json(vocab: WhisperVocab) -> dict:
    def added(token_id: int, content: str, special: bool) -> dict:
        # Only non-default fields: single_word/lstrip/rstrip default to false, which keeps the file small.
        return {"id": token_id, "content": content, "special": special}

    added_tokens = [added(vocab.eos_id + i, tok, True) for i, tok in enumerate(vocab.specials)]
    added_tokens += [added(vocab.timestamp_begin + i, f"<|{i * 0.02:.2f}|>", False) for i in range(N_TIMESTAMPS)]

    def special(token: str) -> dict:
        return {"SpecialToken": {"id": token, "type_id": 0}}

    sequence = {"Sequence": {"id": "A", "type_id": 0}}
    prefix = [special("<|startoftranscript|>"), special("<|notimestamps|>")]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added_tokens,
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [*prefix, sequence, special("<|endoftext|>")],
            "pair": [*prefix, sequence, {"Sequence": {"id": "B", "type_id": 1}}, special("<|endoftext|>")],
            "special_tokens": {
                tok: {"id": tok, "ids": [vocab.id_of(tok)], "tokens": [tok]}
                for tok in ("<|startoftranscript|>", "<|notimestamps|>", "<|endoftext|>")
            },
        },
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {
            "type": "BPE",
            "dropout": None,
            "unk_token": None,
            "continuing_subword_prefix": "",
            "end_of_word_suffix": "",
            "fuse_unk": False,
            "byte_fallback": False,
            "vocab": {tok: i for i, tok in enumerate(vocab.tokens)},
            "merges": [f"{a} {b}" for a, b in vocab.merges],
        },
    }


def tokenizer_config(vocab: WhisperVocab) -> dict:
    return {
        "tokenizer_class": "WhisperTokenizer",
        "processor_class": "WhisperProcessor",
        "bos_token": "<|endoftext|>",
        "eos_token": "<|endoftext|>",
        "unk_token": "<|endoftext|>",
        "pad_token": "<|endoftext|>",
        "add_prefix_space": False,
        "clean_up_tokenization_spaces": True,
        "errors": "replace",
        "model_max_length": 1024,
        "additional_special_tokens": vocab.specials[1:],
    }


def write_tokenizer(vocab: WhisperVocab, out: Path) -> None:
    write_compact_json(out / "tokenizer.json", tokenizer_json(vocab))
    (out / "tokenizer_config.json").write_text(json.dumps(tokenizer_config(vocab), indent=2), encoding="utf-8")

"""Generate a BERT token-classification model folder in the layout @huggingface/transformers loads
(AutoModelForTokenClassification / BertForTokenClassification, BertTokenizer, pipeline('token-classification')),
with random or oracle weights.

  /usr/bin/python3 scripts/tokcls/generate.py --size tiny|base [--oracle] [--reference] [--quantize q8] [--seed N]
                                              --out DIR

Writes config.json (id2label / label2id / num_labels: the BIO de-identification labels), tokenizer.json
(WordPiece, BertNormalizer, BertPreTokenizer), tokenizer_config.json (BertTokenizer), generated.json (how it
was made) and onnx/model.onnx (fp32, transformers.js dtype 'fp32'). --quantize q8 adds onnx/model_quantized.onnx
(dynamic int8 Linear layers, dtype 'q8'). --reference adds reference.json, an independent float64 PyTorch
forward pass on fixed inputs, and tokenizer cases. --oracle checks its tags with the same PyTorch model before
writing it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ inside the repository
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "whisper"))

from fixture_files import generated_manifest, save_onnx, write_json  # noqa: E402
from generator_cli import generator_parser, parse_generator_args  # noqa: E402

from tokcls_config_files import write_config  # noqa: E402
from tokcls_dims import SIZES, BertDims  # noqa: E402
from tokcls_graph import build_model  # noqa: E402
from tokcls_labels import LABELS  # noqa: E402
from tokcls_oracle import EXPECTED_SPANS, OTHER, SOURCE_TEXT, expected_label, oracle_rules, oracle_weights  # noqa: E402
from tokcls_tokenizer import CLS, SEP, SPECIALS, WordPieceVocab, build_vocab, write_tokenizer  # noqa: E402
from tokcls_weights import Weights, random_weights  # noqa: E402

# Texts the oracle is checked on (one padded batch): names, digits inside and beside words, accents, [UNK].
ORACLE_CHECK_TEXTS = [SOURCE_TEXT, "garcia maria 0 9", "MRN448812 at 12:30 — García, María ☃", "Mariana", "x", ""]
# Texts whose tokens and ids reference.json pins (tokcls_tokenizer.encode, an independent implementation):
# words, spelled-out words, "##" suffixes, accents, punctuation, whitespace runs, unknown and CJK characters,
# a control character and a word over 100 characters.
TOKENIZER_CASES = ["Maria Garcia, MRN 448812, has a cough.", "Reported coughing since Tuesday!",
                   "  Dr.\tJOSÉ  Müller\n(555) 010-0199 ", "naïve café ß 😀 x😀y", "病人 ok", "a\u200bb ##x",
                   "9" * 101 + " end", ""]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = generator_parser(__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--oracle", action="store_true", help="hand-set weights: names and digits tagged")
    parser.add_argument("--reference", action="store_true", help="write reference.json from a PyTorch forward pass")
    parser.add_argument("--quantize", choices=["q8"], help="also write onnx/model_quantized.onnx (dynamic int8)")
    return parse_generator_args(parser, argv)


def check_oracle(dims: BertDims, weights: Weights, vocab: WordPieceVocab) -> dict:
    from tokcls_torch_reference import TorchBert  # torch is only needed here

    labels, margin = TorchBert(dims, weights).predict(ORACLE_CHECK_TEXTS, vocab)
    for text, got in zip(ORACLE_CHECK_TEXTS, labels):
        tokens = [CLS, *vocab.tokenize(text), SEP]
        expected = [expected_label(t) for t in tokens]
        if got != expected or margin < 8:
            raise SystemExit(f"oracle check failed on {text!r}: {got} (margin {margin:.2f}), expected {expected}")
    return {"texts": ORACLE_CHECK_TEXTS, "min_logit_margin": round(margin, 3)}


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    dims = SIZES[args.size]
    vocab = build_vocab()
    out: Path = args.out
    (out / "onnx").mkdir(parents=True, exist_ok=True)
    write_tokenizer(vocab, dims.max_positions, out)
    write_config(dims, vocab, out)

    weights = random_weights(dims, vocab.size, len(LABELS), args.seed)
    if args.oracle:
        weights = oracle_weights(dims, vocab, weights)
    graphs = [("model", False)] + ([("model_quantized", True)] if args.quantize else [])
    files = {}
    for name, quantize in graphs:
        started = time.time()
        model = build_model(dims, weights, len(LABELS), quantize)
        files[f"onnx/{name}.onnx"] = save_onnx(model, out / "onnx" / f"{name}.onnx")
        print(f"{name}.onnx: {files[f'onnx/{name}.onnx'] / 1e3:.0f} kB in {time.time() - started:.1f} s",
              file=sys.stderr)

    model_info = {
        "size": dims.name, "hidden": dims.hidden, "layers": dims.layers, "heads": dims.heads,
        "intermediate": dims.intermediate, "max_position_embeddings": dims.max_positions, "vocab_size": vocab.size,
        "special_ids": {t.strip("[]").lower(): vocab.id_of(t) for t in SPECIALS}, "labels": LABELS,
    }
    manifest = generated_manifest("scripts/tokcls/generate.py", model_info, args.seed, args.oracle, files)
    if args.oracle:
        tokens = vocab.tokenize(SOURCE_TEXT)
        manifest["oracle"] = {
            "rules": [{"token": token, "label": label} for token, label in oracle_rules()] +
                     [{"token": OTHER, "label": "O"}],
            "source_text": SOURCE_TEXT,
            "source_tokens": tokens,
            "source_labels": [expected_label(t) for t in tokens],
            "expected_spans": EXPECTED_SPANS,
            "checked": check_oracle(dims, weights, vocab),
        }
    write_json(out / "generated.json", manifest, ensure_ascii=False)
    if args.reference:
        from tokcls_torch_reference import reference_summary  # torch is only needed here

        summary = reference_summary(dims, weights, vocab)
        summary["tokenization"] = [{"text": text, "tokens": vocab.tokenize(text), "ids": vocab.encode(text)[0]}
                                   for text in TOKENIZER_CASES]
        write_json(out / "reference.json", summary, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])

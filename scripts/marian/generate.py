"""Generate a Marian (opus-mt style) translation model folder in the layout @huggingface/transformers loads
(MarianMTModel, pipeline('translation')), with random or oracle weights.

  /usr/bin/python3 scripts/marian/generate.py --size tiny|base [--oracle] [--reference] [--seed N] --out DIR

Writes config.json, generation_config.json, tokenizer.json (Unigram, Metaspace), tokenizer_config.json
(MarianTokenizer), generated.json (how it was made), onnx/encoder_model.onnx and
onnx/decoder_model_merged.onnx (fp32, transformers.js dtype 'fp32'). --reference adds reference.json, an
independent float64 PyTorch forward pass on a fixed input. --oracle checks its greedy output with the same
PyTorch model before writing it.
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

from marian_config_files import write_configs  # noqa: E402
from marian_decoder_graph import build_decoder  # noqa: E402
from marian_dims import SIZES, MarianDims  # noqa: E402
from marian_encoder_graph import build_encoder  # noqa: E402
from marian_oracle import EXPECTED_TEXT, SOURCE_TEXT, expected_tokens, oracle_rules, oracle_weights  # noqa: E402
from marian_tokenizer import MarianVocab, build_vocab, write_tokenizer  # noqa: E402
from marian_weights import Weights, random_weights  # noqa: E402

# Sources the oracle is checked on (one batch, so shorter ones are right-padded as transformers.js pads them).
ORACLE_CHECK_SOURCES = [SOURCE_TEXT, "El paciente tiene tos y fiebre desde ayer.", "xyz", "¿Qué?", ""]
# Texts whose ids reference.json pins (marian_tokenizer.encode, an independent Viterbi): words, character
# fallback, runs of unknown characters (one <unk>), whitespace and NFKC normalization.
TOKENIZER_CASES = ["hola mundo", "hello world", "Hola, señor médico: ¿dolor?", "xyz 😀😀 ok 😀", "  doble   espacio ",
                   "ﬁ ½ Ｈｏｌａ", "   ", ""]


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = generator_parser(__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--oracle", action="store_true", help="hand-set weights: greedy output 'hello world'")
    parser.add_argument("--reference", action="store_true", help="write reference.json from a PyTorch forward pass")
    return parse_generator_args(parser, argv)


def check_oracle(dims: MarianDims, weights: Weights, vocab: MarianVocab) -> dict:
    from marian_torch_reference import TorchMarian  # torch is only needed here

    sources = [vocab.encode(text) for text in ORACLE_CHECK_SOURCES]
    sequences, margin = TorchMarian(dims, weights).greedy(sources, vocab, steps=8)
    expected = expected_tokens(vocab)
    if any(seq != expected for seq in sequences) or margin < 10:
        raise SystemExit(f"oracle check failed: {sequences} (margin {margin:.2f}), expected {expected}")
    return {"sources": ORACLE_CHECK_SOURCES, "min_logit_margin": round(margin, 3)}


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    dims = SIZES[args.size]
    vocab = build_vocab()
    out: Path = args.out
    (out / "onnx").mkdir(parents=True, exist_ok=True)
    write_tokenizer(vocab, out)
    write_configs(dims, vocab, out)

    weights = random_weights(dims, vocab.size, args.seed)
    if args.oracle:
        weights = oracle_weights(dims, vocab, weights)
    files = {}
    for name, build in (("encoder_model", build_encoder), ("decoder_model_merged", build_decoder)):
        started = time.time()
        files[f"onnx/{name}.onnx"] = save_onnx(build(dims, weights), out / "onnx" / f"{name}.onnx")
        print(f"{name}.onnx: {files[f'onnx/{name}.onnx'] / 1e3:.0f} kB in {time.time() - started:.1f} s",
              file=sys.stderr)

    model_info = {
        "size": dims.name, "d_model": dims.d_model, "layers": dims.layers, "heads": dims.heads,
        "ffn_dim": dims.ffn_dim, "vocab_size": vocab.size,
        "special_ids": {"eos": vocab.eos_id, "unk": vocab.unk_id, "pad": vocab.pad_id, "decoder_start": vocab.pad_id},
    }
    manifest = generated_manifest("scripts/marian/generate.py", model_info, args.seed, args.oracle, files)
    if args.oracle:
        manifest["oracle"] = {
            "rules": [{"after": source, "next": target} for source, target in oracle_rules()],
            "source_text": SOURCE_TEXT,
            "source_ids": vocab.encode(SOURCE_TEXT),
            "expected_tokens": expected_tokens(vocab),
            "expected_text": EXPECTED_TEXT,
            "checked": check_oracle(dims, weights, vocab),
        }
    write_json(out / "generated.json", manifest, ensure_ascii=False)
    if args.reference:
        from marian_torch_reference import reference_summary  # torch is only needed here

        summary = reference_summary(dims, weights, vocab)
        summary["tokenization"] = [{"text": text, "ids": vocab.encode(text)} for text in TOKENIZER_CASES]
        write_json(out / "reference.json", summary, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Generate a Whisper model folder in the layout @huggingface/transformers loads (random or oracle weights).

  /usr/bin/python3 scripts/whisper/generate.py --size tiny|base|small|micro [--multilingual]
      [--quantize int8] [--oracle LANG] [--reference] [--seed N] --out DIR

Writes config.json, generation_config.json, preprocessor_config.json, tokenizer.json, tokenizer_config.json,
generated.json (how it was made), onnx/encoder_model.onnx, onnx/decoder_model_merged.onnx and, with
--quantize int8, onnx/encoder_model_int8.onnx + onnx/decoder_model_merged_int8.onnx (transformers.js dtype
'int8'). --reference adds reference.json, a PyTorch forward pass on a fixed input for the test suite.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ inside the repository

from config_files import write_configs  # noqa: E402
from decoder_graph import build_decoder  # noqa: E402
from dims import SIZES  # noqa: E402
from encoder_graph import build_encoder  # noqa: E402
from fixture_files import generated_manifest, save_onnx, write_json  # noqa: E402
from generator_cli import generator_parser, parse_generator_args  # noqa: E402
from oracle import expected_sequence, oracle_rules, oracle_weights  # noqa: E402
from tokenizer_files import LANGUAGES, build_vocab, write_tokenizer  # noqa: E402
from weights import random_weights  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = generator_parser(__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--multilingual", action="store_true", help="99 languages + translate (default: .en)")
    parser.add_argument("--quantize", choices=["int8"], help="also write dynamic-int8 graphs")
    parser.add_argument("--oracle", metavar="LANG", help="hand-set decoder with a known greedy output (multilingual)")
    parser.add_argument("--reference", action="store_true", help="write reference.json from a PyTorch forward pass")
    args = parse_generator_args(parser, argv)
    if args.oracle and (not args.multilingual or args.oracle not in LANGUAGES):
        parser.error("--oracle needs --multilingual and a Whisper language code (e.g. de)")
    return args


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    dims = SIZES[args.size]
    vocab = build_vocab(args.multilingual, dims.merges)
    weights = random_weights(dims, vocab.size, vocab.eos_id, args.seed)
    if args.oracle:
        weights = oracle_weights(dims, vocab, weights, args.oracle)
    out: Path = args.out
    (out / "onnx").mkdir(parents=True, exist_ok=True)
    write_tokenizer(vocab, out)
    write_configs(dims, vocab, out)

    files = {}
    for quantize in [False] + ([True] if args.quantize else []):
        suffix = "_int8" if quantize else ""
        for name, build in (("encoder_model", build_encoder), ("decoder_model_merged", build_decoder)):
            started = time.time()
            size = save_onnx(build(dims, weights, quantize), out / "onnx" / f"{name}{suffix}.onnx")
            files[f"onnx/{name}{suffix}.onnx"] = size
            print(f"{name}{suffix}.onnx: {size / 1e6:.1f} MB in {time.time() - started:.1f} s", file=sys.stderr)

    model_info = {
        "size": dims.name, "d_model": dims.d_model, "layers": dims.layers, "heads": dims.heads,
        "vocab_size": vocab.size, "multilingual": vocab.multilingual,
    }
    manifest = generated_manifest("scripts/whisper/generate.py", model_info, args.seed, bool(args.oracle), files)
    if args.oracle:
        tokens = expected_sequence(vocab, args.oracle)
        manifest["oracle"] = {
            "language": args.oracle,
            "rules": [{"after": sources if len(sources) < 5 else "any language token", "next": target}
                      for sources, target in oracle_rules(args.oracle)],
            "expected_tokens": tokens,
            "expected_text": " hello world",
            "expected_chunks": [{"timestamp": [0.0, 2.4], "text": " hello world"}],
        }
    write_json(out / "generated.json", manifest)
    if args.reference:
        from torch_reference import reference_summary  # torch is only needed here

        sot = vocab.id_of("<|startoftranscript|>")
        prompt = [sot, vocab.id_of("<|en|>") if vocab.multilingual else sot, vocab.id_of("<|transcribe|>")]
        tokens = prompt + [vocab.id_of(" hello"), vocab.timestamp_begin + 7]
        probes = sorted({0, 5, 100, vocab.eos_id, sot, vocab.timestamp_begin, vocab.size - 1, vocab.id_of(" world")})
        summary = reference_summary(dims, weights, tokens, probes)
        write_json(out / "reference.json", summary, indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Generate an on-device LLM model folder in the layout @huggingface/transformers loads (random or oracle weights).

  /usr/bin/python3 scripts/llm/generate.py --kind llama --size tiny|1b [--quantize q4] [--oracle] [--reference]
      [--seed N] --out DIR

Writes config.json, generation_config.json, tokenizer.json, tokenizer_config.json (with a Llama-3-style
chat_template), generated.json (how it was made) and onnx/model.onnx (fp32) and/or, with --quantize q4,
onnx/model_q4.onnx (MatMulNBits, transformers.js dtype 'q4'). The 1b size only exists as q4, with random
packed 4-bit weights (fp32 would be 5 GB). --reference adds reference.json, an independent PyTorch forward pass.
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

from llama_config_files import write_configs  # noqa: E402
from llama_dims import SIZES  # noqa: E402
from llama_graph import build_llama  # noqa: E402
from llama_oracle import EXPECTED_TEXT, expected_tokens, oracle_rules, oracle_weights  # noqa: E402
from llama_tokenizer import build_vocab, write_tokenizer  # noqa: E402
from llama_weights import RandomQ4, random_weights  # noqa: E402


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = generator_parser(__doc__)
    parser.add_argument("--kind", choices=["llama"], default="llama")
    parser.add_argument("--size", choices=sorted(SIZES), required=True)
    parser.add_argument("--quantize", choices=["q4"], help="write onnx/model_q4.onnx (4-bit MatMulNBits)")
    parser.add_argument("--oracle", action="store_true", help="hand-set weights with a known greedy reply")
    parser.add_argument("--reference", action="store_true", help="write reference.json from a PyTorch forward pass")
    args = parse_generator_args(parser, argv)
    if SIZES[args.size].real_vocab and (args.quantize != "q4" or args.oracle or args.reference):
        parser.error("--size 1b is generated only as random 4-bit weights: pass --quantize q4")
    return args


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    dims = SIZES[args.size]
    vocab = build_vocab(dims.real_vocab)
    out: Path = args.out
    (out / "onnx").mkdir(parents=True, exist_ok=True)
    write_tokenizer(vocab, out)
    write_configs(dims, vocab, out)

    weights = None if dims.real_vocab else random_weights(dims, vocab.size, args.seed)
    if args.oracle:
        weights = oracle_weights(dims, vocab, weights)
    files = {}
    variants = ([] if weights is None else [False]) + ([True] if args.quantize else [])
    for q4 in variants:
        name = "onnx/model_q4.onnx" if q4 else "onnx/model.onnx"
        started = time.time()
        # The benchmark model uses the int8-activation kernels real q4 exports use; fixtures stay exact.
        random_q4 = RandomQ4(args.seed) if weights is None else None
        model = build_llama(dims, vocab.size, weights, q4, random_q4, accuracy_level=4 if dims.real_vocab else 0)
        files[name] = save_onnx(model, out / name)
        del model
        print(f"{name}: {files[name] / 1e6:.1f} MB in {time.time() - started:.1f} s", file=sys.stderr)

    model_info = {
        "kind": args.kind, "size": dims.name, "hidden_size": dims.hidden, "layers": dims.layers, "heads": dims.heads,
        "kv_heads": dims.kv_heads, "vocab_size": vocab.size,
    }
    manifest = generated_manifest("scripts/llm/generate.py", model_info, args.seed, args.oracle, files)
    if args.oracle:
        manifest["oracle"] = {
            "rules": [{"after": source, "next": target} for source, target in oracle_rules()],
            "expected_tokens": expected_tokens(vocab),
            "expected_text": EXPECTED_TEXT,
        }
    write_json(out / "generated.json", manifest)
    if args.reference:
        from llama_torch_reference import reference_summary  # torch is only needed here

        write_json(out / "reference.json", reference_summary(dims, weights, vocab), indent=1)


if __name__ == "__main__":
    main(sys.argv[1:])

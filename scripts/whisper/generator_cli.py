"""The command line the model-fixture generators share (scripts/{whisper,llm,marian,tokcls}/generate.py): the
generator's module docstring as --help, its own options, then --seed and --out, which the Node front end
(scripts/fixture-generator.ts) relies on. Shared so the four parse these alike.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def generator_parser(doc: str) -> argparse.ArgumentParser:
    """A parser whose --help shows doc as written (usage lines included)."""
    return argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)


def parse_generator_args(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Adds --seed (default 0) and --out (the model folder, required) after the generator's options and parses."""
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, required=True)
    return parser.parse_args(argv)

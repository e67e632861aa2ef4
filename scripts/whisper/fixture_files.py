"""Writing a model-fixture folder (scripts/{whisper,llm,marian,tokcls}/generate.py): its JSON files, its ONNX
graphs and the common fields of generated.json.

Shared so the four generators write the same way: committed fixtures are compared byte for byte with a fresh
run, and the Node front end (scripts/fixture-generator.ts) then passes the JSON through Prettier.
"""

from __future__ import annotations

import json
from pathlib import Path

import onnx

# tokenizer.json is the largest JSON file of a folder: no indentation, non-ASCII characters as they are.
COMPACT = {"ensure_ascii": False, "separators": (",", ":")}


def write_json(path: Path, content, indent: int | None = 2, ensure_ascii: bool = True) -> None:
    """UTF-8 JSON with a final newline."""
    path.write_text(json.dumps(content, indent=indent, ensure_ascii=ensure_ascii) + "\n", encoding="utf-8")


def write_compact_json(path: Path, content) -> None:
    """UTF-8 JSON without white space or a final newline."""
    path.write_text(json.dumps(content, **COMPACT), encoding="utf-8")


def save_onnx(model: onnx.ModelProto, path: Path) -> int:
    """Writes the model and returns its size in bytes (generated.json lists every graph's size)."""
    onnx.save_model(model, str(path))
    return path.stat().st_size


def generated_manifest(generator: str, model_info: dict, seed: int, oracle: bool, files: dict[str, int]) -> dict:
    """generated.json: the generator, what model it made (`model_info`, in order), the seed, random or oracle
    weights and the ONNX files' sizes; a generator adds its "oracle" section after these."""
    weights = "oracle" if oracle else "random"
    return {"generator": generator, **model_info, "seed": seed, "weights": weights, "files": files}

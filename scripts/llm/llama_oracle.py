"""Hand-set Llama weights whose greedy output after the chat template is known in advance.

The next token is a function of the previous token only. The chat template's generation prompt ends with
"<|end_header_id|>\\n\\n" ("\\n\\n" is one token), so the reply is:
  "\\n\\n" -> "The" -> " patient" -> " reports" -> " mild" -> " chest" -> " pain" -> " since" -> " yesterday"
  -> "." -> <|eot_id|>;  any other token -> <|eot_id|>.

How: the (tied) embedding rows carry an output code (targets only) in dims [0, 16) and an input-class code in
[16, 32). Every attention o_proj is zero -- attention still runs on random q/k/v, so the KV cache holds real
values, but it cannot change the residual stream -- and only layer 0's SwiGLU MLP works: gate and up read the
input class, down writes the target's output code ~64x larger than anything else, and the final RMSNorm then
makes hidden @ embed_tokens^T peak at the target (logit ~ +22, everything else below ~+1).
"""

from __future__ import annotations

import numpy as np

from llama_dims import LlamaDims
from llama_tokenizer import LlamaVocab
from llama_weights import EMBED, Weights

OUT_DIM, IN_DIM = 0, 16
REPLY = ["The", " patient", " reports", " mild", " chest", " pain", " since", " yesterday", "."]
EOT = "<|eot_id|>"
EXPECTED_TEXT = "".join(REPLY)


def oracle_rules() -> list[tuple[str, str]]:
    chain = ["\n\n", *REPLY, EOT]
    return list(zip(chain[:-1], chain[1:]))


def oracle_weights(dims: LlamaDims, vocab: LlamaVocab, base: Weights) -> Weights:
    w = dict(base)
    rules = oracle_rules()
    targets = [target for _, target in rules]
    other = len(rules)  # class of every token without a rule: answers <|eot_id|>
    assert len(set(targets)) <= IN_DIM - OUT_DIM and IN_DIM + other < dims.hidden

    embed = np.zeros((vocab.size, dims.hidden), dtype=np.float32)
    embed[:, IN_DIM + other] = 1.0
    for cls, (source, _) in enumerate(rules):
        row = vocab.id_of(source)
        embed[row, IN_DIM + other] = 0.0
        embed[row, IN_DIM + cls] = 1.0
    for k, token in enumerate(targets):
        embed[vocab.id_of(token), OUT_DIM + k] = 1.0
    w[EMBED] = embed

    for i in range(dims.layers):
        p = f"model.layers.{i}"
        w[f"{p}.self_attn.o_proj.weight"] = np.zeros_like(base[f"{p}.self_attn.o_proj.weight"])
        w[f"{p}.mlp.down_proj.weight"] = np.zeros_like(base[f"{p}.mlp.down_proj.weight"])
        w[f"{p}.post_attention_layernorm.weight"] = np.ones(dims.hidden, np.float32)
    gate = np.zeros((dims.intermediate, dims.hidden), np.float32)
    up = np.zeros_like(gate)
    down = np.zeros((dims.hidden, dims.intermediate), np.float32)
    for cls, target in enumerate(targets + [EOT]):
        gate[cls, IN_DIM + cls] = 4.0  # active: silu(4 * ~4) * ~4 ~ 64; inactive classes read exact zeros
        up[cls, IN_DIM + cls] = 1.0
        down[OUT_DIM + targets.index(target), cls] = 1.0
    w["model.layers.0.mlp.gate_proj.weight"] = gate
    w["model.layers.0.mlp.up_proj.weight"] = up
    w["model.layers.0.mlp.down_proj.weight"] = down
    w["model.norm.weight"] = np.full(dims.hidden, 4.0, np.float32)
    return w


def expected_tokens(vocab: LlamaVocab) -> list[int]:
    return [vocab.id_of(t) for t in [*REPLY, EOT]]

/**
 * Reads a text the way a WordPiece (BERT-style) tokenizer does, keeping where each token came from: ids,
 * character offsets in the original text (token-alignment.ts) and which tokens start a word. Also the
 * special tokens the tokenizer puts around one sequence ([CLS] … [SEP]), so a window of the ids can be
 * framed as the model was trained to read it.
 */
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { alignPieces, normaliseWithMap, type Offsets, type Piece } from './token-alignment';

export type ReadText = {
  ids: number[];
  offsets: Offsets[];
  /** wordStarts[i]: token i begins a word (is not a "##" continuation). */
  wordStarts: boolean[];
};

export type WordPieceReader = {
  read(text: string): ReadText;
  /** Special ids before and after one sequence. */
  frame: { before: number[]; after: number[] };
};

const tokenizerJsonSchema = z.object({
  model: z.object({
    type: z.literal('WordPiece'),
    unk_token: z.string(),
    continuing_subword_prefix: z.string().min(1).optional(),
  }),
});

/** Where `part` sits inside `whole`, or -1. */
const indexOfRun = (whole: readonly number[], part: readonly number[]): number => {
  for (let i = 0; i + part.length <= whole.length; i++) if (part.every((id, k) => whole[i + k] === id)) return i;
  return -1;
};

export const wordPieceReader = (tokenizer: PreTrainedTokenizer): WordPieceReader => {
  const parsed = tokenizerJsonSchema.safeParse(tokenizer._tokenizerJSON);
  if (!parsed.success)
    throw new AppError('MODEL_INVALID', 'The tagging model needs a WordPiece (BERT-style) tokenizer.');
  const { unk_token: unknown, continuing_subword_prefix: prefix = '##' } = parsed.data.model;
  const core = tokenizer._tokenizer;
  const normalizer = core.normalizer;
  const normalize = (part: string): string => (normalizer ? normalizer.normalize(part) : part);
  const added = new Set([...core.get_added_tokens_decoder().values()].map((token) => token.content));

  const probe = tokenizer.encode('a', { add_special_tokens: false });
  const framed = tokenizer.encode('a');
  const at = indexOfRun(framed, probe);
  if (probe.length === 0 || at < 0)
    throw new AppError('MODEL_INVALID', 'The tagging model’s tokenizer frames a sentence in a way it cannot read.');
  const frame = { before: framed.slice(0, at), after: framed.slice(at + probe.length) };

  const pieceOf = (token: string): Piece => {
    if (added.has(token)) return { text: normalize(token), continuation: false, unknown: token === unknown };
    if (token.startsWith(prefix) && token.length > prefix.length)
      return { text: token.slice(prefix.length), continuation: true, unknown: false };
    return { text: token, continuation: false, unknown: token === unknown };
  };

  return {
    frame,
    read(text) {
      const { ids, tokens } = core.encode(text, { add_special_tokens: false });
      const pieces = tokens.map(pieceOf);
      return {
        ids,
        offsets: alignPieces(normaliseWithMap(text, normalize), pieces),
        wordStarts: pieces.map((piece) => !piece.continuation),
      };
    },
  };
};

/**
 * A tokenizer from another model produces ids the weights were not trained on: at best nonsense, at
 * worst an out-of-range gather deep inside ONNX Runtime. Checked once at load: every tokenizer id must
 * be below the config's vocabulary size, and one forward step must return logits of that size.
 */
import { Tensor, type PreTrainedModel, type PreTrainedTokenizer } from '@huggingface/transformers';
import { AppError } from '../../common/errors';

const mismatch = (detail: string): AppError =>
  new AppError('MODEL_INVALID', `The tokenizer does not match the language model (${detail}).`);

export const assertTokenizerMatches = async (tokenizer: PreTrainedTokenizer, model: PreTrainedModel): Promise<void> => {
  const vocabSize = (model.config as { vocab_size?: unknown }).vocab_size;
  if (typeof vocabSize !== 'number' || !Number.isInteger(vocabSize) || vocabSize <= 0)
    throw new AppError('MODEL_INVALID', 'The language model’s config.json has no vocabulary size.');
  let maxId = -1;
  for (const id of tokenizer.get_vocab().values()) maxId = Math.max(maxId, id);
  if (maxId >= vocabSize) throw mismatch(`token id ${String(maxId)} ≥ vocabulary ${String(vocabSize)}`);
  const probe = BigInt(Math.min(maxId, vocabSize - 1));
  const output = (await model({
    input_ids: new Tensor('int64', BigInt64Array.from([probe]), [1, 1]),
    attention_mask: new Tensor('int64', BigInt64Array.from([1n]), [1, 1]),
  })) as { logits?: Tensor };
  const width = output.logits?.dims.at(-1);
  if (width !== vocabSize) throw mismatch(`logits ${String(width)} wide, vocabulary ${String(vocabSize)}`);
};

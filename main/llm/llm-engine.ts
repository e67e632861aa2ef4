/**
 * A chat LLM (Llama- or Qwen-style decoder in transformers.js layout) on ONNX Runtime, inside the
 * inference worker: the tokenizer's own chat template, greedy decoding by default (deterministic
 * drafts), tokens streamed as they come, cancellation between tokens, and an output token budget.
 * Models are read only from a local folder (remote loading is switched off).
 */
import path from 'node:path';
import {
  AutoModelForCausalLM,
  AutoTokenizer,
  StoppingCriteria,
  StoppingCriteriaList,
  Tensor,
  TextStreamer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
} from '@huggingface/transformers';
import { cpuSession, localModelId } from '../inference/local-model';
import { AppError } from '../../common/errors';
import { assertFitsInMemory, graphBytes } from '../inference/memory-fit';
import { assertTokenizerMatches } from './tokenizer-match';
import { cacheForGeneration, isStrictTokenPrefix, presentAsPast, sameTokens, type PrefixCache } from './prefix-cache';

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };
export const LLM_PRECISIONS = ['fp32', 'fp16', 'q8', 'int8', 'q4', 'q4f16'] as const;
export type LlmPrecision = (typeof LLM_PRECISIONS)[number];

export type LlmLoadOptions = {
  modelDir: string;
  precision?: LlmPrecision;
  threads?: number;
  /** Refuse the model (MODEL_TOO_LARGE) when it would need more than this; default: the memory available now. */
  maxMemoryBytes?: number;
  /** Tokens per forward pass over a long prompt or shared prefix (attention memory grows with chunk × length). */
  prefillChunkTokens?: number;
};

const DEFAULT_PREFILL_CHUNK = 256;

export type GenerateOptions = {
  maxNewTokens: number;
  /** Refuses a prompt longer than this many tokens (the input budget of one note section). */
  maxPromptTokens?: number;
  signal?: AbortSignal;
  onText?: (text: string) => void;
  /**
   * The first this-many messages are a prefix shared with other calls (a note's system message with
   * the visit's facts): its KV cache is computed once and reused while the prefix stays the same.
   */
  prefixMessages?: number;
};

export type GenerateResult = {
  text: string;
  promptTokens: number;
  newTokens: number;
  /** Time to the first generated token, and the whole generation, in ms. */
  ttftMs: number;
  totalMs: number;
  /** Prompt tokens whose keys and values came from the shared prefix cache instead of being recomputed. */
  cachedTokens: number;
};

export type LlmEngine = {
  /** Prompt tokens of these messages with the generation prompt, as generate would count them. */
  countTokens(messages: readonly ChatMessage[]): Promise<number>;
  generate(messages: readonly ChatMessage[], options: GenerateOptions): Promise<GenerateResult>;
  dispose(): Promise<void>;
};

class AbortCriteria extends StoppingCriteria {
  constructor(private readonly signal: AbortSignal | undefined) {
    super();
  }
  override _call(inputIds: number[][]): boolean[] {
    return inputIds.map(() => this.signal?.aborted === true);
  }
}

export const loadLlm = async (options: LlmLoadOptions): Promise<LlmEngine> => {
  const modelDir = path.resolve(options.modelDir);
  const id = localModelId(modelDir);
  const precision = options.precision ?? 'q4';
  assertFitsInMemory(graphBytes(modelDir, ['model'], precision), 'language model', options.maxMemoryBytes);
  let tokenizer: PreTrainedTokenizer;
  let model: PreTrainedModel;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(id);
    model = await AutoModelForCausalLM.from_pretrained(id, {
      dtype: precision,
      ...cpuSession(options.threads),
    });
  } catch (error) {
    throw new AppError('MODEL_INVALID', 'The language model could not be loaded.', { cause: error });
  }
  if (!tokenizer.chat_template) {
    await model.dispose();
    throw new AppError('MODEL_INVALID', 'The language model has no chat template in its tokenizer files.');
  }
  await assertTokenizerMatches(tokenizer, model).catch(async (error: unknown) => {
    await model.dispose();
    throw error;
  });

  const tokenIds = (messages: readonly ChatMessage[], addGenerationPrompt: boolean): bigint[] => {
    const encoded = tokenizer.apply_chat_template([...messages], {
      add_generation_prompt: addGenerationPrompt,
      return_dict: true,
    }) as { input_ids: Tensor };
    return Array.from(encoded.input_ids.data as BigInt64Array);
  };
  const idsTensor = (ids: readonly bigint[]): Tensor => new Tensor('int64', BigInt64Array.from(ids), [1, ids.length]);
  const maskTensor = (length: number): Tensor => new Tensor('int64', new BigInt64Array(length).fill(1n), [1, length]);

  /**
   * Keys and values of `ids`, computed a chunk at a time: one pass over a 3,000-token prompt would
   * materialise every head's full attention matrix at once (gigabytes); chunks bound it, and only the
   * last position's logits are asked for.
   */
  const prefillChunk = options.prefillChunkTokens ?? DEFAULT_PREFILL_CHUNK;
  const prefill = async (ids: readonly bigint[]): Promise<Record<string, Tensor>> => {
    let entries: Record<string, Tensor> = {};
    for (let start = 0; start < ids.length; start += prefillChunk) {
      const part = ids.slice(start, start + prefillChunk);
      const outputs = (await model({
        input_ids: idsTensor(part),
        attention_mask: maskTensor(start + part.length),
        num_logits_to_keep: new Tensor('int64', BigInt64Array.from([1n]), []),
        ...(start === 0 ? {} : { past_key_values: cacheForGeneration({ ids: [], entries }) }),
      })) as Record<string, Tensor>;
      entries = presentAsPast(outputs);
    }
    return entries;
  };

  let prefix: PrefixCache | null = null;
  /** The cached prefix for these messages, computed when it is not the one already held. */
  const prefixFor = async (
    messages: readonly ChatMessage[],
    count: number,
    ids: bigint[],
  ): Promise<PrefixCache | null> => {
    const prefixIds = tokenIds(messages.slice(0, count), false);
    // A template that renders the prefix differently on its own cannot share its cache: run uncached.
    if (!isStrictTokenPrefix(prefixIds, ids)) return null;
    if (prefix && sameTokens(prefix.ids, prefixIds)) return prefix;
    prefix = null;
    const entries = await prefill(prefixIds);
    prefix = { ids: prefixIds, entries };
    return prefix;
  };

  return {
    countTokens: (messages) => Promise.resolve(tokenIds(messages, true).length),
    async generate(messages, options) {
      if (options.signal?.aborted) throw new AppError('JOB_CANCELLED', 'Generation was cancelled.');
      const ids = tokenIds(messages, true);
      const promptTokens = ids.length;
      if (options.maxPromptTokens !== undefined && promptTokens > options.maxPromptTokens)
        throw new AppError('VALIDATION_FAILED', 'The prompt is longer than its token budget.');
      const started = performance.now();
      const shared =
        options.prefixMessages !== undefined && options.prefixMessages > 0 && options.prefixMessages < messages.length
          ? await prefixFor(messages, options.prefixMessages, ids)
          : null;
      // A long prompt without a shared prefix is still computed in chunks (bounded memory), all but
      // its last token, which generation then runs.
      const head = ids.slice(0, -1);
      const cache: PrefixCache | null =
        shared ?? (ids.length > prefillChunk ? { ids: head, entries: await prefill(head) } : null);
      // Set from the streamer's callback (a closure TypeScript's flow analysis does not follow).
      const timing: { firstAt: number | null } = { firstAt: null };
      let newTokens = 0;
      let text = '';
      const streamer = new TextStreamer(tokenizer, {
        skip_prompt: true,
        skip_special_tokens: true,
        callback_function: (piece: string) => {
          text += piece;
          options.onText?.(piece);
        },
        token_callback_function: (tokens: bigint[]) => {
          timing.firstAt ??= performance.now();
          newTokens += tokens.length;
        },
      });
      const stopping = new StoppingCriteriaList();
      stopping.push(new AbortCriteria(options.signal));
      await model.generate({
        input_ids: idsTensor(ids),
        attention_mask: maskTensor(ids.length),
        ...(cache ? { past_key_values: cacheForGeneration(cache) } : {}),
        max_new_tokens: options.maxNewTokens,
        do_sample: false,
        streamer,
        stopping_criteria: stopping,
      });
      if (options.signal?.aborted) throw new AppError('JOB_CANCELLED', 'Generation was cancelled.');
      const totalMs = performance.now() - started;
      return {
        text: text.trim(),
        promptTokens,
        newTokens,
        ttftMs: (timing.firstAt ?? performance.now()) - started,
        totalMs,
        cachedTokens: shared?.ids.length ?? 0,
      };
    },
    async dispose() {
      prefix = null;
      await model.dispose();
    },
  };
};

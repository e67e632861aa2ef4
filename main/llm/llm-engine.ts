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
  env,
  StoppingCriteria,
  StoppingCriteriaList,
  TextStreamer,
  type PreTrainedModel,
  type PreTrainedTokenizer,
  type Tensor,
} from '@huggingface/transformers';
import { AppError } from '../../common/errors';

export type ChatMessage = { role: 'system' | 'user' | 'assistant'; content: string };
export type LlmPrecision = 'fp32' | 'fp16' | 'q8' | 'int8' | 'q4' | 'q4f16';

export type LlmLoadOptions = { modelDir: string; precision?: LlmPrecision; threads?: number };

export type GenerateOptions = {
  maxNewTokens: number;
  /** Refuses a prompt longer than this many tokens (the input budget of one note section). */
  maxPromptTokens?: number;
  signal?: AbortSignal;
  onText?: (text: string) => void;
};

export type GenerateResult = {
  text: string;
  promptTokens: number;
  newTokens: number;
  /** Time to the first generated token, and the whole generation, in ms. */
  ttftMs: number;
  totalMs: number;
};

export type LlmEngine = {
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
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
  env.localModelPath = path.dirname(modelDir) + path.sep;
  const id = path.basename(modelDir);
  let tokenizer: PreTrainedTokenizer;
  let model: PreTrainedModel;
  try {
    tokenizer = await AutoTokenizer.from_pretrained(id);
    model = await AutoModelForCausalLM.from_pretrained(id, {
      dtype: options.precision ?? 'q4',
      device: 'cpu',
      session_options: { intraOpNumThreads: options.threads ?? 1, interOpNumThreads: 1 },
    });
  } catch (error) {
    throw new AppError('MODEL_INVALID', 'The language model could not be loaded.', { cause: error });
  }
  if (!tokenizer.chat_template)
    throw new AppError('MODEL_INVALID', 'The language model has no chat template in its tokenizer files.');

  return {
    async generate(messages, options) {
      if (options.signal?.aborted) throw new AppError('JOB_CANCELLED', 'Generation was cancelled.');
      const inputs = tokenizer.apply_chat_template([...messages], {
        add_generation_prompt: true,
        return_dict: true,
      }) as { input_ids: Tensor; attention_mask: Tensor };
      const promptTokens = inputs.input_ids.dims.at(-1) ?? 0;
      if (options.maxPromptTokens !== undefined && promptTokens > options.maxPromptTokens)
        throw new AppError('VALIDATION_FAILED', 'The prompt is longer than its token budget.');
      const started = performance.now();
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
        ...inputs,
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
      };
    },
    async dispose() {
      await model.dispose();
    },
  };
};

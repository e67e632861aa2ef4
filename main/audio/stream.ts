import { openFileSource } from './byte-source';
import { openContainer, type Container } from './container';
import { decodeNative } from './decode-native';
import { downmix } from './downmix';
import { createResampler, type Resampler } from './resampler';
import { formatFromName } from './sniff';
import { TARGET_SAMPLE_RATE, type Audio16kBlock, type AudioFormat, type ByteSource, type DecodeOptions } from './types';

export type StreamSourceOptions = DecodeOptions & {
  /** The format the file name claims (only shapes the error for unrecognisable bytes). */
  claimed?: AudioFormat;
  /** Receives the container facts before the first block (used by loadAudio16k to size its buffers). */
  onContainer?: (container: Container) => void;
};

/**
 * Decodes any supported source to 16 kHz blocks: every channel resampled, plus the down-mix. Memory
 * stays bounded whatever the length (one read block, the decoder state and each resampler's taps).
 */
export async function* streamAudio16kFromSource(
  source: ByteSource,
  options: StreamSourceOptions = {},
): AsyncGenerator<Audio16kBlock> {
  const container = await openContainer(source, options.claimed);
  options.onContainer?.(container);
  let resamplers: Resampler[] | undefined;
  let startSample = 0;
  const block = (channels: Float32Array[]): Audio16kBlock | undefined => {
    if (!channels[0]?.length) return undefined;
    const out = { startSample, channels, mono: downmix(channels) };
    startSample += channels[0].length;
    return out;
  };
  for await (const native of decodeNative(source, container, options)) {
    resamplers ??= native.channels.map(() => createResampler(native.sampleRate, TARGET_SAMPLE_RATE));
    const out = block(native.channels.map((channel, i) => (resamplers?.[i] as Resampler).process(channel)));
    if (out) yield out;
  }
  const tail = block((resamplers ?? []).map((resampler) => resampler.flush()));
  if (tail) yield tail;
  options.onProgress?.(1);
}

/** Streams a file as 16 kHz blocks; the file is closed when the iteration ends, fails or is abandoned. */
export async function* streamAudio16k(path: string, options: DecodeOptions = {}): AsyncGenerator<Audio16kBlock> {
  const source = await openFileSource(path);
  try {
    yield* streamAudio16kFromSource(source, { ...options, claimed: formatFromName(path) });
  } finally {
    await source.close();
  }
}

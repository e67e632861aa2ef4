import { withFileSource } from './byte-source';
import { openContainer, type Container } from './container';
import { decodeNative } from './decode-native';
import { formatFromName } from './sniff';
import type { AudioFormat, AudioProbe, ByteSource } from './types';

/** Counts samples by decoding: only for files whose headers do not say (MediaRecorder WebM, cut Ogg). */
const countByDecoding = async (source: ByteSource, container: Container): Promise<number> => {
  let samples = 0;
  for await (const block of decodeNative(source, container)) samples += block.channels[0]?.length ?? 0;
  return samples;
};

export const probeSource = async (source: ByteSource, claimed?: AudioFormat): Promise<AudioProbe> => {
  const container = await openContainer(source, claimed);
  const samples = container.totalSamples ?? (await countByDecoding(source, container));
  const probe: AudioProbe = {
    format: container.format,
    codec: container.codec,
    sampleRate: container.sampleRate,
    channels: container.channels,
    durationMs: Math.round(((samples * 1000) / container.sampleRate) * 1000) / 1000,
  };
  if (container.bitsPerSample !== undefined) probe.bitsPerSample = container.bitsPerSample;
  return probe;
};

/** Reads a file's format, codec, rate, channels and length from its headers (decoding only when they are silent). */
export const probeAudioFile = (path: string): Promise<AudioProbe> =>
  withFileSource(path, (source) => probeSource(source, formatFromName(path)));

import decode from 'audio-decode';
import { AppError, isAppError } from '../../common/errors';
import type { Container, DecoderName } from './container';
import { createFlacFrameSplitter } from './flac';
import { deinterleavePcm } from './pcm-convert';
import type { ByteSource, DecodeOptions, NativeBlock } from './types';
import type { WavInfo } from './wav-header';

/** Bytes read per step: large enough to amortise the async read, small enough to keep memory flat. */
const READ_BYTES = 512 * 1024;
const COMPRESSED_READ_BYTES = 64 * 1024;

const checkAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw new AppError('JOB_CANCELLED', 'Audio decoding was cancelled.');
};

async function* decodeWav(source: ByteSource, wav: WavInfo, options: DecodeOptions): AsyncGenerator<NativeBlock> {
  const framesPerRead = Math.max(1, Math.floor(READ_BYTES / wav.blockAlign));
  for (let frame = 0; frame < wav.frames; frame += framesPerRead) {
    checkAborted(options.signal);
    const frames = Math.min(framesPerRead, wav.frames - frame);
    const bytes = await source.read(wav.dataOffset + frame * wav.blockAlign, frames * wav.blockAlign);
    const channels = deinterleavePcm(bytes, wav);
    if (!channels[0]?.length) break; // the file shrank while we read it
    yield { sampleRate: wav.sampleRate, channels };
    options.onProgress?.(Math.min(1, (frame + frames) / wav.frames));
  }
}

type ChunkDecoder = Awaited<ReturnType<(typeof decode)['mp3']>>;

const createDecoder = (name: DecoderName): Promise<ChunkDecoder> => {
  switch (name) {
    case 'mp3':
      return decode.mp3();
    case 'flac':
      return decode.flac();
    case 'opus':
      return decode.opus();
    case 'oga':
      return decode.oga();
    case 'webm':
      return decode.webm();
  }
};

/**
 * The MP3 decoder collapses stereo frames whose channels are identical (a mono file decoded as
 * stereo) until it first sees them differ, so a stereo file that opens in silence starts as one
 * channel. Widen such blocks back to the declared layout; any other change of layout is damage.
 */
const fitChannels = (channels: Float32Array[], expected: number): Float32Array[] => {
  if (channels.length === expected) return channels;
  const only = channels[0];
  if (channels.length === 1 && only) return Array.from({ length: expected }, () => only);
  throw new AppError('AUDIO_CORRUPT', 'The audio changes its channel layout part-way through.');
};

const joinBlocks = (blocks: NativeBlock[]): NativeBlock | undefined => {
  const [first] = blocks;
  if (blocks.length <= 1 || !first) return first;
  const length = blocks.reduce((sum, b) => sum + (b.channels[0]?.length ?? 0), 0);
  const channels = first.channels.map((_, c) => {
    const out = new Float32Array(length);
    let at = 0;
    for (const block of blocks) {
      const part = block.channels[c] ?? new Float32Array(0);
      out.set(part, at);
      at += part.length;
    }
    return out;
  });
  return { sampleRate: first.sampleRate, channels };
};

async function* decodeCompressed(
  source: ByteSource,
  container: Container & { kind: 'compressed' },
  options: DecodeOptions,
): AsyncGenerator<NativeBlock> {
  const decoder = await createDecoder(container.decoder);
  const splitter = container.flac ? createFlacFrameSplitter(container.flac) : undefined;
  let sampleRate: number | undefined;
  let samples = 0;
  const emit = (result: { channelData: Float32Array[]; sampleRate: number }): NativeBlock | undefined => {
    const first = result.channelData[0];
    if (!first?.length) return undefined;
    sampleRate ??= result.sampleRate;
    if (result.sampleRate !== sampleRate) {
      throw new AppError('AUDIO_UNSUPPORTED', 'Audio whose sample rate changes part-way through is not supported.');
    }
    samples += first.length;
    return { sampleRate, channels: fitChannels(result.channelData, container.channels) };
  };
  /** Decodes pieces one by one and joins what they produce into one block. */
  const feed = async (pieces: Uint8Array[]): Promise<NativeBlock | undefined> => {
    const blocks: NativeBlock[] = [];
    for (const piece of pieces) {
      const block = piece.length ? emit(await decoder(piece)) : undefined;
      if (block) blocks.push(block);
    }
    return joinBlocks(blocks);
  };
  try {
    for (let position = 0; position < source.size; position += COMPRESSED_READ_BYTES) {
      checkAborted(options.signal);
      const chunk = await source.read(position, COMPRESSED_READ_BYTES);
      if (chunk.length === 0) break;
      const block = await feed(splitter ? splitter.push(chunk) : [chunk]);
      if (block) yield block;
      options.onProgress?.(Math.min(1, (position + chunk.length) / source.size));
    }
    if (splitter) {
      const block = await feed(splitter.end());
      if (block) yield block;
    }
    const tail = emit(await decoder());
    if (tail) yield tail;
  } catch (error) {
    if (isAppError(error)) throw error;
    throw new AppError('AUDIO_CORRUPT', `The ${container.format.toUpperCase()} audio could not be decoded.`, {
      cause: error,
    });
  } finally {
    decoder.free();
  }
  if (samples === 0) throw new AppError('AUDIO_CORRUPT', 'The audio file holds no decodable audio.');
}

/** Decoded blocks at the file's own sample rate, in order, with bounded memory. */
export const decodeNative = (
  source: ByteSource,
  container: Container,
  options: DecodeOptions = {},
): AsyncGenerator<NativeBlock> =>
  container.kind === 'wav' ? decodeWav(source, container.wav, options) : decodeCompressed(source, container, options);

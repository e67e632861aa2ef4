import fsp from 'node:fs/promises';
import { AppError } from '../../../common/errors';
import type { ChunkVault } from '../../store/chunk-vault';
import { HEADER_SEQ, decodeChunk, type RecordingHeader, type RecordingTrailer } from './chunk-codec';
import { downmix } from '../downmix';
import { bytesPerFrame, decodeInterleaved, deinterleave, framesToMs } from './pcm-format';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One block of decoded audio at the recording's own rate. */
export type PcmBlock = {
  sampleRate: number;
  /** Index of the first frame on the recording's timeline. */
  startFrame: number;
  /** The down-mix (the same array as channels[0] for mono). */
  samples: Float32Array;
  channels: Float32Array[];
};

/** What the vault says about one recording, read from its sealed header and last chunk. */
export type RecordingInfo = {
  recordingId: string;
  header: RecordingHeader;
  state: 'recording' | 'stopped';
  /** Present once the recording is stopped. */
  trailer: RecordingTrailer | null;
  /** Sequence numbers of sealed PCM chunks. */
  pcmSeqs: number[];
};

/** Recording ids present in the vault (its layout is `<root>/<recordingId>/<seq>.qca`). */
export const listRecordingIds = async (vault: ChunkVault): Promise<string[]> => {
  const names = await fsp.readdir(vault.root, { withFileTypes: true }).catch(() => []);
  return names.filter((entry) => entry.isDirectory() && UUID.test(entry.name)).map((entry) => entry.name);
};

export const readHeader = async (vault: ChunkVault, recordingId: string): Promise<RecordingHeader> => {
  const chunk = decodeChunk(await vault.read(recordingId, HEADER_SEQ));
  if (chunk.kind !== 'header') throw new AppError('AUDIO_CORRUPT', 'A recording has no header.');
  return chunk.header;
};

/** Header, state and chunk list; NOT_FOUND when nothing of the recording was ever sealed. */
export const inspectRecording = async (vault: ChunkVault, recordingId: string): Promise<RecordingInfo> => {
  const seqs = await vault.list(recordingId);
  if (seqs[0] !== HEADER_SEQ) throw new AppError('NOT_FOUND', 'No such recording.');
  const header = await readHeader(vault, recordingId);
  const lastSeq = seqs.at(-1) ?? HEADER_SEQ;
  let trailer: RecordingTrailer | null = null;
  if (lastSeq !== HEADER_SEQ) {
    const last = decodeChunk(await vault.read(recordingId, lastSeq));
    if (last.kind === 'trailer') trailer = last.trailer;
  }
  const pcmSeqs = seqs.filter((seq) => seq !== HEADER_SEQ && !(trailer !== null && seq === lastSeq));
  return { recordingId, header, state: trailer === null ? 'recording' : 'stopped', trailer, pcmSeqs };
};

/**
 * Decoded audio of every sealed chunk, in order (audio still buffered by a running recorder is not
 * included). Each chunk is authenticated as it is read.
 */
export async function* readRecordingPcm(vault: ChunkVault, recordingId: string): AsyncGenerator<PcmBlock> {
  const { header, pcmSeqs } = await inspectRecording(vault, recordingId);
  for (const seq of pcmSeqs) {
    const chunk = decodeChunk(await vault.read(recordingId, seq));
    if (chunk.kind !== 'pcm') throw new AppError('AUDIO_CORRUPT', 'A recording chunk is out of place.');
    const channels = deinterleave(decodeInterleaved(chunk.pcm, header.format), header.channels);
    yield { sampleRate: header.sampleRate, startFrame: chunk.startFrame, samples: downmix(channels), channels };
  }
}

/** Frames held by the sealed PCM chunks (each chunk is authenticated, so this also checks them). */
export const countSealedFrames = async (vault: ChunkVault, info: RecordingInfo): Promise<number> => {
  const frameBytes = bytesPerFrame(info.header);
  let frames = 0;
  for (const seq of info.pcmSeqs) {
    const chunk = decodeChunk(await vault.read(info.recordingId, seq));
    if (chunk.kind !== 'pcm' || chunk.pcm.length % frameBytes !== 0) {
      throw new AppError('AUDIO_CORRUPT', 'A recording chunk is out of place.');
    }
    frames = Math.max(frames, chunk.startFrame + chunk.pcm.length / frameBytes);
  }
  return frames;
};

export const durationMsOf = (frames: number, sampleRate: number): number => Math.round(framesToMs(frames, sampleRate));

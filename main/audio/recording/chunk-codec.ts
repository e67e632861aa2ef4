import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { recordingFormatSchema } from './pcm-format';

/**
 * A recording is self-describing inside the ChunkVault, so a crash can never leave the audio and
 * its description out of step: seq 0 is a sealed JSON header, then sealed PCM chunks, and a sealed
 * trailer marks it stopped (chunks are write-once, so the state is "is there a trailer?").
 * Each plaintext starts with one kind byte; PCM chunks then carry their first frame's index.
 */
const KIND_HEADER = 1;
const KIND_PCM = 2;
const KIND_TRAILER = 3;
const PCM_PREFIX_BYTES = 1 + 8;

export const HEADER_SEQ = 0;

export const recordingHeaderSchema = recordingFormatSchema.extend({
  v: z.literal(1),
  encounterId: z.string().min(1).max(200),
  startedAt: z.iso.datetime(),
});
export type RecordingHeader = z.infer<typeof recordingHeaderSchema>;

export const STOP_REASONS = ['stopped', 'recovered', 'disk-full', 'write-failed'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export const recordingTrailerSchema = z.object({
  v: z.literal(1),
  reason: z.enum(STOP_REASONS),
  stoppedAt: z.iso.datetime(),
  frames: z.number().int().min(0),
  chunks: z.number().int().min(0),
});
export type RecordingTrailer = z.infer<typeof recordingTrailerSchema>;

export type DecodedChunk =
  | { kind: 'header'; header: RecordingHeader }
  | { kind: 'pcm'; startFrame: number; pcm: Buffer }
  | { kind: 'trailer'; trailer: RecordingTrailer };

const corrupt = (): AppError => new AppError('AUDIO_CORRUPT', 'A recording chunk has an unexpected layout.');

const encodeJson = (kind: number, value: unknown): Buffer =>
  Buffer.concat([Buffer.from([kind]), Buffer.from(JSON.stringify(value), 'utf8')]);

export const encodeHeader = (header: RecordingHeader): Buffer => encodeJson(KIND_HEADER, header);
export const encodeTrailer = (trailer: RecordingTrailer): Buffer => encodeJson(KIND_TRAILER, trailer);

export const encodePcm = (startFrame: number, pcm: Buffer): Buffer => {
  const prefix = Buffer.alloc(PCM_PREFIX_BYTES);
  prefix[0] = KIND_PCM;
  prefix.writeBigUInt64LE(BigInt(startFrame), 1);
  return Buffer.concat([prefix, pcm]);
};

const parseJson = <T>(schema: z.ZodType<T>, body: Buffer): T => {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw corrupt();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw corrupt();
  return parsed.data;
};

export const decodeChunk = (plaintext: Buffer): DecodedChunk => {
  const kind = plaintext[0] ?? 0;
  const body = plaintext.subarray(1);
  switch (kind) {
    case KIND_HEADER:
      return { kind: 'header', header: parseJson(recordingHeaderSchema, body) };
    case KIND_TRAILER:
      return { kind: 'trailer', trailer: parseJson(recordingTrailerSchema, body) };
    case KIND_PCM: {
      if (plaintext.length < PCM_PREFIX_BYTES) throw corrupt();
      const startFrame = plaintext.readBigUInt64LE(1);
      if (startFrame > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt();
      return { kind: 'pcm', startFrame: Number(startFrame), pcm: plaintext.subarray(PCM_PREFIX_BYTES) };
    }
    default:
      throw corrupt();
  }
};

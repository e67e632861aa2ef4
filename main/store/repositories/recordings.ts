import { AppError } from '../../../common/errors';
import type { Db } from '../connection';
import type { RecordingRow, RecordingStatus } from '../types';
import { newId, notFound, nowIso } from './shared';

type Raw = {
  id: string;
  encounter_id: string;
  sample_rate: number;
  channels: number;
  sample_format: RecordingRow['sampleFormat'];
  status: RecordingStatus;
  created_at: string;
  chunk_count: number;
  duration_ms: number;
};
type ChunkRaw = { recording_id: string; seq: number; file_name: string; byte_length: number; sample_count: number };

/** `sampleCount` counts frames (one sample per channel), so duration = frames / sampleRate. */
export type ChunkMeta = { recordingId: string; seq: number; fileName: string; byteLength: number; sampleCount: number };
export type NewRecording = Pick<RecordingRow, 'encounterId' | 'sampleRate' | 'channels' | 'sampleFormat'>;

const COLUMNS = 'id, encounter_id, sample_rate, channels, sample_format, status, created_at, chunk_count, duration_ms';
const toRow = (r: Raw): RecordingRow => ({
  id: r.id,
  encounterId: r.encounter_id,
  sampleRate: r.sample_rate,
  channels: r.channels,
  sampleFormat: r.sample_format,
  status: r.status,
  createdAt: r.created_at,
  chunkCount: r.chunk_count,
  durationMs: r.duration_ms,
});
const toChunk = (r: ChunkRaw): ChunkMeta => ({
  recordingId: r.recording_id,
  seq: r.seq,
  fileName: r.file_name,
  byteLength: r.byte_length,
  sampleCount: r.sample_count,
});

export type RecordingsRepository = {
  create(input: NewRecording): RecordingRow;
  get(id: string): RecordingRow | null;
  listForEncounter(encounterId: string): RecordingRow[];
  /** Records a sealed chunk file's metadata; only while the recording is still running. */
  appendChunk(chunk: ChunkMeta): RecordingRow;
  listChunks(recordingId: string): ChunkMeta[];
  finish(id: string): RecordingRow;
  markInterrupted(id: string): RecordingRow;
  /** At start-up: every recording still 'recording' was cut off by a crash or power loss. */
  interruptDangling(): number;
  listInterrupted(): RecordingRow[];
};

export const createRecordingsRepository = (db: Db): RecordingsRepository => {
  const insert = db.prepare<[Raw]>(
    `INSERT INTO audio_recordings (${COLUMNS})
     VALUES (@id, @encounter_id, @sample_rate, @channels, @sample_format, @status, @created_at, @chunk_count, @duration_ms)`,
  );
  const byId = db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM audio_recordings WHERE id = ?`);
  const byEncounter = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM audio_recordings WHERE encounter_id = ? ORDER BY created_at, rowid`,
  );
  const insertChunk = db.prepare<[ChunkRaw]>(
    `INSERT INTO audio_chunks (recording_id, seq, file_name, byte_length, sample_count)
     VALUES (@recording_id, @seq, @file_name, @byte_length, @sample_count)`,
  );
  const refreshTotals = db.prepare<[string]>(
    `UPDATE audio_recordings SET
       chunk_count = (SELECT count(*) FROM audio_chunks WHERE recording_id = audio_recordings.id),
       duration_ms = (SELECT coalesce(sum(sample_count), 0) FROM audio_chunks WHERE recording_id = audio_recordings.id) * 1000 / sample_rate
     WHERE id = ?`,
  );
  const chunks = db.prepare<[string], ChunkRaw>(
    'SELECT recording_id, seq, file_name, byte_length, sample_count FROM audio_chunks WHERE recording_id = ? ORDER BY seq',
  );
  const setStatus = db.prepare<[RecordingStatus, string, RecordingStatus]>(
    'UPDATE audio_recordings SET status = ? WHERE id = ? AND status = ?',
  );
  const interruptAll = db.prepare("UPDATE audio_recordings SET status = 'interrupted' WHERE status = 'recording'");
  const interrupted = db.prepare<[], Raw>(
    `SELECT ${COLUMNS} FROM audio_recordings WHERE status = 'interrupted' ORDER BY created_at, rowid`,
  );

  const mustGet = (id: string): RecordingRow => {
    const raw = byId.get(id);
    if (!raw) throw notFound('recording');
    return toRow(raw);
  };
  /** Only a running recording can change state; anything else is a caller bug or a race. */
  const transition = (id: string, to: RecordingStatus): RecordingRow =>
    db.transaction(() => {
      const current = mustGet(id);
      if (setStatus.run(to, id, 'recording').changes === 0) {
        throw new AppError('CONFLICT', `The recording is already ${current.status}.`);
      }
      return mustGet(id);
    })();

  return {
    create(input) {
      const raw: Raw = {
        id: newId(),
        encounter_id: input.encounterId,
        sample_rate: input.sampleRate,
        channels: input.channels,
        sample_format: input.sampleFormat,
        status: 'recording',
        created_at: nowIso(),
        chunk_count: 0,
        duration_ms: 0,
      };
      insert.run(raw);
      return toRow(raw);
    },
    get: (id) => {
      const raw = byId.get(id);
      return raw ? toRow(raw) : null;
    },
    listForEncounter: (encounterId) => byEncounter.all(encounterId).map(toRow),
    appendChunk(chunk) {
      return db.transaction(() => {
        const recording = mustGet(chunk.recordingId);
        if (recording.status !== 'recording')
          throw new AppError('CONFLICT', `The recording is already ${recording.status}.`);
        insertChunk.run({
          recording_id: chunk.recordingId,
          seq: chunk.seq,
          file_name: chunk.fileName,
          byte_length: chunk.byteLength,
          sample_count: chunk.sampleCount,
        });
        refreshTotals.run(chunk.recordingId);
        return mustGet(chunk.recordingId);
      })();
    },
    listChunks: (recordingId) => chunks.all(recordingId).map(toChunk),
    finish: (id) => transition(id, 'complete'),
    markInterrupted: (id) => transition(id, 'interrupted'),
    interruptDangling: () => interruptAll.run().changes,
    listInterrupted: () => interrupted.all().map(toRow),
  };
};

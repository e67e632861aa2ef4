import { describe, expect, it } from 'vitest';
import type { Store } from '../../../../main/store';
import { openTestStore, seedEncounter, thrownBy } from '../fixture';

const startRecording = (store: Store) =>
  store.repos.recordings.create({
    encounterId: seedEncounter(store).id,
    sampleRate: 16000,
    channels: 1,
    sampleFormat: 's16',
  });

const chunk = (recordingId: string, seq: number, sampleCount = 16000) => ({
  recordingId,
  seq,
  fileName: `${seq}.qca`,
  byteLength: sampleCount * 2 + 33,
  sampleCount,
});

describe('recordings repository', () => {
  it('starts a recording with no chunks', async () => {
    const store = await openTestStore();
    const rec = startRecording(store);
    expect(rec).toMatchObject({ status: 'recording', chunkCount: 0, durationMs: 0, sampleRate: 16000 });
    expect(store.repos.recordings.listForEncounter(rec.encounterId).map((r) => r.id)).toEqual([rec.id]);
  });

  it('counts appended chunks and their duration', async () => {
    const store = await openTestStore();
    const rec = startRecording(store);
    store.repos.recordings.appendChunk(chunk(rec.id, 0));
    const after = store.repos.recordings.appendChunk(chunk(rec.id, 1, 8000));
    expect(after).toMatchObject({ chunkCount: 2, durationMs: 1500 });
    expect(store.repos.recordings.listChunks(rec.id).map((c) => c.seq)).toEqual([0, 1]);
  });

  it('rejects the same chunk number twice', async () => {
    const store = await openTestStore();
    const rec = startRecording(store);
    store.repos.recordings.appendChunk(chunk(rec.id, 0));
    expect(() => store.repos.recordings.appendChunk(chunk(rec.id, 0))).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(store.repos.recordings.get(rec.id)?.chunkCount).toBe(1);
  });

  it('finishes a recording and then refuses more chunks', async () => {
    const store = await openTestStore();
    const rec = startRecording(store);
    expect(store.repos.recordings.finish(rec.id).status).toBe('complete');
    expect(thrownBy(() => store.repos.recordings.appendChunk(chunk(rec.id, 0)))).toMatchObject({ code: 'CONFLICT' });
    expect(thrownBy(() => store.repos.recordings.finish(rec.id))).toMatchObject({ code: 'CONFLICT' });
  });

  it('marks recordings cut off by a crash as interrupted and lists them', async () => {
    const store = await openTestStore();
    const crashed = startRecording(store);
    const done = startRecording(store);
    store.repos.recordings.finish(done.id);
    const explicit = startRecording(store);
    store.repos.recordings.markInterrupted(explicit.id);
    expect(store.repos.recordings.interruptDangling()).toBe(1);
    expect(
      store.repos.recordings
        .listInterrupted()
        .map((r) => r.id)
        .sort(),
    ).toEqual([crashed.id, explicit.id].sort());
  });
});

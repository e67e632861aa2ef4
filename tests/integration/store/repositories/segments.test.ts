import { describe, expect, it } from 'vitest';
import { openTestStore, seedEncounter, segment } from '../fixture';

describe('segments repository', () => {
  it('replaces a transcript atomically with sequence numbers from 0', async () => {
    const store = await openTestStore();
    const e = seedEncounter(store);
    store.repos.segments.replaceForEncounter(e.id, [segment('old one'), segment('old two')]);
    const rows = store.repos.segments.replaceForEncounter(e.id, [segment('Hello', 'clinician'), segment('Hi doctor')]);
    expect(rows.map((r) => [r.seq, r.speaker, r.text])).toEqual([
      [0, 'clinician', 'Hello'],
      [1, 'patient', 'Hi doctor'],
    ]);
    expect(store.repos.segments.listForEncounter(e.id).map((r) => r.text)).toEqual(['Hello', 'Hi doctor']);
  });

  it('keeps the old transcript when a replacement fails part-way', async () => {
    const store = await openTestStore();
    const e = seedEncounter(store);
    store.repos.segments.replaceForEncounter(e.id, [segment('keep me')]);
    const bad = { ...segment('bad'), startMs: 500, endMs: 100 };
    expect(() => store.repos.segments.replaceForEncounter(e.id, [segment('new'), bad])).toThrow(/CHECK/);
    expect(store.repos.segments.listForEncounter(e.id).map((r) => r.text)).toEqual(['keep me']);
  });

  it('appends with the next sequence number and keeps times and language', async () => {
    const store = await openTestStore();
    const e = seedEncounter(store);
    store.repos.segments.append(e.id, segment('first'));
    const second = store.repos.segments.append(e.id, {
      speaker: 'other',
      startMs: 1000,
      endMs: 2500,
      text: 'hola',
      language: 'es',
      source: 'asr',
    });
    expect(second).toMatchObject({ seq: 1, startMs: 1000, endMs: 2500, language: 'es', source: 'asr' });
  });

  it("keeps a segment's recording and its English translation beside the source text", async () => {
    const store = await openTestStore();
    const e = seedEncounter(store);
    const recording = store.repos.recordings.create({
      encounterId: e.id,
      sampleRate: 16_000,
      channels: 1,
      sampleFormat: 's16',
    });
    const row = store.repos.segments.append(e.id, {
      speaker: 'patient',
      startMs: 0,
      endMs: 1200,
      text: 'मुझे सिरदर्द है',
      language: 'hi',
      source: 'asr',
      recordingId: recording.id,
      englishText: 'I have a headache',
    });
    expect(store.repos.segments.listForEncounter(e.id)).toEqual([row]);
    expect(row).toMatchObject({ recordingId: recording.id, englishText: 'I have a headache', language: 'hi' });
    expect(store.repos.segments.append(e.id, segment('plain'))).toMatchObject({ recordingId: null, englishText: null });
  });
});

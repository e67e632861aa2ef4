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
});

import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../../main/store';
import { listFiles, openTestStore, seedEncounter, segment, storeFiles } from './fixture';

/** Synthetic PHI, each a word no file format would contain by chance. */
const CANARIES = {
  name: 'Zanzibarqux',
  mrn: 'MRNQ77441902',
  reason: 'Quillfeathercough',
  transcript: 'xylophonecanaryache',
  note: 'notebodycanaryplan',
  audio: 'AUDIOCANARYPCM',
} as const;

/** Every way a word may land on disk: as typed, case-folded by the FTS tokenizer, UTF-16. */
const encodings = (word: string): Buffer[] =>
  [word, word.toLowerCase(), word.toUpperCase()].flatMap((w) => [Buffer.from(w, 'utf8'), Buffer.from(w, 'utf16le')]);

const findCanaries = (dir: string): string[] =>
  listFiles(dir).flatMap((file) => {
    const bytes = fs.readFileSync(file);
    return Object.entries(CANARIES)
      .filter(([, word]) => encodings(word).some((needle) => bytes.includes(needle)))
      .map(([what]) => `${what} in ${file}`);
  });

const writePhi = async (store: Store): Promise<void> => {
  const clinician = store.repos.clinicians.create({ displayName: 'Dr Test', credentials: '' });
  const e = seedEncounter(store, `${CANARIES.reason} since Monday`, {
    name: `${CANARIES.name} Person`,
    dob: '1944-03-02',
    mrn: CANARIES.mrn,
  });
  store.repos.segments.replaceForEncounter(e.id, [segment(`My ${CANARIES.transcript} is worse`)]);
  const note = store.repos.notes.createVersion({
    encounterId: e.id,
    template: 'soap',
    body: { plan: `${CANARIES.note} review` },
    status: 'draft',
    modelVersion: null,
    adapterVersion: null,
  });
  store.repos.notes.sign(note.id, clinician.id);
  store.repos.findings.replaceForEncounter(e.id, [
    { kind: 'symptom', payload: { text: CANARIES.transcript }, evidence: [] },
  ]);
  store.repos.trainingExamples.add({ encounterId: e.id, kind: 'note-edit', payload: { after: CANARIES.note } });
  const rec = store.repos.recordings.create({ encounterId: e.id, sampleRate: 16000, channels: 1, sampleFormat: 's16' });
  const audio = Buffer.concat([
    Buffer.from(CANARIES.audio, 'ascii'),
    Buffer.alloc(3200, 7),
    Buffer.from(CANARIES.audio, 'ascii'),
  ]);
  const sealed = await store.chunks.write(rec.id, 0, audio);
  store.repos.recordings.appendChunk({ recordingId: rec.id, seq: 0, ...sealed, sampleCount: 1600 });
  // Exercise the search index too, so its pages hold the words.
  expect(store.repos.encounters.list({ query: CANARIES.name, limit: 10, offset: 0 }).total).toBe(1);
};

describe('no plaintext on disk', () => {
  it('finds no stored PHI in any file the store wrote, while the WAL holds it, after a checkpoint and after close', async () => {
    const files = storeFiles();
    const store = await openTestStore(files);
    await writePhi(store);

    // The test means something only if the data is still in the WAL at this point.
    expect(fs.statSync(`${files.dbPath}-wal`).size).toBeGreaterThan(0);
    expect(listFiles(files.dir).some((f) => f.endsWith('.qca'))).toBe(true);
    expect(findCanaries(files.dir)).toEqual([]);

    store.checkpoint();
    expect(findCanaries(files.dir)).toEqual([]);

    store.close();
    expect(findCanaries(files.dir)).toEqual([]);
  });

  it('would find the canaries if they were written in the clear (the scan itself works)', () => {
    const { dir } = storeFiles();
    fs.writeFileSync(`${dir}/leak.txt`, `x ${CANARIES.transcript.toLowerCase()} y`);
    expect(findCanaries(dir)).toHaveLength(1);
  });
});

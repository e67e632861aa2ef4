import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion, type Db } from '../../../../main/store';
import { freshDb, NOW } from './helpers';

const hits = (db: Db, match: string): string[] =>
  db
    .prepare<[string], string>(
      'SELECT DISTINCT encounter_id FROM search_index WHERE search_index MATCH ? ORDER BY encounter_id',
    )
    .pluck()
    .all(match);

/** Rows shaped for schema 1, written before the search index exists. */
const seedVersion1 = (db: Db): void => {
  const patient = db.prepare('INSERT INTO patients (id, name, dob, mrn, created_at) VALUES (?, ?, ?, ?, ?)');
  patient.run('p1', 'Alba Quintero', '1950-02-03', 'MRN-7781', NOW);
  patient.run('p2', 'Bruno Okafor', '1988-12-30', 'MRN-1200', NOW);
  const encounter = db.prepare('INSERT INTO encounters (id, patient_id, reason, created_at) VALUES (?, ?, ?, ?)');
  encounter.run('e1', 'p1', 'Knee swelling', NOW);
  encounter.run('e2', 'p2', 'Persistent headache', NOW);
  db.prepare(
    "INSERT INTO transcript_segments (id, encounter_id, seq, speaker, text, source, created_at) VALUES ('s1', 'e2', 0, 'patient', 'It throbs behind my eyes', 'paste', ?)",
  ).run(NOW);
};

const migratedWithSeed = (): Db => {
  const { db } = freshDb();
  migrate(db, { target: 1 });
  seedVersion1(db);
  migrate(db, { target: 2 });
  return db;
};

describe('migration 002 (full-text search index)', () => {
  it('keeps the rows written at version 1', () => {
    const db = migratedWithSeed();
    expect(readSchemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT count(*) FROM encounters').pluck().get()).toBe(2);
    expect(db.prepare('SELECT count(*) FROM transcript_segments').pluck().get()).toBe(1);
    db.close();
  });

  it('backfills existing patients, reasons and transcripts into the index', () => {
    const db = migratedWithSeed();
    expect(hits(db, 'quintero')).toEqual(['e1']);
    expect(hits(db, '"mrn 1200"')).toEqual(['e2']);
    expect(hits(db, 'swelling')).toEqual(['e1']);
    expect(hits(db, 'throbs')).toEqual(['e2']);
    db.close();
  });

  it('indexes rows inserted after the migration', () => {
    const db = migratedWithSeed();
    db.prepare(
      "INSERT INTO transcript_segments (id, encounter_id, seq, speaker, text, source, created_at) VALUES ('s2', 'e1', 0, 'clinician', 'Any fever or chills?', 'paste', ?)",
    ).run(NOW);
    db.prepare(
      "INSERT INTO encounters (id, patient_id, reason, created_at) VALUES ('e3', 'p1', 'Follow-up rash', ?)",
    ).run(NOW);
    expect(hits(db, 'chills')).toEqual(['e1']);
    expect(hits(db, 'rash')).toEqual(['e3']);
    expect(hits(db, 'quintero')).toEqual(['e1', 'e3']);
    db.close();
  });

  it('follows updates and deletes of names, MRNs, reasons and transcript text', () => {
    const db = migratedWithSeed();
    db.exec("UPDATE patients SET name = 'Alba Renamed', mrn = 'MRN-9999' WHERE id = 'p1'");
    db.exec("UPDATE encounters SET reason = 'Ankle sprain' WHERE id = 'e1'");
    db.exec("UPDATE transcript_segments SET text = 'Pressure in the temples' WHERE id = 's1'");
    expect(hits(db, 'quintero')).toEqual([]);
    expect(hits(db, 'renamed')).toEqual(['e1']);
    expect(hits(db, '"mrn 9999"')).toEqual(['e1']);
    expect(hits(db, 'swelling')).toEqual([]);
    expect(hits(db, 'ankle')).toEqual(['e1']);
    expect(hits(db, 'throbs')).toEqual([]);
    expect(hits(db, 'temples')).toEqual(['e2']);

    db.exec("DELETE FROM transcript_segments WHERE id = 's1'");
    expect(hits(db, 'temples')).toEqual([]);
    db.exec("DELETE FROM encounters WHERE id = 'e2'");
    expect(hits(db, 'headache')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM search_index').pluck().get()).toBe(2);
    db.close();
  });
});

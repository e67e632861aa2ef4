import { describe, expect, it } from 'vitest';
import { migrate, readSchemaVersion, type Db } from '../../../../main/store';
import { freshDb, NOW, tableNames } from './helpers';

const seedCore = (db: Db): void => {
  db.prepare(
    "INSERT INTO clinicians (id, display_name, credentials, created_at) VALUES ('c1', 'Dr Test', 'MD', ?)",
  ).run(NOW);
  db.prepare("INSERT INTO patients (id, name, dob, mrn, created_at) VALUES ('p1', 'Pat', '1970-01-01', 'M1', ?)").run(
    NOW,
  );
  db.prepare("INSERT INTO encounters (id, patient_id, reason, created_at) VALUES ('e1', 'p1', 'Cough', ?)").run(NOW);
};
const insertNote = (db: Db, id: string, version: number, status = 'draft'): void => {
  db.prepare(
    `INSERT INTO note_versions (id, encounter_id, version, status, template, body_json, created_at)
     VALUES (?, 'e1', ?, ?, 'soap', '{"s":"x"}', ?)`,
  ).run(id, version, status, NOW);
};

describe('migration 001 (core tables)', () => {
  it('migrates an empty database (version 0) to version 1 with every core table', () => {
    const { db } = freshDb();
    expect(readSchemaVersion(db)).toBe(0);
    migrate(db, { target: 1 });
    expect(readSchemaVersion(db)).toBe(1);
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'clinicians',
        'patients',
        'encounters',
        'audio_recordings',
        'audio_chunks',
        'transcript_segments',
        'findings',
        'note_versions',
        'training_examples',
        'audit_events',
      ]),
    );
    db.close();
  });

  it('defaults every consent flag to off and rejects values other than 0 and 1', () => {
    const { db } = freshDb();
    migrate(db, { target: 1 });
    seedCore(db);
    expect(
      db
        .prepare("SELECT consent_recording, consent_ai, consent_learning, status FROM encounters WHERE id = 'e1'")
        .get(),
    ).toEqual({
      consent_recording: 0,
      consent_ai: 0,
      consent_learning: 0,
      status: 'open',
    });
    expect(() => db.exec("UPDATE encounters SET consent_ai = 2 WHERE id = 'e1'")).toThrow(/CHECK/);
    db.close();
  });

  it('enforces foreign keys', () => {
    const { db } = freshDb();
    migrate(db, { target: 1 });
    expect(() =>
      db
        .prepare("INSERT INTO encounters (id, patient_id, reason, created_at) VALUES ('e9', 'nobody', 'x', ?)")
        .run(NOW),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('rejects an unknown speaker role and a duplicate segment number', () => {
    const { db } = freshDb();
    migrate(db, { target: 1 });
    seedCore(db);
    const insert = db.prepare(
      "INSERT INTO transcript_segments (id, encounter_id, seq, speaker, text, source, created_at) VALUES (?, 'e1', ?, ?, 'hi', 'paste', ?)",
    );
    expect(() => insert.run('s0', 0, 'narrator', NOW)).toThrow(/CHECK/);
    insert.run('s1', 0, 'patient', NOW);
    expect(() => insert.run('s2', 0, 'clinician', NOW)).toThrow(/UNIQUE/);
    db.close();
  });

  it('requires a signer and a time on a signed note', () => {
    const { db } = freshDb();
    migrate(db, { target: 1 });
    seedCore(db);
    expect(() => {
      insertNote(db, 'n1', 1, 'signed');
    }).toThrow(/CHECK/);
    db.close();
  });

  it('signs a draft once, then rejects UPDATE and DELETE of the signed row in the database itself', () => {
    const { db } = freshDb();
    migrate(db, { target: 1 });
    seedCore(db);
    insertNote(db, 'n1', 1);
    db.prepare("UPDATE note_versions SET status = 'signed', signed_by = 'c1', signed_at = ? WHERE id = 'n1'").run(NOW);
    expect(() => db.exec(`UPDATE note_versions SET body_json = '{"s":"changed"}' WHERE id = 'n1'`)).toThrow(
      'SIGNED_NOTE_IMMUTABLE',
    );
    expect(() =>
      db.exec("UPDATE note_versions SET status = 'draft', signed_by = NULL, signed_at = NULL WHERE id = 'n1'"),
    ).toThrow('SIGNED_NOTE_IMMUTABLE');
    expect(() => db.exec("DELETE FROM note_versions WHERE id = 'n1'")).toThrow('SIGNED_NOTE_IMMUTABLE');
    expect(db.prepare("SELECT body_json FROM note_versions WHERE id = 'n1'").pluck().get()).toBe('{"s":"x"}');
    db.close();
  });

  it('still allows editing and deleting unsigned drafts', () => {
    const { db } = freshDb();
    migrate(db, { target: 1 });
    seedCore(db);
    insertNote(db, 'n1', 1);
    db.exec(`UPDATE note_versions SET body_json = '{"s":"y"}', status = 'edited' WHERE id = 'n1'`);
    db.exec("DELETE FROM note_versions WHERE id = 'n1'");
    expect(db.prepare('SELECT count(*) FROM note_versions').pluck().get()).toBe(0);
    db.close();
  });

  it('makes audit events append-only', () => {
    const { db } = freshDb();
    migrate(db, { target: 1 });
    db.prepare(
      `INSERT INTO audit_events (seq, at, action, details_json, prev_mac, mac) VALUES (1, ?, 'store.open', '{}', ?, ?)`,
    ).run(NOW, '0'.repeat(64), 'a'.repeat(64));
    expect(() => db.exec("UPDATE audit_events SET action = 'note.sign'")).toThrow('AUDIT_APPEND_ONLY');
    expect(() => db.exec('DELETE FROM audit_events')).toThrow('AUDIT_APPEND_ONLY');
    db.close();
  });
});

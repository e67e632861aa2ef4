import type { Migration } from './types';

/**
 * Full-text search over what identifies an encounter: patient name and MRN, reason, transcript text.
 * `search_index_map` gives every indexed row a stable integer rowid keyed by (source, ref_id), so
 * triggers update or delete one FTS row by rowid instead of scanning the index for it.
 * FTS5 secure-delete removes deleted tokens from the index at once rather than leaving tombstones.
 */
const SQL = /* sql */ `
CREATE TABLE search_index_map (
  fts_rowid INTEGER PRIMARY KEY,
  encounter_id TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('patient', 'reason', 'segment')),
  ref_id TEXT NOT NULL,
  UNIQUE (source, ref_id)
) STRICT;
CREATE INDEX search_index_map_encounter ON search_index_map (encounter_id);

CREATE VIRTUAL TABLE search_index USING fts5 (
  encounter_id UNINDEXED,
  source UNINDEXED,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER search_encounters_ai AFTER INSERT ON encounters
BEGIN
  INSERT INTO search_index_map (encounter_id, source, ref_id) VALUES (NEW.id, 'reason', NEW.id), (NEW.id, 'patient', NEW.id);
  INSERT INTO search_index (rowid, encounter_id, source, body)
    SELECT m.fts_rowid, NEW.id, 'reason', NEW.reason FROM search_index_map m WHERE m.source = 'reason' AND m.ref_id = NEW.id;
  INSERT INTO search_index (rowid, encounter_id, source, body)
    SELECT m.fts_rowid, NEW.id, 'patient', p.name || ' ' || p.mrn
    FROM search_index_map m JOIN patients p ON p.id = NEW.patient_id
    WHERE m.source = 'patient' AND m.ref_id = NEW.id;
END;

CREATE TRIGGER search_encounters_au AFTER UPDATE OF reason, patient_id ON encounters
BEGIN
  DELETE FROM search_index WHERE rowid IN
    (SELECT fts_rowid FROM search_index_map WHERE source IN ('reason', 'patient') AND ref_id = OLD.id);
  INSERT INTO search_index (rowid, encounter_id, source, body)
    SELECT m.fts_rowid, NEW.id, 'reason', NEW.reason FROM search_index_map m WHERE m.source = 'reason' AND m.ref_id = OLD.id;
  INSERT INTO search_index (rowid, encounter_id, source, body)
    SELECT m.fts_rowid, NEW.id, 'patient', p.name || ' ' || p.mrn
    FROM search_index_map m JOIN patients p ON p.id = NEW.patient_id
    WHERE m.source = 'patient' AND m.ref_id = OLD.id;
END;

CREATE TRIGGER search_encounters_ad AFTER DELETE ON encounters
BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT fts_rowid FROM search_index_map WHERE encounter_id = OLD.id);
  DELETE FROM search_index_map WHERE encounter_id = OLD.id;
END;

CREATE TRIGGER search_patients_au AFTER UPDATE OF name, mrn ON patients
BEGIN
  DELETE FROM search_index WHERE rowid IN
    (SELECT m.fts_rowid FROM search_index_map m JOIN encounters e ON e.id = m.ref_id
     WHERE m.source = 'patient' AND e.patient_id = NEW.id);
  INSERT INTO search_index (rowid, encounter_id, source, body)
    SELECT m.fts_rowid, e.id, 'patient', NEW.name || ' ' || NEW.mrn
    FROM search_index_map m JOIN encounters e ON e.id = m.ref_id
    WHERE m.source = 'patient' AND e.patient_id = NEW.id;
END;

CREATE TRIGGER search_segments_ai AFTER INSERT ON transcript_segments
BEGIN
  INSERT INTO search_index_map (encounter_id, source, ref_id) VALUES (NEW.encounter_id, 'segment', NEW.id);
  INSERT INTO search_index (rowid, encounter_id, source, body)
    SELECT fts_rowid, NEW.encounter_id, 'segment', NEW.text FROM search_index_map WHERE source = 'segment' AND ref_id = NEW.id;
END;

CREATE TRIGGER search_segments_au AFTER UPDATE OF text, encounter_id ON transcript_segments
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_index_map WHERE source = 'segment' AND ref_id = OLD.id);
  UPDATE search_index_map SET encounter_id = NEW.encounter_id WHERE source = 'segment' AND ref_id = OLD.id;
  INSERT INTO search_index (rowid, encounter_id, source, body)
    SELECT fts_rowid, NEW.encounter_id, 'segment', NEW.text FROM search_index_map WHERE source = 'segment' AND ref_id = OLD.id;
END;

CREATE TRIGGER search_segments_ad AFTER DELETE ON transcript_segments
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT fts_rowid FROM search_index_map WHERE source = 'segment' AND ref_id = OLD.id);
  DELETE FROM search_index_map WHERE source = 'segment' AND ref_id = OLD.id;
END;
`;

/** Rows written before this migration get indexed too. */
const BACKFILL = /* sql */ `
INSERT INTO search_index_map (encounter_id, source, ref_id)
  SELECT id, 'reason', id FROM encounters ORDER BY rowid;
INSERT INTO search_index_map (encounter_id, source, ref_id)
  SELECT id, 'patient', id FROM encounters ORDER BY rowid;
INSERT INTO search_index_map (encounter_id, source, ref_id)
  SELECT encounter_id, 'segment', id FROM transcript_segments ORDER BY rowid;

INSERT INTO search_index (rowid, encounter_id, source, body)
  SELECT m.fts_rowid, e.id, 'reason', e.reason
  FROM search_index_map m JOIN encounters e ON e.id = m.ref_id WHERE m.source = 'reason';
INSERT INTO search_index (rowid, encounter_id, source, body)
  SELECT m.fts_rowid, e.id, 'patient', p.name || ' ' || p.mrn
  FROM search_index_map m JOIN encounters e ON e.id = m.ref_id JOIN patients p ON p.id = e.patient_id
  WHERE m.source = 'patient';
INSERT INTO search_index (rowid, encounter_id, source, body)
  SELECT m.fts_rowid, s.encounter_id, 'segment', s.text
  FROM search_index_map m JOIN transcript_segments s ON s.id = m.ref_id WHERE m.source = 'segment';
`;

export const migration002: Migration = {
  version: 2,
  name: 'search_index',
  up(db) {
    db.exec(SQL);
    db.exec(BACKFILL);
  },
};

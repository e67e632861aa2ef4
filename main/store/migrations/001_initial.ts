import type { Migration } from './types';

/**
 * Core tables. STRICT tables reject values of the wrong type; CHECKs pin the enumerations.
 * Signed notes and audit events are protected by triggers, so even raw SQL cannot change them.
 */
const SQL = /* sql */ `
CREATE TABLE clinicians (
  id TEXT PRIMARY KEY NOT NULL,
  display_name TEXT NOT NULL,
  credentials TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE patients (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  dob TEXT NOT NULL,
  mrn TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX patients_mrn ON patients (mrn);

CREATE TABLE encounters (
  id TEXT PRIMARY KEY NOT NULL,
  patient_id TEXT NOT NULL REFERENCES patients (id),
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'signed')),
  consent_recording INTEGER NOT NULL DEFAULT 0 CHECK (consent_recording IN (0, 1)),
  consent_ai INTEGER NOT NULL DEFAULT 0 CHECK (consent_ai IN (0, 1)),
  consent_learning INTEGER NOT NULL DEFAULT 0 CHECK (consent_learning IN (0, 1))
) STRICT;
CREATE INDEX encounters_patient ON encounters (patient_id);
CREATE INDEX encounters_created ON encounters (created_at);

CREATE TABLE audio_recordings (
  id TEXT PRIMARY KEY NOT NULL,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  sample_rate INTEGER NOT NULL CHECK (sample_rate > 0),
  channels INTEGER NOT NULL CHECK (channels > 0),
  sample_format TEXT NOT NULL CHECK (sample_format IN ('s16', 'f32')),
  status TEXT NOT NULL DEFAULT 'recording' CHECK (status IN ('recording', 'complete', 'interrupted')),
  created_at TEXT NOT NULL,
  chunk_count INTEGER NOT NULL DEFAULT 0 CHECK (chunk_count >= 0),
  duration_ms INTEGER NOT NULL DEFAULT 0 CHECK (duration_ms >= 0)
) STRICT;
CREATE INDEX audio_recordings_encounter ON audio_recordings (encounter_id);

CREATE TABLE audio_chunks (
  recording_id TEXT NOT NULL REFERENCES audio_recordings (id),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  file_name TEXT NOT NULL,
  byte_length INTEGER NOT NULL CHECK (byte_length >= 0),
  sample_count INTEGER NOT NULL CHECK (sample_count >= 0),
  PRIMARY KEY (recording_id, seq)
) STRICT;

CREATE TABLE transcript_segments (
  id TEXT PRIMARY KEY NOT NULL,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  speaker TEXT NOT NULL CHECK (speaker IN ('clinician', 'patient', 'other', 'unknown')),
  start_ms INTEGER CHECK (start_ms IS NULL OR start_ms >= 0),
  end_ms INTEGER CHECK (end_ms IS NULL OR start_ms IS NULL OR end_ms >= start_ms),
  text TEXT NOT NULL,
  language TEXT,
  source TEXT NOT NULL CHECK (source IN ('import', 'paste', 'asr', 'translation')),
  created_at TEXT NOT NULL,
  UNIQUE (encounter_id, seq)
) STRICT;

CREATE TABLE findings (
  id TEXT PRIMARY KEY NOT NULL,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  evidence_json TEXT NOT NULL CHECK (json_valid(evidence_json)),
  status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'accepted', 'rejected', 'edited')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX findings_encounter ON findings (encounter_id);

CREATE TABLE note_versions (
  id TEXT PRIMARY KEY NOT NULL,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  version INTEGER NOT NULL CHECK (version >= 1),
  status TEXT NOT NULL CHECK (status IN ('draft', 'edited', 'signed')),
  template TEXT NOT NULL,
  body_json TEXT NOT NULL CHECK (json_valid(body_json)),
  model_version TEXT,
  adapter_version TEXT,
  parent_id TEXT REFERENCES note_versions (id),
  created_at TEXT NOT NULL,
  signed_at TEXT,
  signed_by TEXT REFERENCES clinicians (id),
  CHECK (status <> 'signed' OR (signed_by IS NOT NULL AND signed_at IS NOT NULL)),
  UNIQUE (encounter_id, version)
) STRICT;

CREATE TRIGGER note_versions_signed_no_update BEFORE UPDATE ON note_versions
WHEN OLD.status = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'SIGNED_NOTE_IMMUTABLE');
END;

CREATE TRIGGER note_versions_signed_no_delete BEFORE DELETE ON note_versions
WHEN OLD.status = 'signed'
BEGIN
  SELECT RAISE(ABORT, 'SIGNED_NOTE_IMMUTABLE');
END;

CREATE TABLE training_examples (
  id TEXT PRIMARY KEY NOT NULL,
  encounter_id TEXT NOT NULL REFERENCES encounters (id),
  kind TEXT NOT NULL,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX training_examples_encounter ON training_examples (encounter_id);

CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  action TEXT NOT NULL,
  actor_id TEXT,
  entity_type TEXT,
  entity_id TEXT,
  details_json TEXT NOT NULL CHECK (json_valid(details_json)),
  prev_mac TEXT NOT NULL CHECK (length(prev_mac) = 64),
  mac TEXT NOT NULL CHECK (length(mac) = 64)
) STRICT;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'AUDIT_APPEND_ONLY');
END;
`;

export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};

import type { Migration } from './types';

/**
 * Speech transcripts: a segment can come from a recording (its times are on that recording's
 * timeline, so the UI can play from there; the id names a sealed recording in the chunk vault, whose
 * own header is the recording's source of truth, so it is not a foreign key), and a non-English segment keeps its source text in
 * `text` with Whisper's English translation beside it in `english_text` (NULL when the speech was
 * English or no translation ran). The language pipeline reads `english_text` when present.
 */
const SQL = /* sql */ `
ALTER TABLE transcript_segments ADD COLUMN recording_id TEXT;
ALTER TABLE transcript_segments ADD COLUMN english_text TEXT;
`;

export const migration003: Migration = {
  version: 3,
  name: 'speech_segments',
  up(db) {
    db.exec(SQL);
  },
};

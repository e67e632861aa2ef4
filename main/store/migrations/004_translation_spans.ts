import type { Migration } from './types';

/**
 * Text translation of a transcript: beside `english_text`, how its sentences line up with the
 * original (JSON `[[origStart, origEnd, enStart, enEnd], …]`), so evidence found in the English is
 * shown on the original too. NULL for Whisper's own translation (aligned by time, not by sentence).
 */
const SQL = /* sql */ `
ALTER TABLE transcript_segments ADD COLUMN translation_spans TEXT;
`;

export const migration004: Migration = {
  version: 4,
  name: 'translation_spans',
  up(db) {
    db.exec(SQL);
  },
};

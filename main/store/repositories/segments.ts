import { AppError } from '../../../common/errors';
import type { Db } from '../connection';
import { TranslationSpans } from '../../../common/translation-spans';
import type { SegmentInput, SegmentRow, SegmentTranslation } from '../types';
import { newId, nowIso } from './shared';

type Raw = {
  id: string;
  encounter_id: string;
  seq: number;
  speaker: SegmentRow['speaker'];
  start_ms: number | null;
  end_ms: number | null;
  text: string;
  language: string | null;
  source: SegmentRow['source'];
  created_at: string;
  recording_id: string | null;
  english_text: string | null;
  translation_spans: string | null;
};

const COLUMNS =
  'id, encounter_id, seq, speaker, start_ms, end_ms, text, language, source, created_at, recording_id, english_text, translation_spans';
const toRow = (r: Raw): SegmentRow => ({
  id: r.id,
  encounterId: r.encounter_id,
  seq: r.seq,
  speaker: r.speaker,
  startMs: r.start_ms,
  endMs: r.end_ms,
  text: r.text,
  language: r.language,
  source: r.source,
  createdAt: r.created_at,
  recordingId: r.recording_id,
  englishText: r.english_text,
  translationSpans: r.translation_spans === null ? null : TranslationSpans.parse(JSON.parse(r.translation_spans)),
});

export type SegmentsRepository = {
  /** Swaps the whole transcript atomically (a re-import or re-transcription); seq restarts at 0. */
  replaceForEncounter(encounterId: string, segments: readonly SegmentInput[]): SegmentRow[];
  append(encounterId: string, segment: SegmentInput): SegmentRow;
  listForEncounter(encounterId: string): SegmentRow[];
  get(id: string): SegmentRow | null;
  /** The clinician's correction of who said a line. */
  setSpeaker(id: string, speaker: SegmentRow['speaker']): SegmentRow;
  /** Stores the translator's output for some of an encounter's segments, all or nothing. */
  setTranslations(encounterId: string, translations: readonly SegmentTranslation[]): void;
};

export const createSegmentsRepository = (db: Db): SegmentsRepository => {
  const insert = db.prepare<[Raw]>(
    `INSERT INTO transcript_segments (${COLUMNS})
     VALUES (@id, @encounter_id, @seq, @speaker, @start_ms, @end_ms, @text, @language, @source, @created_at,
             @recording_id, @english_text, @translation_spans)`,
  );
  const removeAll = db.prepare<[string]>('DELETE FROM transcript_segments WHERE encounter_id = ?');
  const list = db.prepare<[string], Raw>(
    `SELECT ${COLUMNS} FROM transcript_segments WHERE encounter_id = ? ORDER BY seq`,
  );
  const byId = db.prepare<[string], Raw>(`SELECT ${COLUMNS} FROM transcript_segments WHERE id = ?`);
  const updateSpeaker = db.prepare<[string, string]>('UPDATE transcript_segments SET speaker = ? WHERE id = ?');
  const updateTranslation = db.prepare<[string | null, string | null, string | null, string, string]>(
    `UPDATE transcript_segments SET language = ?, english_text = ?, translation_spans = ?
     WHERE id = ? AND encounter_id = ?`,
  );
  const nextSeq = db
    .prepare<[string], number>('SELECT coalesce(max(seq) + 1, 0) FROM transcript_segments WHERE encounter_id = ?')
    .pluck();

  const write = (encounterId: string, seq: number, input: SegmentInput, createdAt: string): SegmentRow => {
    const raw: Raw = {
      id: newId(),
      encounter_id: encounterId,
      seq,
      speaker: input.speaker,
      start_ms: input.startMs,
      end_ms: input.endMs,
      text: input.text,
      language: input.language,
      source: input.source,
      created_at: createdAt,
      recording_id: input.recordingId ?? null,
      english_text: input.englishText ?? null,
      translation_spans: input.translationSpans ? JSON.stringify(input.translationSpans) : null,
    };
    insert.run(raw);
    return toRow(raw);
  };

  return {
    replaceForEncounter(encounterId, segments) {
      return db.transaction(() => {
        removeAll.run(encounterId);
        const at = nowIso();
        return segments.map((segment, seq) => write(encounterId, seq, segment, at));
      })();
    },
    append(encounterId, segment) {
      return db.transaction(() => write(encounterId, nextSeq.get(encounterId) ?? 0, segment, nowIso()))();
    },
    listForEncounter: (encounterId) => list.all(encounterId).map(toRow),
    get: (id) => {
      const raw = byId.get(id);
      return raw ? toRow(raw) : null;
    },
    setTranslations(encounterId, translations) {
      db.transaction(() => {
        for (const t of translations) {
          const spans = t.translationSpans ? JSON.stringify(t.translationSpans) : null;
          if (updateTranslation.run(t.language, t.englishText, spans, t.id, encounterId).changes === 0)
            throw new AppError('NOT_FOUND', 'No such transcript line.');
        }
      })();
    },
    setSpeaker(id, speaker) {
      if (updateSpeaker.run(speaker, id).changes === 0) throw new AppError('NOT_FOUND', 'No such transcript line.');
      const raw = byId.get(id);
      if (!raw) throw new AppError('NOT_FOUND', 'No such transcript line.');
      return toRow(raw);
    },
  };
};

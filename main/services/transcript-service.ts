import { AppError } from '../../common/errors';
import { parseTranscript, type TranscriptFormat, type TranscriptWarning } from '../language/transcript';
import type { Store } from '../store';
import type { SpeakerRole } from '../../common/domain';

export type TranscriptImportResult = {
  format: TranscriptFormat;
  segmentCount: number;
  warnings: TranscriptWarning[];
};

/** Pasted or imported transcripts: parse, then replace the encounter's transcript in one transaction. */
export type TranscriptService = {
  importText(
    input: { encounterId: string; text: string; fileName?: string; source: 'paste' | 'import' },
    actorId: string | null,
  ): TranscriptImportResult;
  /** Corrects who said a line (speaker labels from speech are a guess); refused once the note is signed. */
  setSpeaker(
    input: { segmentId: string; speaker: SpeakerRole },
    actorId: string | null,
  ): { id: string; speaker: SpeakerRole };
};

export const createTranscriptService = (store: Store): TranscriptService => ({
  setSpeaker({ segmentId, speaker }, actorId) {
    const segment = store.repos.segments.get(segmentId);
    if (!segment) throw new AppError('NOT_FOUND', 'No such transcript line.');
    if (store.repos.encounters.get(segment.encounterId)?.status === 'signed')
      throw new AppError('CONFLICT', 'This encounter is signed; its transcript can no longer be changed.');
    return store.transaction(() => {
      const row = store.repos.segments.setSpeaker(segmentId, speaker);
      store.audit.append({
        action: 'transcript.edit',
        actorId,
        entityType: 'segment',
        entityId: segmentId,
        details: { field: 'speaker', from: segment.speaker, to: speaker },
      });
      return { id: row.id, speaker: row.speaker };
    });
  },
  importText({ encounterId, text, fileName, source }, actorId) {
    const encounter = store.repos.encounters.get(encounterId);
    if (!encounter) throw new AppError('NOT_FOUND', 'No such encounter.');
    // A signed note's evidence points into this transcript; replacing it would orphan that evidence.
    if (encounter.status === 'signed') {
      throw new AppError('CONFLICT', 'This encounter is signed; its transcript can no longer be replaced.');
    }
    // Parsing happens before the transaction: a bad file throws here and nothing stored is touched.
    const parsed = parseTranscript({ text, ...(fileName === undefined ? {} : { fileName }) });
    store.transaction(() => {
      store.repos.segments.replaceForEncounter(
        encounterId,
        parsed.segments.map((s) => ({
          speaker: s.speaker,
          startMs: s.startMs,
          endMs: s.endMs,
          text: s.text,
          language: null,
          source,
        })),
      );
      store.audit.append({
        action: 'transcript.import',
        actorId,
        entityType: 'encounter',
        entityId: encounterId,
        details: { format: parsed.format, segments: parsed.segments.length, warnings: parsed.warnings.length },
      });
    });
    return { format: parsed.format, segmentCount: parsed.segments.length, warnings: parsed.warnings };
  },
});

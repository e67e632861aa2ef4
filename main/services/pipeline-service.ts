import type { ChecklistItemResult, Finding } from '../../common/findings';
import { AppError } from '../../common/errors';
import { analyseTranscript, type ChecklistResult } from '../language/pipeline';
import { checkConsistency } from '../notes/consistency/check';
import { sentencesOfNote } from '../notes/consistency/note-sentences';
import { draftNote } from '../notes/draft-note';
import type { Store } from '../store';
import type { JobContext } from './job-manager';

/** Recorded on every draft so a signed note says what wrote it (an LLM or adapter later). */
export const COMPOSER_VERSION = 'composer/1';

export type PipelineRunResult = { noteId: string; version: number; findings: number; segments: number };

export type StoredChecklistItem = ChecklistItemResult & { checklistId: string; checklistName: string };

/**
 * Runs an encounter's stored transcript through the language pipeline and persists the findings,
 * checklist results and a new draft note version — all in one transaction, so a failure or a
 * cancellation leaves what was stored before untouched.
 */
/** Lets a pending cancel request through between the heavy steps, before anything is written. */
const yieldUnlessCancelled = async (signal: AbortSignal): Promise<void> => {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal.aborted) throw new AppError('JOB_CANCELLED', 'The job was cancelled.');
};

export const runEncounterPipeline = async (
  store: Store,
  input: { encounterId: string; template: string },
  actorId: string | null,
  job: Pick<JobContext, 'signal' | 'progress'>,
): Promise<PipelineRunResult> => {
  const encounter = store.repos.encounters.get(input.encounterId);
  if (!encounter) throw new AppError('NOT_FOUND', 'No such encounter.');
  if (encounter.status === 'signed')
    throw new AppError('CONFLICT', 'This encounter is signed; start an addendum instead.');
  // A translated visit is analysed in English: evidence offsets then point into `englishText`.
  const segments = store.repos.segments
    .listForEncounter(input.encounterId)
    .map((s) => (s.englishText ? { ...s, text: s.englishText } : s));
  if (segments.length === 0) throw new AppError('VALIDATION_FAILED', 'This encounter has no transcript yet.');

  const started = performance.now();
  job.progress(0, 3);
  const analysis = analyseTranscript(segments);
  await yieldUnlessCancelled(job.signal);
  job.progress(1, 3);
  const draft = draftNote(segments, analysis, input.template);
  // Every draft is checked against the transcript; the flags travel with the note to the clinician.
  const flags = checkConsistency({ sentences: sentencesOfNote(draft.note), segments, findings: analysis.findings });
  await yieldUnlessCancelled(job.signal);
  job.progress(2, 3);

  const result = store.transaction(() => {
    store.repos.findings.replaceForEncounter(input.encounterId, [
      ...analysis.findings.map((f) => ({ kind: f.kind, payload: f, evidence: f.evidence })),
      ...analysis.checklists.flatMap((c: ChecklistResult) =>
        c.items.map((item) => ({
          kind: 'checklist',
          payload: { ...item, checklistId: c.checklistId, checklistName: c.name } satisfies StoredChecklistItem,
          evidence: item.evidence,
        })),
      ),
    ]);
    const latest = store.repos.notes.latest(input.encounterId);
    const note = store.repos.notes.createVersion({
      encounterId: input.encounterId,
      template: input.template,
      body: { note: draft.note, text: draft.text, flags },
      status: 'draft',
      modelVersion: COMPOSER_VERSION,
      adapterVersion: null,
      parentId: latest?.id ?? null,
    });
    store.audit.append({
      action: 'note.create',
      actorId,
      entityType: 'note',
      entityId: note.id,
      details: { encounterId: input.encounterId, version: note.version, model: COMPOSER_VERSION, flags: flags.length },
    });
    store.audit.append({
      action: 'pipeline.run',
      actorId,
      entityType: 'encounter',
      entityId: input.encounterId,
      details: {
        segments: segments.length,
        findings: analysis.findings.length,
        ms: Math.round(performance.now() - started),
      },
    });
    return { noteId: note.id, version: note.version, findings: analysis.findings.length, segments: segments.length };
  });
  job.progress(3, 3);
  return result;
};

export const isFinding = (kind: string): kind is Finding['kind'] => kind !== 'checklist';

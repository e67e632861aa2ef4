import type { ChecklistItemResult, Finding } from '../../common/findings';
import { AppError, type AppErrorPayload } from '../../common/errors';
import { analyseTranscript, type ChecklistResult } from '../language/pipeline';
import type { NoteStreamEvent } from '../notes/llm/llm-note';
import { writeDraft, type DraftLlm } from '../notes/write-draft';
import type { Store } from '../store';
import type { JobContext } from './job-manager';

export type PipelineRunResult = {
  noteId: string;
  version: number;
  findings: number;
  segments: number;
  source: 'llm' | 'composer';
  /** Why an LLM that was asked for did not write the draft (the composer's draft was stored instead). */
  fallback: AppErrorPayload | null;
};

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
  writer: {
    llm?: DraftLlm | undefined;
    /** An installed LLM that may not write this draft (no AI consent): reported as the fallback. */
    llmRefused?: AppErrorPayload;
    onEvent?: (event: NoteStreamEvent) => void;
  } = {},
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
  job.progress(0, 30);
  const analysis = analyseTranscript(segments);
  await yieldUnlessCancelled(job.signal);
  job.progress(10, 30);
  // Every draft is checked against the transcript; the flags travel with the note to the clinician.
  // An LLM draft takes minutes: progress counts its sections (steps of tenths between 1 and 2).
  let sectionsDone = 0;
  const draft = await writeDraft(segments, analysis, input.template, {
    llm: writer.llm,
    signal: job.signal,
    onEvent: (event) => {
      writer.onEvent?.(event);
      if (event.type === 'section-done') {
        sectionsDone++;
        job.progress(10 + Math.min(9, sectionsDone), 30);
      }
    },
  });
  const { flags } = draft;
  const fallback = draft.fallback ?? writer.llmRefused ?? null;
  await yieldUnlessCancelled(job.signal);
  job.progress(20, 30);

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
      body: { note: draft.note, text: draft.text, flags, source: draft.source, sections: draft.sections },
      status: 'draft',
      modelVersion: draft.modelVersion,
      adapterVersion: null,
      parentId: latest?.id ?? null,
    });
    store.audit.append({
      action: 'note.create',
      actorId,
      entityType: 'note',
      entityId: note.id,
      details: {
        encounterId: input.encounterId,
        version: note.version,
        model: draft.modelVersion,
        flags: flags.length,
        fallback: fallback?.code ?? null,
      },
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
    return {
      noteId: note.id,
      version: note.version,
      findings: analysis.findings.length,
      segments: segments.length,
      source: draft.source,
      fallback,
    };
  });
  job.progress(30, 30);
  return result;
};

export const isFinding = (kind: string): kind is Finding['kind'] => kind !== 'checklist';

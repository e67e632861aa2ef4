/**
 * The draft a clinician reviews: the composer's, rewritten by an installed LLM when one is given.
 * The composer always runs first (it is the LLM's source of facts and the fallback), the LLM's
 * failure is reported and never loses the draft, and every draft, whichever wrote it, is checked
 * for consistency with the transcript.
 */
import { isAppError, toErrorPayload, type AppErrorPayload } from '../../common/errors';
import type { LanguageAnalysis } from '../language/pipeline';
import type { SegmentInput } from '../language/segment';
import type { LlmClient } from '../llm/llm-client';
import { renderNoteText } from './composer/render';
import { checkConsistency } from './consistency/check';
import type { ConsistencyFlag } from './consistency/flags';
import { sentencesOfNote } from './consistency/note-sentences';
import { draftNote } from './draft-note';
import { generateLlmNote, type LlmSectionChoice, type NoteStreamEvent, type SectionReport } from './llm/llm-note';
import type { PromptBudget } from './llm/prompts';
import type { Note } from './note-types';

/** Recorded on every composer draft so a signed note says what wrote it. */
export const COMPOSER_VERSION = 'composer/1';

export type DraftLlm = {
  client: LlmClient;
  modelVersion: string;
  budget?: PromptBudget;
  sections?: LlmSectionChoice;
};

export type WrittenDraft = {
  note: Note;
  text: string;
  flags: ConsistencyFlag[];
  source: 'llm' | 'composer';
  modelVersion: string;
  /** Why an LLM that was asked for did not write the draft. */
  fallback: AppErrorPayload | null;
  sections: SectionReport[] | null;
};

export const writeDraft = async (
  segments: readonly SegmentInput[],
  analysis: LanguageAnalysis,
  template: string,
  options: { llm?: DraftLlm | undefined; signal?: AbortSignal; onEvent?: (event: NoteStreamEvent) => void } = {},
): Promise<WrittenDraft> => {
  const composed = draftNote(segments, analysis, template);
  const finish = (note: Note, rest: Omit<WrittenDraft, 'note' | 'text' | 'flags'>): WrittenDraft => ({
    note,
    text: renderNoteText(note),
    flags: checkConsistency({ sentences: sentencesOfNote(note), segments, findings: analysis.findings }),
    ...rest,
  });
  const composerDraft = (fallback: AppErrorPayload | null): WrittenDraft =>
    finish(composed.note, { source: 'composer', modelVersion: COMPOSER_VERSION, fallback, sections: null });
  if (!options.llm) return composerDraft(null);
  try {
    const written = await generateLlmNote(
      { segments, draft: composed.note },
      {
        client: options.llm.client,
        ...(options.llm.budget ? { budget: options.llm.budget } : {}),
        ...(options.llm.sections ? { sections: options.llm.sections } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onEvent ? { onEvent: options.onEvent } : {}),
      },
    );
    return finish(written.note, {
      source: 'llm',
      modelVersion: options.llm.modelVersion,
      fallback: null,
      sections: written.sections,
    });
  } catch (error) {
    if (isAppError(error) && error.code === 'JOB_CANCELLED') throw error;
    return composerDraft(toErrorPayload(error));
  }
};

/**
 * An LLM-written note, section by section, from the composer's grounded draft: the shared system
 * message (instructions and all facts) is cached once, each section streams its text, every sentence
 * is aligned with the transcript and marked when nothing supports it. A section the model cannot
 * write (input over budget, empty answer) keeps the composer's sentences; a model that fails
 * outright (invalid, crashed) fails the whole draft so the caller can fall back to the composer.
 */
import { AppError, isAppError, type ErrorCode } from '../../../common/errors';
import type { LlmClient } from '../../llm/llm-client';
import type { Note, NoteContent, NoteSection, NoteSentence } from '../note-types';
import { loadTemplate } from '../templates';
import { createAligner } from './evidence-align';
import { cleanSectionText } from './llm-output';
import { buildNotePrompt, DEFAULT_PROMPT_BUDGET, sectionMessages, type PromptBudget, type TrimLevel } from './prompts';
import { sectionFacts, type QuoteSource } from './section-facts';

export type NoteStreamEvent =
  | { type: 'section'; sectionId: string; header: string }
  | { type: 'text'; sectionId: string; text: string }
  | { type: 'section-done'; sectionId: string; source: 'llm' | 'composer' };

export type SectionReport = {
  sectionId: string;
  source: 'llm' | 'composer';
  /**
   * Why the composer's sentences were kept: an error code, EMPTY when the model wrote nothing, or KEPT
   * for a list section (vitals, exam, results, review of systems) left to the composer by choice.
   */
  reason: ErrorCode | 'EMPTY' | 'KEPT' | null;
  promptTokens: number;
  newTokens: number;
  cachedTokens: number;
  ms: number;
  sentences: number;
  unsupported: number;
};

export type LlmNoteResult = { note: Note; sections: SectionReport[]; trimmed: TrimLevel };

/** Output tokens per section: short for the complaint, longer for history and plan. */
export const DEFAULT_SECTION_TOKENS: Readonly<Record<string, number>> = {
  'chief-complaint': 40,
  hpi: 320,
  ros: 160,
  exam: 200,
  results: 160,
  'assessment-plan': 320,
};
const FALLBACK_SECTION_TOKENS = 240;

/**
 * narrative: the model writes the sections told as a story (chief complaint, history, assessment and
 * plan) and the composer's exact lines stay for lists of values (vitals, exam, results, review of
 * systems), where a rewrite adds risk and time but little readability; all: every section.
 */
export type LlmSectionChoice = 'narrative' | 'all';

const NARRATIVE_CONTENT: ReadonlySet<NoteContent> = new Set(['chief-complaint', 'hpi', 'assessment-plan']);

const narrativeSections = (templateId: string): ReadonlySet<string> =>
  new Set(
    loadTemplate(templateId)
      .sections.filter((s) => s.content.some((c) => NARRATIVE_CONTENT.has(c)))
      .map((s) => s.id),
  );

export type LlmNoteOptions = {
  client: LlmClient;
  /** Which sections the model writes (default narrative). */
  sections?: LlmSectionChoice;
  budget?: PromptBudget;
  sectionTokens?: Readonly<Record<string, number>>;
  signal?: AbortSignal;
  onEvent?: (event: NoteStreamEvent) => void;
};

/** Failures of the model itself: no section would fare better, so the whole draft falls back. */
const MODEL_FAILURES: readonly ErrorCode[] = [
  'MODEL_INVALID',
  'MODEL_NOT_INSTALLED',
  'MODEL_HASH_MISMATCH',
  'MODEL_UNVERIFIED',
  'MODEL_TOO_LARGE',
  'INFERENCE_WORKER_CRASHED',
  'JOB_CANCELLED',
  'INTERNAL',
];

export const generateLlmNote = async (
  input: { segments: readonly QuoteSource[]; draft: Note },
  options: LlmNoteOptions,
): Promise<LlmNoteResult> => {
  const budget = options.budget ?? DEFAULT_PROMPT_BUDGET;
  const prompt = await buildNotePrompt(
    sectionFacts(input.draft, input.segments),
    (messages) => options.client.countTokens(messages),
    budget,
  );
  const align = createAligner(input.segments);
  const sections: NoteSection[] = [];
  const reports: SectionReport[] = [];
  const tokens = { ...DEFAULT_SECTION_TOKENS, ...options.sectionTokens };

  const narrative = narrativeSections(input.draft.templateId);
  for (const [index, facts] of prompt.sections.entries()) {
    if (options.signal?.aborted) throw new AppError('JOB_CANCELLED', 'Note generation was cancelled.');
    const composed = input.draft.sections[index];
    if (!composed) continue;
    const started = performance.now();
    const keep = (reason: SectionReport['reason'], usage = { promptTokens: 0, newTokens: 0, cachedTokens: 0 }) => {
      sections.push(composed);
      reports.push({
        sectionId: facts.sectionId,
        source: 'composer',
        reason,
        ...usage,
        ms: Math.round(performance.now() - started),
        sentences: composed.sentences.length,
        unsupported: 0,
      });
    };
    // A list section kept by choice is not streamed: the model never started on it.
    if ((options.sections ?? 'narrative') === 'narrative' && !narrative.has(facts.sectionId)) {
      keep('KEPT');
      continue;
    }
    options.onEvent?.({ type: 'section', sectionId: facts.sectionId, header: facts.header });
    const fallBack = (reason: SectionReport['reason'], usage?: Parameters<typeof keep>[1]) => {
      keep(reason, usage);
      options.onEvent?.({ type: 'section-done', sectionId: facts.sectionId, source: 'composer' });
    };
    let result;
    try {
      result = await options.client.generate(sectionMessages(prompt, facts), {
        maxNewTokens: tokens[facts.sectionId] ?? FALLBACK_SECTION_TOKENS,
        maxPromptTokens: budget.maxPromptTokens,
        prefixMessages: 1,
        ...(options.signal ? { signal: options.signal } : {}),
        onText: (text) => {
          options.onEvent?.({ type: 'text', sectionId: facts.sectionId, text });
        },
      });
    } catch (error) {
      if (!isAppError(error) || MODEL_FAILURES.includes(error.code)) throw error;
      fallBack(error.code);
      continue;
    }
    const usage = { promptTokens: result.promptTokens, newTokens: result.newTokens, cachedTokens: result.cachedTokens };
    const texts = cleanSectionText(result.text, facts.header);
    if (texts.length === 0) {
      fallBack('EMPTY', usage);
      continue;
    }
    const sentences: NoteSentence[] = texts.map((text) => {
      const alignment = align(text, facts.facts);
      return {
        text,
        evidence: alignment.evidence,
        paragraph: 0,
        style: 'prose',
        ...(alignment.supported ? {} : { unsupported: true as const }),
      };
    });
    sections.push({ id: composed.id, header: composed.header, sentences });
    reports.push({
      sectionId: facts.sectionId,
      source: 'llm',
      reason: null,
      ...usage,
      ms: Math.round(performance.now() - started),
      sentences: sentences.length,
      unsupported: sentences.filter((s) => s.unsupported === true).length,
    });
    options.onEvent?.({ type: 'section-done', sectionId: facts.sectionId, source: 'llm' });
  }
  const attempted = reports.filter((r) => r.reason !== 'KEPT');
  const refused = attempted.find((r) => r.source === 'composer');
  if (
    attempted.length > 0 &&
    attempted.every((r) => r.source === 'composer') &&
    refused?.reason &&
    refused.reason !== 'EMPTY' &&
    refused.reason !== 'KEPT'
  )
    throw new AppError(refused.reason, 'The language model could not write any section of the note.');
  return { note: { templateId: input.draft.templateId, sections }, sections: reports, trimmed: prompt.trimmed };
};

import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors';
import { analyseTranscript } from '../../../main/language/pipeline';
import type { SegmentInput } from '../../../main/language/segment';
import type { LlmClient } from '../../../main/llm/llm-client';
import { loadLlm, type LlmEngine } from '../../../main/llm/llm-engine';
import { draftNote } from '../../../main/notes/draft-note';
import { generateLlmNote, type NoteStreamEvent } from '../../../main/notes/llm/llm-note';

/** Note generation on the oracle Llama fixture, whose every answer is the same known sentence. */
const ORACLE = path.resolve(import.meta.dirname, '../../fixtures/models/llama-oracle');
const SAID = 'The patient reports mild chest pain since yesterday.';

const visit = (lines: string[]): SegmentInput[] =>
  lines.map((text, i) => ({ id: `s${String(i)}`, speaker: i % 2 === 0 ? 'clinician' : 'patient', text }));

const CHEST_PAIN = visit([
  'What brings you in today?',
  'I have had mild chest pain since yesterday.',
  'Any shortness of breath?',
  'No, no shortness of breath.',
  'Your blood pressure is 130 over 80. I will order an ECG and we will see you next week.',
]);
const HYPERTENSION = visit([
  'How have your blood pressure readings been at home?',
  'Around 135 over 85. No headaches and no chest pain.',
  'Continue lisinopril 10 mg daily and recheck in three months.',
]);

const draftFor = (segments: SegmentInput[]) => draftNote(segments, analyseTranscript(segments)).note;

describe('LLM note generation', () => {
  let engine: LlmEngine;
  beforeAll(async () => {
    engine = await loadLlm({ modelDir: ORACLE, precision: 'fp32' });
  });
  afterAll(async () => {
    await engine.dispose();
  });

  it('writes every section the composer filled, streams it, reuses the shared prefix and links evidence', async () => {
    const draft = draftFor(CHEST_PAIN);
    const events: NoteStreamEvent[] = [];
    const result = await generateLlmNote(
      { segments: CHEST_PAIN, draft },
      { client: engine, sections: 'all', onEvent: (e) => events.push(e) },
    );
    expect(result.note.sections.map((s) => s.id)).toEqual(draft.sections.map((s) => s.id));
    expect(result.sections.every((s) => s.source === 'llm')).toBe(true);
    for (const section of result.note.sections) {
      expect(section.sentences.map((s) => s.text)).toEqual([SAID]);
      const [sentence] = section.sentences;
      expect(sentence?.unsupported).toBeUndefined();
      expect(sentence?.evidence).toContainEqual({ segmentId: 's1', start: 0, end: CHEST_PAIN[1]?.text.length });
    }
    const streamed = events
      .filter((e) => e.type === 'text' && e.sectionId === 'hpi')
      .map((e) => (e.type === 'text' ? e.text : ''))
      .join('');
    expect(streamed.trim()).toBe(SAID);
    expect(events.filter((e) => e.type === 'section').length).toBe(draft.sections.length);
    const cached = result.sections.map((s) => s.cachedTokens);
    expect(cached.every((n) => n > 0 && n === cached[0])).toBe(true);
    expect(result.sections.every((s) => s.cachedTokens < s.promptTokens)).toBe(true);
  });

  it('by default writes only the narrative sections and keeps the composer’s lines for lists of values', async () => {
    const draft = draftFor(CHEST_PAIN);
    const result = await generateLlmNote({ segments: CHEST_PAIN, draft }, { client: engine });
    const byId = new Map(result.sections.map((s) => [s.sectionId, s]));
    for (const id of ['chief-complaint', 'hpi', 'assessment-plan'])
      if (byId.has(id)) expect(byId.get(id)).toMatchObject({ source: 'llm', reason: null });
    const kept = result.sections.filter((s) => s.reason === 'KEPT');
    expect(kept.map((s) => s.sectionId)).toContain('exam');
    for (const report of kept)
      expect(result.note.sections.find((s) => s.id === report.sectionId)).toEqual(
        draft.sections.find((s) => s.id === report.sectionId),
      );
  });

  it('marks a sentence the transcript does not support', async () => {
    const result = await generateLlmNote(
      { segments: HYPERTENSION, draft: draftFor(HYPERTENSION) },
      { client: engine, sections: 'all' },
    );
    const sentences = result.note.sections.flatMap((s) => s.sentences);
    expect(sentences.length).toBeGreaterThan(0);
    expect(sentences.every((s) => s.unsupported === true)).toBe(true);
    expect(result.sections.every((s) => s.unsupported === s.sentences)).toBe(true);
  });

  it("trims the prompt to its input budget with the model's own token count, and refuses one that cannot fit", async () => {
    const draft = draftFor(CHEST_PAIN);
    const full = await generateLlmNote({ segments: CHEST_PAIN, draft }, { client: engine });
    expect(full.trimmed).toBe('none');
    const longest = Math.max(...full.sections.map((s) => s.promptTokens));
    const trimmed = await generateLlmNote(
      { segments: CHEST_PAIN, draft },
      { client: engine, budget: { maxPromptTokens: longest - 1 } },
    );
    expect(trimmed.trimmed).not.toBe('none');
    expect(Math.max(...trimmed.sections.map((s) => s.promptTokens))).toBeLessThanOrEqual(longest - 1);
    await expect(
      generateLlmNote({ segments: CHEST_PAIN, draft }, { client: engine, budget: { maxPromptTokens: 40 } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it("keeps the composer's sentences for a section the model leaves empty", async () => {
    const draft = draftFor(CHEST_PAIN);
    const silentOnPlan: LlmClient = {
      countTokens: (messages) => engine.countTokens(messages),
      generate: async (messages, options) => {
        const result = await engine.generate(messages, options);
        return messages.at(-1)?.content.includes('ASSESSMENT AND PLAN') ? { ...result, text: '  ' } : result;
      },
    };
    const result = await generateLlmNote({ segments: CHEST_PAIN, draft }, { client: silentOnPlan, sections: 'all' });
    const plan = result.sections.find((s) => s.sectionId === 'assessment-plan');
    expect(plan).toMatchObject({ source: 'composer', reason: 'EMPTY' });
    expect(result.note.sections.find((s) => s.id === 'assessment-plan')).toEqual(
      draft.sections.find((s) => s.id === 'assessment-plan'),
    );
    expect(result.sections.filter((s) => s.source === 'llm').length).toBe(draft.sections.length - 1);
  });

  it('fails the whole draft when the model itself fails, and when cancelled', async () => {
    const draft = draftFor(CHEST_PAIN);
    const broken: LlmClient = {
      countTokens: () => Promise.resolve(10),
      generate: () => Promise.reject(new AppError('INFERENCE_WORKER_CRASHED', 'The worker stopped.')),
    };
    await expect(generateLlmNote({ segments: CHEST_PAIN, draft }, { client: broken })).rejects.toMatchObject({
      code: 'INFERENCE_WORKER_CRASHED',
    });
    const controller = new AbortController();
    const run = generateLlmNote(
      { segments: CHEST_PAIN, draft },
      {
        client: engine,
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'text') controller.abort();
        },
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
  });
});

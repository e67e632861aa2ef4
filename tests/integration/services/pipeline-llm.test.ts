import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../main/services/runtime';
import { channelsOf } from '../../helpers/channels';
import { openInferenceRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

/**
 * The draft written by an LLM in the inference worker process (the oracle Llama fixture, which always
 * answers "The patient reports mild chest pain since yesterday."), streamed as events, stored with its
 * model version, checked; and the composer's draft when the LLM cannot or may not write one.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/llama-oracle');
const SAID = 'The patient reports mild chest pain since yesterday.';
const VISIT = [
  'Doctor: What brings you in today?',
  'Patient: I have had mild chest pain since yesterday.',
  'Doctor: Any shortness of breath?',
  'Patient: No.',
  'Doctor: On exam your lungs are clear and your heart sounds are normal.',
  'Doctor: I will order an ECG and see you next week.',
].join('\n');

type Latest = {
  ok: true;
  value: { modelVersion: string; note: { sections: Array<{ id: string; sentences: Array<{ text: string }> }> } };
};

describe('the pipeline with an on-device LLM', () => {
  let rt: Runtime;
  let encounterId: string;
  let channels: ReturnType<typeof channelsOf>;

  const open = async (llmModelDir: string | undefined, aiProcessing = true): Promise<void> => {
    rt = await openInferenceRuntime({ llmModelDir });
    channels = channelsOf(rt);
    encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Chest pain' }, null).id;
    const imported = await channels.call('transcript:import', { encounterId, text: VISIT, source: 'paste' });
    expect(imported.ok).toBe(true);
    expect((await channels.call('encounter:setConsent', { id: encounterId, consent: { aiProcessing } })).ok).toBe(true);
  };
  afterEach(async () => {
    await rt.close();
  });
  const run = (writer?: string) => channels.finished('pipeline:run', { encounterId, ...(writer ? { writer } : {}) });
  const latest = async () => (await channels.call('note:latest', { encounterId })) as Latest;

  it('writes, streams and stores the LLM draft, then keeps the composer on request', async () => {
    await open(ORACLE);
    expect(await run()).toMatchObject({ outcome: 'succeeded', result: { source: 'llm', fallback: null } });
    const note = await latest();
    expect(note.value.modelVersion).toBe('llm:llama-oracle');
    // The narrative sections are the model's; the exam stays the composer's lines.
    const sectionText = (id: string) =>
      note.value.note.sections.find((s) => s.id === id)?.sentences.map((x) => x.text) ?? [];
    expect(sectionText('hpi')).toEqual([SAID]);
    expect(sectionText('assessment-plan')).toEqual([SAID]);
    expect(sectionText('exam').length).toBeGreaterThan(0);
    expect(sectionText('exam')).not.toContain(SAID);
    const streamed = channels.events
      .filter((e) => e.event === 'note:stream')
      .map((e) => (e.payload as { event: { type: string; text?: string } }).event);
    expect(streamed.some((e) => e.type === 'section')).toBe(true);
    expect(
      streamed
        .filter((e) => e.type === 'text')
        .map((e) => e.text)
        .join(''),
    ).toContain(SAID);

    expect(await run('composer')).toMatchObject({ outcome: 'succeeded', result: { source: 'composer', version: 2 } });
    expect((await latest()).value.modelVersion).toBe('composer/1');
  });

  it('falls back to the composer when the LLM cannot load, and refuses writer llm when none is installed', async () => {
    await open(path.join(ROOT, 'tests/fixtures/models/logmel'));
    expect(await run()).toMatchObject({
      outcome: 'succeeded',
      result: { source: 'composer', fallback: { code: 'MODEL_INVALID' } },
    });
    expect((await latest()).value.modelVersion).toBe('composer/1');
    await rt.close();

    await open(undefined);
    expect(await run()).toMatchObject({ outcome: 'succeeded', result: { source: 'composer', fallback: null } });
    expect(await run('llm')).toMatchObject({ outcome: 'failed', error: { code: 'MODEL_NOT_INSTALLED' } });
  });

  it('lets the LLM write only with the patient’s consent to AI processing', async () => {
    await open(ORACLE, false);
    expect(await run()).toMatchObject({
      outcome: 'succeeded',
      result: { source: 'composer', fallback: { code: 'AI_CONSENT_REQUIRED' } },
    });
    expect((await latest()).value.modelVersion).toBe('composer/1');
    expect(channels.events.some((e) => e.event === 'note:stream')).toBe(false);
    expect(await run('llm')).toMatchObject({ refused: { code: 'AI_CONSENT_REQUIRED' } });
  });
});

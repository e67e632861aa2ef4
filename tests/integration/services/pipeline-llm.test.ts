import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName } from '../../../common/contract';
import { createLogger } from '../../../main/log/logger';
import { dispatch } from '../../../main/services/dispatch';
import { createRuntime, type Runtime } from '../../../main/services/runtime';
import { makeTempDir, SYNTHETIC_PATIENT, TEST_PASSPHRASE, TEST_SCRYPT_COST } from '../../helpers/temp-runtime';

/**
 * The draft written by an LLM in the inference worker process (the oracle Llama fixture, which always
 * answers "The patient reports mild chest pain since yesterday."), streamed as events, stored with its
 * model version, checked; and the composer's draft when the LLM cannot write one.
 */
const ROOT = path.resolve(import.meta.dirname, '../../..');
const ORACLE = path.join(ROOT, 'tests/fixtures/models/llama-oracle');
const SAID = 'The patient reports mild chest pain since yesterday.';
const VISIT = [
  'Doctor: What brings you in today?',
  'Patient: I have had mild chest pain since yesterday.',
  'Doctor: Any shortness of breath?',
  'Patient: No.',
  'Doctor: I will order an ECG and see you next week.',
].join('\n');
const log = createLogger('test');
const ctx = { senderId: 1 };

describe('the pipeline with an on-device LLM', () => {
  let rt: Runtime;
  let encounterId: string;
  const events: Array<{ event: EventName; payload: unknown }> = [];

  const open = async (llmModelDir: string | undefined, aiProcessing = true): Promise<void> => {
    rt = createRuntime({
      dataDir: makeTempDir(),
      version: '0.0.0-test',
      scryptCost: TEST_SCRYPT_COST,
      inference: { entry: path.join(ROOT, 'main/inference/worker-entry.ts') },
      modelsDir: makeTempDir(),
      ...(llmModelDir ? { llmModelDir } : {}),
    });
    await rt.unlockWithPassphrase(TEST_PASSPHRASE);
    rt.events.subscribe((event, payload) => events.push({ event, payload }));
    encounterId = rt.services().encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Chest pain' }, null).id;
    const imported = await call('transcript:import', { encounterId, text: VISIT, fileName: 'v.txt', source: 'paste' });
    expect(imported.ok).toBe(true);
    expect((await call('encounter:setConsent', { id: encounterId, consent: { aiProcessing } })).ok).toBe(true);
  };
  afterEach(async () => {
    events.length = 0;
    await rt.close();
  });

  const call = (channel: string, request: unknown) => dispatch(rt.handlers, channel, request, ctx, log);
  const run = async (writer?: string): Promise<Record<string, unknown>> => {
    const started = await call('pipeline:run', { encounterId, ...(writer ? { writer } : {}) });
    expect(started.ok).toBe(true);
    const { jobId } = (started as { value: { jobId: string } }).value;
    await rt.jobs.settled(jobId);
    const done = events.find((e) => e.event === 'job:finished' && (e.payload as { jobId: string }).jobId === jobId);
    return done?.payload as Record<string, unknown>;
  };
  const latest = async () =>
    (await call('note:latest', { encounterId })) as {
      ok: true;
      value: { modelVersion: string; text: string; note: { sections: Array<{ sentences: Array<{ text: string }> }> } };
    };

  it('writes, streams and stores the LLM draft, then keeps the composer on request', async () => {
    await open(ORACLE);
    expect(await run()).toMatchObject({ outcome: 'succeeded', result: { source: 'llm', fallback: null } });
    const note = await latest();
    expect(note.value.modelVersion).toBe('llm:llama-oracle');
    const sentences = note.value.note.sections.flatMap((s) => s.sentences.map((x) => x.text));
    expect(sentences.length).toBeGreaterThan(1);
    expect(new Set(sentences)).toEqual(new Set([SAID]));
    const streamed = events
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
    const result = await run();
    expect(result).toMatchObject({
      outcome: 'succeeded',
      result: { source: 'composer', fallback: { code: 'MODEL_INVALID' } },
    });
    expect((await latest()).value.modelVersion).toBe('composer/1');
    await rt.close();
    events.length = 0;

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
    expect(events.some((e) => e.event === 'note:stream')).toBe(false);
    const refused = await call('pipeline:run', { encounterId, writer: 'llm' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AI_CONSENT_REQUIRED' } });
  });
});

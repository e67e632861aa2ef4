import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseTranscript } from '../../../main/language/pipeline';
import type { SegmentInput } from '../../../main/language/segment';
import { workerLlmClient } from '../../../main/llm/llm-client';
import { writeDraft } from '../../../main/notes/write-draft';
import { createTestHost } from '../inference/worker-helpers';

/**
 * The inference worker dies while the LLM writes a draft (a test handler SIGKILLs it, as the kernel's
 * out-of-memory killer would): the draft falls back to the composer with INFERENCE_WORKER_CRASHED,
 * and the next draft starts a fresh worker, reloads the model and is written by the LLM again.
 */
const ORACLE = path.resolve(import.meta.dirname, '../../fixtures/models/llama-oracle');
const VISIT: SegmentInput[] = [
  { id: 's0', speaker: 'clinician', text: 'What brings you in today?' },
  { id: 's1', speaker: 'patient', text: 'I have had mild chest pain since yesterday.' },
];

const host = createTestHost();
afterAll(() => host.shutdown());

describe('a worker crash while the LLM writes', () => {
  it('falls back to the composer, and the next draft gets a fresh worker', async () => {
    const client = workerLlmClient(host, { modelDir: ORACLE, precision: 'fp32', threads: 1 });
    const analysis = analyseTranscript(VISIT);
    let killed = false;
    const crashed = await writeDraft(VISIT, analysis, 'soap', {
      llm: { client, modelVersion: 'llm:oracle' },
      onEvent: (event) => {
        if (event.type === 'text' && !killed) {
          killed = true;
          void host.request('test.crash').catch(() => undefined);
        }
      },
    });
    expect(crashed).toMatchObject({ source: 'composer', fallback: { code: 'INFERENCE_WORKER_CRASHED' } });
    expect(host.stats().crashes).toBeGreaterThanOrEqual(1);

    const again = await writeDraft(VISIT, analysis, 'soap', { llm: { client, modelVersion: 'llm:oracle' } });
    expect(again).toMatchObject({ source: 'llm', fallback: null });
    expect(host.stats().starts).toBeGreaterThanOrEqual(2);
  });
});

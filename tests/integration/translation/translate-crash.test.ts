import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translateEncounter } from '../../../main/services/translation-service';
import type { Translator } from '../../../main/translation/translate-segments';
import { createWorkerTranslator } from '../../../main/translation/worker-translator';
import { createTestHost } from '../inference/worker-helpers';
import { openTempRuntime, SYNTHETIC_PATIENT } from '../../helpers/temp-runtime';

/**
 * The inference worker dies while it translates (a test handler SIGKILLs it, as the out-of-memory
 * killer would): the job fails with INFERENCE_WORKER_CRASHED and the stored transcript is unchanged;
 * the next run gets a fresh worker and translates.
 */
const ORACLE = path.resolve(import.meta.dirname, '../../fixtures/models/marian-oracle');
const VISIT = 'Patient: Me duele el pecho desde ayer por la tarde. No puedo dormir bien. Tengo tos seca.';

const host = createTestHost();
afterAll(() => host.shutdown());

describe('a worker crash while translating', () => {
  it('fails the run, keeps the transcript, and the next run translates', async () => {
    const rt = await openTempRuntime();
    try {
      const { store, encounters, transcripts } = rt.services();
      const encounterId = encounters.create({ patient: SYNTHETIC_PATIENT, reason: 'Tos' }, null).id;
      transcripts.importText({ encounterId, text: VISIT, source: 'paste' }, null);
      const before = store.repos.segments.listForEncounter(encounterId);
      const job = { signal: new AbortController().signal, progress: () => undefined };
      let killed = false;
      const translator = createWorkerTranslator(host, { modelDir: ORACLE, precision: 'fp32' });
      // The first finished sentence kills the worker while the rest are still being translated.
      const crashing: Translator = (sentences, language, call) =>
        translator(sentences, language, {
          ...call,
          onSentence: (done) => {
            call?.onSentence?.(done);
            if (killed) return;
            killed = true;
            void host.request('test.crash').catch(() => undefined);
          },
        });
      await expect(translateEncounter(store, { encounterId }, null, job, () => crashing)).rejects.toMatchObject({
        code: 'INFERENCE_WORKER_CRASHED',
      });
      expect(store.repos.segments.listForEncounter(encounterId)).toEqual(before);

      expect(await translateEncounter(store, { encounterId }, null, job, () => translator)).toMatchObject({
        translated: 1,
      });
      expect(store.repos.segments.listForEncounter(encounterId)[0]?.englishText).toBe(
        'hello world hello world hello world',
      );
    } finally {
      await rt.close();
    }
  });
});

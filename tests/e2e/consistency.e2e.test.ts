import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFindings } from '../../main/language/pipeline';
import { checkConsistency } from '../../main/notes/consistency/check';
import { screenshot } from './app-page';
import { type BridgeHost } from './bridge-host';
import { Cleanups } from './cleanups';
import { startE2eApp } from './e2e-app';

const TRANSCRIPT = '[doctor] any chest pain ?\n[patient] no , no chest pain .\n[doctor] your lungs are clear .';

/**
 * A draft whose sentence contradicts the transcript (as an LLM draft or a hand edit could): the draft
 * panel lists the checker's flag above the note, and focusing it marks what the patient said instead.
 */
describe('consistency flags in the draft panel', () => {
  const cleanups = new Cleanups();
  let host: BridgeHost;
  let page: Page;

  beforeAll(async () => {
    const started = await startE2eApp(cleanups, { tempPrefix: 'quietchart-e2e-check-' });
    ({ host, page } = started);
  });
  afterAll(() => cleanups.run());

  it('shows the flag before signing and marks the transcript that contradicts the sentence', async () => {
    const { store, encounters, transcripts } = host.runtime.services();
    store.repos.clinicians.create({ displayName: 'Dr. Cy Synthetic', credentials: '' });
    const encounter = encounters.create(
      { patient: { name: 'Ola Synthetic', dob: '1980-03-03', mrn: 'MRN-CHECK-0001' }, reason: 'Check-up' },
      null,
    );
    transcripts.importText({ encounterId: encounter.id, text: TRANSCRIPT, source: 'paste' }, null);
    const segments = store.repos.segments.listForEncounter(encounter.id);
    const sentence = 'The patient reports chest pain.';
    const flags = checkConsistency({ sentences: [sentence], segments, findings: extractFindings(segments) });
    expect(flags).toHaveLength(1);
    store.repos.notes.createVersion({
      encounterId: encounter.id,
      template: 'soap',
      body: {
        note: {
          templateId: 'soap',
          sections: [
            {
              id: 'hpi',
              header: 'HISTORY OF PRESENT ILLNESS',
              sentences: [{ text: sentence, evidence: [], paragraph: 0, style: 'prose' }],
            },
          ],
        },
        text: `HISTORY OF PRESENT ILLNESS\n\n${sentence}\n`,
        flags,
      },
      status: 'draft',
      modelVersion: 'test/planted',
      adapterVersion: null,
    });
    // The page was opened before the clinician existed: navigate and reload so it reads the new state.
    await page.goto(`${host.url}#/encounters/${encounter.id}`);
    await page.reload();
    const panel = page.getByRole('region', { name: /Check before signing: 1 sentence disagrees/ });
    await panel.waitFor({ timeout: 30_000 });
    expect(await panel.innerText()).toMatch(/denied in the visit/i);
    await panel.getByRole('listitem').first().focus();
    await expect.poll(() => page.locator('.segment-evidence mark').allInnerTexts()).toContain('chest pain');
    await screenshot(page, '50-consistency-flag');
  });
});

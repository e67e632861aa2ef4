import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './app-page';
import { type BridgeHost } from './bridge-host';
import { Cleanups } from './cleanups';
import { startE2eApp } from './e2e-app';

/**
 * On-device models through the page: the Marian oracle translates the Spanish lines ("hello world" for
 * every sentence) beside their originals, and the Llama oracle writes the draft ("The patient reports
 * mild chest pain since yesterday." for every section), both in the forked inference worker.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const MODELS = path.join(ROOT, 'tests', 'fixtures', 'models');
const TRANSCRIPT = [
  'Doctor: Good morning. You told the nurse you have had mild chest pain since yesterday, is that right?',
  'Patient: Sí, me duele el pecho desde ayer por la tarde.',
  'Doctor: Okay, I will order an ECG today and we will follow up next week.',
].join('\n');

describe('translation and the LLM draft in the page', () => {
  const cleanups = new Cleanups();
  let host: BridgeHost;
  let page: Page;

  beforeAll(async () => {
    const started = await startE2eApp(cleanups, {
      tempPrefix: 'quietchart-e2e-llm-',
      host: { llmModelDir: path.join(MODELS, 'llama-oracle'), mtModelDir: path.join(MODELS, 'marian-oracle') },
      browser: { acceptDownloads: true },
    });
    ({ host, page } = started);
  });
  afterAll(() => cleanups.run());

  it('translates the Spanish line beside the original, then drafts with the on-device model', async () => {
    const { store, encounters, transcripts } = host.runtime.services();
    store.repos.clinicians.create({ displayName: 'Dr. Lia Synthetic', credentials: '' });
    const encounter = encounters.create(
      { patient: { name: 'Rosa Synthetic', dob: '1975-05-05', mrn: 'MRN-LLM-0001' }, reason: 'Dolor de pecho' },
      null,
    );
    transcripts.importText({ encounterId: encounter.id, text: TRANSCRIPT, source: 'paste' }, null);
    encounters.setConsent(encounter.id, { aiProcessing: true }, null);
    await page.goto(`${host.url}#/encounters/${encounter.id}`);
    await page.reload();

    await page.getByRole('button', { name: 'Translate to English' }).click();
    await page.getByText(/Translated 1 line from Spanish/).waitFor({ timeout: 60_000 });
    const original = page.locator('.segment-original');
    expect(await original.allInnerTexts()).toEqual(['Sí, me duele el pecho desde ayer por la tarde.']);
    const english = await page.locator('.segment-text[lang="en"]').allInnerTexts();
    expect(english.filter((text) => text.includes('hello world'))).toHaveLength(1);
    await screenshot(page, '60-translated-transcript');

    await page.getByRole('button', { name: 'Draft note' }).click();
    await page.getByText(/written by the on-device language model/).waitFor({ timeout: 120_000 });
    const sentences = page.locator('.draft .note-sentence');
    await expect
      .poll(() => sentences.allInnerTexts())
      .toContain('The patient reports mild chest pain since yesterday.');
    expect(await page.locator('.note-sentence-unsupported').count()).toBe(0);
    await sentences.first().focus();
    await expect.poll(() => page.locator('.segment-evidence mark').count()).toBeGreaterThan(0);
    await screenshot(page, '61-llm-draft');

    // The note leaves as a FHIR R4 document Bundle.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export FHIR' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('note-v1.fhir.json');
    const saved = await download.path();
    const bundle = JSON.parse(fs.readFileSync(saved, 'utf8')) as { resourceType: string; type: string };
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'document' });
  });
});

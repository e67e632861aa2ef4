import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type AppPage } from './app-page';
import { type BridgeHost } from './bridge-host';
import { Cleanups } from './cleanups';
import { startE2eApp } from './e2e-app';
import { ROOT } from './renderer-build';

const PATIENT = { name: 'Rosa Synthetic', dob: '1958-02-17', mrn: 'MRN-PIPE-0001', reason: 'Cough for two weeks' };
const TRANSCRIPTS = path.join(ROOT, 'tests', 'fixtures', 'transcripts');

const shows = async (page: Page, text: string | RegExp, region?: 'status' | 'alert'): Promise<void> => {
  const scope = region ? page.getByRole(region).filter({ hasText: text }) : page.getByText(text);
  await scope.first().waitFor({ state: 'visible', timeout: 15_000 });
};

const markedText = (page: Page): Promise<string[]> => page.locator('.segment-evidence mark').allInnerTexts();

describe('transcript to draft note, end to end through the test bridge', () => {
  const cleanups = new Cleanups();
  let host: BridgeHost;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    const started = await startE2eApp(cleanups, { tempPrefix: 'quietchart-e2e-pipeline-' });
    ({ host, page } = started);
    app = started;
    await started.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin });
  });

  afterAll(() => cleanups.run());

  it('opens a new encounter with an empty transcript and drafting disabled', async () => {
    await page.getByLabel('Display name').fill('Dr. Pia Synthetic');
    await page.getByLabel('Display name').press('Enter');
    await page.getByRole('button', { name: 'New encounter' }).click();
    await page.getByLabel('Patient name').fill(PATIENT.name);
    await page.getByLabel('Date of birth').fill(PATIENT.dob);
    await page.getByLabel('MRN').fill(PATIENT.mrn);
    await page.getByLabel('Reason for visit').fill(PATIENT.reason);
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await page.getByRole('link', { name: PATIENT.name }).click();
    await page.getByRole('heading', { name: 'Transcript' }).waitFor();
    expect(await page.getByRole('button', { name: 'Draft note' }).isDisabled()).toBe(true);
    await shows(page, 'Add a transcript first.');
    await screenshot(page, '30-encounter-no-transcript');
  });

  it("shows the backend's validation error for an empty paste and keeps what was typed", async () => {
    const blank = '   \n   ';
    await page.getByLabel('Paste transcript').fill(blank);
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    await shows(page, 'The transcript is empty.', 'alert');
    expect(await page.getByRole('alert').innerText()).toContain('VALIDATION_FAILED');
    expect(await page.getByLabel('Paste transcript').inputValue()).toBe(blank);
    await screenshot(page, '31-empty-paste-error');
  });

  it('imports a pasted ACI-Bench transcript and lists its lines by speaker', async () => {
    const text = fs.readFileSync(path.join(TRANSCRIPTS, 'visit-aci.txt'), 'utf8');
    await page.getByLabel('Paste transcript').fill(text);
    await page.getByRole('button', { name: 'Import pasted text' }).click();
    await shows(page, /Imported \d+ lines \(ACI-Bench dialogue\)/, 'status');
    await expect.poll(() => page.locator('.segment').count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.segments').innerText()).toMatch(/cough for about two weeks/i);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, '32-transcript-imported');
  });

  it('drafts the note as a job and shows its sections and findings', async () => {
    await page.getByRole('button', { name: 'Draft note' }).click();
    await shows(page, /Draft version 1 is ready/, 'status');
    await page.getByRole('heading', { name: 'HISTORY OF PRESENT ILLNESS' }).waitFor();
    expect(await page.locator('.note-meta').innerText()).toMatch(/Version 1/);
    expect(await page.locator('.note-meta').innerText()).toMatch(/composer/);
    await expect.poll(() => page.locator('.findings .finding').count()).toBeGreaterThan(0);
    await page.getByRole('heading', { name: /Problems & symptoms/ }).waitFor();
    await screenshot(page, '33-note-drafted');
  });

  it('marks the evidence of a focused note sentence in the transcript', async () => {
    expect(await markedText(page)).toEqual([]);
    const sentence = page.locator('.note-body .note-sentence[tabindex="0"]').first();
    await sentence.focus();
    await expect.poll(async () => (await markedText(page)).length).toBeGreaterThan(0);
    const segmentText = await page.locator('.segment-evidence .segment-text').first().innerText();
    for (const marked of await markedText(page)) expect(segmentText.length).toBeGreaterThanOrEqual(marked.length);
    await screenshot(page, '34-evidence-for-sentence');
    await sentence.blur();
    await expect.poll(() => markedText(page)).toEqual([]);
  });

  it('marks the evidence of a finding chosen from the findings panel', async () => {
    const finding = page.locator('.findings .finding').first();
    await finding.click();
    await expect.poll(async () => (await markedText(page)).length).toBeGreaterThan(0);
    await screenshot(page, '35-evidence-for-finding');
  });

  it('copies the note as plain text', async () => {
    await page.getByRole('button', { name: 'Copy as text' }).click();
    await shows(page, 'Copied', 'status');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('HISTORY OF PRESENT ILLNESS');
  });

  it('refuses a transcript file over 10 MB before sending it', async () => {
    await page.getByRole('button', { name: 'Replace transcript…' }).click();
    await page.getByLabel('Transcript file').setInputFiles({
      name: 'huge.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
    });
    await shows(page, /limited to 10 MB/, 'alert');
    await screenshot(page, '36-file-too-large');
  });

  it('replaces the transcript from a WebVTT file after confirmation, flagging the draft as stale', async () => {
    await page.getByLabel('Transcript file').setInputFiles(path.join(TRANSCRIPTS, 'visit.vtt'));
    await shows(page, /Replace the current transcript/);
    await screenshot(page, '37-replace-confirm');
    await page.getByRole('button', { name: 'Replace transcript', exact: true }).click();
    await shows(page, /\(WebVTT captions\)/, 'status');
    await shows(page, 'The transcript changed after this draft.');
    expect(await page.locator('.segment-time').count()).toBeGreaterThan(0);
    // The last run's outcome belongs to the old transcript.
    expect(await page.getByText(/Draft version 1 is ready/).count()).toBe(0);
    await screenshot(page, '38-transcript-replaced');
  });

  it('ran without console errors, uncaught errors or CSP violations', () => {
    expect(app.problems).toEqual({ consoleErrors: [], cspViolations: [], pageErrors: [] });
  });
});

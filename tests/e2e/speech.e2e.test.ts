import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAppPage, screenshot, type AppPage } from './app-page';
import { type BridgeHost } from './bridge-host';
import { launchBrowser, type TestBrowser } from './browser';
import { Cleanups } from './cleanups';
import { startE2eApp } from './e2e-app';
import { createRecorder } from '../../main/audio/recording';
import { ROOT } from './renderer-build';

/**
 * Visit audio in the real renderer: Chromium's fake microphone plays jfk.wav into getUserMedia, the
 * AudioWorklet streams PCM16 over the bridge to the real recorder and speech service, and the oracle
 * Whisper model (hand-set weights: "hello world", 0.00–2.40 s, German) runs in a forked worker.
 */
const JFK = path.resolve(ROOT, '../shared/audio/jfk/jfk.wav');
const ORACLE = path.join(ROOT, 'tests', 'fixtures', 'models', 'whisper-oracle');
const PATIENT = { name: 'Lena Synthetic', dob: '1970-06-01', mrn: 'MRN-SPEECH-0001', reason: 'Headache' };

const shows = async (page: Page, text: string | RegExp, region?: 'status' | 'alert'): Promise<void> => {
  const scope = region ? page.getByRole(region).filter({ hasText: text }) : page.getByText(text);
  await scope.first().waitFor({ state: 'visible', timeout: 60_000 });
};

describe.skipIf(!fs.existsSync(JFK))('visit audio, end to end through the test bridge', () => {
  const cleanups = new Cleanups();
  let host: BridgeHost;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    const started = await startE2eApp(cleanups, {
      tempPrefix: 'quietchart-e2e-speech-',
      host: { asrModelDir: ORACLE },
      browser: {
        extraArgs: [
          '--use-fake-ui-for-media-stream',
          '--use-fake-device-for-media-stream',
          `--use-file-for-fake-audio-capture=${JFK}`,
        ],
      },
    });
    ({ host, page } = started);
    app = started;
    await started.browser.context.grantPermissions(['microphone'], { origin: host.origin });
    await page.getByLabel('Display name').fill('Dr. Ada Synthetic');
    await page.getByLabel('Display name').press('Enter');
    await page.getByRole('button', { name: 'New encounter' }).click();
    await page.getByLabel('Patient name').fill(PATIENT.name);
    await page.getByLabel('Date of birth').fill(PATIENT.dob);
    await page.getByLabel('MRN').fill(PATIENT.mrn);
    await page.getByLabel('Reason for visit').fill(PATIENT.reason);
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await page.getByRole('link', { name: PATIENT.name }).click();
    await page.getByRole('heading', { name: 'Visit audio' }).waitFor();
  });

  afterAll(() => cleanups.run());

  it('keeps recording and import off until the recording consent is given', async () => {
    expect(await page.getByRole('button', { name: /Record visit/ }).isDisabled()).toBe(true);
    await shows(page, 'Give the patient’s recording consent (Consent panel) to record or import audio.');
    // The switch is controlled: it flips once main has stored (and audited) the consent.
    await page.getByLabel('Recording', { exact: true }).click();
    await expect.poll(() => page.getByLabel('Recording', { exact: true }).isChecked()).toBe(true);
    await page
      .getByRole('button', { name: /Record visit/ })
      .and(page.locator(':enabled'))
      .waitFor();
    await screenshot(page, '40-visit-audio-consented');
  });

  it('imports an audio file: a timed transcript, then findings and a draft note', async () => {
    await page.locator('.audio-panel input[type="file"]').setInputFiles(JFK);
    await shows(page, /Transcribed 1 segment \(de\)/, 'status');
    const transcript = await page.locator('.segments').innerText();
    expect(transcript).toContain('hello world');
    expect(transcript).toMatch(/0:0\d/);
    expect(await page.getByRole('alert').count()).toBe(0);
    await screenshot(page, '41-audio-imported');
  });

  it('lets the clinician correct who said a line, and keeps the correction', async () => {
    const menu = page.getByLabel('Speaker of line 1');
    await menu.selectOption('patient');
    await expect.poll(() => menu.inputValue()).toBe('patient');
    await page.reload();
    await page.getByLabel('Speaker of line 1').waitFor();
    expect(await page.getByLabel('Speaker of line 1').inputValue()).toBe('patient');
  });

  it('records from the microphone with a level meter and transcribes when stopped', async () => {
    await page.getByRole('button', { name: /Record visit/ }).click();
    await shows(page, /Recording \d/, 'status');
    await page.getByRole('meter', { name: 'Microphone level' }).waitFor();
    // Let the fake microphone play a few seconds of speech.
    await expect
      .poll(
        async () => Number((await page.getByRole('meter', { name: 'Microphone level' }).getAttribute('value')) ?? 0),
        {
          timeout: 20_000,
        },
      )
      .toBeGreaterThan(0.2);
    await page.waitForTimeout(4_000);
    await screenshot(page, '42-recording');
    await page.getByRole('button', { name: 'Stop' }).click();
    await shows(page, /Transcribed 1 segment \(de\)/, 'status');
    expect(await page.locator('.segments').innerText()).toContain('hello world');
    expect(app.problems).toEqual({ consoleErrors: [], cspViolations: [], pageErrors: [] });
    await screenshot(page, '43-recording-transcribed');
  });

  it('offers a recording cut off by a crash for recovery and transcribes what was sealed', async () => {
    // A recorder of a "previous run" over the same vault, dropped without stop: a crash mid-visit.
    const crashed = createRecorder({ vault: host.runtime.services().store.chunks, hasRecordingConsent: () => true });
    const encounterId = new URL(page.url()).hash.split('/').pop() ?? '';
    const recordingId = await crashed.start({ encounterId, sampleRate: 16_000, channels: 1, format: 's16' });
    const pcm = fs.readFileSync(JFK).subarray(44);
    for (let at = 0; at < pcm.length; at += 32_000) await crashed.append(recordingId, pcm.subarray(at, at + 32_000));
    await page.reload();
    await shows(page, 'A recording of this visit was interrupted.');
    await screenshot(page, '44-interrupted-recording');
    await page.getByRole('button', { name: 'Recover and transcribe' }).click();
    await shows(page, /Transcribed 1 segment \(de\)/, 'status');
    expect(await page.getByText('A recording of this visit was interrupted.').count()).toBe(0);
  });

  it('says clearly when microphone access is denied, and starts no recording', async () => {
    const denied: TestBrowser = cleanups.add(
      await launchBrowser({ extraArgs: ['--use-fake-device-for-media-stream'] }),
    );
    const other = await openAppPage(denied, host);
    await other.page.goto(page.url());
    await other.page.getByRole('button', { name: /Record visit/ }).click();
    await shows(other.page, 'Microphone access was denied', 'alert');
    expect(await other.page.getByRole('button', { name: 'Stop' }).count()).toBe(0);
    await screenshot(other.page, '45-microphone-denied');
    expect(await host.runtime.services().recorder.findInterrupted()).toEqual([]);
  });
});

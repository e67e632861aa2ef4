import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from '../../main/services/runtime';
import { openAppPage, screenshot, type AppPage } from './app-page';
import { E2E_PASSPHRASE, startBridgeHost, type BridgeHost } from './bridge-host';
import { launchBrowser, requireChromium, type TestBrowser } from './browser';
import { Cleanups } from './cleanups';
import { ensureRendererBuilt } from './renderer-build';

const waitText = async (page: Page, text: string | RegExp, region?: 'alert' | 'status'): Promise<void> => {
  const scope = region ? page.getByRole(region).filter({ hasText: text }) : page.getByText(text);
  await scope.first().waitFor({ state: 'visible', timeout: 15_000 });
};

describe('a locked store, end to end', () => {
  const cleanups = new Cleanups();
  let host: BridgeHost;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    requireChromium();
    const rendererDir = await ensureRendererBuilt();
    const dataDir = cleanups.tempDir('quietchart-e2e-locked-');
    // Create the encrypted store first, then start the host without a key, as the app does without safeStorage.
    const setup = createRuntime({ dataDir, version: '0.0.0-e2e', scryptCost: 2 ** 12 });
    await setup.unlockWithPassphrase(E2E_PASSPHRASE);
    await setup.close();
    host = cleanups.add(await startBridgeHost({ rendererDir, dataDir, startLocked: true }));
    const browser: TestBrowser = cleanups.add(await launchBrowser());
    app = await openAppPage(browser, host);
    page = app.page;
  });

  afterAll(() => cleanups.run());

  it('asks for the passphrase and says so when it is missing', async () => {
    await page.getByRole('heading', { name: 'Unlock Quietchart' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('unlock-passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await waitText(page, 'Enter your passphrase.');
    await screenshot(page, '20-unlock');
  });

  it('shows a wrong passphrase as a clear error and keeps the field', async () => {
    await page.getByLabel('Passphrase').fill('not the passphrase');
    await page.getByLabel('Passphrase').press('Enter');
    await waitText(page, /Could not unlock/, 'alert');
    expect(await page.getByLabel('Passphrase').inputValue()).toBe('not the passphrase');
    expect(host.runtime.isUnlocked()).toBe(false);
    await screenshot(page, '21-unlock-wrong-passphrase');
  });

  it('unlocks with the right passphrase and moves on to first-run registration', async () => {
    await page.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await page.getByLabel('Passphrase').press('Enter');
    await page.getByRole('heading', { name: 'Set up your clinician profile' }).waitFor({ timeout: 15_000 });
    expect(host.runtime.isUnlocked()).toBe(true);
  });

  it('keeps a filled form when the backend refuses it', async () => {
    await page.getByLabel('Display name').fill('Dr. Lee Synthetic');
    await page.getByLabel('Display name').press('Enter');
    await page.getByRole('heading', { name: 'Encounters' }).waitFor();
    await page.getByRole('button', { name: 'New encounter' }).click();
    await page.getByLabel('Patient name').fill('Noor Placeholder');
    await page.getByLabel('Date of birth').fill('1975-06-30');
    await page.getByLabel('MRN').fill('QC-LOCKED-1');
    // Lock the store behind the page's back: the next call fails in the service, not in the form.
    await host.runtime.close();
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await waitText(page, /The encounter was not created/, 'alert');
    expect(await page.getByRole('alert').innerText()).toContain('STORE_LOCKED');
    expect(await page.getByLabel('Patient name').inputValue()).toBe('Noor Placeholder');
    expect(await page.getByLabel('MRN').inputValue()).toBe('QC-LOCKED-1');
    await screenshot(page, '22-create-refused-by-backend');
  });

  it('asks for the passphrase in place after a lock, and the kept form then goes through', async () => {
    const dialog = page.getByRole('dialog', { name: 'Unlock Quietchart' });
    await dialog.waitFor({ timeout: 15_000 });
    await screenshot(page, '23-locked-during-session');
    await dialog.getByLabel('Passphrase').fill(E2E_PASSPHRASE);
    await dialog.getByLabel('Passphrase').press('Enter');
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.getByLabel('Patient name').inputValue()).toBe('Noor Placeholder');
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await waitText(page, 'Encounter created for Noor Placeholder.', 'status');
    await page.getByRole('link', { name: 'Noor Placeholder' }).waitFor();
    await screenshot(page, '24-created-after-unlock');
  });

  it('ran without console errors, uncaught errors or CSP violations', () => {
    expect(app.problems).toEqual({ consoleErrors: [], cspViolations: [], pageErrors: [] });
  });
});

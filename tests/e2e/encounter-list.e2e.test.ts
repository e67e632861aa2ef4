import type { Page } from 'playwright-core';
import type { QuietchartApi } from '../../common/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type AppPage } from './app-page';
import { type BridgeHost } from './bridge-host';
import { Cleanups } from './cleanups';
import { startE2eApp } from './e2e-app';

type PageWindow = Window & { quietchart?: QuietchartApi; require?: unknown; process?: unknown; module?: unknown };

const MARIA = { name: 'Maria Synthetic', dob: '1961-04-09', mrn: 'MRN-TEST-0001', reason: 'Follow-up of hypertension' };
const TOMAS = { name: 'Tomas Example', dob: '1990-12-01', mrn: 'QC-55821', reason: 'Persistent cough for three weeks' };
const CLINICIAN = { displayName: 'Dr. Ana Synthetic', credentials: 'MD, Internal Medicine' };

type NamedRole = 'heading' | 'link' | 'button' | 'switch';

/** Roles whose accessible name comes from their content. */
const visible = async (page: Page, role: NamedRole, name: string | RegExp): Promise<void> => {
  await page.getByRole(role, { name }).first().waitFor({ state: 'visible', timeout: 10_000 });
};

/** Text, optionally inside a live region (status and alert take no name from their content). */
const shows = async (page: Page, text: string | RegExp, region?: 'status' | 'alert'): Promise<void> => {
  const scope = region ? page.getByRole(region).filter({ hasText: text }) : page.getByText(text);
  await scope.first().waitFor({ state: 'visible', timeout: 10_000 });
};

const rowNames = async (page: Page): Promise<string[]> =>
  page.locator('table.encounters tbody th[scope="row"]').allInnerTexts();

const fillEncounter = async (page: Page, patient: typeof MARIA): Promise<void> => {
  await page.getByLabel('Patient name').fill(patient.name);
  await page.getByLabel('Date of birth').fill(patient.dob);
  await page.getByLabel('MRN').fill(patient.mrn);
  await page.getByLabel('Reason for visit').fill(patient.reason);
};

describe('encounter list, end to end through the test bridge', () => {
  const cleanups = new Cleanups();
  let host: BridgeHost;
  let app: AppPage;
  let page: Page;

  beforeAll(async () => {
    const started = await startE2eApp(cleanups, { tempPrefix: 'quietchart-e2e-' });
    ({ host, page } = started);
    app = started;
  });

  afterAll(() => cleanups.run());

  it('asks a first-time user for a clinician profile and refuses an empty name', async () => {
    await visible(page, 'heading', 'Set up your clinician profile');
    await screenshot(page, '01-register');
    await page.getByRole('button', { name: 'Continue' }).click();
    await shows(page, 'Enter the name that should appear on your notes.');
    expect(await page.getByLabel('Display name').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '02-register-invalid');
  });

  it('registers the clinician and lands on an empty encounter list', async () => {
    await page.getByLabel('Display name').fill(CLINICIAN.displayName);
    await page.getByLabel('Credentials').fill(CLINICIAN.credentials);
    await page.getByLabel('Credentials').press('Enter');
    await visible(page, 'heading', 'Encounters');
    await shows(page, 'No encounters yet.');
    expect(await page.locator('.topbar-user').innerText()).toContain(CLINICIAN.displayName);
    await screenshot(page, '03-list-empty');
  });

  it('explains bad input on the new-encounter form and keeps what was typed', async () => {
    await page.getByRole('button', { name: 'New encounter' }).click();
    await visible(page, 'heading', 'New encounter');
    await page.getByLabel('Patient name').fill(MARIA.name);
    await page.getByLabel('Date of birth').fill('2999-01-01');
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await shows(page, 'The date of birth cannot be in the future.');
    await shows(page, 'Enter the medical record number (MRN).');
    expect(await page.getByLabel('Patient name').inputValue()).toBe(MARIA.name);
    // Focus goes to the first field that needs attention.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-encounter-dob');
    await screenshot(page, '04-new-encounter-invalid');
  });

  it('creates encounters that appear in the list at once', async () => {
    await fillEncounter(page, MARIA);
    await screenshot(page, '05-new-encounter-filled');
    await page.getByLabel('MRN').press('Enter');
    await shows(page, `Encounter created for ${MARIA.name}.`, 'status');
    await visible(page, 'link', MARIA.name);

    await page.getByRole('button', { name: 'New encounter' }).click();
    await fillEncounter(page, TOMAS);
    await page.getByRole('button', { name: 'Create encounter' }).click();
    await visible(page, 'link', TOMAS.name);
    await expect.poll(() => rowNames(page)).toEqual(expect.arrayContaining([MARIA.name, TOMAS.name]));
    const row = page.getByRole('row', { name: new RegExp(TOMAS.name) });
    expect(await row.innerText()).toContain(TOMAS.mrn);
    expect(await row.innerText()).toContain(TOMAS.reason);
    expect(await row.innerText()).toContain('Open');
    await screenshot(page, '06-list-with-encounters');
  });

  it('searches by name and by MRN, and says when nothing matches', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('encounter-search');

    await page.keyboard.type('maria');
    await expect.poll(() => rowNames(page)).toEqual([MARIA.name]);
    await screenshot(page, '07-search-by-name');

    await page.getByLabel('Search encounters').fill(TOMAS.mrn);
    await expect.poll(() => rowNames(page)).toEqual([TOMAS.name]);
    await screenshot(page, '08-search-by-mrn');

    await page.getByLabel('Search encounters').fill('no-such-patient-zz');
    await shows(page, /No encounters match/);
    expect(await rowNames(page)).toEqual([]);
    await screenshot(page, '09-search-empty');

    await page.getByLabel('Search encounters').press('Escape');
    await expect.poll(async () => (await rowNames(page)).length).toBe(2);
  });

  it('opens an encounter with its patient header, consent, transcript and note sections', async () => {
    await page.getByLabel('Search encounters').fill(MARIA.mrn);
    await expect.poll(() => rowNames(page)).toEqual([MARIA.name]);
    await page.getByRole('link', { name: MARIA.name }).click();
    await visible(page, 'heading', MARIA.name);
    const header = await page.locator('.patient-header').innerText();
    expect(header).toContain(MARIA.mrn);
    expect(header).toContain(MARIA.reason);
    expect(header).toContain('1961');
    await visible(page, 'heading', 'Consent');
    await visible(page, 'heading', 'Transcript');
    await visible(page, 'heading', 'Note');
    await visible(page, 'link', 'Back to encounters');
    expect(await page.getByRole('switch', { name: 'Recording' }).isChecked()).toBe(false);
    await screenshot(page, '10-encounter');
  });

  it('records a consent change in the store, and it survives a reload', async () => {
    const id = new URL(page.url()).hash.split('/').pop() ?? '';
    await page.getByRole('switch', { name: 'Recording' }).click();
    await shows(page, 'Recording consent given.', 'status');
    expect(await page.getByRole('switch', { name: 'Recording' }).isChecked()).toBe(true);
    expect(await page.getByRole('switch', { name: 'Learning' }).isChecked()).toBe(false);
    await screenshot(page, '11-consent-given');

    const stored = host.runtime.services().encounters.get(id, null);
    expect(stored.encounter.consent).toEqual({ recording: true, aiProcessing: false, learning: false });

    await page.reload();
    await visible(page, 'heading', MARIA.name);
    expect(await page.getByRole('switch', { name: 'Recording' }).isChecked()).toBe(true);
  });

  it('goes back to the full list', async () => {
    await page.getByRole('link', { name: 'Back to encounters' }).click();
    await visible(page, 'heading', 'Encounters');
    await expect.poll(async () => (await rowNames(page)).length).toBe(2);
  });

  it('shows a backend error clearly when an encounter does not exist', async () => {
    await page.goto(`${host.url}#/encounters/00000000-0000-4000-8000-000000000000`);
    await shows(page, /Could not open this encounter/, 'alert');
    expect(await page.getByRole('alert').innerText()).toContain('NOT_FOUND');
    await screenshot(page, '12-encounter-not-found');
  });

  it('gives the page no Node and only the frozen contract API', async () => {
    const globals = await page.evaluate(() => {
      const w = window as PageWindow;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        frozen: Object.isFrozen(w.quietchart),
        keys: Object.keys(w.quietchart ?? {}).sort(),
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      frozen: true,
      keys: ['invoke', 'on'],
    });
  });

  it('answers unknown channels and malformed requests with errors, as preload does', async () => {
    const results = await page.evaluate(async () => {
      const api = (window as PageWindow).quietchart!;
      // Deliberately outside the typed contract: this is what a compromised page could send.
      const invoke = api.invoke.bind(api) as (channel: string, request: unknown) => Promise<unknown>;
      return [await invoke('nope:nothing', {}), await invoke('encounter:create', { patient: { name: '' } })];
    });
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('delivers job events from the runtime to the page', async () => {
    const finished = await page.evaluate(async () => {
      const api = (window as PageWindow).quietchart!;
      return new Promise<unknown>((resolve, reject) => {
        const stop = api.on('job:finished', (payload) => {
          stop();
          resolve(payload);
        });
        api.invoke('audit:verify', {}).then((started) => {
          if (!started.ok) reject(new Error(started.error.code));
        }, reject);
      });
    });
    expect(finished).toMatchObject({ kind: 'audit-verify', outcome: 'succeeded', result: { ok: true } });
  });

  it('renders the dark theme legibly', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${host.url}#/`);
    await expect.poll(async () => (await rowNames(page)).length).toBe(2);
    await screenshot(page, '13-list-dark');
    await page.getByRole('link', { name: TOMAS.name }).click();
    await visible(page, 'heading', TOMAS.name);
    await screenshot(page, '14-encounter-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('ran without console errors, uncaught errors or CSP violations', () => {
    expect(app.problems).toEqual({ consoleErrors: [], cspViolations: [], pageErrors: [] });
  });
});

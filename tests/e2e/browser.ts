import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** TEST ONLY. Debian's Chromium driven by playwright-core: no browser download, no network. */
export const chromiumPath = (): string => process.env.QUIETCHART_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
] as const;

export const VIEWPORT = { width: 1280, height: 800 } as const;

/** Fails with the fix in the message: CI installs Chromium, a developer machine may not have it. */
export const requireChromium = (): string => {
  const executable = chromiumPath();
  if (!fs.existsSync(executable)) {
    throw new Error(
      `Chromium was not found at ${executable}. Install it with "apt-get install -y chromium" ` +
        'or point QUIETCHART_CHROMIUM at a Chromium binary.',
    );
  }
  return executable;
};

export type TestBrowser = { context: BrowserContext; close(): Promise<void> };

/** A fresh profile per launch, so no state (storage, permissions, cache) leaks between runs. */
export const launchBrowser = async (
  options: { colorScheme?: 'light' | 'dark'; extraArgs?: readonly string[]; acceptDownloads?: boolean } = {},
): Promise<TestBrowser> => {
  const executablePath = requireChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quietchart-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.extraArgs ?? [])],
    viewport: VIEWPORT,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    // Off unless a test saves a file on purpose (the FHIR export).
    acceptDownloads: options.acceptDownloads ?? false,
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};

export type PageProblems = { consoleErrors: string[]; cspViolations: string[]; pageErrors: string[] };

/** Collects what must stay empty in every E2E run: console errors, CSP violations, uncaught errors. */
export const watchPage = (page: Page): PageProblems => {
  const problems: PageProblems = { consoleErrors: [], cspViolations: [], pageErrors: [] };
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(text);
    else if (message.type() === 'error') problems.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  return problems;
};

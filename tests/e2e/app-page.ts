import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { bridgeClientScript } from './bridge-client';
import type { BridgeHost } from './bridge-host';
import { watchPage, type PageProblems, type TestBrowser } from './browser';
import { ROOT } from './renderer-build';

/** TEST ONLY. Opens the built renderer with the bridge installed, watching for console and CSP trouble. */
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'e2e');

// Chromium reports violations on the console too, but the DOM event carries the directive for the message.
const CSP_REPORTER = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI);
});`;

export type AppPage = { page: Page; problems: PageProblems };

export const openAppPage = async (browser: TestBrowser, host: BridgeHost): Promise<AppPage> => {
  const page = await browser.context.newPage();
  const problems = watchPage(page);
  await page.addInitScript({ content: CSP_REPORTER });
  await page.addInitScript({ content: bridgeClientScript({ bridgeUrl: host.bridgeUrl, token: host.token }) });
  await page.goto(host.url);
  return { page, problems };
};

export const screenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
};

import { openAppPage, type AppPage } from './app-page';
import { startBridgeHost, type BridgeHost, type BridgeHostOptions } from './bridge-host';
import { launchBrowser, requireChromium, type TestBrowser } from './browser';
import type { Cleanups } from './cleanups';
import { ensureRendererBuilt } from './renderer-build';

export type E2eApp = { host: BridgeHost; browser: TestBrowser } & AppPage;

/**
 * The usual E2E setup: the built renderer served by a bridge host over a fresh data folder, Debian's
 * Chromium, and the app's page opened; everything is closed by `cleanups`.
 */
export const startE2eApp = async (
  cleanups: Cleanups,
  options: {
    tempPrefix: string;
    host?: Omit<BridgeHostOptions, 'rendererDir' | 'dataDir'>;
    browser?: Parameters<typeof launchBrowser>[0];
  },
): Promise<E2eApp> => {
  requireChromium();
  const rendererDir = await ensureRendererBuilt();
  const dataDir = cleanups.tempDir(options.tempPrefix);
  const host = cleanups.add(await startBridgeHost({ rendererDir, dataDir, ...options.host }));
  const browser = cleanups.add(await launchBrowser(options.browser));
  return { host, browser, ...(await openAppPage(browser, host)) };
};

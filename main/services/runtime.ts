import path from 'node:path';
import { AppError } from '../../common/errors';
import { createLogger, type Logger } from '../log/logger';
import { createPassphraseKeyProvider, openStore, type KeyProvider, type Store } from '../store';
import { createEncounterService, type EncounterService } from './encounter-service';
import { createEventHub, type EventHub } from './event-hub';
import { createHandlers } from './handlers';
import type { Handlers } from './dispatch';
import { createJobManager, type JobManager } from './job-manager';
import { createTranscriptService, type TranscriptService } from './transcript-service';

/**
 * Everything the app, the CLI and the E2E bridge share: the store (once unlocked), the services,
 * the job manager and the event hub. No Electron here — main/app supplies the key provider.
 */
export type RuntimeOptions = {
  dataDir: string;
  /** Defaults to `<dataDir>/quietchart.db`; the CLI's --db points elsewhere. */
  dbPath?: string;
  version: string;
  /** A provider that needs no user input (safeStorage); absent → the app starts locked. */
  keyProvider?: KeyProvider;
  /** scrypt cost for passphrase unlocks (tests lower it; never below 2^12). */
  scryptCost?: number;
};

export type Services = { store: Store; encounters: EncounterService; transcripts: TranscriptService };

export type Runtime = {
  readonly log: Logger;
  readonly events: EventHub;
  readonly jobs: JobManager;
  readonly handlers: Handlers;
  readonly version: string;
  /** Paths are derived once so every entry point agrees on where data lives. */
  readonly paths: { dataDir: string; dbPath: string; keyInfoPath: string };
  isUnlocked(): boolean;
  unlock(provider: KeyProvider): Promise<void>;
  unlockWithPassphrase(passphrase: string): Promise<void>;
  services(): Services;
  close(): Promise<void>;
};

export const runtimePaths = (dataDir: string, dbPath = path.join(dataDir, 'quietchart.db')): Runtime['paths'] => ({
  dataDir,
  dbPath,
  // The scrypt salt lives beside the database it unlocks, so a copied pair stays usable together.
  keyInfoPath: `${dbPath}.keyinfo.json`,
});

export const createRuntime = (options: RuntimeOptions): Runtime => {
  const log = createLogger('runtime');
  const events = createEventHub();
  const jobs = createJobManager(events, log.child('jobs'));
  const paths = runtimePaths(options.dataDir, options.dbPath);
  let services: Services | null = null;

  const runtime: Runtime = {
    log,
    events,
    jobs,
    version: options.version,
    paths,
    handlers: undefined as unknown as Handlers, // assigned below: handlers need the runtime itself
    isUnlocked: () => services !== null,
    async unlock(provider) {
      if (services) return;
      const store = await openStore({ dbPath: paths.dbPath, dataDir: paths.dataDir, keyProvider: provider });
      services = { store, encounters: createEncounterService(store), transcripts: createTranscriptService(store) };
      log.info('runtime.unlocked', { provider: provider.id, schemaVersion: store.schemaVersion });
    },
    async unlockWithPassphrase(passphrase) {
      const provider = createPassphraseKeyProvider({
        passphrase,
        keyInfoPath: paths.keyInfoPath,
        databasePath: paths.dbPath,
        ...(options.scryptCost === undefined ? {} : { cost: options.scryptCost }),
      });
      await runtime.unlock(provider);
    },
    services() {
      if (!services) throw new AppError('STORE_LOCKED', 'Quietchart is locked. Enter your passphrase to unlock.');
      return services;
    },
    async close() {
      await jobs.cancelAll();
      services?.store.close();
      services = null;
    },
  };
  (runtime as { handlers: Handlers }).handlers = createHandlers(runtime);
  return runtime;
};

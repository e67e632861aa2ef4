import fs from 'node:fs';
import os from 'node:os';
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
import { createRecorder, type Recorder } from '../audio/recording';
import { loadSileroModel, type SileroModel } from '../audio/vad';
import { modelDirFor } from '../inference/model-install';
import { createModelStore } from '../inference/model-store';
import { createWorkerHost, type WorkerHost } from '../inference/worker-host';
import type { WorkerSpawner } from '../inference/worker-spawner';
import { EMPTY_MANIFEST, findManifestPath, loadManifest } from '../inference/manifest-file';
import type { Manifest } from '../inference/manifest';
import { workerLlmClient } from '../llm/llm-client';
import { LLM_PRECISIONS } from '../llm/llm-engine';
import type { DraftLlm } from '../notes/write-draft';
import { chooseTranslator, manifestSourceLanguages, type InstalledTranslator } from '../translation/choose-translator';
import { sourceLanguagesOf } from '../translation/model-languages';
import { MT_PRECISIONS } from '../translation/translator-engine';
import { createWorkerTranslator } from '../translation/worker-translator';
import type { TranslatorFor } from './translation-service';
import { createSpeechService, type AsrModelChoice, type SpeechService } from './speech-service';

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
  /** The inference worker: its entry script and (in the app) an Electron utilityProcess spawner. */
  inference?: { entry: string; spawner?: WorkerSpawner };
  /** Installed models; defaults to `<dataDir>/models`. */
  modelsDir?: string;
  /** models/manifest.json (recommended models and publisher hashes). */
  manifestPath?: string;
  /** A Whisper folder to use instead of an installed model (development and tests). */
  asrModelDir?: string;
  /** An LLM folder (fp32 weights) to use instead of an installed model (development and tests). */
  llmModelDir?: string;
  /** A translation model folder (fp32 weights) to use instead of installed ones (development and tests). */
  mtModelDir?: string;
};

export type Services = {
  store: Store;
  encounters: EncounterService;
  transcripts: TranscriptService;
  recorder: Recorder;
  speech: SpeechService;
};

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
  /** The installed LLM that writes drafts, in the inference worker; null when none is installed. */
  noteLlm(): Promise<DraftLlm | null>;
  /** The installed text translators, by the source language they read, in the inference worker. */
  translators(): TranslatorFor;
  close(): Promise<void>;
};

export const runtimePaths = (dataDir: string, dbPath = path.join(dataDir, 'quietchart.db')): Runtime['paths'] => ({
  dataDir,
  dbPath,
  // The scrypt salt lives beside the database it unlocks, so a copied pair stays usable together.
  keyInfoPath: `${dbPath}.keyinfo.json`,
});

/** Intra-op threads for the LLM and the translator (they run after the visit, so they may use every core). */
const INFERENCE_THREADS = Math.max(1, Math.min(4, os.availableParallelism()));

export const createRuntime = (options: RuntimeOptions): Runtime => {
  const log = createLogger('runtime');
  const events = createEventHub();
  const jobs = createJobManager(events, log.child('jobs'));
  const paths = runtimePaths(options.dataDir, options.dbPath);
  let services: Services | null = null;
  // The app passes its packaged manifest; the CLI and tests find the repository's by walking up. A
  // missing or unreadable manifest only hides the recommendations: imported models still work.
  const manifest = ((): Manifest => {
    const file = options.manifestPath ?? findManifestPath(process.cwd());
    if (!file || !fs.existsSync(file)) return EMPTY_MANIFEST;
    try {
      return loadManifest(file);
    } catch (error) {
      log.warn('runtime.manifest_unreadable', { code: error instanceof AppError ? error.code : 'INTERNAL' });
      return EMPTY_MANIFEST;
    }
  })();
  const models = createModelStore({ modelsDir: options.modelsDir ?? path.join(options.dataDir, 'models'), manifest });
  let host: WorkerHost | null = null;
  const workerHost = (): WorkerHost => {
    if (!options.inference)
      throw new AppError(
        'INFERENCE_FAILED',
        'Speech recognition is not available in this build (no inference worker).',
      );
    host ??= createWorkerHost({
      entry: options.inference.entry,
      ...(options.inference.spawner ? { spawner: options.inference.spawner } : {}),
      // A loaded Whisper model is released after five idle minutes.
      idleUnloadMs: 5 * 60_000,
    });
    return host;
  };
  let vad: Promise<SileroModel> | null = null;
  const loadVad = (): Promise<SileroModel> => {
    vad ??= loadSileroModel().catch((error: unknown) => {
      vad = null;
      throw error;
    });
    return vad;
  };
  const asrModel = async (): Promise<AsrModelChoice> => {
    const threads = Math.max(1, Math.min(4, os.availableParallelism() - 1));
    if (options.asrModelDir) return { modelDir: options.asrModelDir, precision: 'fp32', threads };
    const installed = models.listModels().find((m) => m.kind === 'asr' && m.installed && m.hashStatus !== 'damaged');
    if (!installed)
      throw new AppError(
        'MODEL_NOT_INSTALLED',
        'No speech recognition model is installed. Import one on the Models page.',
      );
    const precision = installed.installedVariant;
    return {
      modelDir: await models.resolveModelDir(installed.id),
      precision:
        precision === 'fp32' || precision === 'q8' || precision === 'int8' || precision === 'fp16' || precision === 'q4'
          ? precision
          : 'fp32',
      threads,
    };
  };

  const noteLlm = async (): Promise<DraftLlm | null> => {
    const threads = INFERENCE_THREADS;
    if (options.llmModelDir) {
      const modelDir = options.llmModelDir;
      return {
        client: workerLlmClient(workerHost(), { modelDir, precision: 'fp32', threads }),
        modelVersion: `llm:${path.basename(modelDir)}`,
      };
    }
    const installed = models.listModels().find((m) => m.kind === 'llm' && m.installed && m.hashStatus !== 'damaged');
    if (!installed) return null;
    const variant = installed.installedVariant;
    const precision = LLM_PRECISIONS.find((p) => p === variant) ?? 'q4';
    return {
      client: workerLlmClient(workerHost(), {
        modelDir: await models.resolveModelDir(installed.id),
        precision,
        threads,
      }),
      modelVersion: `llm:${installed.id}/${precision}`,
    };
  };

  // Model files are checked (hashed) only when a translator is first used, and only the chosen one.
  const translators = (): TranslatorFor => {
    const installed: InstalledTranslator[] = options.mtModelDir
      ? [
          {
            id: 'dev',
            modelDir: options.mtModelDir,
            languages: sourceLanguagesOf(options.mtModelDir),
            precision: 'fp32',
          },
        ]
      : models
          .listModels()
          .filter((m) => m.kind === 'translation' && m.installed && m.hashStatus !== 'damaged')
          .map((m) => {
            const modelDir = modelDirFor(models.modelsDir, m.id);
            return {
              id: m.id,
              modelDir,
              languages: m.recommended ? manifestSourceLanguages(m.languages) : sourceLanguagesOf(modelDir),
              precision: m.installedVariant ?? 'q8',
            };
          });
    return (language) => {
      const chosen = chooseTranslator(installed, language);
      if (!chosen) return null;
      return createWorkerTranslator(workerHost(), {
        modelDir: options.mtModelDir ?? (() => models.resolveModelDir(chosen.id)),
        precision: MT_PRECISIONS.find((p) => p === chosen.precision) ?? 'q8',
        threads: INFERENCE_THREADS,
      });
    };
  };

  const runtime: Runtime = {
    noteLlm,
    translators,
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
      const recorder = createRecorder({
        vault: store.chunks,
        hasRecordingConsent: (encounterId) => store.repos.encounters.get(encounterId)?.consent.recording === true,
      });
      const speech = createSpeechService({
        store,
        recorder,
        workerHost,
        vad: loadVad,
        asrModel,
        onPieces: (encounterId, pieces) => {
          events.emit('transcript:pieces', { encounterId, pieces });
        },
      });
      recorder.on((event) => {
        if (event.type === 'level')
          events.emit('recording:level', {
            recordingId: event.recordingId,
            rmsDbfs: event.rmsDbfs,
            peakDbfs: event.peakDbfs,
            elapsedMs: event.elapsedMs,
          });
        if (event.type === 'error')
          events.emit('recording:error', { recordingId: event.recordingId, code: event.code });
      });
      services = {
        store,
        encounters: createEncounterService(store),
        transcripts: createTranscriptService(store),
        recorder,
        speech,
      };
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
      await host?.shutdown();
      host = null;
      await (await vad?.catch(() => null))?.close();
      vad = null;
      services?.store.close();
      services = null;
    },
  };
  (runtime as { handlers: Handlers }).handlers = createHandlers(runtime);
  return runtime;
};

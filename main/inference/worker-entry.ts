import { pathToFileURL } from 'node:url';
import { createLogger } from '../log/logger';
import { WORKER_HANDLER_MODULES } from './worker-handlers';
import { createHandlerRegistry, type HandlerModule, type HandlerRegistry } from './worker-registry';
import { startWorker } from './worker-runtime';
import { processTransport } from './worker-transport';

/**
 * Entry of the inference worker process (bundled as inference-worker.cjs; run from source with
 * `--import tsx`). Registers the static handler modules, then serves the host.
 */
const EXTRA_FLAG = '--extra-handlers=';

const isHandlerModule = (value: unknown): value is HandlerModule =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { name?: unknown }).name === 'string' &&
  typeof (value as { handlers?: unknown }).handlers === 'object';

/**
 * Test-only: handler modules under tests/ given by path. The bundle defines NODE_ENV as
 * "production", so this branch is dead code there and nothing from tests/ can ever be loaded.
 */
const registerTestModules = async (registry: HandlerRegistry): Promise<void> => {
  if (process.env.NODE_ENV !== 'test') return;
  const paths = process.argv.filter((a) => a.startsWith(EXTRA_FLAG)).map((a) => a.slice(EXTRA_FLAG.length));
  for (const file of paths) {
    if (!/[\\/]tests[\\/]/.test(file)) throw new Error('extra worker handlers must live under tests/');
    const loaded = (await import(pathToFileURL(file).href)) as { handlerModule?: unknown };
    if (!isHandlerModule(loaded.handlerModule))
      throw new Error('extra worker handler module has no handlerModule export');
    registry.registerModule(loaded.handlerModule);
  }
};

const main = async (): Promise<void> => {
  const registry = createHandlerRegistry();
  for (const module of WORKER_HANDLER_MODULES) registry.registerModule(module);
  await registerTestModules(registry);
  startWorker(registry, processTransport());
};

main().catch(() => {
  createLogger('inference.worker').error('worker.start_failed', { code: 'INTERNAL' });
  process.exit(70);
});

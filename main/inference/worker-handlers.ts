import { llmHandlers } from '../llm/worker-handlers';
import { speechHandlers } from '../speech/worker-handlers';
import { translationHandlers } from '../translation/worker-handlers';
import { coreHandlers } from './worker-core-handlers';
import type { HandlerModule } from './worker-registry';

/**
 * The handler modules the inference worker registers, imported statically so the esbuild bundle
 * (dist/app/inference-worker.cjs) contains them. Add an entry here to expose a new engine.
 * Test-only handlers never go here: the worker loads them by path in test mode only.
 */
export const WORKER_HANDLER_MODULES: readonly HandlerModule[] = [
  coreHandlers,
  speechHandlers,
  llmHandlers,
  translationHandlers,
];

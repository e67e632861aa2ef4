import path from 'node:path';
import { createWorkerHost, type WorkerHost, type WorkerHostOptions } from '../../../main/inference/worker-host';

const root = path.resolve(import.meta.dirname, '../../..');
export const WORKER_ENTRY = path.join(root, 'main', 'inference', 'worker-entry.ts');
export const TEST_HANDLERS = path.join(import.meta.dirname, 'fixtures', 'test-worker-handlers.ts');

/** A host over a real forked worker with the test-only handlers loaded. */
export const createTestHost = (options: Partial<WorkerHostOptions> = {}): WorkerHost =>
  createWorkerHost({
    entry: WORKER_ENTRY,
    extraHandlerModules: [TEST_HANDLERS],
    env: { ...process.env, NODE_ENV: 'test' },
    ...options,
  });

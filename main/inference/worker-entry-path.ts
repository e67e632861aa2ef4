import path from 'node:path';

/**
 * Where the worker entry is, given the running entry script (process.argv[1]): next to a bundle
 * (dist/app or dist/cli → inference-worker.cjs), or the TypeScript source when run under tsx.
 */
export const resolveWorkerEntry = (entryScript: string): string => {
  const dir = path.dirname(path.resolve(entryScript));
  return entryScript.endsWith('.ts')
    ? path.resolve(dir, '..', 'inference', 'worker-entry.ts')
    : path.join(dir, 'inference-worker.cjs');
};

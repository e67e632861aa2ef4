import path from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../main/cli/main';

export type CliRun = { code: number; stdout: string; stderr: string };

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The inference worker's source entry, for CLI commands run in-process (tsx runs it in the fork). */
export const WORKER_ENV = { QUIETCHART_WORKER_ENTRY: path.join(ROOT, 'main/inference/worker-entry.ts') };

/** Runs the CLI in this process with empty stdin, capturing what it prints. */
export const runCliCaptured = async (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stdin: Readable.from([]),
    env,
    version: '0.0.0-test',
  });
  return { code, stdout, stderr };
};

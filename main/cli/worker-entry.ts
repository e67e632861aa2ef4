import { resolveWorkerEntry } from '../inference/worker-entry-path';
import type { CliContext } from './context';

/**
 * The inference worker script for CLI commands: next to the running CLI (bundle or tsx source), or
 * QUIETCHART_WORKER_ENTRY when the CLI runs inside another program (tests call runCli in-process).
 */
export const cliWorkerEntry = (ctx: Pick<CliContext, 'env'>): string =>
  ctx.env.QUIETCHART_WORKER_ENTRY ?? resolveWorkerEntry(process.argv[1] ?? __filename);

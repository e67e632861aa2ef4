import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { createRuntime, type Runtime } from '../services/runtime';
import { defaultDataDir } from './data-dir';
import type { Output } from './io';

export type GlobalOptions = { json: boolean; db: string | undefined };

export type CliContext = {
  out: Output;
  options: GlobalOptions;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  version: string;
};

export class UsageError extends Error {}

/** Opens the store the CLI was pointed at. The passphrase comes only from the environment. */
export const openRuntime = async (ctx: CliContext, { mustExist }: { mustExist: boolean }): Promise<Runtime> => {
  const dbPath = path.resolve(ctx.options.db ?? ctx.env.QUIETCHART_DB ?? path.join(defaultDataDir(), 'quietchart.db'));
  const passphrase = ctx.env.QUIETCHART_PASSPHRASE;
  if (!passphrase) {
    throw new UsageError('Set QUIETCHART_PASSPHRASE to the store passphrase (it is never read from arguments).');
  }
  if (mustExist && !fs.existsSync(dbPath)) {
    throw new AppError('NOT_FOUND', 'No store at that path. Run `quietchart db init` first.');
  }
  fs.mkdirSync(path.dirname(dbPath), { recursive: true, mode: 0o700 });
  const cost = ctx.env.QUIETCHART_SCRYPT_COST ? Number(ctx.env.QUIETCHART_SCRYPT_COST) : undefined;
  const runtime = createRuntime({
    dataDir: path.dirname(dbPath),
    dbPath,
    version: ctx.version,
    ...(cost === undefined ? {} : { scryptCost: cost }),
  });
  await runtime.unlockWithPassphrase(passphrase);
  return runtime;
};

/** Runs a command body against an open runtime and always closes it. */
export const withRuntime = async <T>(
  ctx: CliContext,
  mustExist: boolean,
  body: (rt: Runtime) => Promise<T> | T,
): Promise<T> => {
  const rt = await openRuntime(ctx, { mustExist });
  try {
    return await body(rt);
  } finally {
    await rt.close();
  }
};

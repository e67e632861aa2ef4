import path from 'node:path';
import { AppError } from '../../../common/errors';
import { EMPTY_MANIFEST, findManifestPath, loadManifest } from '../../inference/manifest-file';
import { QUANTIZATIONS, type Quantization } from '../../inference/manifest';
import { createModelStore, type ModelStore, type VerifyReport } from '../../inference/model-store';
import { UsageError, type CliContext } from '../context';
import { defaultDataDir } from '../data-dir';
import { table } from '../io';

export type ModelsOptions = {
  modelsDir: string | undefined;
  variant: string | undefined;
  /** --allow-non-commercial, or QUIETCHART_ALLOW_NON_COMMERCIAL=1: the deployment may use non-commercial licences. */
  allowNonCommercial?: boolean | undefined;
};

/** <dataDir>/models, where dataDir is the store's folder (--db / QUIETCHART_DB) or the app's data folder. */
const modelsDirFor = (ctx: CliContext, explicit: string | undefined): string => {
  if (explicit) return path.resolve(explicit);
  if (ctx.env.QUIETCHART_MODELS_DIR) return path.resolve(ctx.env.QUIETCHART_MODELS_DIR);
  const db = ctx.options.db ?? ctx.env.QUIETCHART_DB;
  return path.join(db ? path.dirname(path.resolve(db)) : defaultDataDir(), 'models');
};

const openStore = (ctx: CliContext, options: ModelsOptions): ModelStore => {
  const manifestPath = ctx.env.QUIETCHART_MODEL_MANIFEST ?? findManifestPath(path.dirname(process.argv[1] ?? '.'));
  const manifest = manifestPath ? loadManifest(manifestPath) : EMPTY_MANIFEST;
  const allowNonCommercial = options.allowNonCommercial === true || ctx.env.QUIETCHART_ALLOW_NON_COMMERCIAL === '1';
  return createModelStore({
    modelsDir: modelsDirFor(ctx, options.modelsDir),
    manifest,
    licensePolicy: { allowNonCommercial },
  });
};

const parseVariant = (value: string | undefined): Quantization | undefined => {
  if (value === undefined) return undefined;
  const found = QUANTIZATIONS.find((q) => q === value);
  if (!found) throw new UsageError(`--variant must be one of ${QUANTIZATIONS.join(', ')}.`);
  return found;
};

const requireId = (id: string | undefined): string => {
  if (!id) throw new UsageError('Give a model id.');
  return id;
};

const megabytes = (bytes: number | null): string => (bytes === null ? '?' : `${(bytes / 1e6).toFixed(1)} MB`);

/** Progress goes to stderr (at most every half second) so --json output stays clean. */
const progressPrinter = (
  ctx: CliContext,
  stderr: (t: string) => void,
): ((done: number, total: number | null) => void) => {
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    if (ctx.out.json || now - last < 500) return;
    last = now;
    stderr(`  ${megabytes(done)}${total ? ` of ${megabytes(total)} (${Math.floor((100 * done) / total)}%)` : ''}\n`);
  };
};

export const modelsList = (ctx: CliContext, options: ModelsOptions): void => {
  const store = openStore(ctx, options);
  const models = store.listModels();
  ctx.out.result({ modelsDir: store.modelsDir, models }, () =>
    models.length === 0
      ? `No models (folder: ${store.modelsDir}).`
      : table([
          ['ID', 'KIND', 'INSTALLED', 'SIZE', 'HASHES', 'LICENSE', 'ALLOWED'],
          ...models.map((m) => [
            m.id,
            m.kind ?? '?',
            m.installed ? (m.installedVariant ?? 'yes') : 'no',
            megabytes(m.bytes),
            m.hashStatus,
            m.license === null ? '?' : `${m.license}${m.commercialUse === false ? ' (non-commercial)' : ''}`,
            m.allowedByPolicy ? 'yes' : 'no (--allow-non-commercial)',
          ]),
        ]),
  );
};

export const modelsImport = async (
  ctx: CliContext,
  options: ModelsOptions & { from: string | undefined; id: string | undefined; stderr: (t: string) => void },
): Promise<void> => {
  if (!options.from) throw new UsageError('Give the folder to import: models import PATH [--id ID].');
  const store = openStore(ctx, options);
  const progress = progressPrinter(ctx, options.stderr);
  const record = await store.importModel(path.resolve(options.from), {
    ...(options.id ? { id: options.id } : {}),
    ...(options.variant ? { variant: parseVariant(options.variant) } : {}),
    onProgress: (p) => {
      progress(p.bytes, p.total);
    },
  });
  const unverified = record.files.filter((f) => f.trust === 'unverified').length;
  ctx.out.result(record, () =>
    [
      `Imported ${record.id} (${record.files.length} files${record.variant ? `, ${record.variant}` : ''}).`,
      unverified > 0
        ? `${unverified} file(s) have no publisher hash: check where they came from, then run \`quietchart models confirm ${record.id}\`.`
        : 'Every file matches the publisher’s hash.',
    ].join('\n'),
  );
};

export const modelsVerify = async (
  ctx: CliContext,
  options: ModelsOptions & { id: string | undefined },
): Promise<number> => {
  const store = openStore(ctx, options);
  const ids = options.id
    ? [options.id]
    : store
        .listModels()
        .filter((m) => m.installed)
        .map((m) => m.id);
  const reports: VerifyReport[] = [];
  for (const id of ids) reports.push(await store.verifyModel(id));
  const ok = reports.every((r) => r.ok);
  ctx.out.result({ ok, models: reports }, () =>
    reports.length === 0
      ? 'No installed models.'
      : reports
          .map((r) =>
            [
              `${r.id}: ${r.ok ? 'OK' : 'FAILED'} (${r.trust}${r.layoutOk ? '' : ', not a transformers.js folder'})`,
              ...r.files.filter((f) => f.status !== 'ok').map((f) => `  ${f.path}: ${f.status}`),
            ].join('\n'),
          )
          .join('\n'),
  );
  return ok ? 0 : 1;
};

export const modelsConfirm = async (
  ctx: CliContext,
  options: ModelsOptions & { id: string | undefined },
): Promise<void> => {
  const store = openStore(ctx, options);
  const record = await store.confirmModel(requireId(options.id));
  ctx.out.result(record, () => `Confirmed the local hashes of ${record.id}; it can now be loaded.`);
};

export const modelsDownload = async (
  ctx: CliContext,
  options: ModelsOptions & { id: string | undefined; baseUrl: string | undefined; stderr: (t: string) => void },
): Promise<void> => {
  const store = openStore(ctx, options);
  const baseUrl = options.baseUrl ?? ctx.env.QUIETCHART_MODEL_BASE_URL;
  if (baseUrl && !/^https?:\/\//.test(baseUrl)) throw new UsageError('--base-url must be an http(s) URL.');
  const progress = progressPrinter(ctx, options.stderr);
  const controller = new AbortController();
  const onSignal = (): void => {
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  try {
    const record = await store.downloadModel(requireId(options.id), {
      ...(baseUrl ? { baseUrl } : {}),
      ...(options.variant ? { variant: parseVariant(options.variant) } : {}),
      signal: controller.signal,
      onProgress: (p) => {
        progress(p.bytes, p.total);
      },
    });
    ctx.out.result(record, () => `Downloaded ${record.id} (${record.variant ?? ''}, ${record.files.length} files).`);
  } catch (error) {
    if (error instanceof AppError && error.code === 'JOB_CANCELLED') {
      options.stderr('Cancelled; run the same command again to resume.\n');
    }
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
  }
};

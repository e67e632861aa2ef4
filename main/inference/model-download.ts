import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { createLogger } from '../log/logger';
import { DIR_MODE } from '../store/atomic-file';
import { downloadFile } from './download';
import { sha256File } from './hash';
import type { InstallRecord, InstalledFile } from './install-record';
import { fileUrl, filesForVariant, totalBytes, type ManifestEntry, type Quantization } from './manifest';
import { commitStagedModel, ensureModelsDir } from './model-install';

const log = createLogger('inference.download');

export type ModelDownloadProgress = {
  file: string;
  fileBytes: number;
  fileTotal: number | null;
  /** Across all files of the variant; total is null while any size is unknown. */
  bytes: number;
  total: number | null;
};

export type ModelDownloadOptions = {
  modelsDir: string;
  entry: ManifestEntry;
  variant?: Quantization;
  /** A hospital mirror serving `<repo>/resolve/<revision>/<path>`; defaults to the manifest's host. */
  baseUrl?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ModelDownloadProgress) => void;
  retries?: number;
  fetchImpl?: typeof fetch;
};

/** Stable per model and variant so an interrupted download resumes next time. */
const partialDirFor = (modelsDir: string, id: string, variant: string): string =>
  path.join(modelsDir, `.download-${id}-${variant}`);

export const downloadModelFiles = async (options: ModelDownloadOptions): Promise<InstallRecord> => {
  const { entry } = options;
  const variant = options.variant ?? entry.defaultVariant;
  if (!entry.variants.some((v) => v.id === variant)) {
    throw new AppError('VALIDATION_FAILED', `Model ${entry.id} has no ${variant} variant.`);
  }
  const files = filesForVariant(entry, variant);
  const total = totalBytes(files);
  await ensureModelsDir(options.modelsDir);
  const partial = partialDirFor(options.modelsDir, entry.id, variant);
  await fsp.mkdir(partial, { recursive: true, mode: DIR_MODE });
  const started = Date.now();
  const installed: InstalledFile[] = [];
  let done = 0;
  for (const file of files) {
    const dest = path.join(partial, ...file.path.split('/'));
    let result: { sha256: string; bytes: number } | null = null;
    try {
      // Finished in an earlier run: re-hash rather than trust it.
      const stat = await fsp.stat(dest);
      if (stat.isFile()) result = await sha256File(dest, options.signal);
      if (result && file.sha256 !== null && result.sha256 !== file.sha256) {
        await fsp.rm(dest, { force: true });
        result = null;
      }
    } catch {
      result = null;
    }
    result ??= await downloadFile({
      url: fileUrl(entry, file.path, options.baseUrl),
      dest,
      expectedSha256: file.sha256,
      expectedBytes: file.bytes,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.retries === undefined ? {} : { retries: options.retries }),
      ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}),
      onProgress: (p) =>
        options.onProgress?.({
          file: file.path,
          fileBytes: p.bytes,
          fileTotal: p.total,
          bytes: done + p.bytes,
          total,
        }),
    });
    done += result.bytes;
    installed.push({
      path: file.path,
      bytes: result.bytes,
      sha256: result.sha256,
      trust: file.sha256 === null ? 'unverified' : 'verified',
    });
  }
  const record: InstallRecord = {
    format: 'quietchart.model-install',
    version: 1,
    id: entry.id,
    kind: entry.kind,
    origin: 'download',
    manifestId: entry.id,
    variant,
    installedAt: new Date().toISOString(),
    confirmedAt: null,
    files: installed,
  };
  await commitStagedModel(options.modelsDir, partial, record);
  log.info('download.model_done', {
    model: entry.id,
    variant,
    files: installed.length,
    bytes: done,
    ms: Date.now() - started,
  });
  return record;
};

import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { createLogger } from '../log/logger';
import { DIR_MODE } from '../store/atomic-file';
import { copyAndHash } from './hash';
import type { InstallRecord, InstalledFile } from './install-record';
import {
  filesForVariant,
  modelIdSchema,
  type ManifestEntry,
  type ManifestFile,
  type ModelKind,
  type Quantization,
} from './manifest';
import { commitStagedModel, ensureModelsDir, stagingDirFor } from './model-install';

const log = createLogger('inference.import');

export type ImportProgress = { file: string; bytes: number; total: number | null };

export type ImportOptions = {
  modelsDir: string;
  fromDir: string;
  id: string;
  /** The manifest entry for `id`, when the manifest knows it: files are then checked against its hashes. */
  entry: ManifestEntry | undefined;
  variant?: Quantization;
  /** For a model the manifest does not know. */
  kind?: ModelKind;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
};

const exists = (file: string): boolean => {
  try {
    return fs.statSync(file).isFile(); // follows symlinks: a Hugging Face cache snapshot links into blobs/
  } catch {
    return false;
  }
};

/** The requested variant, else the default, else the first whose files are all in the folder. */
const pickVariant = (entry: ManifestEntry, fromDir: string, wanted: Quantization | undefined): Quantization => {
  const complete = (id: Quantization): boolean =>
    filesForVariant(entry, id).every((f) => exists(path.join(fromDir, f.path)));
  if (wanted) {
    if (!entry.variants.some((v) => v.id === wanted)) {
      throw new AppError('VALIDATION_FAILED', `Model ${entry.id} has no ${wanted} variant.`);
    }
    if (!complete(wanted)) throw new AppError('MODEL_INVALID', `The folder lacks files of the ${wanted} variant.`);
    return wanted;
  }
  const order = [entry.defaultVariant, ...entry.variants.map((v) => v.id).filter((v) => v !== entry.defaultVariant)];
  const found = order.find(complete);
  if (!found) throw new AppError('MODEL_INVALID', `The folder holds no complete variant of ${entry.id}.`);
  return found;
};

/** Every regular file under `dir` (relative POSIX paths), skipping dot files and partial downloads. */
const listFolder = (dir: string, prefix = ''): string[] =>
  fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((dirent) => {
    if (dirent.name.startsWith('.') || dirent.name.endsWith('.part')) return [];
    const rel = prefix ? `${prefix}/${dirent.name}` : dirent.name;
    const full = path.join(dir, rel);
    const stat = fs.statSync(full);
    if (stat.isDirectory()) return listFolder(dir, rel);
    return stat.isFile() ? [rel] : [];
  });

const copyOne = async (
  options: ImportOptions,
  staging: string,
  rel: string,
  expected: ManifestFile | null,
): Promise<InstalledFile> => {
  const to = path.join(staging, ...rel.split('/'));
  await fsp.mkdir(path.dirname(to), { recursive: true, mode: DIR_MODE });
  const total = expected?.bytes ?? null;
  const result = await copyAndHash(path.join(options.fromDir, ...rel.split('/')), to, {
    ...(options.signal ? { signal: options.signal } : {}),
    onBytes: (bytes) => options.onProgress?.({ file: rel, bytes, total }),
  });
  if (expected?.sha256 != null || expected?.bytes != null) {
    const sizeWrong = expected.bytes !== null && expected.bytes !== result.bytes;
    if (sizeWrong || (expected.sha256 !== null && expected.sha256 !== result.sha256)) {
      log.warn('import.hash_mismatch', { model: options.id, sizeWrong });
      throw new AppError('MODEL_HASH_MISMATCH', `${rel} does not match the publisher’s hash; nothing was installed.`);
    }
  }
  return { path: rel, bytes: result.bytes, sha256: result.sha256, trust: expected?.sha256 ? 'verified' : 'unverified' };
};

/** Copies a model from a local folder (offline hospitals), hashing while copying, into place atomically. */
export const importModelFolder = async (options: ImportOptions): Promise<InstallRecord> => {
  modelIdSchema.parse(options.id);
  if (!fs.existsSync(options.fromDir) || !fs.statSync(options.fromDir).isDirectory()) {
    throw new AppError('NOT_FOUND', 'The folder to import does not exist.');
  }
  const { entry } = options;
  const variant = entry ? pickVariant(entry, options.fromDir, options.variant) : null;
  const planned: { rel: string; expected: ManifestFile | null }[] = entry
    ? filesForVariant(entry, variant ?? entry.defaultVariant).map((f) => ({ rel: f.path, expected: f }))
    : listFolder(options.fromDir).map((rel) => ({ rel, expected: null }));
  for (const { rel } of planned) {
    if (!exists(path.join(options.fromDir, ...rel.split('/')))) {
      throw new AppError('MODEL_INVALID', `The folder lacks ${rel}.`);
    }
  }
  await ensureModelsDir(options.modelsDir);
  const staging = stagingDirFor(options.modelsDir, options.id);
  await fsp.mkdir(staging, { mode: DIR_MODE });
  const started = Date.now();
  try {
    const files: InstalledFile[] = [];
    for (const { rel, expected } of planned) files.push(await copyOne(options, staging, rel, expected));
    const record: InstallRecord = {
      format: 'quietchart.model-install',
      version: 1,
      id: options.id,
      kind: entry?.kind ?? options.kind ?? 'asr',
      origin: 'import',
      manifestId: entry?.id ?? null,
      variant,
      installedAt: new Date().toISOString(),
      confirmedAt: null,
      files,
    };
    await commitStagedModel(options.modelsDir, staging, record);
    log.info('import.done', { model: options.id, files: files.length, ms: Date.now() - started });
    return record;
  } finally {
    await fsp.rm(staging, { recursive: true, force: true });
  }
};

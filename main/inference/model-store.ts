import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AppError, isAppError } from '../../common/errors';
import { createLogger } from '../log/logger';
import { sha256File } from './hash';
import {
  readInstallRecord,
  recordTrust,
  writeInstallRecord,
  type FileTrust,
  type InstallRecord,
} from './install-record';
import { checkTransformersLayout } from './layout';
import { allowedByPolicy, DEFAULT_LICENSE_POLICY, licenseRefusal, type LicensePolicy } from './license';
import {
  filesForVariant,
  findEntry,
  modelIdSchema,
  totalBytes,
  type Manifest,
  type ModelKind,
  type Quantization,
} from './manifest';
import { downloadModelFiles, type ModelDownloadOptions } from './model-download';
import { importModelFolder, type ImportProgress } from './model-import';
import { isWorkingDirName, modelDirFor } from './model-install';

const log = createLogger('inference.models');

export type HashStatus = FileTrust | 'not-installed' | 'damaged';

export type ModelListing = {
  id: string;
  kind: ModelKind | null;
  displayName: string;
  publisher: string | null;
  /** Licence id (e.g. MIT, CC-BY-NC-4.0); null when the manifest does not know the model. */
  license: string | null;
  licenseUrl: string | null;
  commercialUse: boolean | null;
  /** Whether the licence policy allows installing it (a model the manifest does not know is the user's call). */
  allowedByPolicy: boolean;
  multilingual: boolean | null;
  languages: string[];
  /** Listed in the manifest. */
  recommended: boolean;
  /** The manifest has a publisher hash for every file (null when the manifest does not know the model). */
  manifestVerified: boolean | null;
  variants: Quantization[];
  installed: boolean;
  installedVariant: Quantization | null;
  /** Installed size, or the download size of the default variant (null when a size is unknown). */
  bytes: number | null;
  hashStatus: HashStatus;
};

export type FileCheck = { path: string; status: 'ok' | 'missing' | 'mismatch'; trust: FileTrust };
export type VerifyReport = { id: string; ok: boolean; layoutOk: boolean; trust: FileTrust; files: FileCheck[] };

export type ModelStore = {
  modelsDir: string;
  listModels: () => ModelListing[];
  importModel: (
    fromDir: string,
    options?: {
      id?: string;
      variant?: Quantization;
      kind?: ModelKind;
      signal?: AbortSignal;
      onProgress?: (p: ImportProgress) => void;
    },
  ) => Promise<InstallRecord>;
  downloadModel: (id: string, options?: Omit<ModelDownloadOptions, 'modelsDir' | 'entry'>) => Promise<InstallRecord>;
  /** Re-hashes every file of one model. */
  verifyModel: (id: string) => Promise<VerifyReport>;
  /** Accepts the local hashes of a model's unverified files (they have no publisher hash). */
  confirmModel: (id: string) => Promise<InstallRecord>;
  /** The folder to hand to the loader: refuses missing, unverified, altered or malformed models. */
  resolveModelDir: (id: string) => Promise<string>;
  installRecord: (id: string) => InstallRecord | null;
};

const notInstalled = (): AppError => new AppError('MODEL_NOT_INSTALLED', 'That model is not installed.');

/** A file re-hashed in this process is not re-hashed again while its size, mtime and inode are unchanged. */
const statKey = (stat: fs.Stats): string => `${stat.size}:${stat.mtimeMs}:${stat.ino}`;

export const createModelStore = (options: {
  modelsDir: string;
  manifest: Manifest;
  /** Defaults to commercial-use licences only. */
  licensePolicy?: LicensePolicy;
}): ModelStore => {
  const { modelsDir, manifest } = options;
  const policy = options.licensePolicy ?? DEFAULT_LICENSE_POLICY;
  const hashed = new Map<string, { key: string; sha256: string }>();

  const dirOf = (id: string): string => modelDirFor(modelsDir, modelIdSchema.parse(id));

  const recordOf = (id: string): InstallRecord | null => readInstallRecord(dirOf(id));

  const checkFile = async (dir: string, file: InstallRecord['files'][number]): Promise<FileCheck['status']> => {
    const full = path.join(dir, ...file.path.split('/'));
    let stat: fs.Stats;
    try {
      stat = await fsp.stat(full);
    } catch {
      return 'missing';
    }
    if (!stat.isFile()) return 'missing';
    if (stat.size !== file.bytes) return 'mismatch';
    const cached = hashed.get(full);
    const key = statKey(stat);
    const sha256 = cached?.key === key ? cached.sha256 : (await sha256File(full)).sha256;
    hashed.set(full, { key, sha256 });
    return sha256 === file.sha256 ? 'ok' : 'mismatch';
  };

  const installedIds = (): string[] => {
    try {
      return fs
        .readdirSync(modelsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && !isWorkingDirName(d.name) && modelIdSchema.safeParse(d.name).success)
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  };

  const listModels = (): ModelListing[] => {
    const rows = new Map<string, ModelListing>();
    for (const entry of manifest.models) {
      rows.set(entry.id, {
        id: entry.id,
        kind: entry.kind,
        displayName: entry.displayName,
        publisher: entry.publisher,
        license: entry.license.id,
        licenseUrl: entry.license.url,
        commercialUse: entry.license.commercialUse,
        allowedByPolicy: allowedByPolicy(entry, policy),
        multilingual: entry.multilingual,
        languages: entry.languages,
        recommended: true,
        manifestVerified: entry.verified,
        variants: entry.variants.map((v) => v.id),
        installed: false,
        installedVariant: null,
        bytes: totalBytes(filesForVariant(entry, entry.defaultVariant)),
        hashStatus: 'not-installed',
      });
    }
    for (const id of installedIds()) {
      const base: ModelListing = rows.get(id) ?? {
        id,
        kind: null,
        displayName: id,
        publisher: null,
        license: null,
        licenseUrl: null,
        commercialUse: null,
        allowedByPolicy: true,
        multilingual: null,
        languages: [],
        recommended: false,
        manifestVerified: null,
        variants: [],
        installed: false,
        installedVariant: null,
        bytes: null,
        hashStatus: 'not-installed',
      };
      let record: InstallRecord | null;
      try {
        record = recordOf(id);
      } catch {
        rows.set(id, { ...base, installed: true, hashStatus: 'damaged' });
        continue;
      }
      if (!record) continue; // a folder without a record is not an install
      rows.set(id, {
        ...base,
        kind: record.kind,
        installed: true,
        installedVariant: record.variant,
        bytes: record.files.reduce((sum, f) => sum + f.bytes, 0),
        hashStatus: recordTrust(record),
      });
    }
    return [...rows.values()];
  };

  const verifyModel = async (id: string): Promise<VerifyReport> => {
    const dir = dirOf(id);
    const record = readInstallRecord(dir);
    if (!record) throw notInstalled();
    hashed.clear(); // an explicit verify always reads every byte
    const files: FileCheck[] = [];
    for (const file of record.files)
      files.push({ path: file.path, status: await checkFile(dir, file), trust: file.trust });
    let layoutOk = true;
    try {
      checkTransformersLayout(dir, record.kind);
    } catch (error) {
      if (!isAppError(error)) throw error;
      layoutOk = false;
    }
    const ok = layoutOk && files.every((f) => f.status === 'ok');
    log.info('models.verified', { model: record.id, ok, files: files.length });
    return { id: record.id, ok, layoutOk, trust: recordTrust(record), files };
  };

  const confirmModel = async (id: string): Promise<InstallRecord> => {
    const dir = dirOf(id);
    const record = readInstallRecord(dir);
    if (!record) throw notInstalled();
    checkTransformersLayout(dir, record.kind);
    for (const file of record.files) {
      // What is confirmed is what was installed: a file changed since then must be re-imported.
      if ((await checkFile(dir, file)) !== 'ok') {
        throw new AppError('MODEL_HASH_MISMATCH', `${file.path} changed since it was installed; re-import the model.`);
      }
    }
    const confirmed: InstallRecord = {
      ...record,
      confirmedAt: new Date().toISOString(),
      files: record.files.map((f) => (f.trust === 'unverified' ? { ...f, trust: 'confirmed' as const } : f)),
    };
    writeInstallRecord(dir, confirmed);
    log.info('models.confirmed', {
      model: record.id,
      files: record.files.filter((f) => f.trust === 'unverified').length,
    });
    return confirmed;
  };

  const resolveModelDir = async (id: string): Promise<string> => {
    const dir = dirOf(id);
    const record = readInstallRecord(dir);
    if (!record) throw notInstalled();
    if (recordTrust(record) === 'unverified') {
      throw new AppError(
        'MODEL_UNVERIFIED',
        'This model has files without a publisher hash. Check its source, then confirm it (models confirm).',
      );
    }
    for (const file of record.files) {
      const status = await checkFile(dir, file);
      if (status !== 'ok') {
        log.error('models.refused', { model: record.id, code: 'MODEL_HASH_MISMATCH', status });
        throw new AppError('MODEL_HASH_MISMATCH', `A file of this model is ${status}; verify or re-install it.`);
      }
    }
    checkTransformersLayout(dir, record.kind);
    return dir;
  };

  return {
    modelsDir,
    listModels,
    importModel: (fromDir, opts = {}) => {
      const id = opts.id ?? path.basename(path.resolve(fromDir)).toLowerCase();
      const entry = findEntry(manifest, id);
      if (entry && !allowedByPolicy(entry, policy)) return Promise.reject(licenseRefusal(entry));
      return importModelFolder({ ...opts, modelsDir, fromDir, id, entry });
    },
    downloadModel: (id, opts = {}) => {
      const entry = findEntry(manifest, id);
      if (!entry) return Promise.reject(new AppError('NOT_FOUND', 'The manifest lists no model with that id.'));
      if (!allowedByPolicy(entry, policy)) return Promise.reject(licenseRefusal(entry));
      return downloadModelFiles({ ...opts, modelsDir, entry });
    },
    verifyModel,
    confirmModel,
    resolveModelDir,
    installRecord: recordOf,
  };
};

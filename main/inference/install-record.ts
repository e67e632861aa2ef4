import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../common/errors';
import { isErrno, writeFileAtomicSync } from '../store/atomic-file';
import { MODEL_KINDS, QUANTIZATIONS, modelFilePathSchema, modelIdSchema, sha256Schema } from './manifest';

/** Lives inside the model folder; its name starts with a dot so it is never taken for a model file. */
export const INSTALL_RECORD_NAME = '.quietchart-install.json';

/**
 * verified: matches the publisher's hash from the manifest.
 * confirmed: no publisher hash; the user accepted this local hash (`models confirm`).
 * unverified: no publisher hash and not confirmed: refused by resolveModelDir.
 */
export const FILE_TRUST = ['verified', 'confirmed', 'unverified'] as const;
export type FileTrust = (typeof FILE_TRUST)[number];

export const installedFileSchema = z.object({
  path: modelFilePathSchema,
  bytes: z.number().int().nonnegative(),
  sha256: sha256Schema,
  trust: z.enum(FILE_TRUST),
});
export type InstalledFile = z.infer<typeof installedFileSchema>;

export const installRecordSchema = z.object({
  format: z.literal('quietchart.model-install'),
  version: z.literal(1),
  id: modelIdSchema,
  kind: z.enum(MODEL_KINDS),
  origin: z.enum(['download', 'import']),
  /** The manifest entry the files were checked against, or null for a model the manifest does not know. */
  manifestId: z.string().nullable(),
  variant: z.enum(QUANTIZATIONS).nullable(),
  installedAt: z.string(),
  confirmedAt: z.string().nullable(),
  files: z.array(installedFileSchema),
});
export type InstallRecord = z.infer<typeof installRecordSchema>;

export const recordPath = (modelDir: string): string => path.join(modelDir, INSTALL_RECORD_NAME);

/** null when the folder has no record (not installed); MODEL_INVALID when the record is damaged. */
export const readInstallRecord = (modelDir: string): InstallRecord | null => {
  let text: string;
  try {
    text = fs.readFileSync(recordPath(modelDir), 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) return null;
    throw error;
  }
  try {
    return installRecordSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new AppError('MODEL_INVALID', 'The model install record is damaged; verify or re-import the model.', {
      cause: error,
    });
  }
};

export const writeInstallRecord = (modelDir: string, record: InstallRecord): void => {
  writeFileAtomicSync(recordPath(modelDir), `${JSON.stringify(installRecordSchema.parse(record), null, 2)}\n`);
};

/** The weakest trust among the files: one unverified file makes the model unverified. */
export const recordTrust = (record: InstallRecord): FileTrust => {
  if (record.files.some((f) => f.trust === 'unverified')) return 'unverified';
  if (record.files.some((f) => f.trust === 'confirmed')) return 'confirmed';
  return 'verified';
};

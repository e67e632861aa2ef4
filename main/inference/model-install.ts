import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { DIR_MODE, isErrno } from '../store/atomic-file';
import { writeInstallRecord, type InstallRecord } from './install-record';
import { checkTransformersLayout } from './layout';

/** Working folders start with a dot: listModels and resolveModelDir never see them. */
export const isWorkingDirName = (name: string): boolean => name.startsWith('.');

export const stagingDirFor = (modelsDir: string, id: string): string =>
  path.join(modelsDir, `.staging-${id}-${randomBytes(6).toString('hex')}`);

export const modelDirFor = (modelsDir: string, id: string): string => path.join(modelsDir, id);

/**
 * Checks the staged folder, writes its install record, then renames it into place. An existing
 * install is moved aside first and removed after, so readers see the old model or the new one,
 * never a half-copied folder.
 */
export const commitStagedModel = async (modelsDir: string, staging: string, record: InstallRecord): Promise<string> => {
  checkTransformersLayout(staging, record.kind);
  writeInstallRecord(staging, record);
  const target = modelDirFor(modelsDir, record.id);
  const aside = path.join(modelsDir, `.replaced-${record.id}-${randomBytes(6).toString('hex')}`);
  let movedAside = false;
  try {
    await fsp.rename(target, aside);
    movedAside = true;
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  try {
    await fsp.rename(staging, target);
  } catch (error) {
    if (movedAside) await fsp.rename(aside, target);
    throw error;
  }
  if (movedAside) await fsp.rm(aside, { recursive: true, force: true });
  return target;
};

export const ensureModelsDir = async (modelsDir: string): Promise<void> => {
  await fsp.mkdir(modelsDir, { recursive: true, mode: DIR_MODE });
};

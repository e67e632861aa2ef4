import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../common/errors';
import { manifestSchema, type Manifest } from './manifest';

export const MANIFEST_RELATIVE_PATH = path.join('models', 'manifest.json');

/** Walks up from `start` (the entry script's folder) to the first models/manifest.json. */
export const findManifestPath = (start: string, maxLevels = 6): string | null => {
  let dir = path.resolve(start);
  for (let i = 0; i <= maxLevels; i += 1) {
    const candidate = path.join(dir, MANIFEST_RELATIVE_PATH);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
};

export const parseManifest = (value: unknown): Manifest => {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError(
      'VALIDATION_FAILED',
      `The model manifest is invalid${first ? ` (${first.path.join('.')}: ${first.message})` : ''}.`,
    );
  }
  return parsed.data;
};

export const loadManifest = (file: string): Manifest => {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('NOT_FOUND', 'The model manifest could not be read.', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('VALIDATION_FAILED', 'The model manifest is not valid JSON.', { cause: error });
  }
  return parseManifest(json);
};

/** An empty manifest: the store still lists and verifies imported models without one. */
export const EMPTY_MANIFEST: Manifest = { format: 'quietchart.model-manifest', version: 1, models: [] };

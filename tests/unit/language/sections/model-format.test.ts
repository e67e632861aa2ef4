import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors';
import { SECTION_LABELS } from '../../../../main/language/sections/labels';
import { logits } from '../../../../main/language/sections/linear';
import type { SectionModel } from '../../../../main/language/sections/model';
import {
  decodeSectionModel,
  encodeSectionModel,
  loadSectionModel,
  parseSectionModelJson,
} from '../../../../main/language/sections/model-format';
import type { SectionModelFile } from '../../../../main/language/sections/model-format';
import { mulberry32 } from '../../../../main/language/sections/prng';

const D = 64;
const K = SECTION_LABELS.length;

const tinyModel = (): SectionModel => {
  const rng = mulberry32(9);
  return {
    labels: SECTION_LABELS,
    features: {
      dimension: D,
      hashSeed: 1,
      wordNgramMax: 2,
      charNgramMin: 3,
      charNgramMax: 4,
      groupWeights: { word: 1, speaker: 0.5, char: 1, meta: 0.2 },
    },
    idf: Float32Array.from({ length: D }, () => 1 + rng() * 4),
    params: {
      dimension: D,
      classes: K,
      weights: Float32Array.from({ length: D * K }, () => rng() * 2 - 1),
      bias: Float32Array.from({ length: K }, () => rng() - 0.5),
    },
    threshold: 0.3,
    context: { window: 2, weight: 0.5 },
  };
};

const encoded = (): SectionModelFile => encodeSectionModel(tinyModel(), { note: 'test' });
const clone = (file: SectionModelFile): Record<string, unknown> =>
  JSON.parse(JSON.stringify(file)) as Record<string, unknown>;

const refusal = (value: unknown): string => {
  try {
    decodeSectionModel(value);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return (error as AppError).message;
  }
  throw new Error('the model was accepted');
};

const dir = mkdtempSync(join(tmpdir(), 'qc-sections-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('section model file', () => {
  it('round-trips: the decoded model scores like the original within int8 precision', () => {
    const model = tinyModel();
    const decoded = decodeSectionModel(clone(encodeSectionModel(model)));
    expect(decoded.params.weights.length).toBe(D * K);
    const x = { indices: Int32Array.from([1, 5, 40]), values: Float32Array.from([0.5, -0.6, 0.62]) };
    const a = logits(model.params, x);
    const b = logits(decoded.params, x);
    a.forEach((v, k) => {
      expect(b[k]).toBeCloseTo(v, 1);
    });
    decoded.idf.forEach((v, i) => {
      expect(Math.abs(v - (model.idf[i] ?? 0))).toBeLessThan(4 / 255);
    });
  });

  it('encodes the same model to the same bytes', () => {
    expect(JSON.stringify(encoded())).toBe(JSON.stringify(encoded()));
  });

  it('refuses a file of another format or a newer version', () => {
    expect(refusal({ ...clone(encoded()), format: 'something-else' })).toMatch(/invalid: format/);
    expect(refusal({ ...clone(encoded()), version: 2 })).toMatch(/invalid: version/);
  });

  it('refuses labels in another order', () => {
    const labels: string[] = [...SECTION_LABELS];
    [labels[0], labels[1]] = [labels[1] ?? '', labels[0] ?? ''];
    expect(refusal({ ...clone(encoded()), labels })).toMatch(/labels/);
  });

  it('refuses weights whose shape does not match the payload or the features', () => {
    const file = encoded();
    expect(refusal({ ...clone(file), weights: { ...file.weights, data: file.weights.data.slice(0, 400) } })).toMatch(
      /weights have 300 entries/,
    );
    expect(refusal({ ...clone(file), weights: { ...file.weights, shape: [D * 2, K] } })).toMatch(/feature dimension/);
    expect(refusal({ ...clone(file), bias: file.bias.slice(1) })).toMatch(/one entry per label/);
  });

  it('refuses a corrupted payload (checksum) and non-base64 data', () => {
    const file = encoded();
    const data = file.weights.data;
    const flipped = `${data.slice(0, 10)}${data[10] === 'A' ? 'B' : 'A'}${data.slice(11)}`;
    expect(refusal({ ...clone(file), weights: { ...file.weights, data: flipped } })).toMatch(/checksum/);
    expect(refusal({ ...clone(file), idf: { ...file.idf, data: '!!!!' } })).toMatch(/base64/);
  });

  it('refuses non-finite numbers and non-JSON text', () => {
    const file = clone(encoded());
    expect(refusal({ ...file, threshold: Number.NaN })).toMatch(/threshold/);
    expect(() => parseSectionModelJson('{"format": ')).toThrow(/not JSON/);
  });

  it('loads from disk, and says NOT_FOUND for a missing file', () => {
    const path = join(dir, 'model.json');
    writeFileSync(path, JSON.stringify(encoded()));
    expect(loadSectionModel(path).params.dimension).toBe(D);
    expect(() => loadSectionModel(join(dir, 'absent.json'))).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }) as Error,
    );
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../common/errors';
import {
  allowedByPolicy,
  assertAllowedByPolicy,
  KNOWN_LICENSES,
  modelLicenseSchema,
} from '../../../main/inference/license';
import { filesForVariant, manifestEntrySchema, type ManifestEntry } from '../../../main/inference/manifest';
import { loadManifest } from '../../../main/inference/manifest-file';

const root = path.resolve(import.meta.dirname, '../../..');
const manifest = loadManifest(path.join(root, 'models', 'manifest.json'));
const entry = (id: string): ManifestEntry => {
  const found = manifest.models.find((m) => m.id === id);
  if (!found) throw new Error(`manifest lacks ${id}`);
  return found;
};

/** The graph names transformers.js loads for each kind (any dtype suffix). */
const GRAPH_PREFIXES = {
  asr: ['onnx/encoder_model', 'onnx/decoder_model_merged'],
  translation: ['onnx/encoder_model', 'onnx/decoder_model_merged'],
  llm: ['onnx/model'],
} as const;

describe('licences in the committed manifest', () => {
  it('gives every entry a licence that states commercial use and where the terms are', () => {
    for (const m of manifest.models) {
      expect(modelLicenseSchema.safeParse(m.license).success, m.id).toBe(true);
      expect(m.license.url, m.id).toMatch(/^https:\/\//);
      const known = KNOWN_LICENSES[m.license.id];
      expect(known, `${m.id}: ${m.license.id} is a licence the policy knows`).toBeDefined();
      expect(m.license.commercialUse, m.id).toBe(known?.commercialUse);
    }
  });

  it('keeps the Whisper entries MIT and marks NLLB-200 non-commercial', () => {
    for (const m of manifest.models.filter((x) => x.kind === 'asr')) expect(m.license.id).toBe('MIT');
    expect(entry('nllb-200-distilled-600m').license).toMatchObject({ id: 'CC-BY-NC-4.0', commercialUse: false });
    expect(entry('opus-mt-mul-en').license).toMatchObject({ id: 'Apache-2.0', commercialUse: true });
    expect(entry('qwen2.5-1.5b-instruct').license).toMatchObject({ id: 'Apache-2.0', commercialUse: true });
  });

  it('states the Llama 3.2 Community License conditions', () => {
    const { license } = entry('llama-3.2-1b-instruct');
    expect(license).toMatchObject({ id: 'Llama-3.2-Community', commercialUse: true });
    expect(license.notes).toMatch(/700 million monthly active users/);
    expect(license.notes).toMatch(/Acceptable Use Policy/);
  });
});

describe('translation and LLM entries', () => {
  const added = manifest.models.filter((m) => m.kind !== 'asr');

  it('adds OPUS-MT pairs to English, a many-to-English model and two small instruct LLMs', () => {
    expect(added.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        'opus-mt-es-en',
        'opus-mt-fr-en',
        'opus-mt-de-en',
        'opus-mt-ru-en',
        'opus-mt-mul-en',
        'nllb-200-distilled-600m',
        'llama-3.2-1b-instruct',
        'qwen2.5-1.5b-instruct',
      ]),
    );
    expect(added.filter((m) => m.kind === 'llm').map((m) => m.id)).toHaveLength(2);
  });

  it('is valid, pinned, and verified only when every file has a publisher hash', () => {
    for (const m of added) {
      expect(manifestEntrySchema.safeParse(m).success, m.id).toBe(true);
      expect(m.source.revision, m.id).toMatch(/^[0-9a-f]{40}$/);
      expect(m.verified, m.id).toBe(m.files.every((f) => f.sha256 !== null));
      for (const f of m.files.filter((x) => x.sha256 !== null)) {
        expect(f.hashSource, `${m.id}/${f.path}`).toContain(`https://huggingface.co/${m.source.repo}/blob/`);
      }
    }
  });

  it('lists, for every variant, the graphs transformers.js loads for that kind', () => {
    for (const m of manifest.models) {
      for (const v of m.variants) {
        const paths = filesForVariant(m, v.id).map((f) => f.path);
        expect(paths, `${m.id}/${v.id}`).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json']));
        for (const prefix of GRAPH_PREFIXES[m.kind]) {
          expect(
            paths.some((p) => p === `${prefix}.onnx` || p.startsWith(`${prefix}_`)),
            `${m.id}/${v.id} needs ${prefix}*.onnx`,
          ).toBe(true);
        }
      }
    }
  });

  it('gives a size for every graph: exact where published, else the rounded one', () => {
    for (const m of added) {
      for (const f of m.files.filter((x) => x.path.endsWith('.onnx'))) {
        expect(f.bytes ?? f.approxBytes, `${m.id}/${f.path}`).toBeGreaterThan(1_000_000);
      }
    }
  });
});

describe('the licence schema', () => {
  const base = entry('whisper-tiny');

  it('refuses a known non-commercial licence that claims commercial use', () => {
    const license = { id: 'CC-BY-NC-4.0', commercialUse: true, url: 'https://example.org/l' };
    expect(modelLicenseSchema.safeParse(license).success).toBe(false);
    expect(manifestEntrySchema.safeParse({ ...base, license }).success).toBe(false);
  });

  it('accepts an unknown licence that states its terms, and refuses a bare string', () => {
    const license = { id: 'OpenRAIL-M', commercialUse: true, url: 'https://example.org/l' };
    expect(manifestEntrySchema.safeParse({ ...base, license }).success).toBe(true);
    expect(manifestEntrySchema.safeParse({ ...base, license: 'OpenRAIL-M' }).success).toBe(false);
    expect(manifestEntrySchema.safeParse({ ...base, license: { ...license, id: 'has space' } }).success).toBe(false);
  });

  it('migrates the older `license: "MIT", licenseUrl` form of a known licence', () => {
    const legacy = { ...base, license: 'MIT', licenseUrl: 'https://github.com/openai/whisper/blob/main/LICENSE' };
    const parsed = manifestEntrySchema.parse(legacy);
    expect(parsed.license).toEqual({ id: 'MIT', commercialUse: true, url: legacy.licenseUrl });
    expect(parsed).not.toHaveProperty('licenseUrl');
    const nc = manifestEntrySchema.parse({ ...legacy, license: 'CC-BY-NC-4.0' });
    expect(nc.license.commercialUse).toBe(false);
    expect(manifestEntrySchema.safeParse({ ...legacy, license: 'Some-Custom' }).success).toBe(false);
  });
});

describe('the licence policy', () => {
  const nllb = entry('nllb-200-distilled-600m');
  const qwen = entry('qwen2.5-1.5b-instruct');

  it('allows commercial-use licences always and non-commercial ones only when the policy says so', () => {
    expect(allowedByPolicy(qwen, { allowNonCommercial: false })).toBe(true);
    expect(allowedByPolicy(qwen, { allowNonCommercial: true })).toBe(true);
    expect(allowedByPolicy(nllb, { allowNonCommercial: false })).toBe(false);
    expect(allowedByPolicy(nllb, { allowNonCommercial: true })).toBe(true);
  });

  it('refuses with VALIDATION_FAILED and says how to allow it', () => {
    let caught: unknown;
    try {
      assertAllowedByPolicy(nllb, { allowNonCommercial: false });
    } catch (error) {
      caught = error;
    }
    expect(isAppError(caught) && caught.code).toBe('VALIDATION_FAILED');
    expect((caught as Error).message).toMatch(/CC-BY-NC-4\.0.*--allow-non-commercial/);
    expect(() => {
      assertAllowedByPolicy(nllb, { allowNonCommercial: true });
    }).not.toThrow();
  });
});

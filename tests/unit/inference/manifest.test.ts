import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileUrl, filesForVariant, manifestEntrySchema, manifestSchema } from '../../../main/inference/manifest';
import { findManifestPath, loadManifest } from '../../../main/inference/manifest-file';

const root = path.resolve(import.meta.dirname, '../../..');
const manifest = loadManifest(path.join(root, 'models', 'manifest.json'));

describe('the committed model manifest', () => {
  it('parses and lists recommended Whisper models in the transformers.js layout', () => {
    expect(manifest.models.map((m) => m.id)).toEqual(
      expect.arrayContaining(['whisper-tiny', 'whisper-base', 'whisper-base.en', 'whisper-small']),
    );
    for (const entry of manifest.models) {
      expect(entry.files.map((f) => f.path)).toEqual(expect.arrayContaining(['config.json', 'tokenizer.json']));
      expect(entry.variants.every((v) => v.files.every((f) => f.startsWith('onnx/')))).toBe(true);
    }
  });

  it('claims verified only where every file has a publisher hash, each hash with its source page', () => {
    for (const entry of manifest.models) {
      expect(entry.verified).toBe(entry.files.every((f) => f.sha256 !== null));
      for (const file of entry.files.filter((f) => f.sha256 !== null)) {
        expect(file.hashSource).toMatch(
          new RegExp(`^https://huggingface\\.co/${entry.source.repo.replace('.', '\\.')}/blob/`),
        );
      }
    }
  });

  it('pins every model to a commit, not a moving branch', () => {
    for (const entry of manifest.models) expect(entry.source.revision).toMatch(/^[0-9a-f]{40}$/);
  });

  it('is found by walking up from a script folder', () => {
    expect(findManifestPath(path.join(root, 'main', 'cli'))).toBe(path.join(root, 'models', 'manifest.json'));
  });
});

describe('the manifest schema', () => {
  const base = manifest.models.find((m) => m.id === 'whisper-tiny')!;

  it('rejects an entry that calls itself verified while a hash is missing', () => {
    const result = manifestEntrySchema.safeParse({ ...base, verified: true });
    expect(result.success).toBe(base.files.every((f) => f.sha256 !== null));
  });

  it('rejects file paths that could leave the model folder', () => {
    for (const bad of ['../x.onnx', '/etc/passwd', 'onnx/../../x', 'onnx\\x.onnx', '.hidden', 'a//b']) {
      const files = [...base.files, { path: bad, bytes: null, sha256: null, required: false }];
      expect(manifestEntrySchema.safeParse({ ...base, files }).success, bad).toBe(false);
    }
  });

  it('rejects malformed hashes, unknown variant files and duplicate ids', () => {
    const files = base.files.map((f, i) => (i === 0 ? { ...f, sha256: 'ABC' } : f));
    expect(manifestEntrySchema.safeParse({ ...base, files }).success).toBe(false);
    const variants = [{ id: 'q8', label: 'x', files: ['onnx/missing.onnx'] }];
    expect(manifestEntrySchema.safeParse({ ...base, variants }).success).toBe(false);
    expect(manifestSchema.safeParse({ ...manifest, models: [base, base] }).success).toBe(false);
  });

  it('builds mirror URLs in the Hugging Face resolve layout', () => {
    expect(fileUrl(base, 'onnx/encoder_model.onnx', 'https://mirror.hospital.example/hf/')).toBe(
      `https://mirror.hospital.example/hf/${base.source.repo}/resolve/${base.source.revision}/onnx/encoder_model.onnx`,
    );
  });

  it('selects the required files plus the variant’s own graphs', () => {
    const q8 = filesForVariant(base, 'q8').map((f) => f.path);
    expect(q8).toEqual(expect.arrayContaining(['config.json', 'onnx/encoder_model_quantized.onnx']));
    expect(q8).not.toContain('onnx/encoder_model.onnx');
  });

  it('keeps the committed file small and formatted', () => {
    const text = fs.readFileSync(path.join(root, 'models', 'manifest.json'), 'utf8');
    expect(text.length).toBeLessThan(64_000);
    expect(JSON.parse(text)).toBeTruthy();
  });
});

import { z } from 'zod';
import { migrateLegacyLicense, modelLicenseSchema } from './license';

/**
 * The manifest of recommended models (models/manifest.json). Honesty rule: a sha256 is only ever the
 * publisher's own (e.g. the Git LFS object id Hugging Face shows for each file); a file whose hash we
 * could not obtain has `sha256: null` and is refused until the user confirms a local copy.
 */
export const MODEL_KINDS = ['asr', 'translation', 'llm'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** transformers.js dtype names: fp32 = encoder_model.onnx, q8 = *_quantized.onnx, q4 = *_q4.onnx, ... */
export const QUANTIZATIONS = ['fp32', 'fp16', 'q8', 'int8', 'uint8', 'q4', 'q4f16', 'bnb4'] as const;
export type Quantization = (typeof QUANTIZATIONS)[number];

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256');

/** Model ids double as folder names: keep them boring. */
export const modelIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore')
  .refine((id) => !id.includes('..'), 'no ".."');

/** A relative POSIX path inside a model folder: no absolute paths, no "..", no backslashes, no dot files. */
export const modelFilePathSchema = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !p.includes('\\') &&
      !p.includes('\0') &&
      p.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.')),
    'a relative path inside the model folder',
  );

export const manifestFileSchema = z.object({
  path: modelFilePathSchema,
  /** Exact size in bytes as published, or null when only a rounded size was shown. */
  bytes: z.number().int().nonnegative().nullable(),
  /** The rounded size the publisher's page shows, for display while the exact size is unknown. */
  approxBytes: z.number().int().positive().optional(),
  sha256: sha256Schema.nullable(),
  /** Needed by every variant (config, tokenizer); variant-specific ONNX files are `required: false`. */
  required: z.boolean(),
  /** Where the hash was read (a publisher page), for auditors. */
  hashSource: z.url().optional(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const manifestVariantSchema = z.object({
  id: z.enum(QUANTIZATIONS),
  label: z.string().min(1),
  files: z.array(modelFilePathSchema).min(1),
});
export type ManifestVariant = z.infer<typeof manifestVariantSchema>;

const manifestEntryObjectSchema = z
  .object({
    id: modelIdSchema,
    kind: z.enum(MODEL_KINDS),
    displayName: z.string().min(1),
    description: z.string().optional(),
    multilingual: z.boolean(),
    /** ISO 639-1 codes; a multilingual Whisper lists the ones it was trained on or ['*']. */
    languages: z.array(z.string().min(1)).min(1),
    license: modelLicenseSchema,
    publisher: z.string().min(1),
    source: z.object({
      /** Default host; a hospital mirror with the same `<repo>/resolve/<revision>/<path>` layout replaces it. */
      baseUrl: z.url(),
      repo: z.string().regex(/^[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/),
      /** A commit id pins the bytes the hashes describe; a branch name would let them drift. */
      revision: z.string().min(1),
    }),
    files: z.array(manifestFileSchema).min(1),
    variants: z.array(manifestVariantSchema).min(1),
    defaultVariant: z.enum(QUANTIZATIONS),
    /** True only when every file listed has a publisher hash. */
    verified: z.boolean(),
    notes: z.string().optional(),
  })
  .superRefine((entry, ctx) => {
    const paths = new Set(entry.files.map((f) => f.path));
    if (paths.size !== entry.files.length)
      ctx.addIssue({ code: 'custom', message: `${entry.id}: duplicate file path` });
    for (const variant of entry.variants) {
      for (const file of variant.files) {
        if (!paths.has(file))
          ctx.addIssue({ code: 'custom', message: `${entry.id}/${variant.id}: unknown file ${file}` });
      }
    }
    if (!entry.variants.some((v) => v.id === entry.defaultVariant)) {
      ctx.addIssue({ code: 'custom', message: `${entry.id}: default variant ${entry.defaultVariant} is not listed` });
    }
    const allHashed = entry.files.every((f) => f.sha256 !== null);
    if (entry.verified !== allHashed) {
      ctx.addIssue({
        code: 'custom',
        message: `${entry.id}: verified must be ${allHashed} (it is true only when every file has a publisher hash)`,
      });
    }
  });

/** Accepts the older `license: "MIT", licenseUrl` form too (see migrateLegacyLicense). */
export const manifestEntrySchema = z.preprocess(migrateLegacyLicense, manifestEntryObjectSchema);
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const manifestSchema = z
  .object({
    format: z.literal('quietchart.model-manifest'),
    version: z.literal(1),
    comment: z.string().optional(),
    models: z.array(manifestEntrySchema),
  })
  .superRefine((manifest, ctx) => {
    const ids = manifest.models.map((m) => m.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'duplicate model id' });
  });
export type Manifest = z.infer<typeof manifestSchema>;

export const findEntry = (manifest: Manifest, id: string): ManifestEntry | undefined =>
  manifest.models.find((m) => m.id === id);

/** The files one variant needs: every required file plus the variant's own ONNX files. */
export const filesForVariant = (entry: ManifestEntry, variantId: Quantization): ManifestFile[] => {
  const variant = entry.variants.find((v) => v.id === variantId);
  if (!variant) return [];
  const wanted = new Set(variant.files);
  return entry.files.filter((f) => f.required || wanted.has(f.path));
};

/** Sum of published sizes, or null when any size is unknown. */
export const totalBytes = (files: readonly ManifestFile[]): number | null =>
  files.reduce<number | null>((sum, f) => (sum === null || f.bytes === null ? null : sum + f.bytes), 0);

/** Exact sizes where known, else the publisher's rounded ones; null when a file has neither. */
export const approxTotalBytes = (files: readonly ManifestFile[]): number | null =>
  files.reduce<number | null>((sum, f) => {
    const size = f.bytes ?? f.approxBytes ?? null;
    return sum === null || size === null ? null : sum + size;
  }, 0);

/** `<base>/<repo>/resolve/<revision>/<path>`: the Hugging Face layout, which mirrors also serve. */
export const fileUrl = (entry: ManifestEntry, filePath: string, baseUrl = entry.source.baseUrl): string => {
  const base = baseUrl.replace(/\/+$/, '');
  const encoded = filePath.split('/').map(encodeURIComponent).join('/');
  return `${base}/${entry.source.repo}/resolve/${encodeURIComponent(entry.source.revision)}/${encoded}`;
};

/**
 * The section classifier's file format (JSON) and its loader. Payloads are base64: weights as int8
 * per class column with float scales, idf as uint8 on a linear grid, plus a SHA-256 over the decoded
 * payloads. The loader validates everything (format, version, label order, shapes, digest, finite
 * numbers) and refuses a wrong or corrupt file with a clear error instead of classifying with garbage.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../common/errors';
import { featureConfigSchema } from './features';
import { SECTION_LABELS } from './labels';
import type { SectionModel } from './model';
import { dequantizeColumnsInt8, dequantizeTableUint8, quantizeColumnsInt8, quantizeTableUint8 } from './quantize';

export const MODEL_FORMAT = 'quietchart.section-classifier';
export const MODEL_VERSION = 1;

const base64 = z
  .string()
  .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'not canonical base64');
const finite = z.number().refine(Number.isFinite, 'not a finite number');

export const sectionModelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  labels: z.array(z.string()),
  features: featureConfigSchema,
  threshold: finite.min(0).max(1),
  context: z.object({ window: z.number().int().min(0).max(10), weight: finite.min(0) }),
  idf: z.object({ encoding: z.literal('uint8-linear'), min: finite, max: finite, data: base64 }),
  weights: z.object({
    encoding: z.literal('int8-column-scaled'),
    shape: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    scales: z.array(finite.positive()),
    data: base64,
  }),
  bias: z.array(finite),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** How the model was made (settings, data digests, metrics); informational only. */
  training: z.record(z.string(), z.unknown()).optional(),
});
export type SectionModelFile = z.infer<typeof sectionModelFileSchema>;

const invalid = (detail: string): AppError =>
  new AppError('VALIDATION_FAILED', `The section classifier model file is invalid: ${detail}.`);

const payloadDigest = (
  idf: Uint8Array,
  weights: Int8Array,
  bias: readonly number[],
  scales: readonly number[],
): string =>
  createHash('sha256')
    .update(idf)
    .update(new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength))
    .update(JSON.stringify({ bias, scales }))
    .digest('hex');

/** Model → file (weights and idf quantised here; decoding gives back what inference uses). */
export const encodeSectionModel = (model: SectionModel, training?: Record<string, unknown>): SectionModelFile => {
  const { dimension, classes } = model.params;
  const idf = quantizeTableUint8(model.idf);
  const weights = quantizeColumnsInt8(model.params.weights, dimension, classes);
  const bias = Array.from(model.params.bias);
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    labels: [...model.labels],
    features: model.features,
    threshold: model.threshold,
    context: model.context,
    idf: { encoding: 'uint8-linear', min: idf.min, max: idf.max, data: Buffer.from(idf.data).toString('base64') },
    weights: {
      encoding: 'int8-column-scaled',
      shape: [dimension, classes],
      scales: weights.scales,
      data: Buffer.from(weights.data.buffer, weights.data.byteOffset, weights.data.byteLength).toString('base64'),
    },
    bias,
    sha256: payloadDigest(idf.data, weights.data, bias, weights.scales),
    ...(training ? { training } : {}),
  };
};

/** Validates an already-parsed JSON value and expands it to the in-memory model. */
export const decodeSectionModel = (value: unknown): SectionModel => {
  const parsed = sectionModelFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'unexpected shape'}`);
  }
  const file = parsed.data;
  if (file.labels.length !== SECTION_LABELS.length || file.labels.some((l, i) => l !== SECTION_LABELS[i])) {
    throw invalid('its labels are not the 20 section labels in the expected order');
  }
  const [dimension, classes] = file.weights.shape;
  if (dimension !== file.features.dimension) throw invalid('weight rows do not match the feature dimension');
  if (classes !== SECTION_LABELS.length) throw invalid('weight columns do not match the label count');
  if (file.weights.scales.length !== classes || file.bias.length !== classes) {
    throw invalid('scales or bias do not have one entry per label');
  }
  const idfBytes = new Uint8Array(Buffer.from(file.idf.data, 'base64'));
  const weightBytes = Buffer.from(file.weights.data, 'base64');
  if (idfBytes.length !== dimension)
    throw invalid(`the idf table has ${idfBytes.length} entries, expected ${dimension}`);
  if (weightBytes.length !== dimension * classes) {
    throw invalid(`the weights have ${weightBytes.length} entries, expected ${dimension * classes}`);
  }
  const weights = new Int8Array(weightBytes.buffer, weightBytes.byteOffset, weightBytes.byteLength);
  if (payloadDigest(idfBytes, weights, file.bias, file.weights.scales) !== file.sha256) {
    throw invalid('its checksum does not match (the file is corrupt or was edited)');
  }
  if (!(file.idf.min > 0 && file.idf.max >= file.idf.min)) throw invalid('the idf range is not positive');
  return {
    labels: SECTION_LABELS,
    features: file.features,
    idf: dequantizeTableUint8({ min: file.idf.min, max: file.idf.max, data: idfBytes }),
    params: {
      dimension,
      classes,
      weights: dequantizeColumnsInt8(weights, file.weights.scales, classes),
      bias: Float32Array.from(file.bias),
    },
    threshold: file.threshold,
    context: file.context,
  };
};

export const parseSectionModelJson = (json: string): SectionModel => {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw invalid('it is not JSON');
  }
  return decodeSectionModel(value);
};

export const loadSectionModel = (filePath: string): SectionModel => {
  let json: string;
  try {
    json = readFileSync(filePath, 'utf8');
  } catch (error) {
    throw new AppError('NOT_FOUND', 'The section classifier model file could not be read.', { cause: error });
  }
  return parseSectionModelJson(json);
};

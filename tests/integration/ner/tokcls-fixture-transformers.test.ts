/**
 * The generated BERT token classifiers (tests/fixtures/models/tokcls-*) through transformers.js, offline:
 * BertTokenizer reproduces the generator's independent WordPiece encoder (BertNormalizer, BertPreTokenizer,
 * "##" pieces, [UNK], pairs), BertForTokenClassification reproduces the float64 PyTorch reference logits
 * (padded batch, token types of a pair), the q8 graph stays close to them, and
 * pipeline('token-classification') groups the oracle's tags into the expected entities.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AutoModelForTokenClassification,
  AutoTokenizer,
  BertForTokenClassification,
  BertTokenizer,
  pipeline,
  type Tensor,
} from '@huggingface/transformers';
import {
  TOKCLS_ORACLE,
  TOKCLS_RANDOM,
  argmax,
  configSchema,
  int64,
  oracleManifestSchema,
  readJsonFile,
  referenceSchema,
  useLocalFixtures,
} from './fixture-files';

const reference = readJsonFile(referenceSchema, TOKCLS_RANDOM, 'reference.json');
const config = readJsonFile(configSchema, TOKCLS_RANDOM, 'config.json');

/** Logits of the reference batch: [batch][token] rows of num_labels values (padding rows dropped). */
const referenceLogits = async (dtype: 'fp32' | 'q8'): Promise<number[][][]> => {
  const model = await AutoModelForTokenClassification.from_pretrained(TOKCLS_RANDOM, { dtype });
  expect(model).toBeInstanceOf(BertForTokenClassification);
  const { logits } = (await model({
    input_ids: int64(reference.batch.input_ids),
    attention_mask: int64(reference.batch.attention_mask),
    token_type_ids: int64(reference.batch.token_type_ids),
  })) as { logits: Tensor };
  await model.dispose();
  const [batch, width, labels] = logits.dims;
  expect([batch, labels]).toEqual([reference.inputs.length, config.num_labels]);
  const data = logits.data as Float32Array;
  const at = (b: number, t: number): number => (b * (width ?? 0) + t) * config.num_labels;
  return reference.inputs.map((input, b) =>
    input.input_ids.map((_, t) => Array.from(data.subarray(at(b, t), at(b, t) + config.num_labels))),
  );
};

describe('generated BERT token classifiers through transformers.js', () => {
  beforeAll(() => {
    useLocalFixtures();
  });

  it('has a BIO label set in config.json', () => {
    expect(config.num_labels).toBe(11);
    expect(Object.values(config.id2label)).toEqual(reference.labels);
    expect(reference.labels[0]).toBe('O');
    for (const [id, label] of Object.entries(config.id2label)) expect(config.label2id[label]).toBe(Number(id));
  });

  it('loads BertTokenizer and encodes like the generator (normalizer, pre-tokenizer, WordPiece, pairs)', async () => {
    const tokenizer = await AutoTokenizer.from_pretrained(TOKCLS_RANDOM);
    expect(tokenizer).toBeInstanceOf(BertTokenizer);
    for (const { text, tokens, ids } of reference.tokenization) {
      expect(tokenizer.tokenize(text)).toEqual(tokens);
      expect(tokenizer.encode(text)).toEqual(ids);
    }
    for (const input of reference.inputs) {
      const encoded = tokenizer(input.text, {
        text_pair: input.text_pair,
        return_tensor: false,
        return_token_type_ids: true,
      }) as { input_ids: number[]; token_type_ids: number[] };
      expect(encoded.input_ids).toEqual(input.input_ids);
      expect(encoded.token_type_ids).toEqual(input.token_type_ids);
    }
  });

  it('reproduces the PyTorch reference logits (fp32, padded batch, token types) within 1e-4', async () => {
    const logits = await referenceLogits('fp32');
    reference.inputs.forEach((input, b) => {
      input.logits.forEach((expected, t) => {
        const got = logits[b]?.[t] ?? [];
        expected.forEach((value, k) => {
          expect(Math.abs((got[k] ?? Number.NaN) - value)).toBeLessThan(1e-4);
        });
        expect(reference.labels[argmax(got)]).toBe(input.labels[t]);
      });
    });
  });

  it('keeps the q8 graph (dynamic int8 Linear layers) close to the reference', async () => {
    const logits = await referenceLogits('q8');
    let agree = 0;
    let total = 0;
    reference.inputs.forEach((input, b) => {
      input.logits.forEach((expected, t) => {
        const got = logits[b]?.[t] ?? [];
        expected.forEach((value, k) => {
          expect(Math.abs((got[k] ?? Number.NaN) - value)).toBeLessThan(0.5);
        });
        total++;
        if (argmax(got) === argmax(expected)) agree++;
      });
    });
    expect(agree / total).toBeGreaterThan(0.9);
  });

  it("runs pipeline('token-classification') on the oracle: NAME and ID entities", async () => {
    const manifest = readJsonFile(oracleManifestSchema, TOKCLS_ORACLE, 'generated.json');
    const classifier = await pipeline('token-classification', TOKCLS_ORACLE, { dtype: 'fp32' });
    const raw = await classifier(manifest.oracle.source_text, { ignore_labels: [] });
    expect(raw.map((token) => token.entity)).toEqual(manifest.oracle.source_labels);
    expect(raw.map((token) => token.word)).toEqual(manifest.oracle.source_tokens);
    const grouped = await classifier(manifest.oracle.source_text, { aggregation_strategy: 'simple' });
    expect(grouped.map(({ entity_group, word }) => [entity_group, word])).toEqual([
      ['NAME', 'maria garcia'],
      ['ID', '448812'],
    ]);
    for (const entity of grouped) expect(entity.score).toBeGreaterThan(0.999);
    await classifier.dispose();
  });
});

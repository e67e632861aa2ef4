/**
 * The token tagger (main/language/ner) on the generated fixtures, in this process. The oracle tags the
 * tokens "maria" B-NAME, "garcia" I-NAME, a word-initial digit B-ID and a "##" digit I-ID, everything else O,
 * whatever surrounds them, so every expected span is known exactly and offsets can be checked through
 * whitespace runs, accents (composed and combining), case, punctuation, surrogate pairs, characters the
 * normalizer drops, literal special tokens and texts that need several windows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenTagger, type TaggedSpan, type TokenTagger } from '../../../main/language/ner/token-tagger';
import { makeTempDir } from '../../helpers/temp-runtime';
import { MODELS_DIR, TOKCLS_ORACLE, TOKCLS_RANDOM, oracleManifestSchema, readJsonFile } from './fixture-files';

const ORACLE = path.join(MODELS_DIR, TOKCLS_ORACLE);

const plain = (spans: readonly TaggedSpan[]): [string, number, number, string][] =>
  spans.map(({ label, start, end, text }) => [label, start, end, text]);

/** The span of `needle` (its first occurrence at or after `from`) in `text`. */
const at = (text: string, label: string, needle: string, from = 0): [string, number, number, string] => {
  const start = text.indexOf(needle, from);
  expect(start).toBeGreaterThanOrEqual(0);
  return [label, start, start + needle.length, needle];
};

const copyOracle = (edit: (dir: string) => void): string => {
  const dir = path.join(makeTempDir(), 'tokcls-copy');
  fs.cpSync(ORACLE, dir, { recursive: true });
  edit(dir);
  return dir;
};

const editConfig = (dir: string, change: (config: Record<string, unknown>) => void): void => {
  const file = path.join(dir, 'config.json');
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  change(config);
  fs.writeFileSync(file, JSON.stringify(config));
};

describe('token tagger', () => {
  let tagger: TokenTagger;
  beforeAll(async () => {
    tagger = await loadTokenTagger({ modelDir: ORACLE, precision: 'fp32' });
  });
  afterAll(async () => {
    await tagger.dispose();
  });

  it('tags the oracle sentence: NAME "Maria Garcia" and ID "448812" at their offsets', async () => {
    const manifest = readJsonFile(oracleManifestSchema, TOKCLS_ORACLE, 'generated.json');
    const text = 'Maria Garcia, MRN 448812, has a cough.';
    expect(manifest.oracle.source_text).toBe(text);
    const spans = await tagger.tag(text);
    expect(plain(spans)).toEqual([
      ['NAME', 0, 12, 'Maria Garcia'],
      ['ID', 18, 24, '448812'],
    ]);
    expect(spans).toEqual(
      manifest.oracle.expected_spans.map((span) => ({ ...span, score: expect.any(Number) as number })),
    );
    for (const span of spans) expect(span.score).toBeGreaterThan(0.999);
  });

  it('keeps offsets right through whitespace, case, accents and punctuation', async () => {
    const text = '  MARÍA\t\tGarcía   (MRN:448812)!!  ¿María?  garcia-maria';
    expect(plain(await tagger.tag(text))).toEqual([
      at(text, 'NAME', 'MARÍA\t\tGarcía'),
      at(text, 'ID', '448812'),
      at(text, 'NAME', 'María'),
      at(text, 'NAME', 'garcia'),
      at(text, 'NAME', 'maria', text.indexOf('-')),
    ]);
  });

  it('covers whole original characters: combining accents, surrogate pairs, dropped characters', async () => {
    const combining = 'Pt: Mari\u0301a Garci\u0301a.';
    expect(plain(await tagger.tag(combining))).toEqual([at(combining, 'NAME', 'Mari\u0301a Garci\u0301a')]);
    const emoji = '😀😀 Maria 😀 448812 😀x';
    expect(plain(await tagger.tag(emoji))).toEqual([at(emoji, 'NAME', 'Maria'), at(emoji, 'ID', '448812')]);
    // A word with a character the vocabulary cannot spell is one [UNK] (as in BERT): the oracle tags it O.
    expect(await tagger.tag('448812😀')).toEqual([]);
    const hidden = 'Ma\u200bria\u0000 Gar\u00adcia 12';
    expect(plain(await tagger.tag(hidden))).toEqual([
      at(hidden, 'NAME', 'Ma\u200bria\u0000 Gar\u00adcia'),
      at(hidden, 'ID', '12'),
    ]);
    const specials = '[SEP] Maria [UNK] ß 7 [CLS]';
    expect(plain(await tagger.tag(specials))).toEqual([at(specials, 'NAME', 'Maria'), at(specials, 'ID', '7')]);
  });

  it('tags words whole: a word tagged in part is one span, an I- with nothing open starts one', async () => {
    const text = 'MRN448812 Mariana x9 Garcia';
    expect(plain(await tagger.tag(text))).toEqual([
      at(text, 'ID', 'MRN448812'),
      at(text, 'NAME', 'Mariana'),
      at(text, 'ID', 'x9'),
      at(text, 'NAME', 'Garcia'),
    ]);
  });

  it('returns nothing for empty or untaggable text', async () => {
    expect(await tagger.tag('')).toEqual([]);
    expect(await tagger.tag(' \n\t ')).toEqual([]);
    expect(await tagger.tag('The patient has a cough.')).toEqual([]);
  });

  it('reads a text longer than one window (64 positions) as its sentences read alone', async () => {
    const sentences = Array.from(
      { length: 30 },
      (_, i) => `Visit with Maria  Garcia, MRN ${String(448800 + i)}; she reports a mild cough since yesterday.`,
    );
    const text = sentences.join(' ');
    const expected: [string, number, number, string][] = [];
    let offset = 0;
    for (const sentence of sentences) {
      for (const [label, start, end, span] of plain(await tagger.tag(sentence)))
        expected.push([label, start + offset, end + offset, span]);
      offset += sentence.length + 1;
    }
    expect(expected).toHaveLength(60);
    const spans = await tagger.tag(text);
    expect(plain(spans)).toEqual(expected);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('keeps a word longer than a window in one span', async () => {
    const digits = '1234567890'.repeat(9); // 90 digits: 90 tokens, more than one 62-token window
    const text = `Maria ${digits} Garcia`;
    expect(plain(await tagger.tag(text))).toEqual([
      at(text, 'NAME', 'Maria'),
      at(text, 'ID', digits),
      at(text, 'NAME', 'Garcia'),
    ]);
  });

  it('loads the q8 graph by default and tags with it', async () => {
    const random = await loadTokenTagger({ modelDir: path.join(MODELS_DIR, TOKCLS_RANDOM) });
    const text = 'Maria García, MRN 448812, seen on 03/14/2024. '.repeat(8);
    const spans = await random.tag(text);
    for (const span of spans) {
      expect(text.slice(span.start, span.end)).toBe(span.text);
      expect(['NAME', 'DATE', 'ID', 'PHONE', 'ADDRESS']).toContain(span.label);
      expect(span.score).toBeGreaterThan(0);
      expect(span.score).toBeLessThanOrEqual(1 + 1e-6);
    }
    await random.dispose();
  });

  it('refuses a folder that is not a BIO token classifier', async () => {
    const invalid = { code: 'MODEL_INVALID' };
    for (const other of ['marian-oracle', 'llama-oracle'])
      await expect(
        loadTokenTagger({ modelDir: path.join(MODELS_DIR, other), precision: 'fp32' }),
      ).rejects.toMatchObject(invalid);
    const noGraph = copyOracle((dir) => {
      fs.rmSync(path.join(dir, 'onnx', 'model.onnx'));
    });
    await expect(loadTokenTagger({ modelDir: noGraph, precision: 'fp32' })).rejects.toMatchObject(invalid);
    // Labels the config names but the graph does not score (13 in config.json, 11 logits).
    const wider = copyOracle((dir) => {
      editConfig(dir, (config) => {
        const id2label = config['id2label'] as Record<string, string>;
        id2label['11'] = 'B-AGE';
        id2label['12'] = 'I-AGE';
        config['num_labels'] = 13;
        config['label2id'] = Object.fromEntries(Object.entries(id2label).map(([id, label]) => [label, Number(id)]));
      });
    });
    await expect(loadTokenTagger({ modelDir: wider, precision: 'fp32' })).rejects.toMatchObject({
      ...invalid,
      message: expect.stringContaining('11 scores per token') as unknown,
    });
    const miscounted = copyOracle((dir) => {
      editConfig(dir, (config) => {
        config['num_labels'] = 12;
      });
    });
    await expect(loadTokenTagger({ modelDir: miscounted, precision: 'fp32' })).rejects.toMatchObject(invalid);
    const notBio = copyOracle((dir) => {
      editConfig(dir, (config) => {
        (config['id2label'] as Record<string, string>)['1'] = 'NAME';
      });
    });
    await expect(loadTokenTagger({ modelDir: notBio, precision: 'fp32' })).rejects.toMatchObject({
      ...invalid,
      message: expect.stringContaining('"NAME"') as unknown,
    });
  });

  it('refuses a model that does not fit in memory', async () => {
    await expect(loadTokenTagger({ modelDir: ORACLE, precision: 'fp32', maxMemoryBytes: 1 })).rejects.toMatchObject({
      code: 'MODEL_TOO_LARGE',
    });
  });
});

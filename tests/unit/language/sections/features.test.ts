import { describe, expect, it } from 'vitest';
import {
  computeIdf,
  countFeatures,
  featurizeText,
  tokenize,
  vectorize,
} from '../../../../main/language/sections/features';
import type { FeatureConfig } from '../../../../main/language/sections/features';
import { hash32 } from '../../../../main/language/sections/hashing';
import { l2Norm } from '../../../../main/language/sections/sparse';
import { parseTurns } from '../../../../main/language/sections/turns';

const config: FeatureConfig = {
  dimension: 1 << 12,
  hashSeed: 17,
  wordNgramMax: 2,
  charNgramMin: 3,
  charNgramMax: 5,
  groupWeights: { word: 1, speaker: 0.7, char: 1, meta: 0.3 },
};
const dialogue = 'Doctor: Do you have any allergies to medications?\nPatient: Yes, penicillin. It gives me hives.';

describe('section features', () => {
  it('tokenises to lowercase words, folding digits and curly apostrophes', () => {
    expect(tokenize('I\u2019m 45, BP 120/80 — OK?')).toEqual(["i'm", '00', 'bp', '000', '00', 'ok']);
  });

  it('keeps the hash function stable (the committed model depends on it)', () => {
    // Values from an independent Python implementation of seeded FNV-1a + murmur3 fmix32.
    expect(hash32('', 0)).toBe(2872998923);
    expect(hash32('allergy', 17)).toBe(3472477459);
    expect(hash32('word\u0001allergies', 17)).toBe(2519508898);
    expect(hash32('allergy', 17)).not.toBe(hash32('allergy', 18));
  });

  it('produces identical vectors for the same text every time', () => {
    const idf = computeIdf([countFeatures(parseTurns(dialogue), config)], config.dimension);
    const a = featurizeText(dialogue, idf, config);
    const b = featurizeText(dialogue, idf, config);
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('returns unit-length vectors with sorted unique indices', () => {
    const idf = new Float32Array(config.dimension).fill(1);
    const x = featurizeText(dialogue, idf, config);
    expect(l2Norm(x.values)).toBeCloseTo(1, 6);
    for (let i = 1; i < x.indices.length; i += 1) expect(x.indices[i]).toBeGreaterThan(x.indices[i - 1] ?? -1);
  });

  it('gives the empty text an all-zero vector rather than NaN', () => {
    const idf = new Float32Array(config.dimension).fill(1);
    const x = vectorize(countFeatures([], config), idf, {
      ...config,
      groupWeights: { word: 1, speaker: 1, char: 1, meta: 0 },
    });
    expect(x.indices.length).toBe(0);
  });

  it('tags words with the speaker who said them', () => {
    const asClinician = countFeatures([{ speaker: 'clinician', text: 'allergies' }], config);
    const asPatient = countFeatures([{ speaker: 'patient', text: 'allergies' }], config);
    expect([...asClinician.word.keys()]).toEqual([...asPatient.word.keys()]);
    expect([...asClinician.speaker.keys()]).not.toEqual([...asPatient.speaker.keys()]);
  });

  it('computes smoothed idf: rarer buckets weigh more', () => {
    const a = countFeatures([{ speaker: 'unknown', text: 'common rare' }], config);
    const b = countFeatures([{ speaker: 'unknown', text: 'common' }], config);
    const idf = computeIdf([a, b], config.dimension);
    const [common] = [...b.word.keys()];
    const rare = [...a.word.keys()].find((k) => !b.word.has(k));
    expect(idf[common ?? 0]).toBeCloseTo(1, 6);
    expect(idf[rare ?? 0]).toBeGreaterThan(1);
  });
});

describe('dialogue turns', () => {
  it('reads MTS-Dialog, ACI-Bench and plain text', () => {
    expect(parseTurns('Doctor: Hi.\nPatient: Hello.\nGuest_family: He is fine.').map((t) => t.speaker)).toEqual([
      'clinician',
      'patient',
      'other',
    ]);
    expect(parseTurns('[doctor] hi .\n[patient] hello .').map((t) => t.speaker)).toEqual(['clinician', 'patient']);
    expect(parseTurns('Any allergies?')).toEqual([{ speaker: 'unknown', text: 'Any allergies?' }]);
  });

  it('keeps an unprefixed line with the turn before it and ignores "Note:"-like prefixes', () => {
    const turns = parseTurns('Doctor: Any allergies?\nto medications, I mean\nPatient: Plan: none, really.');
    expect(turns).toEqual([
      { speaker: 'clinician', text: 'Any allergies? to medications, I mean' },
      { speaker: 'patient', text: 'Plan: none, really.' },
    ]);
  });
});

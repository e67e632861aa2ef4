import { describe, expect, it } from 'vitest';
import type { Draft } from '../../../../main/notes/composer/draft';
import { selectDrafts, selectorFeatures, selectorScore } from '../../../../main/notes/composer/selector';
import type { SelectorModel } from '../../../../main/notes/composer/selector';
import { fitLogistic, oracleLabels, tokensOf } from '../../../../main/notes/composer/selector-fit';
import type { Example } from '../../../../main/notes/composer/selector-fit';

const d = (text: string, kind: Draft['kind'], order = 0): Draft => ({
  text,
  kind,
  order,
  group: 0,
  style: 'prose',
  evidence: [{ segmentId: 's', start: 0, end: 1 }],
});

describe('sentence selector', () => {
  it('labels as positive only sentences that raise ROUGE-1 against the reference', () => {
    const reference = tokensOf('The patient reports knee pain for 2 weeks. Denies fever.');
    const labels = oracleLabels(
      [],
      [
        tokensOf('She reports knee pain for 2 weeks.'),
        tokensOf('The weather has been lovely this fall.'),
        tokensOf('Denies fever.'),
      ],
      reference,
    );
    expect(labels).toEqual([true, false, true]);
  });

  it('learns word weights that separate kept from dropped sentences', () => {
    const examples: Example[] = Array.from({ length: 40 }, (_, i) => ({
      features: i % 2 === 0 ? ['w=pain', 'k=patient'] : ['w=weather', 'k=patient'],
      label: i % 2 === 0 ? 1 : 0,
    }));
    const fitted = fitLogistic(examples, { l2: 0.001, iterations: 200, learningRate: 0.1, minFeatureCount: 1 });
    const model: SelectorModel = { version: 1, description: 'test', threshold: 0.5, ...fitted };
    expect(selectorScore(model, ['w=pain', 'k=patient'])).toBeGreaterThan(0.8);
    expect(selectorScore(model, ['w=weather', 'k=patient'])).toBeLessThan(0.2);
  });

  it('keeps structured sentences whatever their score, and everything without a model', () => {
    const model: SelectorModel = { version: 1, description: 'test', threshold: 0.5, bias: -10, weights: {} };
    const drafts = [
      d('Denies fever.', 'structured'),
      d('The weather is nice.', 'patient'),
      d('Brian is a 58-year-old male.', 'intro'),
    ];
    expect(selectDrafts(drafts, model, 10).map((x) => x.text)).toEqual([
      'Denies fever.',
      'Brian is a 58-year-old male.',
    ]);
    expect(selectDrafts(drafts, null, 10)).toHaveLength(3);
  });

  it('describes a sentence by its words, its source and its place in the visit', () => {
    const features = selectorFeatures(d('Knee pain for 2 weeks.', 'patient', 5), 0.05);
    expect(features).toEqual(expect.arrayContaining(['k=patient', 'w=knee', 'w=#num', 'pos=patient:0']));
  });
});

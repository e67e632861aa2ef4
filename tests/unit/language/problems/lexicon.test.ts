import { describe, expect, it } from 'vitest';
import problemData from '../../../../main/language/lexicons/problems.json';
import { compileProblemLexicon, pluralOf, problemLexicon } from '../../../../main/language/problems/lexicon';

const names = (text: string): string[] =>
  problemLexicon()
    .index.find(text)
    .flatMap((h) => h.values.map((v) => v.name));

describe('problems lexicon', () => {
  it('covers a few hundred primary-care problems and symptoms', () => {
    const { size } = problemLexicon();
    expect(size.concepts).toBeGreaterThanOrEqual(250);
    expect(size.synonyms).toBeGreaterThanOrEqual(1000);
  });

  it.each([
    ["I've been short of breath", 'shortness of breath'],
    ["I can't catch my breath", 'shortness of breath'],
    ['SOB on exertion', 'shortness of breath'],
    ['high blood pressure', 'hypertension'],
    ['my sugars have been high', 'diabetes mellitus'],
    ['type 2 diabetes', 'diabetes mellitus'],
    ['a heart attack in 2018', 'myocardial infarction'],
    ['ringing in your ears', 'tinnitus'],
    ['blood in his stool', 'blood in stool'],
  ])('maps the lay term in "%s" to %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it.each([
    ['knee pain', 'knee pain'],
    ['pain in my left knee', 'knee pain'],
    ['my lower back hurts', 'low back pain'],
    ['back pain', 'back pain'],
    ['a sore right shoulder', 'shoulder pain'],
    ['pain in your stomach', 'abdominal pain'],
  ])('generates body-site pain variants: %s', (text, name) => {
    expect(names(text)).toEqual([name]);
  });

  it('matches case-insensitively, on word boundaries, longest first, with offsets', () => {
    const text = 'Patient reports CHEST PAIN and painful swallowing.';
    const hits = problemLexicon().index.find(text);
    expect(hits.map((h) => [h.values[0]?.name, text.slice(h.start, h.end)])).toEqual([
      ['chest pain', 'CHEST PAIN'],
      ['odynophagia', 'painful swallowing'],
    ]);
    expect(names('backpack')).toEqual([]);
  });

  it('indexes plurals', () => {
    expect(names('headaches and rashes')).toEqual(['headache', 'rash']);
    expect(pluralOf('rash')).toBe('rashes');
    expect(pluralOf('allergy')).toBe('allergies');
    expect(pluralOf('diabetes')).toBeUndefined();
  });

  it('blocks phrases that contain a term but are not a problem', () => {
    expect(names('I need more pain medication')).toEqual([]);
    expect(names('I fell asleep early')).toEqual([]);
    expect(names('she got the flu shot')).toEqual([]);
    expect(names('you completed the covid vaccine')).toEqual([]);
  });

  it('refuses a lexicon that lists one synonym under two concepts', () => {
    const broken = {
      ...problemData,
      concepts: [...problemData.concepts, { name: 'air trouble', category: 'symptom', synonyms: ['short of breath'] }],
    };
    expect(() => compileProblemLexicon(broken)).toThrow(
      /"short of breath" names both "shortness of breath" and "air trouble"/,
    );
  });

  it('refuses a blocker that is also a synonym', () => {
    expect(() => compileProblemLexicon({ ...problemData, blockers: ['chest pain'] })).toThrow(
      /blocker "chest pain" is also a synonym/,
    );
  });

  it('refuses a malformed lexicon with the field at fault', () => {
    expect(() =>
      compileProblemLexicon({ ...problemData, concepts: [{ name: 'x', category: 'finding', synonyms: [] }] }),
    ).toThrow(/Invalid problems lexicon: concepts\.0\.category/);
  });
});

import { describe, expect, it } from 'vitest';
import medications from '../../../../main/language/lexicons/medications.json';
import { medicationLexicon } from '../../../../main/language/medications/lexicon';
import { normalizePhrase } from '../../../../main/language/medications/phrase-matcher';

describe('medication lexicon', () => {
  it('has a few hundred generics and never maps one name to two drugs', () => {
    const lex = medicationLexicon();
    expect(lex.size.generics).toBeGreaterThanOrEqual(300);
    const owner = new Map<string, string>();
    for (const [generic, aliases] of Object.entries(medications.drugs)) {
      for (const name of [generic, ...aliases]) {
        const key = normalizePhrase(name);
        const prior = owner.get(key);
        expect(prior === undefined || prior === generic, `${name} → ${prior ?? ''} and ${generic}`).toBe(true);
        owner.set(key, generic);
      }
    }
  });

  it('finds the generic for a brand in any case', () => {
    expect(medicationLexicon().genericOf('Norvasc')).toBe('amlodipine');
    expect(medicationLexicon().genericOf('not a drug')).toBeUndefined();
  });
});

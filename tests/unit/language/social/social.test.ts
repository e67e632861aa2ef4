import { describe, expect, it } from 'vitest';
import { Finding } from '../../../../common/findings';
import { extractSocial } from '../../../../main/language/social/extract';
import { one, segs } from '../medications/segments';

const social = (found: ReturnType<typeof extractSocial>) => found.map((f) => [f.category, f.status, f.detail]);

describe('social history extraction', () => {
  it('reads current smoking with packs per day', () => {
    expect(social(extractSocial(one('i smoke about a pack a day')))).toEqual([
      ['tobacco', 'current', '1 pack per day'],
    ]);
    expect(social(extractSocial(one('i smoke two packs a day')))).toEqual([['tobacco', 'current', '2 packs per day']]);
  });

  it('reads former smoking with when they quit, and never smoking', () => {
    expect(social(extractSocial(one('i used to smoke but i quit about 30 years ago')))).toEqual([
      ['tobacco', 'former', 'quit 30 years ago'],
    ]);
    expect(social(extractSocial(one("i've never smoked")))).toEqual([['tobacco', 'never', null]]);
  });

  it('reads vaping as tobacco use', () => {
    expect(social(extractSocial(one('i vape every day')))).toEqual([['tobacco', 'current', 'vaping']]);
  });

  it('reads alcohol: drinks per week, socially, denies', () => {
    expect(
      social(extractSocial(segs(['d', 'how much alcohol do you drink ?'], ['p', 'maybe two glasses of wine a week']))),
    ).toEqual([['alcohol', 'current', '2 glasses of wine per week']]);
    expect(social(extractSocial(one('i drink socially')))).toEqual([['alcohol', 'current', 'socially']]);
    expect(social(extractSocial(segs(['d', 'do you drink alcohol ?'], ['p', 'no'])))).toEqual([
      ['alcohol', 'never', null],
    ]);
  });

  it('does not read drinking water as alcohol', () => {
    expect(extractSocial(one('i drink a lot of water'))).toEqual([]);
    expect(extractSocial(one('make sure you drink plenty of fluids', 'd'))).toEqual([]);
  });

  it('reads substances by name and IV drug use', () => {
    expect(social(extractSocial(one('i smoke weed on weekends')))).toEqual([['substance', 'current', 'marijuana']]);
    expect(social(extractSocial(one('i used cocaine in my twenties but not anymore')))).toEqual([
      ['substance', 'former', 'cocaine'],
    ]);
    expect(social(extractSocial(segs(['d', 'any iv drug use ?'], ['p', 'never'])))).toEqual([
      ['substance', 'never', 'iv drug use'],
    ]);
  });

  it('applies one "no" to every habit asked about', () => {
    expect(social(extractSocial(segs(['d', 'do you smoke , drink or use any drugs ?'], ['p', 'nope'])))).toEqual([
      ['tobacco', 'never', null],
      ['alcohol', 'never', null],
      ['substance', 'never', null],
    ]);
  });

  it('ignores other people’s habits', () => {
    expect(extractSocial(one('my husband smokes in the garage'))).toEqual([]);
  });

  it('gives one finding per category with all evidence, satisfying the schema', () => {
    const found = extractSocial(segs(['d', 'do you smoke ?'], ['p', 'no .'], ['p', 'well i used to smoke in college']));
    expect(social(found)).toEqual([['tobacco', 'former', null]]);
    expect(found[0]!.evidence.length).toBeGreaterThanOrEqual(2);
    for (const f of found) expect(() => Finding.parse(f)).not.toThrow();
  });
});

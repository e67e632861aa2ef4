import { describe, expect, it } from 'vitest';
import { Finding } from '../../../../common/findings';
import { extractAllergies } from '../../../../main/language/allergies/extract';
import { one, segs } from '../medications/segments';

const summary = (found: ReturnType<typeof extractAllergies>) =>
  found.map((f) => [f.substance, f.reaction, f.noKnownAllergies]);

describe('allergy extraction', () => {
  it('reads a drug class with its reaction', () => {
    expect(summary(extractAllergies(one("i'm allergic to sulfa , i get a rash")))).toEqual([
      ['sulfa drugs', 'rash', false],
    ]);
    expect(summary(extractAllergies(one('penicillin allergy , it gave me hives')))).toEqual([
      ['penicillin', 'hives', false],
    ]);
  });

  it('maps an individual drug to its generic and reads every drug in a list', () => {
    expect(summary(extractAllergies(one("you're allergic to percocet , vicodin and codeine", 'd')))).toEqual([
      ['oxycodone-acetaminophen', null, false],
      ['hydrocodone-acetaminophen', null, false],
      ['codeine', null, false],
    ]);
  });

  it('reads foods and environmental allergens', () => {
    expect(summary(extractAllergies(one("i'm allergic to peanuts , my throat closes up")))).toEqual([
      ['peanuts', 'anaphylaxis', false],
    ]);
    expect(summary(extractAllergies(one('i have a bad allergy to cats')))).toEqual([['cats', null, false]]);
  });

  it('reads "no known allergies" in its several forms', () => {
    for (const text of [
      'no known drug allergies',
      "i do n't have any allergies",
      'nkda',
      "i'm not allergic to anything",
    ]) {
      expect(summary(extractAllergies(one(text)))).toEqual([[null, null, true]]);
    }
  });

  it('reads an answer to an allergy question', () => {
    expect(
      summary(
        extractAllergies(
          segs(['d', 'do you have any allergies to medicines ?'], ['p', "no , i do n't have no allergies ."]),
        ),
      ),
    ).toEqual([[null, null, true]]);
    expect(
      summary(
        extractAllergies(
          segs(['d', 'any allergies to medications ?'], ['p', 'just amoxicillin . i break out in hives']),
        ),
      ),
    ).toEqual([['amoxicillin', 'hives', false]]);
    expect(
      summary(extractAllergies(segs(['d', "you're allergic to augmentin , is that right ?"], ['p', 'yes']))),
    ).toEqual([['amoxicillin-clavulanate', null, false]]);
    expect(extractAllergies(segs(['d', 'are you allergic to penicillin ?'], ['p', 'no']))).toEqual([]);
  });

  it('does not mistake seasonal allergies or their treatment for a drug allergy', () => {
    expect(extractAllergies(one('my seasonal allergies are acting up so i take claritin'))).toEqual([]);
    expect(extractAllergies(one('no seasonal allergies this year'))).toEqual([]);
    expect(extractAllergies(one('we can try some singulair for your allergies', 'd'))).toEqual([]);
    expect(extractAllergies(segs(['d', 'any seasonal allergies ?'], ['p', 'no']))).toEqual([]);
  });

  it('respects negation of the allergy itself', () => {
    expect(extractAllergies(one("i'm not allergic to penicillin"))).toEqual([]);
  });

  it('reads a reaction given after the clinician asks what happened', () => {
    const found = extractAllergies(
      segs(['p', "i'm allergic to shellfish"], ['d', 'what happens ?'], ['p', 'my lips swell up']),
    );
    expect(summary(found)).toEqual([['shellfish', 'swelling', false]]);
    for (const f of found) expect(() => Finding.parse(f)).not.toThrow();
  });
});

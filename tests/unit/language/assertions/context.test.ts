import { describe, expect, it } from 'vitest';
import { analyseContext, assertionFor } from '../../../../main/language/assertions/context';

/** Assertion of the first occurrence of `concept` in `sentence`. */
const of = (sentence: string, concept: string) => {
  const start = sentence.toLowerCase().indexOf(concept.toLowerCase());
  if (start < 0) throw new Error(`"${concept}" not in "${sentence}"`);
  return assertionFor(sentence, start, start + concept.length);
};

describe('ConText negation', () => {
  it.each([
    ['The patient denies chest pain.', 'chest pain'],
    ['No fever.', 'fever'],
    ['She is free of suicidal ideation today.', 'suicidal ideation'],
    ['Lower extremity dopplers were negative for DVT.', 'DVT'],
    ['Neck is supple without lymphadenopathy.', 'lymphadenopathy'],
    ["I haven't had any chest pain since the last visit.", 'chest pain'],
    ['I havent had any chest pain.', 'chest pain'],
    ["you do n't have any fever", 'fever'],
    ['He has never had a seizure.', 'seizure'],
    ['She no longer has insomnia.', 'insomnia'],
  ])('negates a concept after a pre-trigger: %s', (sentence, concept) => {
    expect(of(sentence, concept).negated).toBe(true);
  });

  it.each([
    ['Pneumothorax was ruled out.', 'Pneumothorax'],
    ['Malignancy is unlikely given the imaging.', 'Malignancy'],
    ['Constipation is denied.', 'Constipation'],
    ['Vomiting is absent.', 'Vomiting'],
    ['Hepatitis serologies were negative.', 'Hepatitis'],
    ['The pain is gone.', 'pain'],
    ['Chest pain: denies.', 'Chest pain'],
    ['Diarrhea: none.', 'Diarrhea'],
    ['Sepsis was considered but ruled out.', 'Sepsis'],
  ])('negates a concept before a post-trigger: %s', (sentence, concept) => {
    expect(of(sentence, concept).negated).toBe(true);
  });

  it.each([
    ['There has been no change in the infiltrate.', 'infiltrate'],
    ['No increase in edema was noted.', 'edema'],
    ['Sputum grew gram negative bacilli.', 'bacilli'],
    ['She is not only short of breath but also dizzy.', 'short of breath'],
    ['The medication did not help her pain.', 'pain'],
    ['Tylenol is not controlling his back pain.', 'back pain'],
    ['The swelling has not gone down.', 'swelling'],
  ])('ignores a pseudo-trigger: %s', (sentence, concept) => {
    expect(of(sentence, concept).negated).toBe(false);
  });

  it('stops negation at a termination term', () => {
    const s = 'No fever but she has a persistent cough.';
    expect(of(s, 'fever').negated).toBe(true);
    expect(of(s, 'cough').negated).toBe(false);
    expect(of('He denies weakness however reports numbness.', 'numbness').negated).toBe(false);
    expect(of("I'm not dizzy, just tired.", 'tired').negated).toBe(false);
  });

  it('stops negation where "and" starts a new clause with its own subject', () => {
    expect(of('No fever and my knee hurts.', 'my knee hurts').negated).toBe(false);
    expect(of('No fever and chills.', 'chills').negated).toBe(true);
    // A relative stays the experiencer across "and she".
    expect(of('My mother has diabetes and she has high blood pressure.', 'high blood pressure').experiencer).toBe(
      'family',
    );
  });

  it('keeps negation inside its sentence and clause', () => {
    expect(of('No fever. Cough for a week.', 'Cough').negated).toBe(false);
    expect(of('No fever; cough for a week.', 'cough').negated).toBe(false);
  });

  it('reaches over a long list of short items but not over a long unrelated stretch', () => {
    const ros = 'He denies fevers, chills, night sweats, weight loss, nausea, vomiting, or changes in appetite.';
    expect(of(ros, 'changes in appetite').negated).toBe(true);
    expect(
      of('No relief from the medicine she took yesterday at home after work and then cough.', 'cough').negated,
    ).toBe(false);
  });

  it('treats "cannot ... without" as a double negation', () => {
    expect(of('He cannot climb stairs without shortness of breath.', 'shortness of breath').negated).toBe(false);
    expect(of('She can walk two blocks without dyspnea.', 'dyspnea').negated).toBe(true);
    expect(of('Patient has never had pain like this before.', 'pain').negated).toBe(false);
  });

  it('reads a leading "No," as a reply, not as a negation of what follows', () => {
    expect(of("No, I've got a cough though.", 'cough').negated).toBe(false);
    expect(of('The throat culture was negative, so no antibiotics.', 'throat culture').negated).toBe(true);
  });

  it('does not negate from a word inside the concept itself', () => {
    // The concept span covers "not": the lexicon term is "not sleeping well".
    expect(assertionFor("I'm not sleeping well.", 4, 21).negated).toBe(false);
  });
});

describe('ConText uncertainty, history, hypotheticals and experiencer', () => {
  it('marks possible findings', () => {
    expect(of('Findings are concerning for cellulitis.', 'cellulitis').possible).toBe(true);
    expect(of('Admitted to rule out myocardial infarction.', 'myocardial infarction')).toMatchObject({
      possible: true,
      negated: false,
    });
    expect(of('Pulmonary embolism could not be ruled out.', 'Pulmonary embolism')).toMatchObject({
      possible: true,
      negated: false,
    });
    expect(of('This may be a sinus infection.', 'sinus infection').possible).toBe(true);
  });

  it('marks historical findings', () => {
    expect(of('History of hypertension.', 'hypertension').historical).toBe(true);
    expect(of('She had kidney stones two years ago.', 'kidney stones').historical).toBe(true);
    expect(of('I used to have migraines.', 'migraines').historical).toBe(true);
    expect(of('He has a cough.', 'cough').historical).toBe(false);
  });

  it('does not read "history of present illness" as history', () => {
    expect(of('History of present illness: cough for three days.', 'cough').historical).toBe(false);
  });

  it('marks hypothetical findings', () => {
    expect(of('Call us if you develop chest pain.', 'chest pain').hypothetical).toBe(true);
    expect(of('Return if vomiting recurs.', 'vomiting').hypothetical).toBe(true);
    expect(of('Common side effects are nausea and diarrhea.', 'diarrhea').hypothetical).toBe(true);
    expect(of('She has nausea.', 'nausea').hypothetical).toBe(false);
  });

  it('attributes findings to family members and other people', () => {
    expect(of('My mother has diabetes.', 'diabetes').experiencer).toBe('family');
    expect(of('Breast cancer runs in the family.', 'Breast cancer').experiencer).toBe('family');
    expect(of('Family history of heart disease.', 'heart disease').experiencer).toBe('family');
    expect(of('My husband has had a cough all week.', 'cough').experiencer).toBe('other');
    expect(of('I have a cough.', 'cough').experiencer).toBe('patient');
  });

  it('keeps the patient as experiencer when a relative only reports it', () => {
    expect(of('My wife says I snore.', 'snore').experiencer).toBe('patient');
    expect(of('Mother states the child has a sore throat.', 'sore throat').experiencer).toBe('patient');
  });

  it('combines independent cues', () => {
    expect(of('No family history of colon cancer.', 'colon cancer')).toEqual({
      negated: true,
      possible: false,
      historical: false,
      hypothetical: false,
      experiencer: 'family',
    });
  });

  it('reports the cue that decided', () => {
    const s = 'She denies fever.';
    const { cues } = analyseContext(s, s.indexOf('fever'), s.indexOf('fever') + 5);
    expect(cues).toEqual([{ category: 'negated', phrase: 'denies', start: 4, end: 10 }]);
  });
});

import { describe, expect, it } from 'vitest';
import { cleanSentence } from '../../../../main/notes/composer/text/normalize';
import { normalizeNumbers } from '../../../../main/notes/composer/text/numbers';
import { firstToThird, PRONOUNS, secondToThird } from '../../../../main/notes/composer/text/person';
import type { Pronouns } from '../../../../main/notes/composer/text/person';

const clean = (s: string): string => normalizeNumbers(cleanSentence(s).text);
const patient = (s: string, p: Pronouns = PRONOUNS.female): string => firstToThird(clean(s), p);
const clinician = (s: string, mode: 'narrative' | 'exam' | 'plan', p: Pronouns = PRONOUNS.female): string =>
  secondToThird(clean(s), p, mode);

describe('spoken to written clean-up', () => {
  it('drops fillers, false starts and dysfluent repeats', () => {
    expect(clean('um , i , i just , uh , you know , got my , my vaccine .')).toBe('i just got my vaccine');
    expect(clean('it also sh- shows some mitral regurgitation .')).toBe('it also shows some mitral regurgitation');
    expect(clean('okay , so , mm-hmm , the trunk crumpled up a little bit .')).toBe(
      'the trunk crumpled up a little bit',
    );
  });

  it('undoes transcript tokenisation and expands contractions', () => {
    expect(clean("i do n't know , i'm gon na try")).toBe('i do not know, i am going to try');
    expect(clean("it's been two weeks")).toBe('it has been 2 weeks');
  });

  it('treats a tag question as a statement and a real question as a question', () => {
    expect(cleanSentence("so , we'll repeat another one this year , okay ?")).toEqual({
      text: 'we will repeat another one this year',
      question: false,
    });
    expect(cleanSentence('any fever or chills ?').question).toBe(true);
  });

  it('writes numbers and units the way notes do', () => {
    expect(clean('increase your lisinopril to forty milligrams a day')).toBe('increase your lisinopril to 40 mg daily');
    expect(clean('a three out of six murmur')).toBe('a 3/6 murmur');
    expect(clean('a heart attack in twenty eighteen')).toBe('a heart attack in 2018');
    expect(clean('the one that you prescribed')).toBe('the one that you prescribed');
  });
});

describe('first person to third person', () => {
  it('rewrites what the patient said about themself', () => {
    expect(patient("i've had knee pain for two weeks .")).toBe('she reports knee pain for 2 weeks');
    expect(patient("i'm still forgetting to take my blood pressure medication .")).toBe(
      'she is still forgetting to take her blood pressure medication',
    );
    expect(patient('and i got my vaccine , so i feel safer about traveling .', PRONOUNS.male)).toBe(
      'he got his vaccine, so he feels safer about traveling',
    );
  });

  it('says "the patient" when the transcript never states the sex', () => {
    expect(patient('i walk about a mile a day', PRONOUNS.unknown)).toBe('the patient walks about a mile a day');
  });

  it('keeps a plural subject plural', () => {
    expect(patient('my wife and i go hiking')).toBe('her wife and she go hiking');
  });
});

describe('second person to clinical style', () => {
  it('states exam findings without addressing the patient', () => {
    expect(clinician('your lungs are clear', 'exam')).toBe('lungs are clear');
    expect(clinician("on your neck exam i do n't appreciate any jugular venous distention", 'exam')).toBe(
      'on neck exam no jugular venous distention',
    );
    expect(clinician('on your heart exam , i do appreciate a three out of six systolic ejection murmur', 'exam')).toBe(
      'on heart exam, there is a 3/6 systolic ejection murmur',
    );
  });

  it('turns dictated plans into imperatives or "we will"', () => {
    expect(clinician('i want you to increase your lasix to 80 mg a day', 'plan')).toBe(
      'increase her lasix to 80 mg daily',
    );
    expect(clinician("i'm gon na go ahead and order an x-ray of your knee", 'plan')).toBe(
      'we will order an x-ray of her knee',
    );
    expect(clinician("let's schedule you for a follow-up in two weeks", 'plan')).toBe(
      'we will schedule her for a follow-up in 2 weeks',
    );
  });

  it('tells a subject "you" from an object "you"', () => {
    expect(
      clinician('i know you were having problems with your right knee and we sent you for therapy', 'narrative'),
    ).toBe('she was having problems with her right knee and we sent her for therapy');
  });
});

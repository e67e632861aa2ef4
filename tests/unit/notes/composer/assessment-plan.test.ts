import { describe, expect, it } from 'vitest';
import { problemOpener } from '../../../../main/notes/composer/assessment-plan';
import { planPart } from '../../../../main/notes/composer/layout';

describe('problem headings in the assessment and plan', () => {
  it('reads the problem the clinician names when opening a topic', () => {
    expect(
      problemOpener('for your first problem your congestive heart failure, i want to continue you on lasix'),
    ).toEqual({
      problem: 'congestive heart failure',
      rest: 'i want to continue you on lasix',
    });
    expect(
      problemOpener('for your next problem, for your migraines, let us continue you on the imitrex')?.problem,
    ).toBe('migraines');
    expect(problemOpener('from a depression standpoint, it sounds like you are doing well')?.problem).toBe(
      'depression',
    );
    expect(problemOpener('under abnormal liver enzymes, they have improved')?.problem).toBe('abnormal liver enzymes');
    expect(problemOpener('and for your last issue your coronary artery disease continue with your statin')).toEqual({
      problem: 'coronary artery disease',
      rest: 'continue with your statin',
    });
  });

  it('does not mistake the frame or an exam for a problem', () => {
    expect(problemOpener('for your first problem, i think you have an acute lumbar strain')).toBeNull();
    expect(problemOpener('on your back exam, you do have some pain to palpation')).toBeNull();
    expect(
      problemOpener('i will talk to your cardiologist to see if you are cleared from a medical standpoint'),
    ).toBeNull();
    expect(problemOpener('we will see you back for a few weeks')).toBeNull();
  });

  it('files plan sentences under reasoning, testing, treatment or counselling', () => {
    expect(planPart('We will order an echocardiogram.')).toBe('testing');
    expect(planPart('Increase her lisinopril to 40 mg daily.')).toBe('treatment');
    expect(planPart('I encouraged her to continue with her diet and exercise.')).toBe('education');
    expect(planPart('I think this is an acute exacerbation of his arthritis.')).toBe('reasoning');
  });
});

import { describe, expect, it } from 'vitest';
import { Finding } from '../../../../common/findings';
import { findInterval } from '../../../../main/language/plan/interval';
import { extractPlan } from '../../../../main/language/plan/extract';
import { one, segs } from '../medications/segments';

const plan = (text: string, who: 'd' | 'p' = 'd') =>
  extractPlan(one(text, who)).map((f) => [f.category, f.text, f.intervalDays]);

describe('plan extraction', () => {
  it('reads tests ordered', () => {
    expect(plan("let's go ahead and order an echocardiogram and a lipid panel")).toEqual([
      ['test', 'echocardiogram', null],
      ['test', 'lipid panel', null],
    ]);
  });

  it('reads referrals', () => {
    expect(plan("i'm going to refer you to cardiology")).toEqual([['referral', 'cardiology', null]]);
    expect(plan('i want you to see a physical therapist')).toEqual([['referral', 'physical therapy', null]]);
  });

  it('reads follow-up intervals in days', () => {
    expect(plan("i'll see you back in two weeks")).toEqual([['follow-up', 'follow up in two weeks', 14]]);
    expect(plan('follow up in 3 months')).toEqual([['follow-up', 'follow up in 3 months', 90]]);
    expect(plan("let's have you come back in a couple of weeks")).toEqual([
      ['follow-up', 'follow up in a couple of weeks', 14],
    ]);
  });

  it('reads medication changes from the clinician', () => {
    expect(plan("we'll start you on lisinopril 10 milligrams daily")).toEqual([
      ['medication', 'start lisinopril 10 mg once daily', null],
    ]);
    expect(plan('stop the ibuprofen')).toEqual([['medication', 'stop ibuprofen', null]]);
    expect(plan('continue the metformin 500 mg twice a day')).toEqual([
      ['medication', 'continue metformin 500 mg twice daily', null],
    ]);
  });

  it('reads procedures and education', () => {
    expect(plan("we'll go ahead and give you a cortisone injection today")).toEqual([
      ['procedure', 'steroid injection', null],
    ]);
    expect(plan('i want you to watch your diet and exercise')).toEqual([
      ['education', 'diet', null],
      ['education', 'exercise', null],
    ]);
  });

  it('ignores negated orders, questions, history and patient speech', () => {
    expect(plan("we don't need to get an x-ray today")).toEqual([]);
    expect(plan('did they order an mri ?')).toEqual([]);
    expect(plan('you had a lumpectomy last year')).toEqual([]);
    expect(plan('i want to see a cardiologist', 'p')).toEqual([]);
  });

  it('merges repeated items with all their evidence', () => {
    const found = extractPlan(
      segs(['d', "i'm going to order an mri"], ['d', 'hey dragon , order an mri of the left knee']),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.evidence).toHaveLength(2);
    for (const f of found) expect(() => Finding.parse(f)).not.toThrow();
  });
});

describe('follow-up intervals', () => {
  it('converts said intervals to days', () => {
    expect(findInterval('in 3 months')?.days).toBe(90);
    expect(findInterval('in a year')?.days).toBe(365);
    expect(findInterval('next week')?.days).toBe(7);
    expect(findInterval('in 2 to 3 weeks')?.days).toBe(21);
    expect(findInterval('in ten days')?.days).toBe(10);
    expect(findInterval('soon')).toBeUndefined();
  });
});

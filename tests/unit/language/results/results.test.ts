import { describe, expect, it } from 'vitest';
import { Finding } from '../../../../common/findings';
import { extractResults } from '../../../../main/language/results/extract';
import { one, segs } from '../medications/segments';

const results = (text: string) => extractResults(one(text, 'd')).map((f) => [f.category, f.name, f.value]);

describe('result extraction', () => {
  it('reads a lab with its value', () => {
    expect(results('your a1c was seven . two last time')).toEqual([['lab', 'hemoglobin a1c', '7.2']]);
    expect(results('your hemoglobin is low')).toEqual([['lab', 'hemoglobin', 'low']]);
    expect(results('the tsh came back normal')).toEqual([['lab', 'tsh', 'normal']]);
  });

  it('reads imaging with what it showed', () => {
    expect(results('the x-ray showed a small fracture of the wrist')).toEqual([
      ['imaging', 'x-ray', 'a small fracture of the wrist'],
    ]);
    expect(results('your ekg looks normal')).toEqual([['imaging', 'ekg', 'normal']]);
    expect(results('the mri from last week was unremarkable')).toEqual([['imaging', 'mri', 'unremarkable']]);
  });

  it('follows a finding into the next sentence', () => {
    const [f] = extractResults(
      one('this is the echocardiogram we did last year . it showed an ejection fraction of 45 % .', 'd'),
    );
    expect(f).toMatchObject({ name: 'echocardiogram', value: 'an ejection fraction of 45 %' });
  });

  it('leaves pure orders to the plan and ignores questions’ words as values', () => {
    expect(results("let's order an mri of your knee")).toEqual([]);
    expect(results("we'll check a lipid panel")).toEqual([]);
    expect(results('did you ever have a colonoscopy ?')).toEqual([]);
  });

  it('does not read dates as values', () => {
    expect(results('you had a mammogram in october 2019 that was normal')).toEqual([
      ['imaging', 'mammogram', 'normal'],
    ]);
  });

  it('merges mentions of one test and satisfies the schema', () => {
    const found = extractResults(segs(['d', 'your creatinine was 1.4'], ['d', 'that creatinine is a bit high']));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ value: '1.4' });
    expect(found[0]!.evidence).toHaveLength(2);
    for (const f of found) expect(() => Finding.parse(f)).not.toThrow();
  });
});

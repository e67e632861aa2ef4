import { describe, expect, it } from 'vitest';
import { Finding } from '../../../../common/findings';
import { extractMedications } from '../../../../main/language/medications/extract';
import { one, segs } from './segments';

const only = (text: string, who: 'd' | 'p' = 'p') => {
  const found = extractMedications(one(text, who));
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('medication extraction', () => {
  it('reads name, dose, unit and frequency and says the patient is taking it', () => {
    expect(only('i take lisinopril 20 milligrams once a day')).toMatchObject({
      name: 'lisinopril',
      dose: 20,
      unit: 'mg',
      frequency: 'once daily',
      status: 'taking',
    });
  });

  it('maps brand names and lay variants to the generic', () => {
    expect(only("i'm on lasix").name).toBe('furosemide');
    expect(only('i take a baby aspirin every morning')).toMatchObject({ name: 'aspirin', dose: 81, unit: 'mg' });
    expect(only('she takes a water pill').name).toBe('diuretic');
  });

  it('reads doses said in words, as spoken decimals and before the name', () => {
    expect(only('i take metformin five hundred milligrams twice a day')).toMatchObject({
      dose: 500,
      unit: 'mg',
      frequency: 'twice daily',
    });
    expect(only("you're on two . five of norvasc", 'd')).toMatchObject({ name: 'amlodipine', dose: 2.5 });
    expect(only('i take 81 mg aspirin')).toMatchObject({ dose: 81, unit: 'mg' });
  });

  it('reads routes and as-needed intervals', () => {
    expect(only('use the albuterol inhaler two puffs every four hours as needed', 'd')).toMatchObject({
      name: 'albuterol',
      dose: 2,
      unit: 'puffs',
      route: 'inhaled',
      frequency: 'every 4 hours as needed',
    });
    expect(only('apply the hydrocortisone cream topically twice a day', 'd')).toMatchObject({
      route: 'topical',
      frequency: 'twice daily',
    });
    expect(only('insulin glargine ten units subcutaneous at bedtime', 'd')).toMatchObject({
      dose: 10,
      unit: 'units',
      route: 'subcutaneous',
      frequency: 'at bedtime',
    });
  });

  it('tells started, stopped and changed from the clinician’s words', () => {
    expect(only("i'm going to start you on atorvastatin 40 mg at night", 'd')).toMatchObject({
      status: 'started',
      dose: 40,
    });
    expect(only('stop the ibuprofen', 'd').status).toBe('stopped');
    expect(only("let's increase your lisinopril to 40 milligrams daily", 'd')).toMatchObject({
      status: 'changed',
      dose: 40,
    });
    expect(only("we'll switch you to losartan", 'd').status).toBe('changed');
  });

  it('reads "no longer taking" as stopped and "I don’t take" as not a medication', () => {
    expect(only("i'm no longer taking the metformin").status).toBe('stopped');
    expect(only('i stopped taking my zoloft last month').status).toBe('stopped');
    expect(extractMedications(one("i don't take aspirin"))).toEqual([]);
  });

  it('merges repeated mentions of one drug, keeping the action and every mention as evidence', () => {
    const found = extractMedications(
      segs(
        ['p', 'i take lisinopril 20 mg a day'],
        ['d', "let's increase the lisinopril to 40 mg"],
        ['d', 'so lisinopril 40 daily'],
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: 'lisinopril', status: 'changed', dose: 40 });
    expect(found[0]!.evidence.map((e) => e.segmentId)).toEqual(['s0', 's1', 's2']);
  });

  it('points evidence at the words said', () => {
    const text = 'yeah i take metformin 500 mg twice a day';
    const [f] = extractMedications(one(text));
    const ev = f!.evidence[0]!;
    expect(text.slice(ev.start, ev.end)).toBe('metformin 500 mg twice a day');
  });

  it('ignores allergies, lab results and words that only look like drugs', () => {
    expect(extractMedications(one("i'm allergic to penicillin"))).toEqual([]);
    expect(extractMedications(one('your potassium level was normal', 'd'))).toEqual([]);
    expect(extractMedications(one('no thyroid enlargement on exam', 'd'))).toEqual([]);
    expect(extractMedications(one('the blood pressure was high', 'd'))).toEqual([]);
  });

  it('needs a medication context for names that are also labs or nutrients', () => {
    expect(extractMedications(one('your calcium came back fine', 'd'))).toEqual([]);
    expect(only('i take a calcium supplement every day').name).toBe('calcium');
  });

  it('does not read durations or ages as doses', () => {
    expect(only("i've been on lisinopril for 5 years")).toMatchObject({ dose: null });
    expect(only('take the ibuprofen every 6 hours', 'd')).toMatchObject({ dose: null, frequency: 'every 6 hours' });
  });

  it('produces findings that satisfy the shared schema', () => {
    const found = extractMedications(
      segs(['p', 'i take tylenol 500 mg as needed and lisinopril'], ['d', 'start meloxicam 15 mg daily']),
    );
    for (const f of found) expect(() => Finding.parse(f)).not.toThrow();
  });

  it('returns nothing for an empty transcript', () => {
    expect(extractMedications([])).toEqual([]);
    expect(extractMedications(one(''))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../common/findings';
import { describeFinding, groupFindings } from '../../../renderer/src/lib/findings-view';

const evidence = [{ segmentId: 's1', start: 0, end: 4 }];
const assertion = {
  negated: false,
  possible: false,
  historical: false,
  hypothetical: false,
  experiencer: 'patient',
} as const;

const cough: Finding = { kind: 'problem', name: 'cough', category: 'symptom', assertion, evidence };
const lisinopril: Finding = {
  kind: 'medication',
  name: 'lisinopril',
  dose: 10,
  unit: 'mg',
  route: 'oral',
  frequency: 'daily',
  status: 'taking',
  evidence,
};
const bp: Finding = { kind: 'vital', type: 'bp', value: 128, value2: 82, unit: 'mmHg', original: '128/82', evidence };

describe('findings panel view', () => {
  it('groups findings by kind in clinical order and leaves out empty groups', () => {
    const groups = groupFindings([
      { id: 'f1', finding: bp },
      { id: 'f2', finding: cough },
      { id: 'f3', finding: lisinopril },
    ]);
    expect(groups.map((g) => g.title)).toEqual(['Problems & symptoms', 'Medications', 'Vitals']);
  });

  it('badges every assertion of a problem so a negated or family finding never reads as present', () => {
    const view = describeFinding({
      ...cough,
      assertion: { negated: true, possible: true, historical: true, hypothetical: true, experiencer: 'family' },
    });
    expect(view.badges.map((b) => b.label)).toEqual([
      'symptom',
      'negated',
      'possible',
      'historical',
      'hypothetical',
      'family',
    ]);
  });

  it('shows medication dose, unit, route, frequency and status, and vitals with their unit', () => {
    const med = describeFinding(lisinopril);
    expect(med.details).toEqual(['10 mg', 'oral', 'daily']);
    expect(med.badges.map((b) => b.label)).toEqual(['taking']);
    expect(describeFinding(bp).details).toEqual(['128/82 mmHg']);
  });

  it('says "No known allergies" plainly', () => {
    const nka: Finding = { kind: 'allergy', substance: null, reaction: null, noKnownAllergies: true, evidence };
    expect(describeFinding(nka).title).toBe('No known allergies');
  });
});

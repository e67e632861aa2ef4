import { describe, expect, it } from 'vitest';
import { normaliseSpeakerLabel, roleForLabel } from '../../../../main/language/transcript/speaker-labels';

describe('speaker label table', () => {
  it.each([
    ['doctor', 'clinician'],
    ['Doctor', 'clinician'],
    ['DR', 'clinician'],
    ['Physician', 'clinician'],
    ['nurse', 'clinician'],
    ['Provider', 'clinician'],
    ['Guest_clinician', 'clinician'],
    ['Guest_clinican', 'clinician'],
    ['Dr. Okafor', 'clinician'],
    ['Nurse Kim', 'clinician'],
    ['patient', 'patient'],
    ['PT', 'patient'],
    ['Guest_family', 'other'],
    ['Guest_family_1', 'other'],
    ['Guest_family2', 'other'],
    ['Gest_family', 'other'],
    ['patient_guest', 'other'],
    ['Mother', 'other'],
    ['caregiver', 'other'],
    ['Interpreter', 'other'],
    ['unknown', 'unknown'],
  ] as const)('maps %s to %s', (label, role) => {
    expect(roleForLabel(label)).toEqual({ role, recognised: true });
  });

  it.each(['Speaker 1', 'SPEAKER_00', 'Maria', 'Mr. Smith', 'Chest'])('marks %s as an unrecognised label', (label) => {
    expect(roleForLabel(label)).toEqual({ role: 'unknown', recognised: false });
  });

  it('does not treat a guest patient as the patient of the visit', () => {
    expect(roleForLabel('Guest_patient').role).toBe('other');
  });

  it('does not resolve inherited object keys as labels', () => {
    expect(roleForLabel('constructor').recognised).toBe(false);
    expect(roleForLabel('__proto__').recognised).toBe(false);
  });

  it('normalises case, separators and numbering', () => {
    expect(normaliseSpeakerLabel(' Guest family-2 ')).toBe('guest_family');
    expect(normaliseSpeakerLabel('Dr. Lee')).toBe('dr_lee');
  });
});

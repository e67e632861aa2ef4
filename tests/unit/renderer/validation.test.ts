import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  localToday,
  validateNewEncounter,
  type NewEncounterErrors,
  type NewEncounterValues,
} from '../../../renderer/src/lib/validation';

const TODAY = '2025-06-15';
const errorsOf = (values: NewEncounterValues): NewEncounterErrors => {
  const result = validateNewEncounter(values, TODAY);
  return result.ok ? {} : result.errors;
};

const GOOD = { name: ' Maria Synthetic ', dob: '1961-04-09', mrn: ' MRN-TEST-0001 ', reason: ' Follow-up ' };

describe('new-encounter form validation', () => {
  it('accepts good input and trims it into the encounter:create request', () => {
    expect(validateNewEncounter(GOOD, TODAY)).toEqual({
      ok: true,
      request: { patient: { name: 'Maria Synthetic', dob: '1961-04-09', mrn: 'MRN-TEST-0001' }, reason: 'Follow-up' },
    });
  });

  it('asks for every required field when the form is empty', () => {
    const result = validateNewEncounter({ name: '  ', dob: '', mrn: '', reason: '' }, TODAY);
    expect(result).toEqual({
      ok: false,
      errors: {
        name: "Enter the patient's name.",
        dob: 'Enter the date of birth.',
        mrn: 'Enter the medical record number (MRN).',
      },
    });
  });

  it('refuses a date of birth in the future but accepts today', () => {
    expect(validateNewEncounter({ ...GOOD, dob: '2025-06-16' }, TODAY)).toMatchObject({
      ok: false,
      errors: { dob: 'The date of birth cannot be in the future.' },
    });
    expect(validateNewEncounter({ ...GOOD, dob: TODAY }, TODAY).ok).toBe(true);
  });

  it('refuses impossible and implausibly old dates of birth', () => {
    expect(errorsOf({ ...GOOD, dob: '2023-02-30' }).dob).toMatch(/real date/);
    expect(errorsOf({ ...GOOD, dob: '1899-12-31' }).dob).toMatch(/before 1900/);
  });

  it('enforces the contract length limits', () => {
    const result = validateNewEncounter(
      { name: 'a'.repeat(201), dob: GOOD.dob, mrn: 'm'.repeat(65), reason: 'r'.repeat(501) },
      TODAY,
    );
    expect(result.ok).toBe(false);
    expect(
      Object.keys(
        errorsOf({ name: 'a'.repeat(201), dob: GOOD.dob, mrn: 'm'.repeat(65), reason: 'r'.repeat(501) }),
      ).sort(),
    ).toEqual(['mrn', 'name', 'reason']);
  });

  it('refuses control characters in the name and MRN', () => {
    const errors = errorsOf({ ...GOOD, name: 'Maria\u0000', mrn: 'A\tB' });
    expect(errors.name).toMatch(/cannot be stored/);
    expect(errors.mrn).toMatch(/cannot be stored/);
  });
});

describe('calendar dates', () => {
  it('knows leap years and month lengths', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('24-04-01')).toBe(false);
  });

  it("formats today's local date as YYYY-MM-DD", () => {
    expect(localToday(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

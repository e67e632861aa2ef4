import type { RequestOf } from '../../../common/contract';

/**
 * Client-side checks for the new-encounter form. They mirror common/domain's PatientInput limits so
 * people get a message next to the field; main re-validates everything and stays the authority.
 */
export type NewEncounterValues = { name: string; dob: string; mrn: string; reason: string };
export type NewEncounterField = keyof NewEncounterValues;
export type NewEncounterErrors = Partial<Record<NewEncounterField, string>>;

export type NewEncounterCheck =
  { ok: true; request: RequestOf<'encounter:create'> } | { ok: false; errors: NewEncounterErrors };

export const LIMITS = { name: 200, mrn: 64, reason: 500 } as const;
export const EARLIEST_DOB = '1900-01-01';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True only for a real calendar date in YYYY-MM-DD form (rejects 2023-02-30). */
export const isCalendarDate = (value: string): boolean => {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

const checkDob = (dob: string, today: string): string | undefined => {
  if (dob === '') return 'Enter the date of birth.';
  if (!isCalendarDate(dob)) return 'Enter a real date of birth (day, month and year).';
  // ISO dates compare correctly as strings.
  if (dob > today) return 'The date of birth cannot be in the future.';
  if (dob < EARLIEST_DOB) return 'Check the date of birth: it is before 1900.';
  return undefined;
};

// Control characters would be invisible in the list and in exported notes.
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const hasControlChars = (value: string): boolean => CONTROL_CHARS.test(value);

export const validateNewEncounter = (values: NewEncounterValues, today: string): NewEncounterCheck => {
  const name = values.name.trim();
  const mrn = values.mrn.trim();
  const reason = values.reason.trim();
  const errors: NewEncounterErrors = {};

  if (name === '') errors.name = "Enter the patient's name.";
  else if (name.length > LIMITS.name) errors.name = `The name must be ${LIMITS.name} characters or fewer.`;
  else if (hasControlChars(name)) errors.name = 'The name contains characters that cannot be stored.';

  const dobError = checkDob(values.dob, today);
  if (dobError) errors.dob = dobError;

  if (mrn === '') errors.mrn = 'Enter the medical record number (MRN).';
  else if (mrn.length > LIMITS.mrn) errors.mrn = `The MRN must be ${LIMITS.mrn} characters or fewer.`;
  else if (hasControlChars(mrn)) errors.mrn = 'The MRN contains characters that cannot be stored.';

  if (reason.length > LIMITS.reason) errors.reason = `The reason must be ${LIMITS.reason} characters or fewer.`;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: { patient: { name, dob: values.dob, mrn }, reason } };
};

/** Today's calendar date where the clinician is, as YYYY-MM-DD. */
export const localToday = (now = new Date()): string => {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

import type { SpeakerRole } from '../../../common/domain';

/**
 * Speaker label → role. Labels are normalised first (see `normaliseSpeakerLabel`): lower case,
 * runs of spaces, dots and hyphens become `_`, and a trailing number is dropped, so
 * "Guest_family_1", "Guest family 2" and "guest-family" all read as `guest_family`.
 *
 * | role      | labels                                                                          |
 * | --------- | ------------------------------------------------------------------------------- |
 * | clinician | doctor, dr, physician, clinician, provider, nurse, np, md, resident, attending, |
 * |           | practitioner, nurse_practitioner, physician_assistant, consultant, surgeon      |
 * | patient   | patient, pt, client                                                             |
 * | other     | guest, family, patient_guest, caregiver, carer, guardian, interpreter,          |
 * |           | translator, relative, friend, companion, parent, mother, father, mom, mum, dad, |
 * |           | wife, husband, spouse, partner, son, daughter, brother, sister, sibling         |
 * | other     | other (the role names themselves are labels too: clinician, patient, other)     |
 * | unknown   | unknown (an explicit "we do not know"; recognised, so no warning)               |
 *
 * Compound rules, applied after the exact table:
 *  - `guest_<x>` (MTS-Dialog: Guest_family, Guest_clinician) takes <x>'s role; a bare guest is other.
 *  - `<x>_guest` (ACI-Bench: patient_guest) is someone accompanying <x>: other.
 *  - a clinician title followed by a name ("Dr. Lee", "Nurse Kim", "Doctor_Patel") is a clinician.
 *  - typos seen in MTS-Dialog (`Guest_clinican`, `Gest_family`) are listed as aliases.
 * Anything else ("Speaker 1", "SPEAKER_00", a first name) is role unknown, keeps its label in
 * `speakerLabel`, and the parser emits an UNKNOWN_SPEAKER_LABEL warning.
 */
export const SPEAKER_LABEL_TABLE: Readonly<Record<string, SpeakerRole>> = {
  doctor: 'clinician',
  dr: 'clinician',
  physician: 'clinician',
  clinician: 'clinician',
  clinican: 'clinician',
  provider: 'clinician',
  nurse: 'clinician',
  np: 'clinician',
  md: 'clinician',
  resident: 'clinician',
  attending: 'clinician',
  practitioner: 'clinician',
  nurse_practitioner: 'clinician',
  physician_assistant: 'clinician',
  consultant: 'clinician',
  surgeon: 'clinician',
  patient: 'patient',
  pt: 'patient',
  client: 'patient',
  guest: 'other',
  gest: 'other',
  family: 'other',
  caregiver: 'other',
  carer: 'other',
  guardian: 'other',
  interpreter: 'other',
  translator: 'other',
  relative: 'other',
  friend: 'other',
  companion: 'other',
  parent: 'other',
  mother: 'other',
  father: 'other',
  mom: 'other',
  mum: 'other',
  dad: 'other',
  wife: 'other',
  husband: 'other',
  spouse: 'other',
  partner: 'other',
  son: 'other',
  daughter: 'other',
  brother: 'other',
  sister: 'other',
  sibling: 'other',
  other: 'other',
  unknown: 'unknown',
};

const CLINICIAN_TITLES = new Set(['dr', 'doctor', 'nurse', 'np']);
const GUEST_PREFIXES = new Set(['guest', 'gest']);

export const normaliseSpeakerLabel = (label: string): string =>
  label
    .trim()
    .toLowerCase()
    .replace(/[\s.\-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/_?\d+$/, '');

const lookup = (key: string): SpeakerRole | undefined =>
  Object.hasOwn(SPEAKER_LABEL_TABLE, key) ? SPEAKER_LABEL_TABLE[key] : undefined;

export type LabelRole = { role: SpeakerRole; recognised: boolean };

// Transcripts repeat a handful of labels thousands of times; a small cache keeps detection linear-cheap.
const cache = new Map<string, LabelRole>();
const CACHE_LIMIT = 1024;

export const roleForLabel = (label: string): LabelRole => {
  const cached = cache.get(label);
  if (cached) return cached;
  const result = Object.freeze(resolveLabel(label));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(label, result);
  return result;
};

const resolveLabel = (label: string): LabelRole => {
  const key = normaliseSpeakerLabel(label);
  const exact = lookup(key);
  if (exact) return { role: exact, recognised: true };
  const parts = key.split('_');
  const [head = '', ...rest] = parts;
  const tail = rest.join('_');
  if (GUEST_PREFIXES.has(head) && tail !== '') {
    const inner = lookup(tail);
    // A guest patient is still not the patient of this visit: other.
    if (inner) return { role: inner === 'patient' ? 'other' : inner, recognised: true };
  }
  if (parts.length >= 2 && parts[parts.length - 1] === 'guest') return { role: 'other', recognised: true };
  if (CLINICIAN_TITLES.has(head) && tail !== '') return { role: 'clinician', recognised: true };
  return { role: 'unknown', recognised: false };
};

/** True for labels this table knows (including the explicit "unknown"). */
export const isKnownSpeakerLabel = (label: string): boolean => roleForLabel(label).recognised;

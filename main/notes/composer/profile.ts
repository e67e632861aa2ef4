/**
 * What the transcript says about who the patient is: the clinician's dictated introduction
 * ("brian is a 58 year old male with ... who presents today for ..."), age, sex and name. Pronouns
 * are used only when the transcript states the sex (the dictation, "mr."/"mrs.", "sir"/"ma'am", or
 * the introduction's own pronoun); otherwise the note says "the patient".
 */
import { PRONOUNS } from './text/person';
import type { Pronouns } from './text/person';
import type { Unit } from './units';

export type Sex = 'female' | 'male';

export type PatientProfile = {
  sex: Sex | null;
  age: number | null;
  /** As dictated ("martha"); capitalised when written. */
  name: string | null;
  /** The dictated introduction, when the clinician gave one. */
  intro: Unit | null;
  /** What the visit is for, from the introduction ("her annual exam"). */
  reason: { text: string; unit: Unit } | null;
  pronouns: Pronouns;
};

const FEMALE_WORDS = new Set(['female', 'woman', 'lady', 'girl', 'mrs', 'ms', 'miss', "ma'am", 'she', 'her']);
const MALE_WORDS = new Set(['male', 'man', 'gentleman', 'guy', 'boy', 'mr', 'mister', 'sir', 'he', 'his', 'him']);

const INTRO =
  /^(?:(?:patient|next patient|the patient) (?:is )?)?([a-z]+(?: [a-z]+)?)? ?(?:is|is a|is an) (?:a |an )?(\d{1,3})[- ](?:years?|yo)[- ]old (female|male|woman|man|gentleman|lady|girl|boy|guy|patient|individual|person)\b/i;
const AGE_SEX = /\b(\d{1,3})[- ]years?[- ]old (female|male|woman|man|gentleman|lady|girl|boy|guy)\b/i;
const HONORIFIC = /\b(mrs|ms|miss|mr|mister|ma'am|sir)\b/i;
const NAMED = /\b(mrs|ms|miss|mr)\.? ([a-z][a-z'-]+)\b/i;
const REASON =
  /\b(?:presents?|presenting|is here|coming in|comes in|here today|is being seen|who is here|referred)(?: today| to the clinic| to clinic| in clinic)?(?: for| with| because of| due to)? (.{3,120}?)(?:[.,;]|$)/i;
const NOT_A_NAME = new Set(['this', 'she', 'he', 'patient', 'who', 'that', 'the']);

const sexOf = (word: string | undefined): Sex | null => {
  const w = (word ?? '').toLowerCase();
  if (FEMALE_WORDS.has(w)) return 'female';
  if (MALE_WORDS.has(w)) return 'male';
  return null;
};

const SHE = /\b(?:she|her|hers|herself)\b/gi;
const HE = /\b(?:he|him|his|himself)\b/gi;

/**
 * A clinician talking about the patient in the third person (dictating to the scribe) uses their
 * pronoun; other people come up too, so it needs a clear majority.
 */
const sexFromClinicianPronouns = (units: readonly Unit[]): Sex | null => {
  let she = 0;
  let he = 0;
  for (const u of units) {
    if (u.segment.speaker !== 'clinician') continue;
    she += u.clean.match(SHE)?.length ?? 0;
    he += u.clean.match(HE)?.length ?? 0;
  }
  if (she >= 2 && she >= 3 * he) return 'female';
  if (he >= 2 && he >= 3 * she) return 'male';
  return null;
};

export const readProfile = (units: readonly Unit[]): PatientProfile => {
  let sex: Sex | null = null;
  let age: number | null = null;
  let name: string | null = null;
  let intro: Unit | null = null;
  let reason: PatientProfile['reason'] = null;
  for (const unit of units) {
    if (unit.segment.speaker === 'patient') continue;
    const m = INTRO.exec(unit.clean);
    const ageSex = m ?? AGE_SEX.exec(unit.clean);
    if (!ageSex) continue;
    if (m) {
      const candidate = (m[1] ?? '').trim();
      if (candidate !== '' && !NOT_A_NAME.has(candidate.split(' ')[0] ?? '')) name = candidate;
      intro = unit;
      age = Number(m[2]);
      sex = sexOf(m[3]);
    } else {
      age = Number(ageSex[1]);
      sex = sexOf(ageSex[2]);
      intro = unit;
    }
    break;
  }
  if (intro) {
    const r = REASON.exec(intro.clean);
    if (r?.[1] !== undefined) reason = { text: r[1].trim(), unit: intro };
    if (sex === null) {
      const pronoun = /\b(she|her|he|his|him)\b/i.exec(intro.clean);
      sex = sexOf(pronoun?.[1]);
    }
  }
  for (const unit of units) {
    if (unit.segment.speaker === 'patient' || (sex !== null && name !== null)) continue;
    const h = HONORIFIC.exec(unit.clean);
    if (!h) continue;
    sex ??= sexOf(h[1]);
    const named = NAMED.exec(unit.clean);
    if (name === null && named && !NOT_A_NAME.has((named[2] ?? '').toLowerCase()))
      name = `${named[1] ?? ''}. ${named[2] ?? ''}`;
  }
  if (sex === null) sex = sexFromClinicianPronouns(units);
  const pronouns = sex === null ? PRONOUNS.unknown : PRONOUNS[sex];
  return { sex, age, name, intro, reason, pronouns };
};

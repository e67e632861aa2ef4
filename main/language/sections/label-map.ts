/**
 * Where each section label goes in the note. The note has six sections (ACI-Bench's headers); the
 * 20 MTS-Dialog labels are finer, so the history labels fold into the HPI with a topic the composer
 * can use as a lead-in, and everything decided or done at the visit folds into the assessment and plan.
 *
 * | label          | note section               | topic                    | why                                                       |
 * | -------------- | -------------------------- | ------------------------ | --------------------------------------------------------- |
 * | CC             | CHIEF COMPLAINT            | chief complaint          | one to one                                                |
 * | GENHX          | HISTORY OF PRESENT ILLNESS | history of present illness | one to one (MTS "general history" is the HPI)            |
 * | PASTMEDICALHX  | HISTORY OF PRESENT ILLNESS | past medical history     | the six-section note has no history section; ACI-Bench notes state it in the HPI |
 * | PASTSURGICAL   | HISTORY OF PRESENT ILLNESS | past surgical history    | as above                                                  |
 * | MEDICATIONS    | HISTORY OF PRESENT ILLNESS | current medications      | what the patient takes now; changes are PLAN              |
 * | ALLERGY        | HISTORY OF PRESENT ILLNESS | allergies                | as above                                                  |
 * | FAM/SOCHX      | HISTORY OF PRESENT ILLNESS | family and social history | as above                                                 |
 * | GYNHX          | HISTORY OF PRESENT ILLNESS | gynecologic history      | as above                                                  |
 * | IMMUNIZATIONS  | HISTORY OF PRESENT ILLNESS | immunizations            | as above                                                  |
 * | OTHER_HISTORY  | HISTORY OF PRESENT ILLNESS | other history            | as above                                                  |
 * | ROS            | REVIEW OF SYSTEMS          | review of systems        | one to one                                                |
 * | EXAM           | PHYSICAL EXAMINATION       | physical examination     | one to one                                                |
 * | LABS           | RESULTS                    | laboratory results       | ACI-Bench RESULTS holds labs and imaging                  |
 * | IMAGING        | RESULTS                    | imaging                  | as above                                                  |
 * | ASSESSMENT     | ASSESSMENT AND PLAN        | assessment               | one section in the note                                   |
 * | DIAGNOSIS      | ASSESSMENT AND PLAN        | diagnosis                | a diagnosis is the assessment's conclusion                |
 * | PLAN           | ASSESSMENT AND PLAN        | plan                     | one section in the note                                   |
 * | PROCEDURES     | ASSESSMENT AND PLAN        | procedures               | procedures done or planned at the visit (a past one mentioned in history is rare in MTS-Dialog) |
 * | EDCOURSE       | ASSESSMENT AND PLAN        | course and treatment given | treatment given during the visit, reported with the plan |
 * | DISPOSITION    | ASSESSMENT AND PLAN        | disposition              | where the patient goes next (home, follow-up)             |
 *
 * An utterance classified `none` (greetings, small talk, logistics) goes to no section.
 */
import type { SectionLabel } from './labels';

export const NOTE_SECTIONS = [
  'CHIEF COMPLAINT',
  'HISTORY OF PRESENT ILLNESS',
  'REVIEW OF SYSTEMS',
  'PHYSICAL EXAMINATION',
  'RESULTS',
  'ASSESSMENT AND PLAN',
] as const;

export type NoteSection = (typeof NOTE_SECTIONS)[number];

export type NoteSectionTarget = { section: NoteSection; topic: string };

export const SECTION_LABEL_MAP: Readonly<Record<SectionLabel, NoteSectionTarget>> = {
  CC: { section: 'CHIEF COMPLAINT', topic: 'chief complaint' },
  GENHX: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'history of present illness' },
  PASTMEDICALHX: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'past medical history' },
  PASTSURGICAL: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'past surgical history' },
  MEDICATIONS: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'current medications' },
  ALLERGY: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'allergies' },
  'FAM/SOCHX': { section: 'HISTORY OF PRESENT ILLNESS', topic: 'family and social history' },
  GYNHX: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'gynecologic history' },
  IMMUNIZATIONS: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'immunizations' },
  OTHER_HISTORY: { section: 'HISTORY OF PRESENT ILLNESS', topic: 'other history' },
  ROS: { section: 'REVIEW OF SYSTEMS', topic: 'review of systems' },
  EXAM: { section: 'PHYSICAL EXAMINATION', topic: 'physical examination' },
  LABS: { section: 'RESULTS', topic: 'laboratory results' },
  IMAGING: { section: 'RESULTS', topic: 'imaging' },
  ASSESSMENT: { section: 'ASSESSMENT AND PLAN', topic: 'assessment' },
  DIAGNOSIS: { section: 'ASSESSMENT AND PLAN', topic: 'diagnosis' },
  PLAN: { section: 'ASSESSMENT AND PLAN', topic: 'plan' },
  PROCEDURES: { section: 'ASSESSMENT AND PLAN', topic: 'procedures' },
  EDCOURSE: { section: 'ASSESSMENT AND PLAN', topic: 'course and treatment given' },
  DISPOSITION: { section: 'ASSESSMENT AND PLAN', topic: 'disposition' },
};

/** The note section for a label; `none` has none. */
export const noteSectionFor = (label: SectionLabel | 'none'): NoteSection | null =>
  label === 'none' ? null : SECTION_LABEL_MAP[label].section;

import { z } from 'zod';

/**
 * Clinical findings extracted from a transcript. Every finding carries evidence: the segment it came
 * from and character offsets into that segment's text, so the UI can highlight exactly what was said.
 */
export const Evidence = z.strictObject({
  segmentId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Evidence = z.infer<typeof Evidence>;

/** ConText-style assertion of a problem or symptom. */
export const Assertion = z.strictObject({
  negated: z.boolean(),
  possible: z.boolean(),
  historical: z.boolean(),
  hypothetical: z.boolean(),
  /** Who has it: the patient, or someone else (family history, another person). */
  experiencer: z.enum(['patient', 'family', 'other']),
});
export type Assertion = z.infer<typeof Assertion>;

export const ProblemFinding = z.strictObject({
  kind: z.literal('problem'),
  /** Canonical name from the lexicon, e.g. "shortness of breath". */
  name: z.string(),
  category: z.enum(['symptom', 'condition']),
  assertion: Assertion,
  evidence: z.array(Evidence).min(1),
});

export const MedicationFinding = z.strictObject({
  kind: z.literal('medication'),
  name: z.string(),
  dose: z.number().positive().nullable(),
  unit: z.string().nullable(),
  route: z.string().nullable(),
  frequency: z.string().nullable(),
  status: z.enum(['taking', 'started', 'stopped', 'changed', 'mentioned']),
  evidence: z.array(Evidence).min(1),
});

export const AllergyFinding = z.strictObject({
  kind: z.literal('allergy'),
  /** null with noKnownAllergies = true for "no known allergies". */
  substance: z.string().nullable(),
  reaction: z.string().nullable(),
  noKnownAllergies: z.boolean(),
  evidence: z.array(Evidence).min(1),
});

export const VitalType = z.enum(['bp', 'hr', 'rr', 'temp', 'spo2', 'weight', 'height', 'bmi']);
export type VitalType = z.infer<typeof VitalType>;

export const VitalFinding = z.strictObject({
  kind: z.literal('vital'),
  type: VitalType,
  /** Normalised units: bp mmHg (systolic/diastolic), hr and rr per minute, temp °C, spo2 %, weight kg, height cm, bmi kg/m². */
  value: z.number(),
  value2: z.number().nullable(),
  unit: z.string(),
  /** As said, e.g. "101.2 degrees" before conversion. */
  original: z.string(),
  evidence: z.array(Evidence).min(1),
});

export const ResultFinding = z.strictObject({
  kind: z.literal('result'),
  category: z.enum(['lab', 'imaging', 'other']),
  name: z.string(),
  /** What was said about it, if anything ("normal", "7.2", "showed a fracture"). */
  value: z.string().nullable(),
  evidence: z.array(Evidence).min(1),
});

export const PlanFinding = z.strictObject({
  kind: z.literal('plan'),
  category: z.enum(['test', 'referral', 'medication', 'follow-up', 'procedure', 'education', 'other']),
  text: z.string(),
  /** For follow-up: the interval in days when stated. */
  intervalDays: z.number().nonnegative().nullable(),
  evidence: z.array(Evidence).min(1),
});

export const SocialFinding = z.strictObject({
  kind: z.literal('social'),
  category: z.enum(['tobacco', 'alcohol', 'substance']),
  status: z.enum(['current', 'former', 'never', 'unknown']),
  detail: z.string().nullable(),
  evidence: z.array(Evidence).min(1),
});

export const Finding = z.discriminatedUnion('kind', [
  ProblemFinding,
  MedicationFinding,
  AllergyFinding,
  VitalFinding,
  ResultFinding,
  PlanFinding,
  SocialFinding,
]);
export type Finding = z.infer<typeof Finding>;
export type FindingKind = Finding['kind'];
export type FindingOf<K extends FindingKind> = Extract<Finding, { kind: K }>;

/** Checklist results: each clinic-defined binary feature is present, absent or not mentioned. */
export const ChecklistItemResult = z.strictObject({
  itemId: z.string(),
  label: z.string(),
  state: z.enum(['present', 'absent', 'not-mentioned']),
  evidence: z.array(Evidence),
});
export type ChecklistItemResult = z.infer<typeof ChecklistItemResult>;

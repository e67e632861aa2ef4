import { z } from 'zod';
import { Evidence } from './findings';

/**
 * What the consistency checker can say about one note sentence: each kind is a way a draft can
 * contradict, or go beyond, what was said in the visit. Shown to the clinician before signing.
 */
export const FLAG_KINDS = [
  /** States as the patient's present problem what the transcript only denies. */
  'negated-as-present',
  /** States as present what was only raised as a possibility ("if you get a fever..."). */
  'hypothetical-as-present',
  /** States as the patient's what was said of a relative or someone else. */
  'family-as-present',
  'unsupported-medication',
  'unsupported-dose',
  'unsupported-allergy',
  /** "No known allergies" while the transcript names an allergy. */
  'contradicted-allergy',
  'unsupported-vital',
] as const;
export const FlagKind = z.enum(FLAG_KINDS);
export type FlagKind = z.infer<typeof FlagKind>;

export const ConsistencyFlag = z.strictObject({
  sentence: z.string(),
  kind: FlagKind,
  /** What the sentence says and what the transcript says instead; no other patient data. */
  reason: z.string(),
  /** Where the transcript says otherwise (empty when nothing in it supports the sentence). */
  evidence: z.array(Evidence),
});
export type ConsistencyFlag = z.infer<typeof ConsistencyFlag>;

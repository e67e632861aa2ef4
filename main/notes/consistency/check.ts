/**
 * The consistency checker, run on every draft (composer or LLM): each note sentence is read with the
 * same extractors that read the transcript, and what the sentence asserts is compared with what the
 * visit's findings say. A problem stated as present that the transcript only denies, only raises
 * hypothetically or attributes to a relative is flagged, and so is any medication, dose, allergy or
 * vital value that the transcript does not contain.
 */
import type { Evidence, Finding, FindingOf } from '../../../common/findings';
import { extractAllergies } from '../../language/allergies/extract';
import { extractMedications } from '../../language/medications/extract';
import { extractProblems } from '../../language/problems/extract';
import type { SegmentInput } from '../../language/segment';
import { extractVitals } from '../../language/vitals/extract';
import { findNumbers } from '../../language/vitals/spoken-numbers';
import type { ConsistencyFlag } from './flags';

export type CheckInput = {
  /** The note's sentences, in order (headers excluded). */
  sentences: readonly string[];
  segments: readonly SegmentInput[];
  /** The transcript's findings (extracted once by the pipeline). */
  findings: readonly Finding[];
};

const of = <K extends Finding['kind']>(findings: readonly Finding[], kind: K): FindingOf<K>[] =>
  findings.filter((f): f is FindingOf<K> => f.kind === kind);

const asSegment = (text: string): SegmentInput[] => [{ id: 'note', speaker: 'clinician', text }];

const norm = (text: string): string =>
  ` ${text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;

const VITAL_TOLERANCE: Record<FindingOf<'vital'>['type'], number> = {
  bp: 0.5,
  hr: 0.5,
  rr: 0.5,
  temp: 0.15,
  spo2: 0.5,
  weight: 0.6,
  height: 1,
  bmi: 0.15,
};

const close = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance;

/** Present for the patient, as the sentence states it. */
const statedPresent = (p: FindingOf<'problem'>): boolean =>
  !p.assertion.negated && !p.assertion.hypothetical && p.assertion.experiencer === 'patient';

export const checkConsistency = (input: CheckInput): ConsistencyFlag[] => {
  const transcriptText = norm(input.segments.map((s) => s.text).join(' \n '));
  const numbers = new Set(input.segments.flatMap((s) => findNumbers(s.text).map((n) => n.value)));
  const problems = of(input.findings, 'problem');
  const medications = of(input.findings, 'medication');
  const allergies = of(input.findings, 'allergy');
  const vitals = of(input.findings, 'vital');
  const said = (phrase: string): boolean => transcriptText.includes(norm(phrase));
  const flags: ConsistencyFlag[] = [];

  for (const sentence of input.sentences) {
    const segment = asSegment(sentence);
    const flag = (kind: ConsistencyFlag['kind'], reason: string, evidence: Evidence[] = []): void => {
      flags.push({ sentence, kind, reason, evidence });
    };

    for (const stated of extractProblems(segment).filter(statedPresent)) {
      const heard = problems.filter((p) => p.name === stated.name);
      if (heard.length === 0 || heard.some(statedPresent)) continue;
      const [first] = heard;
      if (!first) continue;
      const evidence = heard.flatMap((p) => p.evidence);
      if (heard.some((p) => p.assertion.experiencer !== 'patient'))
        flag(
          'family-as-present',
          `“${stated.name}” is stated as the patient's, but was said of someone else.`,
          evidence,
        );
      else if (heard.some((p) => p.assertion.hypothetical))
        flag(
          'hypothetical-as-present',
          `“${stated.name}” is stated as present, but was only raised as a possibility.`,
          evidence,
        );
      else flag('negated-as-present', `“${stated.name}” is stated as present, but the patient denied it.`, evidence);
    }

    for (const med of extractMedications(segment)) {
      const heard = medications.filter((m) => m.name === med.name);
      if (heard.length === 0 && !said(med.name)) {
        flag('unsupported-medication', `“${med.name}” is not mentioned in the transcript.`);
        continue;
      }
      if (med.dose !== null && !heard.some((m) => m.dose === med.dose) && !numbers.has(med.dose))
        flag(
          'unsupported-dose',
          `The dose ${String(med.dose)}${med.unit ? ` ${med.unit}` : ''} of ${med.name} is not in the transcript.`,
          heard.flatMap((m) => m.evidence),
        );
    }

    for (const allergy of extractAllergies(segment)) {
      if (allergy.noKnownAllergies) {
        const named = allergies.filter((a) => a.substance !== null);
        if (named.length > 0)
          flag(
            'contradicted-allergy',
            'The note says no known allergies, but the transcript names one.',
            named.flatMap((a) => a.evidence),
          );
        continue;
      }
      const substance = allergy.substance;
      if (substance === null) continue;
      if (!allergies.some((a) => a.substance === substance) && !said(substance))
        flag('unsupported-allergy', `An allergy to “${substance}” is not in the transcript.`);
    }

    for (const vital of extractVitals(segment)) {
      const tolerance = VITAL_TOLERANCE[vital.type];
      const matched = vitals.some(
        (v) =>
          v.type === vital.type &&
          close(v.value, vital.value, tolerance) &&
          (vital.value2 === null || (v.value2 !== null && close(v.value2, vital.value2, tolerance))),
      );
      // Units may have been converted on either side; the value as said (e.g. 101.2 °F) also counts.
      const asSaid = findNumbers(vital.original).every((n) => numbers.has(n.value));
      if (!matched && !asSaid)
        flag('unsupported-vital', `The ${vital.type} value “${vital.original}” is not in the transcript.`);
    }
  }
  return flags;
};

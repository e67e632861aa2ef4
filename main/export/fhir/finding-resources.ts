/**
 * One FHIR R4 resource per exported finding. A denied problem is exported as a Condition whose
 * verificationStatus is `refuted` (never as a present one), a possible one as `provisional`, a
 * historical one as `inactive`; hypothetical and family-member mentions are not the patient's
 * conditions and are left out. "No known allergies" uses SNOMED CT 716186003.
 */
import type { FindingOf } from '../../../common/findings';
import { BP_DIASTOLIC, BP_SYSTOLIC, LOINC, UCUM, VITAL_CODES } from './vital-codes';

export type FhirResource = Record<string, unknown> & { resourceType: string; id: string };
export type Refs = { patient: string; encounterDate: string };

const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CONDITION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';
const ALLERGY_CLINICAL = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const ALLERGY_VERIFICATION = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const SNOMED = 'http://snomed.info/sct';

const coded = (system: string, code: string) => ({ coding: [{ system, code }] });

export const conditionOf = (f: FindingOf<'problem'>, id: string, refs: Refs): FhirResource | null => {
  const a = f.assertion;
  if (a.hypothetical || a.experiencer !== 'patient') return null;
  const verification = a.negated ? 'refuted' : a.possible ? 'provisional' : 'confirmed';
  return {
    resourceType: 'Condition',
    id,
    // A refuted condition has no clinical status: it is not the patient's at all.
    ...(a.negated ? {} : { clinicalStatus: coded(CONDITION_CLINICAL, a.historical ? 'inactive' : 'active') }),
    verificationStatus: coded(CONDITION_VERIFICATION, verification),
    category: [coded(CONDITION_CATEGORY, 'encounter-diagnosis')],
    code: { text: f.name },
    subject: { reference: refs.patient },
    recordedDate: refs.encounterDate,
  };
};

export const allergyOf = (f: FindingOf<'allergy'>, id: string, refs: Refs): FhirResource => ({
  resourceType: 'AllergyIntolerance',
  id,
  clinicalStatus: coded(ALLERGY_CLINICAL, 'active'),
  verificationStatus: coded(ALLERGY_VERIFICATION, 'confirmed'),
  code: f.noKnownAllergies
    ? { coding: [{ system: SNOMED, code: '716186003', display: 'No known allergy' }], text: 'No known allergies' }
    : { text: f.substance ?? 'Unspecified substance' },
  patient: { reference: refs.patient },
  recordedDate: refs.encounterDate,
  ...(f.reaction ? { reaction: [{ manifestation: [{ text: f.reaction }] }] } : {}),
});

const MEDICATION_STATUS: Record<FindingOf<'medication'>['status'], string> = {
  taking: 'active',
  started: 'active',
  changed: 'active',
  stopped: 'stopped',
  mentioned: 'unknown',
};

export const medicationOf = (f: FindingOf<'medication'>, id: string, refs: Refs): FhirResource => {
  const parts = [f.dose === null ? null : `${String(f.dose)}${f.unit ? ` ${f.unit}` : ''}`, f.route, f.frequency];
  const text = parts.filter((p): p is string => p !== null && p !== '').join(' ');
  return {
    resourceType: 'MedicationStatement',
    id,
    status: MEDICATION_STATUS[f.status],
    medicationCodeableConcept: { text: f.name },
    subject: { reference: refs.patient },
    dateAsserted: refs.encounterDate,
    ...(text === ''
      ? {}
      : {
          dosage: [
            {
              text,
              ...(f.dose !== null && f.unit
                ? { doseAndRate: [{ doseQuantity: { value: f.dose, unit: f.unit } }] }
                : {}),
            },
          ],
        }),
  };
};

const quantity = (value: number, unit: { code: string; unit: string }) => ({
  value,
  unit: unit.unit,
  system: UCUM,
  code: unit.code,
});

export const vitalOf = (f: FindingOf<'vital'>, id: string, refs: Refs): FhirResource => {
  const { loinc, unit } = VITAL_CODES[f.type];
  const base = {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [coded(OBSERVATION_CATEGORY, 'vital-signs')],
    code: { coding: [{ system: LOINC, code: loinc.code, display: loinc.display }], text: loinc.display },
    subject: { reference: refs.patient },
    effectiveDateTime: refs.encounterDate,
  };
  if (f.type !== 'bp') return { ...base, valueQuantity: quantity(f.value, unit) };
  const component = (code: typeof BP_SYSTOLIC, value: number) => ({
    code: { coding: [{ system: LOINC, code: code.code, display: code.display }] },
    valueQuantity: quantity(value, unit),
  });
  return {
    ...base,
    component: [component(BP_SYSTOLIC, f.value), ...(f.value2 === null ? [] : [component(BP_DIASTOLIC, f.value2)])],
  };
};

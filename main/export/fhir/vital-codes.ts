/**
 * LOINC codes and UCUM units for the vital signs the extractor reads (the FHIR vital-signs profile's
 * codes; blood pressure is a panel with systolic and diastolic components).
 */
import type { VitalType } from '../../../common/findings';

export type Coded = { code: string; display: string };
export type UcumUnit = { code: string; unit: string };

export const BP_PANEL: Coded = { code: '85354-9', display: 'Blood pressure panel with all children optional' };
export const BP_SYSTOLIC: Coded = { code: '8480-6', display: 'Systolic blood pressure' };
export const BP_DIASTOLIC: Coded = { code: '8462-4', display: 'Diastolic blood pressure' };

export const VITAL_CODES: Readonly<Record<VitalType, { loinc: Coded; unit: UcumUnit }>> = {
  bp: { loinc: BP_PANEL, unit: { code: 'mm[Hg]', unit: 'mmHg' } },
  hr: { loinc: { code: '8867-4', display: 'Heart rate' }, unit: { code: '/min', unit: 'beats/minute' } },
  rr: { loinc: { code: '9279-1', display: 'Respiratory rate' }, unit: { code: '/min', unit: 'breaths/minute' } },
  temp: { loinc: { code: '8310-5', display: 'Body temperature' }, unit: { code: 'Cel', unit: '°C' } },
  spo2: {
    loinc: { code: '59408-5', display: 'Oxygen saturation in Arterial blood by Pulse oximetry' },
    unit: { code: '%', unit: '%' },
  },
  weight: { loinc: { code: '29463-7', display: 'Body weight' }, unit: { code: 'kg', unit: 'kg' } },
  height: { loinc: { code: '8302-2', display: 'Body height' }, unit: { code: 'cm', unit: 'cm' } },
  bmi: { loinc: { code: '39156-5', display: 'Body mass index (BMI) [Ratio]' }, unit: { code: 'kg/m2', unit: 'kg/m2' } },
};

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';

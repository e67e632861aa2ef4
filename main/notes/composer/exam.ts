/**
 * Physical examination: vital signs from the vitals findings, then the findings the clinician called
 * out ("your lungs sound clear" → "Lungs sound clear.", "I don't appreciate any edema" → "No edema.").
 */
import type { FindingOf, VitalType } from '../../../common/findings';
import type { ComposeContext } from './context';
import { draft } from './draft';
import type { Draft } from './draft';
import { EXPLANATION, INTENT, isMetaTalk, worthKeeping } from './quality';
import { secondToThird } from './text/person';
import { evidenceOf } from './units';

type Vital = FindingOf<'vital'>;

const VITAL_LABEL: Record<VitalType, string> = {
  bp: 'blood pressure',
  hr: 'heart rate',
  rr: 'respiratory rate',
  temp: 'temperature',
  spo2: 'oxygen saturation',
  weight: 'weight',
  height: 'height',
  bmi: 'BMI',
};

const round = (n: number): string => String(Math.round(n * 10) / 10);

export const vitalValue = (v: Vital): string => {
  switch (v.type) {
    case 'bp':
      return `${round(v.value)}/${v.value2 === null ? '?' : round(v.value2)} mmHg`;
    case 'hr':
      return `${round(v.value)} bpm`;
    case 'rr':
      return `${round(v.value)} breaths per minute`;
    case 'temp':
      return /\d/.test(v.original) && / ?f\b|fahrenheit|degrees/i.test(v.original)
        ? `${round(v.value * 1.8 + 32)} °F`
        : `${round(v.value)} °C`;
    case 'spo2':
      return `${round(v.value)}%`;
    case 'weight':
    case 'height':
    case 'bmi':
      return `${round(v.value)} ${v.unit}`;
  }
};

export const buildVitals = (ctx: ComposeContext): Draft[] => {
  const vitals = ctx.findings.filter((f): f is Vital => f.kind === 'vital');
  const seen = new Set<VitalType>();
  const parts: string[] = [];
  for (const v of vitals) {
    if (seen.has(v.type)) continue;
    seen.add(v.type);
    parts.push(`${VITAL_LABEL[v.type]} ${vitalValue(v)}`);
  }
  if (parts.length === 0) return [];
  return [
    draft(
      `vital signs: ${parts.join(', ')}`,
      vitals.flatMap((v) => v.evidence),
      0,
      ctx.casing,
    ),
  ];
};

const LEAD_IN =
  /^(?:(?:so|and|now|okay),? )*(?:on (?:your )?physical exam(?:ination)?|on (?:your )?exam(?:ination)?|(?:your )?physical exam(?:ination)?(?: today)?(?: is| was)?|on examination)[,:]?\s*/i;

export type ExamSettings = { minContent: number };
export const EXAM_DEFAULTS: ExamSettings = { minContent: 2 };

export const buildExam = (ctx: ComposeContext, settings: ExamSettings = EXAM_DEFAULTS): Draft[] => {
  const out: Draft[] = [];
  for (const r of ctx.routed) {
    if (r.role !== 'exam' || isMetaTalk(r.unit.clean) || INTENT.test(r.unit.clean) || EXPLANATION.test(r.unit.clean))
      continue;
    const stripped = r.unit.clean.replace(LEAD_IN, (m) => (/physical/i.test(m) ? '' : 'on exam, '));
    const text = secondToThird(stripped, ctx.profile.pronouns, 'exam');
    if (!worthKeeping(text, settings.minContent)) continue;
    out.push(draft(text, [evidenceOf(r.unit)], r.unit.index, ctx.casing, { kind: 'exam' }));
  }
  return out;
};

import type { VitalType } from '../../../common/findings';

/**
 * What announces each vital sign in speech, and the values a person can have. Kept in code (not a JSON
 * lexicon) because each cue is a pattern, not a word list; README-extractors.md documents them.
 */
export const VITAL_CUES: { type: VitalType; re: RegExp }[] = [
  { type: 'bp', re: /\b(?:blood pressures?|bp|pressures?)\b/gi },
  {
    type: 'spo2',
    re: /\b(?:oxygen saturation|o2 sat(?:uration)?s?|o2|sats?|saturation|saturating|satting|spo2|sp o2|pulse ox(?:imetry|imeter)?|pulse oxygenation|oxygen levels?|oxygen)\b/gi,
  },
  { type: 'hr', re: /\b(?:heart rate|heart rates|pulse(?! ox)(?: rate)?|hr|heartbeat)\b/gi },
  { type: 'rr', re: /\b(?:respiratory rate|respiration rate|resp rate|respirations?|breathing rate|rr)\b/gi },
  {
    type: 'temp',
    re: /\b(?:temperature|temp|fever of|febrile to|febrile at|running a fever of|fever was|fever is)\b/gi,
  },
  {
    type: 'weight',
    re: /\b(?:weigh|weighs|weighed|weighing|weight (?:is|was|of|today|at|right now|now|currently)|weight's|your weight|my weight)\b/gi,
  },
  { type: 'height', re: /\b(?:height|tall)\b/gi },
  { type: 'bmi', re: /\b(?:bmi|body mass index)\b/gi },
];

/** Plausible adult (and child) ranges in normalised units; anything outside is not a reading. */
export const PLAUSIBLE: Record<VitalType, [number, number]> = {
  bp: [50, 260],
  hr: [25, 250],
  rr: [5, 60],
  temp: [32, 44],
  spo2: [50, 100],
  weight: [2, 350],
  height: [45, 230],
  bmi: [10, 80],
};

export const UNITS: Record<VitalType, string> = {
  bp: 'mmHg',
  hr: '/min',
  rr: '/min',
  temp: '°C',
  spo2: '%',
  weight: 'kg',
  height: 'cm',
  bmi: 'kg/m²',
};

/** A number followed by one of these is a dose, a duration or a count, not a vital sign. */
export const NOT_A_READING_AFTER =
  /^[\s-]*(?:mg|milligrams?|mcg|micrograms?|units?|years?|days?|weeks?|months?|times|hours?|minutes?|mins|pills?|tablets?|puffs?|medications?|o'clock|am|pm|out of|year old|-year|percent (?:of|chance)|miles?|steps?)\b/i;

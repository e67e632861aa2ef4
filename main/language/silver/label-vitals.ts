/**
 * Silver-set labelling (see tests/fixtures/silver/README.md). Uses only note-side patterns, a documented
 * stop list and string/number matching against the dialogue — never the extractors' lexicons.
 */
import type { SilverVital } from './set';
import { containsAny, normTurn, numberForms } from './spoken-forms';

const VITAL_CUE: Record<SilverVital['type'], RegExp> = {
  bp: /blood pressure|pressure| bp /,
  hr: /heart rate|pulse| heart | hr /,
  rr: /respirat|breathing|breaths| rr /,
  temp: /temperature| temp |fever|febrile|degrees/,
  spo2: /oxygen| o2 | sat|spo2|pulse ox/,
  weight: /weigh|pounds| lbs? |kilo/,
  height: /feet|foot| ft |inches|tall|height/,
  bmi: / bmi |body mass/,
};
const F = String.raw`[:\s]*(?:(?:is|was|of|at|rate|about|approximately)\s+){0,3}`;
const NOTE_VITALS: { type: SilverVital['type']; re: RegExp }[] = [
  { type: 'bp', re: /(?:blood pressure|\bBP\b)[^0-9\n]{0,40}?(\d{2,3})\s*\/\s*(\d{2,3})/gi },
  { type: 'hr', re: new RegExp(String.raw`(?:heart rate|\bpulse(?! ox)|\bHR\b)${F}(\d{2,3})\b(?!s)`, 'gi') },
  { type: 'rr', re: new RegExp(String.raw`(?:respiratory rate|respirations?|\bRR\b)${F}(\d{1,2})\b`, 'gi') },
  { type: 'temp', re: new RegExp(String.raw`(?:temperature|\btemp\b|febrile to)${F}(\d{2,3}(?:\.\d)?)`, 'gi') },
  {
    type: 'spo2',
    re: new RegExp(
      String.raw`(?:oxygen saturation|O2 sat(?:uration)?|SpO2|pulse ox(?:imetry|ygenation)?|\bsats?\b)${F}(\d{2,3})\s*(?:%|percent)`,
      'gi',
    ),
  },
  {
    type: 'weight',
    re: new RegExp(String.raw`(?:weight|weighs|weighing)${F}(\d{2,3}(?:\.\d)?)\s*(lbs?|pounds|kg|kilograms)\b`, 'gi'),
  },
  { type: 'height', re: /(?:height[:\s]*(?:is\s+)?|\b)(\d)\s*(?:'|’|feet|foot|ft)\s*,?\s*(\d{1,2})?/gi },
  { type: 'bmi', re: new RegExp(String.raw`(?:\bBMI\b|body mass index)${F}(\d{2}(?:\.\d+)?)`, 'gi') },
];

const round1 = (n: number): number => Math.round(n * 10) / 10;

export const silverVitals = (note: string, turns: string[]): SilverVital[] => {
  const normTurns = turns.map(normTurn);
  const out = new Map<string, SilverVital>();
  for (const { type, re } of NOTE_VITALS) {
    for (const m of note.matchAll(re)) {
      const a = Number(m[1]);
      const b = m[2] === undefined ? undefined : Number(m[2]);
      if (type === 'height' && !/height/i.test(m[0]) && m[2] === undefined) continue;
      const said = normTurns.some((t) => {
        if (!VITAL_CUE[type].test(t)) return false;
        if (type === 'bp' && b !== undefined)
          return numberForms(a).some((x) =>
            numberForms(b).some((y) => containsAny(t, [`${x} over ${y}`, `${x} / ${y}`])),
          );
        if (type === 'height')
          return containsAny(t, numberForms(a)) && (b === undefined || containsAny(t, numberForms(b)));
        return containsAny(t, numberForms(a));
      });
      if (!said) continue;
      let value = a;
      let value2: number | null = null;
      if (type === 'bp') value2 = b ?? null;
      if (type === 'temp' && a > 45) value = round1(((a - 32) * 5) / 9);
      if (type === 'weight' && /lb|pound/i.test(m[2] ?? '')) value = round1(a * 0.45359237);
      if (type === 'height') value = round1((a * 12 + (b ?? 0)) * 2.54);
      out.set(`${type}:${value}:${value2 ?? ''}`, { type, value, value2 });
    }
  }
  return [...out.values()];
};

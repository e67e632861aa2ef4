import type { Evidence, FindingOf, VitalType } from '../../../common/findings';
import type { SegmentInput } from '../segment';
import { sentenceAt, sentenceSpans } from '../medications/sentence-spans';
import { NOT_A_READING_AFTER, PLAUSIBLE, UNITS, VITAL_CUES } from './cues';
import { findNumbers, type SpokenNumber } from './spoken-numbers';

export type VitalFinding = FindingOf<'vital'>;

type Reading = { type: VitalType; value: number; value2: number | null; start: number; end: number; original: string };

const round1 = (n: number): number => Math.round(n * 10) / 10;
const within = (type: VitalType, v: number): boolean => v >= PLAUSIBLE[type][0] && v <= PLAUSIBLE[type][1];
const WEIGHT_CHANGE_BEFORE =
  /\b(?:lost|lose|losing|gained|gain|gaining|put on|dropped|down|up|drop|lift|lifting|carry|carrying)\b[\w\s]{0,12}$/i;

/** "5 feet 6 inches", "five foot six", "5'6" → cm. */
const HEIGHT = /^\s*(?:'|’|(?:feet|foot|ft)\b)\s*,?\s*(?:and\s+)?/i;

const readHeight = (text: string, nums: SpokenNumber[], k: number): Reading | undefined => {
  const feet = nums[k];
  if (feet === undefined || feet.value < 3 || feet.value > 7 || !Number.isInteger(feet.value)) return undefined;
  const m = HEIGHT.exec(text.slice(feet.end, feet.end + 12));
  if (m === null) return undefined;
  const inchesNum = nums[k + 1];
  let inches = 0;
  let end = feet.end + m[0].trimEnd().length;
  if (inchesNum !== undefined && inchesNum.start === feet.end + m[0].length && inchesNum.value < 12) {
    inches = inchesNum.value;
    end = inchesNum.end;
    const unit = /^\s*(?:(?:inches|inch|in)\b|"|”)/i.exec(text.slice(end, end + 8));
    if (unit !== null) end += unit[0].length;
  }
  const cm = round1((feet.value * 12 + inches) * 2.54);
  return { type: 'height', value: cm, value2: null, start: feet.start, end, original: text.slice(feet.start, end) };
};

/** Reads the value that follows a cue of the given type, or undefined when none is said (e.g. "was high"). */
const readAfterCue = (
  type: VitalType,
  text: string,
  nums: SpokenNumber[],
  cueEnd: number,
  limit: number,
): Reading | undefined => {
  const k = nums.findIndex((n) => n.start >= cueEnd && n.end <= limit);
  const n = nums[k];
  if (n === undefined) return undefined;
  // At most a few words between the cue and the value ("heart rate today was 72").
  if ((text.slice(cueEnd, n.start).match(/[A-Za-z']+/g) ?? []).length > 7) return undefined;
  const after = text.slice(n.end, n.end + 24);
  if (type === 'height') return readHeight(text, nums, k);
  if (NOT_A_READING_AFTER.test(after)) return undefined;
  const mk = (value: number, value2: number | null, end: number): Reading | undefined =>
    within(type, value) ? { type, value, value2, start: n.start, end, original: text.slice(n.start, end) } : undefined;
  switch (type) {
    case 'bp': {
      const m = /^\s*(?:over|\/)\s*/i.exec(after);
      const dia = nums[k + 1];
      if (m === null || dia === undefined || dia.start !== n.end + m[0].length) return undefined;
      if (!within('bp', n.value) || dia.value < 30 || dia.value > 160 || dia.value >= n.value) return undefined;
      return {
        type,
        value: n.value,
        value2: dia.value,
        start: n.start,
        end: dia.end,
        original: text.slice(n.start, dia.end),
      };
    }
    case 'temp': {
      const unit = /^\s*(?:degrees?|°)?\s*(fahrenheit|celsius|centigrade|f|c)?\b/i.exec(after);
      const end = n.end + (unit?.[0].trimEnd().length ?? 0);
      const celsius = /^c/i.test(unit?.[1] ?? '') || (n.value >= 32 && n.value <= 44);
      return mk(celsius ? n.value : round1(((n.value - 32) * 5) / 9), null, end);
    }
    case 'weight': {
      if (WEIGHT_CHANGE_BEFORE.test(text.slice(Math.max(0, n.start - 30), n.start))) return undefined;
      const unit = /^\s*(pounds?|lbs?|kilograms?|kilos?|kgs?)\b/i.exec(after);
      const end = n.end + (unit?.[0].length ?? 0);
      const kg = unit !== null && /^k/i.test(unit[1] ?? '') ? n.value : round1(n.value * 0.45359237);
      return mk(kg, null, end);
    }
    case 'spo2': {
      const unit = /^\s*(?:%|percent)/i.exec(after);
      return mk(n.value, null, n.end + (unit?.[0].length ?? 0));
    }
    case 'hr':
    case 'rr': {
      const unit = /^\s*(?:beats|breaths)(?: per minute| a minute)?|^\s*bpm\b/i.exec(after);
      return mk(n.value, null, n.end + (unit?.[0].length ?? 0));
    }
    case 'bmi':
      return mk(n.value, null, n.end);
  }
};

type Cue = { type: VitalType; start: number; end: number };

const cuesIn = (text: string): Cue[] =>
  VITAL_CUES.flatMap(({ type, re }) =>
    Array.from(text.matchAll(re), (m) => ({ type, start: m.index, end: m.index + m[0].length })),
  )
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .filter((c, i, all) => !all.slice(0, i).some((p) => c.start < p.end)); // drop cues inside a longer one

export const findVitalReadings = (segment: SegmentInput): (Reading & { segmentId: string; cueStart: number })[] => {
  const { text } = segment;
  const spans = sentenceSpans(text);
  const nums = findNumbers(text);
  const cues = cuesIn(text);
  const out: (Reading & { segmentId: string; cueStart: number })[] = [];
  cues.forEach((cue, i) => {
    const sentence = sentenceAt(spans, cue.start);
    const nextCue = cues[i + 1]?.start ?? Infinity;
    const limit = Math.min(nextCue, cue.end + 90, sentence?.end ?? text.length);
    const r = readAfterCue(cue.type, text, nums, cue.end, limit);
    if (r !== undefined) out.push({ ...r, segmentId: segment.id, cueStart: cue.start });
  });
  // Heights are said without a cue word ("i'm five foot six") — accept feet + inches, or "feet tall".
  nums.forEach((n, k) => {
    if (out.some((r) => r.type === 'height' && r.start === n.start)) return;
    const h = readHeight(text, nums, k);
    if (h === undefined) return;
    const tail = text.slice(h.end, h.end + 10);
    if ((h.original.match(/\d+|[a-z]+/gi) ?? []).length >= 3 || /^\s*tall\b/i.test(tail)) {
      if (
        !/\b(?:fell|fall|falling|from|drop|dropped)\b[\w\s]{0,10}$/i.test(
          text.slice(Math.max(0, n.start - 20), n.start),
        )
      ) {
        out.push({ ...h, segmentId: segment.id, cueStart: h.start });
      }
    }
  });
  return out;
};

/** Vital signs with numbers said in the visit, in normalised units (see common/findings.ts), deduplicated. */
export const extractVitals = (segments: readonly SegmentInput[]): VitalFinding[] => {
  const byKey = new Map<string, VitalFinding>();
  for (const segment of segments) {
    for (const r of findVitalReadings(segment)) {
      const evidence: Evidence = { segmentId: r.segmentId, start: Math.min(r.cueStart, r.start), end: r.end };
      const key = `${r.type}:${r.value}:${r.value2 ?? ''}`;
      const existing = byKey.get(key);
      if (existing !== undefined) existing.evidence.push(evidence);
      else
        byKey.set(key, {
          kind: 'vital',
          type: r.type,
          value: r.value,
          value2: r.value2,
          unit: UNITS[r.type],
          original: r.original,
          evidence: [evidence],
        });
    }
  }
  return [...byKey.values()];
};

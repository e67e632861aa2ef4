import { findNumbers, type SpokenNumber } from '../vitals/spoken-numbers';
import type { MedicationLexicon } from './lexicon';

/** Dose, unit, route and frequency said near one medication name (its "sig"). */
export type Sig = {
  dose: number | null;
  unit: string | null;
  route: string | null;
  frequency: string | null;
  /** End of the last sig element found, for the evidence span. */
  end: number;
};

const COUNT_UNITS = new Set(['tablets', 'capsules', 'puffs', 'drops', 'patches', 'sprays']);
const NOT_A_DOSE_AFTER =
  /^[\s-]*(?:hours?|hrs?|times?|days?|weeks?|months?|years?|minutes?|mins?|o'clock|am|pm|a\.m|p\.m|out of|percent of|pounds|lbs?|of them|or so|refills?|more|year old|-year)\b/i;
const TIME_BEFORE = /(?:\bevery|\bq|\bfor|\bin|\bthe last|\bpast|\bover)\s*$/i;

type DoseCandidate = { value: number; unit: string | null; start: number; end: number; afterTo: boolean };

/** A unit word directly after a number ("20 milligrams", "two puffs"). */
const unitAfter = (
  lex: MedicationLexicon,
  text: string,
  n: SpokenNumber,
): { unit: string; end: number } | undefined => {
  const rest = text.slice(n.end, n.end + 30);
  const m = lex.units.find(rest)[0];
  if (m === undefined || !/^[\s-]*$/.test(rest.slice(0, m.start))) return undefined;
  return { unit: m.value, end: n.end + m.end };
};

export const doseCandidates = (
  lex: MedicationLexicon,
  text: string,
  numbers: SpokenNumber[],
  from: number,
  to: number,
): DoseCandidate[] => {
  const out: DoseCandidate[] = [];
  for (const n of numbers) {
    if (n.start < from || n.end > to || n.value <= 0) continue;
    if (NOT_A_DOSE_AFTER.test(text.slice(n.end, n.end + 20))) continue;
    const before = text.slice(Math.max(0, n.start - 12), n.start);
    if (TIME_BEFORE.test(before)) continue;
    const unit = unitAfter(lex, text, n);
    const gap = text.slice(from, n.start);
    // A bare number counts only right after the name: "lisinopril 20", "norvasc , ten".
    if (unit === undefined && !/^[\s,]*(?:(?:at|of|is|was|the)\s+)?$/i.test(gap)) continue;
    out.push({
      value: n.value,
      unit: unit?.unit ?? null,
      start: n.start,
      end: unit?.end ?? n.end,
      afterTo: /\bto\s*$/i.test(before),
    });
  }
  return out;
};

/** "five hundred milligrams of metformin", "81 mg aspirin", "two . five of norvasc". */
export const doseBefore = (
  lex: MedicationLexicon,
  text: string,
  numbers: SpokenNumber[],
  nameStart: number,
  floor: number,
): DoseCandidate | undefined => {
  const n = [...numbers].reverse().find((x) => x.end <= nameStart && x.start >= floor && nameStart - x.end <= 40);
  if (n === undefined) return undefined;
  const unit = unitAfter(lex, text, n);
  const tail = text.slice(unit?.end ?? n.end, nameStart);
  if (!/^[\s,]*(?:of\s+)?(?:(?:the|your|his|her)\s+)?$/i.test(tail)) return undefined;
  if (unit === undefined && !/^\s+of\s/i.test(tail)) return undefined;
  return { value: n.value, unit: unit?.unit ?? null, start: n.start, end: unit?.end ?? n.end, afterTo: false };
};

/** Prefers a strength (mg, mcg, units…) over a count (tablets, puffs), and the target of "to" when changing. */
export const pickDose = (cands: DoseCandidate[], preferTo: boolean): DoseCandidate | undefined => {
  const strength = cands.filter((c) => c.unit === null || !COUNT_UNITS.has(c.unit));
  const pool = strength.length > 0 ? strength : cands;
  if (preferTo) {
    const to = pool.find((c) => c.afterTo);
    if (to !== undefined) return to;
  }
  return pool.find((c) => c.unit !== null) ?? pool[0];
};

const everyHours = (
  text: string,
  numbers: SpokenNumber[],
  from: number,
  to: number,
): { frequency: string; end: number } | undefined => {
  for (const n of numbers) {
    if (n.start < from || n.end > to) continue;
    const before = text.slice(Math.max(0, n.start - 8), n.start);
    const after = /^\s*(?:(?:to|-)\s*(\S+)\s*)?(?:hours?|hrs?|h)\b/i.exec(text.slice(n.end, n.end + 30));
    if (/(?:every|\bq)\s*$/i.test(before) && after !== null) {
      const upper = after[1] === undefined ? undefined : findNumbers(after[1])[0]?.value;
      return {
        frequency: upper === undefined ? `every ${n.value} hours` : `every ${n.value}-${upper} hours`,
        end: n.end + after[0].length,
      };
    }
  }
  return undefined;
};

export const parseSig = (
  lex: MedicationLexicon,
  text: string,
  numbers: SpokenNumber[],
  from: number,
  to: number,
  preferTo: boolean,
  before?: DoseCandidate,
): Sig => {
  const window = text.slice(from, to);
  let end = from;
  const dose = pickDose(
    [...doseCandidates(lex, text, numbers, from, to), ...(before === undefined ? [] : [before])],
    preferTo,
  );
  if (dose !== undefined) end = Math.max(end, dose.end);
  const route = lex.routes.find(window)[0];
  if (route !== undefined) end = Math.max(end, from + route.end);
  const freq = lex.frequencies.find(window)[0];
  const hours = everyHours(text, numbers, from, to);
  const prn = lex.asNeeded.find(window)[0];
  let frequency: string | null = hours?.frequency ?? freq?.value ?? null;
  if (hours !== undefined) end = Math.max(end, hours.end);
  if (freq !== undefined) end = Math.max(end, from + freq.end);
  if (prn !== undefined) {
    frequency = frequency === null ? 'as needed' : `${frequency} as needed`;
    end = Math.max(end, from + prn.end);
  }
  return { dose: dose?.value ?? null, unit: dose?.unit ?? null, route: route?.value ?? null, frequency, end };
};

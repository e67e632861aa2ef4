import { findNumbers } from '../vitals/spoken-numbers';

/**
 * Follow-up intervals in days: "in two weeks" → 14, "in 3 months" → 90 (30-day months), "next week" → 7,
 * "in a couple of weeks" → 14, "in a year" → 365. Returns the interval and where it was said.
 */
export type Interval = { days: number; start: number; end: number; said: string };

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, month: 30, year: 365 };
const UNIT = /^\s*(?:-\s*)?(days?|weeks?|months?|years?)\b/i;
const FUZZY: [RegExp, number][] = [
  [/\b(?:a|one)\s+couple(?:\s+of)?\s*$/i, 2],
  [/\b(?:a\s+)?few\s*$/i, 3],
  [/\b(?:a|an|one)\s*$/i, 1],
  [/\bseveral\s*$/i, 3],
];

const unitDays = (u: string): number => UNIT_DAYS[u.toLowerCase().replace(/s$/, '')] ?? 0;

export const findInterval = (text: string): Interval | undefined => {
  for (const n of findNumbers(text)) {
    const m = UNIT.exec(text.slice(n.end, n.end + 12));
    if (m === null) continue;
    // "2 to 3 weeks" reaches here at 3: the upper bound is what a clinician books.
    return {
      days: n.value * unitDays(m[1] ?? ''),
      start: n.start,
      end: n.end + m[0].length,
      said: text.slice(n.start, n.end + m[0].length),
    };
  }
  for (const m of text.matchAll(/\b(days?|weeks?|months?|years?)\b/gi)) {
    const before = text.slice(Math.max(0, m.index - 16), m.index);
    for (const [re, count] of FUZZY) {
      const f = re.exec(before);
      if (f !== null) {
        const start = m.index - before.length + f.index;
        const end = m.index + m[0].length;
        return { days: count * unitDays(m[1] ?? ''), start, end, said: text.slice(start, end) };
      }
    }
  }
  const next = /\bnext\s+(week|month|year)\b/i.exec(text);
  if (next !== null)
    return { days: unitDays(next[1] ?? ''), start: next.index, end: next.index + next[0].length, said: next[0] };
  const half = /\bsix months|half a year\b/i.exec(text);
  if (half !== null) return { days: 180, start: half.index, end: half.index + half[0].length, said: half[0] };
  return undefined;
};

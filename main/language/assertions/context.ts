import type { Assertion } from '../../../common/findings';
import type { PhraseHit } from './phrase-index';
import { regionAround, withinWindow } from './scope';
import { joinedBetween, tokenize, type Token } from './tokens';
import { defaultTriggers, type Category, type Role, type TriggerSet } from './triggers';

/**
 * ConText (Harkema et al. 2009, after NegEx) over one clause: triggers before the concept reach forwards,
 * triggers after it reach backwards, each over a window of words, stopped by termination terms ("but",
 * "however", "which"). Pseudo-triggers ("no increase", "gram negative") are matched like triggers and so
 * hide the trigger words inside them.
 */
export type Cue = { category: Category; phrase: string; start: number; end: number };
export type ContextResult = { assertion: Assertion; cues: Cue[] };

type Hit = PhraseHit<Role>;
type Part = { hits: Hit[]; from: number; to: number };

const AFFIRMED: Assertion = {
  negated: false,
  possible: false,
  historical: false,
  hypothetical: false,
  experiencer: 'patient',
};

const hasNegation = (h: Hit): boolean => h.values.some((r) => r.kind === 'trigger' && r.category === 'negated');

/** Scan tokens [from, to) and apply the pseudo-follower and interjection rules. */
const scanPart = (text: string, toks: readonly Token[], from: number, to: number, ts: TriggerSet): Part => {
  const raw = ts.index
    .scan(text, toks.slice(from, to))
    .map((h) => ({ ...h, first: h.first + from, next: h.next + from }));
  const hits: Hit[] = [];
  let skipUntil = -1;
  for (const h of raw) {
    if (h.first < skipUntil) continue;
    if (hasNegation(h)) {
      const follower = followerLength(text, toks, h.next, to, ts);
      if (follower > 0) {
        hits.push({ ...h, values: [], next: h.next + follower });
        skipUntil = h.next + follower;
        continue;
      }
      // Only at the head of the clause is "No," a reply rather than a negation ("the swab was negative, but...").
      if (h.first === 0 && ts.interjections.has(h.key) && /^\s*[,!—–]/.test(text.slice(h.end))) continue;
    }
    hits.push(h);
  }
  return { hits, from, to };
};

const followerLength = (text: string, toks: readonly Token[], at: number, to: number, ts: TriggerSet): number => {
  for (let len = Math.min(ts.pseudoFollowerMaxLen, to - at); len >= 1; len -= 1) {
    const slice = toks.slice(at, at + len);
    const prev = toks[at - 1];
    const joined = slice.every((t, k) => joinedBetween(text, k === 0 ? (prev ?? t) : (slice[k - 1] ?? t), t));
    if (joined && ts.pseudoFollowers.has(slice.map((t) => t.norm).join(' '))) return len;
  }
  return 0;
};

const isExperiencer = (c: Category): boolean => c === 'family' || c === 'other';

const terminated = (hits: readonly Hit[], gapFrom: number, gapTo: number, category: Category): boolean =>
  hits.some(
    (h) =>
      h.first >= gapFrom &&
      h.next <= gapTo &&
      h.values.some((r) => r.kind === 'termination' && (r.experiencer || !isExperiencer(category))),
  );

/** A conjunction then a new subject inside [from, to] (the word at `to` may be the concept's first word). */
const newClause = (toks: readonly Token[], from: number, to: number, ts: TriggerSet): boolean => {
  for (let j = from; j < to; j += 1) {
    if (ts.clauseConjunctions.has(toks[j]?.norm ?? '') && ts.clauseSubjects.has(toks[j + 1]?.norm ?? '')) return true;
  }
  return false;
};

const doubleNegated = (text: string, regionStart: number, h: Hit, ts: TriggerSet): boolean =>
  ts.cancelable.has(h.key) && ts.cancelers.find(text.slice(regionStart, h.start)).length > 0;

/** The assertion of the concept at [conceptStart, conceptEnd) of `text`, with the cues that decided it. */
export const analyseContext = (
  text: string,
  conceptStart: number,
  conceptEnd: number,
  ts: TriggerSet = defaultTriggers(),
): ContextResult => {
  const region = regionAround(text, conceptStart, conceptEnd);
  const toks = tokenize(text.slice(region.start, region.end)).map((t) => ({
    ...t,
    start: t.start + region.start,
    end: t.end + region.start,
  }));
  const c0 = toks.findIndex((t) => t.end > conceptStart);
  const c1 = toks.findLastIndex((t) => t.start < conceptEnd);
  if (c0 < 0 || c1 < c0) return { assertion: AFFIRMED, cues: [] };
  const left = scanPart(text, toks, 0, c0, ts);
  const right = scanPart(text, toks, c1 + 1, toks.length, ts);
  const after = ts.cancelersAfter.scan(text, toks.slice(c1 + 1, c1 + 5));
  const negationCancelledAfter = after[0]?.first === 0;
  const cues: (Cue & { distance: number })[] = [];
  const consider = (h: Hit, pre: boolean, part: Part): void => {
    for (const role of h.values) {
      if (role.kind !== 'trigger') continue;
      const { category, direction } = role;
      const fits = pre
        ? direction === 'pre' || direction === 'both'
        : direction === 'post' || direction === 'both' || (direction === 'final' && h.next === toks.length);
      if (!fits) continue;
      const [gapFrom, gapTo] = pre ? [h.next, c0] : [c1 + 1, h.first];
      const gap = toks.slice(gapFrom, gapTo);
      const gapEnd = toks[gapTo]?.start ?? text.length;
      if (terminated(part.hits, gapFrom, gapTo, category)) continue;
      if (isExperiencer(category) && gap.some((t) => ts.experiencerStops.has(t.norm))) continue;
      if (!isExperiencer(category) && newClause(toks, gapFrom, gapTo, ts)) continue;
      if (!withinWindow(text, gap, gapEnd, ts)) continue;
      if (category === 'negated' && pre && (negationCancelledAfter || doubleNegated(text, region.start, h, ts)))
        continue;
      cues.push({ category, phrase: h.key, start: h.start, end: h.end, distance: gap.length });
    }
  };
  for (const h of left.hits) consider(h, true, left);
  for (const h of right.hits) consider(h, false, right);
  const has = (c: Category): boolean => cues.some((q) => q.category === c);
  const nearestExperiencer = cues.filter((q) => isExperiencer(q.category)).sort((a, b) => a.distance - b.distance)[0];
  const assertion: Assertion = {
    negated: has('negated'),
    possible: has('possible'),
    historical: has('historical'),
    hypothetical: has('hypothetical'),
    experiencer:
      nearestExperiencer?.category === 'family'
        ? 'family'
        : nearestExperiencer?.category === 'other'
          ? 'other'
          : 'patient',
  };
  return { assertion, cues: cues.map((c) => ({ category: c.category, phrase: c.phrase, start: c.start, end: c.end })) };
};

/** ConText assertion of the concept at [conceptStart, conceptEnd) of a sentence (longer text is fine: scope stays in the clause). */
export const assertionFor = (sentence: string, conceptStart: number, conceptEnd: number, ts?: TriggerSet): Assertion =>
  analyseContext(sentence, conceptStart, conceptEnd, ts).assertion;

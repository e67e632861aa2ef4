/**
 * Results: what the clinician said while reviewing tests ("looking at your knee x-ray, there's no
 * fracture" → "Knee x-ray: there is no fracture."), plus result findings nobody narrated.
 */
import type { FindingOf } from '../../../common/findings';
import type { ComposeContext } from './context';
import { draft } from './draft';
import type { Draft } from './draft';
import { isMetaTalk, worthKeeping } from './quality';
import { cleanSentence } from './text/normalize';
import { normalizeNumbers } from './text/numbers';
import { secondToThird } from './text/person';
import { evidenceOf } from './units';

const LEAD_IN =
  /^(?:(?:so|and|now|okay|well),? )*(?:(?:i am |we are |if we are |when we )?(?:looking|look|looked) (?:here )?at|i (?:reviewed|have reviewed)|we (?:reviewed|got)|this is|here is|these are|let us look at)\s+(?:some of |the results of )?(?:your |the )?/i;

export type ResultSettings = { minContent: number };
export const RESULT_DEFAULTS: ResultSettings = { minContent: 2 };

export const buildResults = (ctx: ComposeContext, settings: ResultSettings = RESULT_DEFAULTS): Draft[] => {
  const out: Draft[] = [];
  const segmentsWithResults = new Set<string>();
  for (const r of ctx.routed) {
    if (r.role !== 'results') continue;
    segmentsWithResults.add(r.unit.segment.id);
    if (isMetaTalk(r.unit.clean)) continue;
    const text = secondToThird(r.unit.clean.replace(LEAD_IN, ''), ctx.profile.pronouns, 'narrative');
    if (!worthKeeping(text, settings.minContent)) continue;
    out.push(draft(text, [evidenceOf(r.unit)], r.unit.index, ctx.casing, { kind: 'results' }));
  }
  // A result nobody narrated in the results part of the visit (e.g. mentioned in passing) still gets a line.
  for (const f of ctx.findings) {
    if (f.kind !== 'result' || f.value === null || !/[a-z]{3}/i.test(f.value)) continue;
    if (f.evidence.some((e) => segmentsWithResults.has(e.segmentId))) continue;
    const ev = f.evidence[0];
    const unit = ev
      ? ctx.units.find((u) => u.segment.id === ev.segmentId && u.start <= ev.start && ev.start < u.end)
      : undefined;
    out.push(resultLine(f, ctx, unit?.index ?? Number.MAX_SAFE_INTEGER));
  }
  return out.sort((a, b) => a.order - b.order);
};

const resultLine = (f: FindingOf<'result'>, ctx: ComposeContext, order: number): Draft =>
  draft(
    `${f.name}: ${secondToThird(normalizeNumbers(cleanSentence(f.value ?? '').text), ctx.profile.pronouns, 'narrative')}`,
    f.evidence,
    order,
    ctx.casing,
  );

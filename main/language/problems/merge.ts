import type { Assertion, Evidence } from '../../../common/findings';
import type { Mention } from './mentions';

/**
 * One finding per concept and experiencer per encounter. The rule (README-problems.md):
 *  1. Mentions of the concept for the same experiencer are merged; their evidence is kept, in transcript order.
 *  2. Hypothetical mentions ("call if you get chest pain") decide only when nothing else was said.
 *  3. Otherwise, if any mention asserts it as present (not negated, not merely possible), it is present and
 *     takes the flags (e.g. historical) of the latest such mention: a symptom reported once is not cancelled
 *     by a later "no" to a broader question.
 *  4. Otherwise the latest mention decides (negated or possible), so a later clarification wins.
 * Unanswered questions are not assertions and are dropped before merging.
 */
export type Merged<V> = { value: V; assertion: Assertion; evidence: Evidence[] };

const isPresent = (a: Assertion): boolean => !a.negated && !a.possible && !a.hypothetical;

const latest = <V>(ms: readonly Mention<V>[]): Mention<V> | undefined =>
  ms.reduce<Mention<V> | undefined>((a, b) => (a === undefined || b.order > a.order ? b : a), undefined);

const evidenceKey = (e: Evidence): string => `${e.segmentId}\u0000${e.start}\u0000${e.end}`;

export const decide = <V>(group: readonly Mention<V>[]): Mention<V> | undefined => {
  const real = group.filter((m) => !m.assertion.hypothetical);
  const present = real.filter((m) => isPresent(m.assertion));
  return latest(present) ?? latest(real) ?? latest(group);
};

export const mergeMentions = <V>(mentions: readonly Mention<V>[]): Merged<V>[] => {
  const groups = new Map<string, Mention<V>[]>();
  for (const m of mentions) {
    if (m.source === 'question') continue;
    const k = `${m.key}\u0000${m.assertion.experiencer}`;
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [m]);
    else group.push(m);
  }
  const out: Merged<V>[] = [];
  for (const group of groups.values()) {
    const winner = decide(group);
    if (winner === undefined) continue;
    const seen = new Set<string>();
    const evidence: Evidence[] = [];
    for (const m of [...group].sort((a, b) => a.order - b.order)) {
      for (const e of m.evidence) {
        if (seen.has(evidenceKey(e))) continue;
        seen.add(evidenceKey(e));
        evidence.push(e);
      }
    }
    out.push({ value: winner.value, assertion: { ...winner.assertion }, evidence });
  }
  return out;
};

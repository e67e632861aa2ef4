/**
 * Review of systems from asserted and negated symptoms, one line per system:
 * "Constitutional: Denies fever, chills." Sources: problem findings (patient, not hypothetical or
 * merely possible) or, when the pipeline supplied none, the yes/no answers to symptom questions. A
 * symptom both endorsed and denied in the visit is left out rather than guessed.
 */
import type { Evidence, FindingOf } from '../../../common/findings';
import type { ComposeContext } from './context';
import { draft } from './draft';
import type { Draft } from './draft';
import rosData from './ros-systems.json';
import { evidenceOfUnits } from './units';

type RosItem = { system: number; key: string; term: string; negated: boolean; evidence: Evidence[]; order: number };

type SystemEntry = { system: string; terms: string[] };

const SYSTEMS: readonly SystemEntry[] = rosData.systems;

/** Longest terms first so "chest pain" wins over "pain"; one compiled alternation per system. */
const TERM_PATTERNS = SYSTEMS.map(
  (s) =>
    new RegExp(
      `\\b(?:${[...s.terms]
        .sort((a, b) => b.length - a.length)
        .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|')})\\b`,
      'i',
    ),
);

/** The system a symptom phrase belongs to and the lexicon term that placed it there. */
export const systemOf = (phrase: string): { system: number; term: string } | null => {
  for (let system = 0; system < TERM_PATTERNS.length; system += 1) {
    const m = TERM_PATTERNS[system]?.exec(phrase);
    if (m) return { system, term: m[0].toLowerCase() };
  }
  return null;
};

const fromFindings = (ctx: ComposeContext): RosItem[] =>
  ctx.findings
    .filter(
      (f): f is FindingOf<'problem'> =>
        f.kind === 'problem' &&
        f.assertion.experiencer === 'patient' &&
        !f.assertion.hypothetical &&
        !f.assertion.possible &&
        !(f.assertion.historical && !f.assertion.negated),
    )
    .flatMap((f, i) => {
      const hit = systemOf(f.name);
      return hit === null
        ? []
        : [
            {
              system: hit.system,
              key: hit.term,
              term: f.name,
              negated: f.assertion.negated,
              evidence: f.evidence,
              order: i,
            },
          ];
    });

const fromAnswers = (ctx: ComposeContext): RosItem[] =>
  ctx.qa
    .filter((q) => !q.family && q.items.length > 0)
    .flatMap((q) =>
      q.items.flatMap((item) => {
        const hit = systemOf(item);
        if (hit === null) return [];
        const evidence = evidenceOfUnits([q.question, q.answer]);
        return [
          {
            system: hit.system,
            key: hit.term,
            term: hit.term,
            negated: q.polarity === 'no',
            evidence,
            order: q.question.index,
          },
        ];
      }),
    );

/** One item per term; a term asserted both ways in the visit is dropped, not guessed. */
const consolidate = (items: readonly RosItem[], vetoes: readonly RosItem[]): RosItem[] => {
  const byTerm = new Map<string, RosItem | null>();
  for (const item of items) {
    const key = item.key;
    const seen = byTerm.get(key);
    if (seen === undefined) byTerm.set(key, item);
    else if (seen !== null && seen.negated !== item.negated) byTerm.set(key, null);
    else if (seen !== null) seen.evidence = [...seen.evidence, ...item.evidence];
  }
  for (const veto of vetoes) {
    const seen = byTerm.get(veto.key);
    if (seen && seen.negated !== veto.negated) byTerm.set(veto.key, null);
  }
  return [...byTerm.values()].filter((i): i is RosItem => i !== null);
};

export const buildRos = (ctx: ComposeContext): Draft[] => {
  const hasProblems = ctx.findings.some((f) => f.kind === 'problem');
  // The yes/no answers are a second opinion on the findings: where they disagree, the item goes.
  const answers = fromAnswers(ctx);
  const items = hasProblems ? consolidate(fromFindings(ctx), answers) : consolidate(answers, []);
  const out: Draft[] = [];
  SYSTEMS.forEach((entry, system) => {
    const mine = items.filter((i) => i.system === system);
    if (mine.length === 0) return;
    const endorsed = mine.filter((i) => !i.negated).map((i) => i.term);
    const denied = mine.filter((i) => i.negated).map((i) => i.term);
    const parts = [
      endorsed.length > 0 ? `Endorses ${endorsed.join(', ')}.` : '',
      denied.length > 0 ? `Denies ${denied.join(', ')}.` : '',
    ].filter((s) => s !== '');
    const evidence = mine.flatMap((i) => i.evidence);
    out.push(draft(`${entry.system}: ${parts.join(' ')}`, evidence, system, ctx.casing, { style: 'bullet' }));
  });
  return out;
};

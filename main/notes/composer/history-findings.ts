/**
 * History lines written from structured findings: current medications with dose and frequency,
 * allergies, tobacco/alcohol/substance use, family history and past conditions. Family findings are
 * written as family history only; negated ones as denials; nothing else is inferred.
 */
import type { Evidence, FindingOf } from '../../../common/findings';
import type { ComposeContext } from './context';
import { draft } from './draft';
import type { Draft } from './draft';
import { evidenceOfUnits } from './units';

type Medication = FindingOf<'medication'>;

const firstOrder = (evidence: readonly Evidence[], ctx: ComposeContext): number => {
  const first = evidence[0];
  if (!first) return Number.MAX_SAFE_INTEGER;
  const unit = ctx.units.find((u) => u.segment.id === first.segmentId && u.end > first.start);
  return unit?.index ?? Number.MAX_SAFE_INTEGER;
};

const formatNumber = (n: number): string => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

export const medicationPhrase = (m: Medication): string =>
  [
    m.name,
    m.dose === null ? null : `${formatNumber(m.dose)}${m.unit === null ? '' : ` ${m.unit}`}`,
    m.route,
    m.frequency,
  ]
    .filter((s): s is string => s !== null && s !== '')
    .join(' ');

const joinList = (items: readonly string[], conjunction: string): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;

export const buildMedications = (ctx: ComposeContext): Draft[] => {
  const meds = ctx.findings.filter((f): f is Medication => f.kind === 'medication' && f.status === 'taking');
  if (meds.length === 0) return [];
  const evidence = meds.flatMap((m) => m.evidence);
  const text = `current medications include ${joinList(meds.map(medicationPhrase), 'and')}`;
  return [draft(text, evidence, firstOrder(evidence, ctx), ctx.casing, { group: 2 })];
};

export const buildAllergies = (ctx: ComposeContext): Draft[] => {
  const allergies = ctx.findings.filter((f): f is FindingOf<'allergy'> => f.kind === 'allergy');
  const real = allergies.filter((a) => !a.noKnownAllergies && a.substance !== null);
  if (real.length > 0) {
    const items = real.map((a) => (a.reaction === null ? (a.substance ?? '') : `${a.substance ?? ''} (${a.reaction})`));
    const evidence = real.flatMap((a) => a.evidence);
    return [
      draft(`allergic to ${joinList(items, 'and')}`, evidence, firstOrder(evidence, ctx), ctx.casing, { group: 2 }),
    ];
  }
  const nka = allergies.find((a) => a.noKnownAllergies);
  return nka
    ? [draft('no known drug allergies', nka.evidence, firstOrder(nka.evidence, ctx), ctx.casing, { group: 2 })]
    : [];
};

const SOCIAL_TEXT: Record<FindingOf<'social'>['category'], Record<FindingOf<'social'>['status'], string | null>> = {
  tobacco: { current: 'current tobacco use', former: 'former smoker', never: 'denies tobacco use', unknown: null },
  alcohol: { current: 'drinks alcohol', former: 'former alcohol use', never: 'denies alcohol use', unknown: null },
  substance: {
    current: 'reports substance use',
    former: 'former substance use',
    never: 'denies illicit drug use',
    unknown: null,
  },
};

export const buildSocial = (ctx: ComposeContext): Draft[] =>
  ctx.findings
    .filter((f): f is FindingOf<'social'> => f.kind === 'social')
    .flatMap((s) => {
      const base = SOCIAL_TEXT[s.category][s.status];
      if (base === null) return [];
      const detail = s.detail !== null && s.status !== 'never' && /\d/.test(s.detail) ? `, ${s.detail}` : '';
      return [draft(`${base}${detail}`, s.evidence, firstOrder(s.evidence, ctx), ctx.casing, { group: 3 })];
    });

export const buildFamilyHistory = (ctx: ComposeContext): Draft[] => {
  const fromFindings = ctx.findings
    // A relative's condition is only ever family history. Denials are left out: "I never had X, my dad
    // had them" is too easily read as a denial for the relative.
    .filter(
      (f): f is FindingOf<'problem'> =>
        f.kind === 'problem' &&
        f.assertion.experiencer === 'family' &&
        !f.assertion.negated &&
        !f.assertion.hypothetical,
    )
    .map((f) =>
      draft(`family history of ${f.name}`, f.evidence, firstOrder(f.evidence, ctx), ctx.casing, { group: 4 }),
    );
  if (fromFindings.length > 0) return fromFindings;
  return ctx.qa
    .filter((q) => q.family)
    .map((q) => draft(q.text, evidenceOfUnits([q.question, q.answer]), q.question.index, ctx.casing, { group: 4 }));
};

export const buildPastHistory = (ctx: ComposeContext): Draft[] => {
  const past = ctx.findings.filter(
    (f): f is FindingOf<'problem'> =>
      f.kind === 'problem' &&
      f.category === 'condition' &&
      f.assertion.historical &&
      !f.assertion.negated &&
      !f.assertion.hypothetical &&
      f.assertion.experiencer === 'patient',
  );
  if (past.length === 0) return [];
  const names = [...new Set(past.map((f) => f.name))];
  const evidence = past.flatMap((f) => f.evidence);
  return [draft(`history of ${joinList(names, 'and')}`, evidence, firstOrder(evidence, ctx), ctx.casing, { group: 5 })];
};

import type { Evidence, Finding, FindingKind, FindingOf, VitalType } from '../../../common/findings';

/** How findings read in the findings panel: grouped by kind in clinical order, each as a title plus details. */
export const FINDING_GROUPS: ReadonlyArray<{ kind: FindingKind; title: string }> = [
  { kind: 'problem', title: 'Problems & symptoms' },
  { kind: 'medication', title: 'Medications' },
  { kind: 'allergy', title: 'Allergies' },
  { kind: 'vital', title: 'Vitals' },
  { kind: 'result', title: 'Results' },
  { kind: 'plan', title: 'Plan' },
  { kind: 'social', title: 'Social history' },
];

export type FindingRow = { id: string; finding: Finding };
export type FindingGroup = { kind: FindingKind; title: string; rows: FindingRow[] };

/** Non-empty groups only, in FINDING_GROUPS order; rows keep the order main returned. */
export const groupFindings = (rows: readonly FindingRow[]): FindingGroup[] =>
  FINDING_GROUPS.map(({ kind, title }) => ({ kind, title, rows: rows.filter((r) => r.finding.kind === kind) })).filter(
    (group) => group.rows.length > 0,
  );

/** A badge says how a finding is asserted; `tone` picks its colour. */
export type Badge = { label: string; tone: 'neutral' | 'caution' | 'negative' };
export type FindingView = { title: string; details: string[]; badges: Badge[]; evidence: Evidence[] };

const VITALS: Record<VitalType, string> = {
  bp: 'Blood pressure',
  hr: 'Heart rate',
  rr: 'Respiratory rate',
  temp: 'Temperature',
  spo2: 'SpO₂',
  weight: 'Weight',
  height: 'Height',
  bmi: 'BMI',
};

const compact = (values: ReadonlyArray<string | null | undefined>): string[] =>
  values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');

const problemBadges = ({ assertion, category }: FindingOf<'problem'>): Badge[] => {
  const badges: Badge[] = [{ label: category === 'symptom' ? 'symptom' : 'condition', tone: 'neutral' }];
  if (assertion.negated) badges.push({ label: 'negated', tone: 'negative' });
  if (assertion.possible) badges.push({ label: 'possible', tone: 'caution' });
  if (assertion.historical) badges.push({ label: 'historical', tone: 'neutral' });
  if (assertion.hypothetical) badges.push({ label: 'hypothetical', tone: 'caution' });
  if (assertion.experiencer === 'family') badges.push({ label: 'family', tone: 'caution' });
  if (assertion.experiencer === 'other') badges.push({ label: 'other person', tone: 'caution' });
  return badges;
};

const formatNumber = (value: number): string => String(+value.toFixed(2));

export const describeFinding = (finding: Finding): FindingView => {
  const { evidence } = finding;
  switch (finding.kind) {
    case 'problem':
      return { title: finding.name, details: [], badges: problemBadges(finding), evidence };
    case 'medication': {
      const dose =
        finding.dose === null ? null : `${formatNumber(finding.dose)}${finding.unit ? ` ${finding.unit}` : ''}`;
      return {
        title: finding.name,
        details: compact([dose, finding.route, finding.frequency]),
        badges: [{ label: finding.status, tone: finding.status === 'stopped' ? 'negative' : 'neutral' }],
        evidence,
      };
    }
    case 'allergy':
      return finding.noKnownAllergies
        ? { title: 'No known allergies', details: [], badges: [], evidence }
        : {
            title: finding.substance ?? 'Allergy',
            details: compact([finding.reaction ? `reaction: ${finding.reaction}` : null]),
            badges: [],
            evidence,
          };
    case 'vital': {
      const value =
        finding.value2 === null
          ? formatNumber(finding.value)
          : `${formatNumber(finding.value)}/${formatNumber(finding.value2)}`;
      return { title: VITALS[finding.type], details: [`${value} ${finding.unit}`], badges: [], evidence };
    }
    case 'result':
      return {
        title: finding.name,
        details: compact([finding.value]),
        badges: [{ label: finding.category, tone: 'neutral' }],
        evidence,
      };
    case 'plan':
      return {
        title: finding.text,
        details: compact([finding.intervalDays === null ? null : `in ${formatNumber(finding.intervalDays)} days`]),
        badges: [{ label: finding.category, tone: 'neutral' }],
        evidence,
      };
    case 'social':
      return {
        title: finding.category,
        details: compact([finding.detail]),
        badges: [{ label: finding.status, tone: 'neutral' }],
        evidence,
      };
    default: {
      const unknown: never = finding;
      throw new Error(`Unknown finding ${String(unknown)}`);
    }
  }
};

export const CHECKLIST_STATES = { present: 'Present', absent: 'Absent', 'not-mentioned': 'Not mentioned' } as const;

import type { Evidence, FindingOf } from '../../../common/findings';
import { medicationLexicon, type MedicationLexicon, type MedicationStatus } from './lexicon';
import { findMedicationMentions, type MedicationMention } from './mentions';
import type { SegmentInput } from '../segment';

export type MedicationFinding = FindingOf<'medication'>;

/**
 * Actions said in the visit outrank a plain report of taking it, which outranks a bare mention. Starting a
 * drug outranks later talk of titrating it ("start the patch, then decrease it over time").
 */
const RANK: Record<MedicationStatus, number> = { started: 5, changed: 4, stopped: 3, taking: 2, mentioned: 1 };

const firstNonNull = <T>(values: (T | null)[]): T | null => values.find((v): v is T => v !== null) ?? null;

const byPosition = (a: Evidence, b: Evidence, order: Map<string, number>): number =>
  (order.get(a.segmentId) ?? 0) - (order.get(b.segmentId) ?? 0) || a.start - b.start;

/** Merges repeated mentions of one drug into a single finding with every mention as evidence. */
export const mergeMentions = (mentions: MedicationMention[], order: Map<string, number>): MedicationFinding[] => {
  const groups = new Map<string, MedicationMention[]>();
  for (const m of mentions) groups.set(m.generic, [...(groups.get(m.generic) ?? []), m]);
  const out: MedicationFinding[] = [];
  for (const [name, group] of groups) {
    // The deciding mention: highest-ranked status; among equals the later one (the plan usually comes last).
    const decisive = group.reduce((best, m) => (RANK[m.status] >= RANK[best.status] ? m : best));
    const ordered = [decisive, ...group.filter((m) => m !== decisive)];
    const doseFrom = decisive.dose !== null ? decisive : ordered.find((m) => m.dose !== null);
    out.push({
      kind: 'medication',
      name,
      dose: doseFrom?.dose ?? null,
      unit: doseFrom?.unit ?? null,
      route: firstNonNull(ordered.map((m) => m.route)),
      frequency: doseFrom?.frequency ?? firstNonNull(ordered.map((m) => m.frequency)),
      status: decisive.status,
      evidence: group.map((m) => m.evidence).sort((a, b) => byPosition(a, b, order)),
    });
  }
  return out.sort((a, b) => {
    const [ea] = a.evidence;
    const [eb] = b.evidence;
    return ea !== undefined && eb !== undefined ? byPosition(ea, eb, order) : 0;
  });
};

/** Medications said in an encounter: name (generic), dose, unit, route, frequency and status, with evidence. */
export const extractMedications = (
  segments: readonly SegmentInput[],
  lex: MedicationLexicon = medicationLexicon(),
): MedicationFinding[] => {
  const order = new Map(segments.map((s, i) => [s.id, i]));
  return mergeMentions(
    segments.flatMap((s) => findMedicationMentions(s, lex)),
    order,
  );
};

import type { ChecklistItemResult, Finding } from '../../common/findings';
import { extractAllergies } from './allergies/extract';
import { builtInChecklists } from './checklists/load';
import { evaluateChecklist } from './checklists/evaluate';
import type { Checklist } from './checklists/schema';
import { extractMedications } from './medications/extract';
import { extractPlan } from './plan/extract';
import { extractProblems } from './problems/extract';
import { extractResults } from './results/extract';
import { classifySegments } from './sections/default-model';
import type { SectionPrediction } from './sections/classifier';
import type { SegmentInput } from './segment';
import { extractSocial } from './social/extract';
import { extractVitals } from './vitals/extract';

export type ChecklistResult = { checklistId: string; name: string; items: ChecklistItemResult[] };

export type LanguageAnalysis = {
  /** One section prediction per segment, in transcript order. */
  sections: SectionPrediction[];
  findings: Finding[];
  checklists: ChecklistResult[];
};

/** Every extractor over one transcript, in a stable order (problems first: the UI groups by kind). */
export const extractFindings = (segments: readonly SegmentInput[]): Finding[] => [
  ...extractProblems(segments),
  ...extractMedications(segments),
  ...extractAllergies(segments),
  ...extractVitals(segments),
  ...extractResults(segments),
  ...extractPlan(segments),
  ...extractSocial(segments),
];

/**
 * The model-free language pipeline: transcript segments → sections, findings with evidence, and
 * checklist results. Pure and synchronous; the same function serves the app's job, the CLI and tests.
 */
export const analyseTranscript = (
  segments: readonly SegmentInput[],
  checklists: readonly Checklist[] = builtInChecklists(),
): LanguageAnalysis => ({
  sections: classifySegments(segments),
  findings: extractFindings(segments),
  checklists: checklists.map((c) => ({ checklistId: c.id, name: c.name, items: evaluateChecklist(c, segments) })),
});

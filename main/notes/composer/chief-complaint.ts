/**
 * Chief complaint: what the visit is for, as the clinician introduced it ("who presents for her
 * annual exam" → "Annual exam."), else the first problem the assessment names.
 */
import type { ComposeContext } from './context';
import { draft } from './draft';
import type { Draft } from './draft';
import { evidenceOf } from './units';

const DETERMINER = /^(?:(?:her|his|their|your|the|a|an|some|this|these|evaluation of|further evaluation of)\s+)+/i;
const TAIL = /\s+(?:today|here|in clinic|in the office)$/i;

export const chiefComplaintText = (reason: string): string =>
  reason
    .replace(DETERMINER, '')
    .replace(TAIL, '')
    .replace(/\bfollow up\b/gi, 'follow-up')
    .trim();

export const buildChiefComplaint = (ctx: ComposeContext, firstProblem: Draft | null): Draft[] => {
  const reason = ctx.profile.reason;
  if (reason) {
    const text = chiefComplaintText(reason.text);
    if (text.length > 2) return [draft(text, [evidenceOf(reason.unit)], reason.unit.index, ctx.casing)];
  }
  if (firstProblem) return [{ ...firstProblem, style: 'prose', group: 0, kind: 'structured' }];
  // Else the first problem the patient has (not denied, not a relative's, not hypothetical).
  const complaint = ctx.findings.find(
    (f) =>
      f.kind === 'problem' &&
      f.assertion.experiencer === 'patient' &&
      !f.assertion.negated &&
      !f.assertion.hypothetical &&
      !f.assertion.possible &&
      !f.assertion.historical,
  );
  return complaint
    ? [draft(complaint.kind === 'problem' ? complaint.name : '', complaint.evidence, 0, ctx.casing)]
    : [];
};

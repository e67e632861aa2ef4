/**
 * Assessment and plan, grouped per problem the way clinicians dictate it: "for your first problem,
 * your congestive heart failure, I want to increase your lisinopril" → a "Congestive heart failure."
 * heading and "We will increase her lisinopril." under it. Closes with the agreement line only when the
 * clinician checked in and the patient agreed.
 */
import type { FindingOf } from '../../../common/findings';
import type { ComposeContext } from './context';
import { AGREEMENT_ASK, AGREEMENT_YES } from './cues';
import { draft } from './draft';
import type { Draft } from './draft';
import { introSentence } from './hpi';
import { isMetaTalk, worthKeeping } from './quality';
import { detokenize } from './text/normalize';
import { secondToThird } from './text/person';
import { evidenceOf, evidenceOfUnits } from './units';
import type { Unit } from './units';

export type PlanSettings = { minContent: number; repeatIntro: boolean; agreement: boolean };
export const PLAN_DEFAULTS: PlanSettings = { minContent: 2, repeatIntro: true, agreement: true };

const LEAD = '^(?:(?:and|so|now|then|okay|alright|well|also|next|lastly|finally),? )*';
const STOP =
  '(?=,|;|$| (?:i|we|you|your|her|his|my|it|that|this|there|let|continue|what|which|is|are|was|were|seems?|looks?|sounds?|has|have|had|will|would|so|and i|and we|and you|because|since|right now|today|at this point|again|too|as well|also|now|here|everything|things|first of all|the (?:first|second|third|next|last|other) (?:problem|issue|one))\\b)';
const PROBLEM = `([a-z0-9'/-]+(?: [a-z0-9'/-]+){0,5}?)${STOP}`;

const OPENERS: readonly RegExp[] = [
  new RegExp(
    `\\b(?:for|with|regarding|on|about) (?:your |the |her |his )?(?:first|second|third|fourth|fifth|next|last|final|other|primary|main|biggest|1st|2nd|3rd) (?:problem|issue|concern|thing|diagnosis|condition)(?: (?:is|of|was|here))?,? (?:(?:for|of|regarding) )?(?:your |the |a |an |her |his )?${PROBLEM}`,
    'i',
  ),
  new RegExp(
    `${LEAD}(?:for|regarding|in regards to|with regards to|in terms of|as far as|as for|with respect to|under|on) (?:your |her |his |the )${PROBLEM}`,
    'i',
  ),
  // Dictated to the scribe: "under abnormal liver enzymes, they have improved".
  new RegExp(`${LEAD}under (?:the )?${PROBLEM}`, 'i'),
  new RegExp(`\\bfrom an? ([a-z0-9'/-]+(?: [a-z0-9'/-]+){0,3}?) standpoint\\b`, 'i'),
  new RegExp(
    `\\b(?:my |your |the )?diagnosis (?:here |today )?(?:is|would be|will be) (?:a |an |that you have |of )?${PROBLEM}`,
    'i',
  ),
  new RegExp(`\\bdiagnose (?:you|her|him) with (?:a |an )?${PROBLEM}`, 'i'),
];

const NOT_PROBLEMS =
  /^(?:plan|meantime|moment|time|rest|most part|questions?|results?|exam|next steps?|future|medications?|meds|side|record|day|week|month|year|now|today|part|end|sake|same|note|most|question|standpoint|medical|for|other conditions?)$/i;
/** Words that show the pattern caught the frame ("first problem", "back exam"), not the problem. */
const FRAME_WORDS = /\b(?:problem|issue|diagnosis|condition|concern|exam|standpoint|things?)\b/i;
const LEADING = /^(?:your|the|her|his|a|an|this|that|these|those|my)\s+/i;
const TRAILING = /\s+(?:and|or|to|of|with|for|in|the|a|is|are|was|on)$/i;

const cleanProblem = (raw: string): string | null => {
  let problem = raw.trim();
  while (LEADING.test(problem)) problem = problem.replace(LEADING, '');
  while (TRAILING.test(problem)) problem = problem.replace(TRAILING, '');
  if (problem === '' || NOT_PROBLEMS.test(problem) || FRAME_WORDS.test(problem)) return null;
  if (/\b(?:you|your|i|me|my)\b/i.test(problem)) return null;
  return problem;
};

export type ProblemOpener = { problem: string; rest: string };

export const problemOpener = (text: string): ProblemOpener | null => {
  for (const re of OPENERS) {
    const m = re.exec(text);
    const problem = m?.[1] === undefined ? null : cleanProblem(m[1]);
    if (m === null || problem === null) continue;
    const rest = text
      .slice(m.index + m[0].length)
      .replace(/^(?:\s*(?:is concerned|,|standpoint))+\s*/i, '')
      .trim();
    return { problem, rest };
  }
  return null;
};

const agreement = (ctx: ComposeContext): Unit[] | null => {
  const units = ctx.units;
  const from = Math.floor(units.length / 2);
  for (let i = units.length - 1; i >= from; i -= 1) {
    const ask = units[i];
    // The raw words: cleaning drops "..., does that sound good?" as a tag question.
    if (
      ask?.segment.speaker !== 'clinician' ||
      !AGREEMENT_ASK.test(detokenize(ask.segment.text.slice(ask.start, ask.end)))
    )
      continue;
    const answer = units.slice(i + 1).find((u) => u.segmentIndex > ask.segmentIndex);
    if (answer?.segment.speaker !== 'patient' || answer.segmentIndex !== ask.segmentIndex + 1) continue;
    const said = detokenize(answer.segment.text.slice(answer.start, answer.end)).toLowerCase().trim();
    if (AGREEMENT_YES.test(said)) return [ask, answer];
  }
  return null;
};

export const buildAssessmentPlan = (ctx: ComposeContext, settings: PlanSettings = PLAN_DEFAULTS): Draft[] => {
  const { casing } = ctx;
  const p = ctx.profile.pronouns;
  const out: Draft[] = [];
  if (settings.repeatIntro) {
    const intro = introSentence(ctx);
    if (intro) out.push({ ...intro, group: 0 });
  }
  let group = 1;
  for (const r of ctx.routed) {
    if (r.role !== 'plan') continue;
    const u = r.unit;
    const opener = problemOpener(u.clean);
    let text = u.clean;
    if (opener) {
      group += 1;
      out.push(draft(opener.problem, [evidenceOf(u)], u.index, casing, { group, style: 'heading', kind: 'heading' }));
      text = opener.rest;
    }
    if (isMetaTalk(text)) continue;
    const written = secondToThird(text, p, 'plan');
    if (!worthKeeping(written, settings.minContent)) continue;
    out.push(draft(written, [evidenceOf(u)], u.index + 0.1, casing, { group, kind: 'plan' }));
  }
  if (settings.agreement) {
    const agreed = agreement(ctx);
    if (agreed) {
      out.push(
        draft(
          'Patient Agreements: The patient understands and agrees with the recommended medical treatment plan',
          evidenceOfUnits(agreed),
          Number.MAX_SAFE_INTEGER,
          casing,
          {
            group: group + 1,
          },
        ),
      );
    }
  }
  return out;
};

const PLAN_FINDING_TEXT = (f: FindingOf<'plan'>): string | null => {
  switch (f.category) {
    case 'test':
      return `we will order ${/^(?:a|an|the)\b/i.test(f.text) ? '' : 'a '}${f.text}`;
    case 'referral':
      return `referral to ${f.text}`;
    case 'follow-up':
      return f.text;
    case 'medication':
      return f.text;
    case 'procedure':
      return `procedure: ${f.text}`;
    case 'education':
    case 'other':
      return null;
  }
};

/**
 * Plan items the extractor found in sentences the selector left out (an order said in passing, a
 * follow-up interval) still make the plan, as short lines under the problem they were said with.
 */
export const addPlanFindings = (kept: readonly Draft[], ctx: ComposeContext): Draft[] => {
  const covered = (segmentId: string, offset: number): boolean =>
    kept.some((d) => d.evidence.some((e) => e.segmentId === segmentId && e.start <= offset && offset < e.end));
  const unitAt = new Map<string, number>();
  for (const u of ctx.units) unitAt.set(`${u.segment.id}:${u.start}`, u.index);
  const out = [...kept];
  for (const f of ctx.findings) {
    if (f.kind !== 'plan') continue;
    const ev = f.evidence[0];
    if (!ev || covered(ev.segmentId, ev.start)) continue;
    const text = PLAN_FINDING_TEXT(f);
    if (text === null) continue;
    const unit = ctx.units.find((u) => u.segment.id === ev.segmentId && u.start <= ev.start && ev.start < u.end);
    const order = unit?.index ?? Number.MAX_SAFE_INTEGER;
    const before = [...out].reverse().find((d) => d.order <= order && d.kind !== 'intro' && d.kind !== 'structured');
    const group = before?.group ?? 1;
    const closing = out.findIndex((d) => d.order === Number.MAX_SAFE_INTEGER);
    const at = before ? out.lastIndexOf(before) + 1 : closing >= 0 ? closing : out.length;
    out.splice(at, 0, draft(text, f.evidence, order + 0.2, ctx.casing, { group, kind: 'plan' }));
  }
  return out;
};

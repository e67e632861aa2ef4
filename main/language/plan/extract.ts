import type { Evidence, FindingOf } from '../../../common/findings';
import { medicationLexicon } from '../medications/lexicon';
import { findMedicationMentions, type MedicationMention } from '../medications/mentions';
import type { PhraseMatch, PhraseMatcher } from '../medications/phrase-matcher';
import type { SegmentInput } from '../segment';
import { sentenceAt, sentenceSpans } from '../medications/sentence-spans';
import { testLexicon } from '../results/lexicon';
import type { Span } from '../text/sentences';
import { findInterval } from './interval';
import { planLexicon, type PlanLexicon } from './lexicon';

export type PlanFinding = FindingOf<'plan'>;
type Item = Omit<PlanFinding, 'kind' | 'evidence'> & { evidence: Evidence };

const QUESTION = /\?\s*$/;
/** History told in the plan's words ("you had a lumpectomy", "they decided to do a biopsy") is not a plan. */
const PAST = /\b(?:had|has had|have had|underwent|decided|did|was|were|got|previously|prior)\b/i;
const FUTURE = /\b(?:will|'ll|going to|gon na|gonna|want|like|need|let's|let us|plan|today|recommend|schedule)\b/i;
const VERB_RANK: Record<string, number> = { start: 4, change: 3, stop: 2, continue: 1 };
const CONTINUE = /\b(?:continue|refill|stay on|keep taking|keep you on)\b/i;

/** A cue before the target in the same sentence, with no negation governing it ("we don't need an x-ray"). */
const cueBefore = (
  cues: PhraseMatcher<true>,
  lex: PlanLexicon,
  sentence: string,
  targetStart: number,
  maxGap = 80,
): PhraseMatch<true> | undefined => {
  const before = sentence.slice(0, targetStart);
  const cue = cues.find(before).pop();
  if (cue === undefined || targetStart - cue.end > maxGap) return undefined;
  if (PAST.test(before) && !FUTURE.test(before.replace(/\btoday\s+because\b.*$/i, ''))) return undefined;
  const negation = lex.negations.find(before.slice(Math.max(0, cue.start - 25))).pop();
  return negation === undefined ? cue : undefined;
};

const medicationText = (m: MedicationMention, sentence: string): string | undefined => {
  const verb =
    m.status === 'started'
      ? 'start'
      : m.status === 'stopped'
        ? 'stop'
        : m.status === 'changed'
          ? 'change'
          : m.status === 'taking' && CONTINUE.test(sentence)
            ? 'continue'
            : undefined;
  if (verb === undefined) return undefined;
  const dose = m.dose === null ? '' : ` ${m.dose}${m.unit === null ? '' : ` ${m.unit}`}`;
  return `${verb} ${m.generic}${dose}${m.frequency === null ? '' : ` ${m.frequency}`}`;
};

const itemsInSentence = (seg: SegmentInput, s: Span, lex: PlanLexicon): Item[] => {
  const out: Item[] = [];
  const ev = (start: number, end: number): Evidence => ({
    segmentId: seg.id,
    start: s.start + start,
    end: s.start + end,
  });
  const taken: [number, number][] = [];
  const free = (h: { start: number; end: number }): boolean => !taken.some(([a, b]) => h.start < b && a < h.end);
  for (const p of lex.procedures.find(s.text)) {
    const cue = cueBefore(lex.procedureCues, lex, s.text, p.start) ?? cueBefore(lex.orderCues, lex, s.text, p.start);
    if (cue === undefined) continue;
    out.push({ category: 'procedure', text: p.value, intervalDays: null, evidence: ev(cue.start, p.end) });
    taken.push([p.start, p.end]);
  }
  for (const t of testLexicon().tests.find(s.text)) {
    const cue = cueBefore(lex.orderCues, lex, s.text, t.start);
    if (cue === undefined || !free(t)) continue;
    out.push({ category: 'test', text: t.value.name, intervalDays: null, evidence: ev(cue.start, t.end) });
    taken.push([t.start, t.end]);
  }
  for (const sp of lex.specialties.find(s.text)) {
    const cue =
      cueBefore(lex.referralCues, lex, s.text, sp.start, 40) ??
      (sp.value === 'physical therapy' || sp.value === 'occupational therapy'
        ? cueBefore(lex.procedureCues, lex, s.text, sp.start, 40)
        : undefined);
    if (cue === undefined || !free(sp)) continue;
    out.push({ category: 'referral', text: sp.value, intervalDays: null, evidence: ev(cue.start, sp.end) });
    taken.push([sp.start, sp.end]);
  }
  const follow = lex.followUpCues.find(s.text)[0];
  if (follow !== undefined) {
    const interval = findInterval(s.text.slice(follow.start));
    const days = interval?.days ?? null;
    const end = interval === undefined ? follow.end : follow.start + interval.end;
    const asNeeded = /\bas needed\b|\bif (?:it|things|symptoms) (?:get|gets|do n't|don't)/i.test(s.text);
    if (interval !== undefined || asNeeded || /\bfollow[\s-]?up\b/i.test(follow.phrase)) {
      out.push({
        category: 'follow-up',
        text: days === null ? (asNeeded ? 'follow up as needed' : 'follow up') : `follow up in ${interval?.said ?? ''}`,
        intervalDays: days,
        evidence: ev(follow.start, end),
      });
    }
  }
  for (const topic of lex.educationTopics.find(s.text)) {
    if (!free(topic)) continue;
    const cue = cueBefore(lex.educationCues, lex, s.text, topic.start, 60);
    if (cue === undefined) continue;
    out.push({ category: 'education', text: topic.value, intervalDays: null, evidence: ev(cue.start, topic.end) });
  }
  return out;
};

/** Plan items from clinician speech: tests, referrals, medication changes, follow-up, procedures, education. */
export const extractPlan = (segments: readonly SegmentInput[], lex: PlanLexicon = planLexicon()): PlanFinding[] => {
  const items: Item[] = [];
  const meds = medicationLexicon();
  for (const seg of segments) {
    if (seg.speaker !== 'clinician' && seg.speaker !== 'unknown') continue;
    const spans = sentenceSpans(seg.text);
    for (const s of spans) if (!QUESTION.test(s.text)) items.push(...itemsInSentence(seg, s, lex));
    for (const m of findMedicationMentions(seg, meds)) {
      const sentence = sentenceAt(spans, m.evidence.start);
      if (sentence === undefined || QUESTION.test(sentence.text)) continue;
      const text = medicationText(m, sentence.text);
      if (text !== undefined) items.push({ category: 'medication', text, intervalDays: null, evidence: m.evidence });
    }
  }
  const merged = new Map<string, PlanFinding>();
  for (const item of items) {
    const [verb = '', drug = ''] = item.text.split(' ');
    const key = `${item.category}:${item.category === 'medication' ? drug : item.text}`;
    const existing = merged.get(key);
    if (existing === undefined) merged.set(key, { kind: 'plan', ...item, evidence: [item.evidence] });
    else {
      existing.evidence.push(item.evidence);
      const existingVerb = existing.text.split(' ')[0] ?? '';
      // The stronger action wins ("start the patch" over "decrease it later"); among equals the more specific text.
      const stronger = (VERB_RANK[verb] ?? 0) > (VERB_RANK[existingVerb] ?? 0);
      const same = (VERB_RANK[verb] ?? 0) === (VERB_RANK[existingVerb] ?? 0);
      if (
        item.category === 'medication'
          ? stronger || (same && item.text.length > existing.text.length)
          : item.text.length > existing.text.length
      )
        existing.text = item.text;
      existing.intervalDays ??= item.intervalDays;
    }
  }
  return [...merged.values()];
};

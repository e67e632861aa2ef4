import type { ChecklistItemResult, Evidence } from '../../../common/findings';
import { createPhraseIndex, type PhraseIndex } from '../assertions/phrase-index';
import type { TriggerSet } from '../assertions/triggers';
import { anyPossessive, lexiconKey, problemLexicon, type ProblemLexicon } from '../problems/lexicon';
import { findMentions, type Mention } from '../problems/mentions';
import { decide } from '../problems/merge';
import type { SegmentInput } from '../problems/segment-input';
import type { Checklist, ChecklistItem } from './schema';

/**
 * Per encounter, each checklist item is present, absent or not mentioned, with the evidence for that state.
 * Only what concerns the patient counts (not a relative's symptom, not "call if you get..."); when an item was
 * said both ways the problems rule applies (merge.ts: present wins, else the latest statement).
 */
export type EvaluateChecklistOptions = { lexicon?: ProblemLexicon; triggers?: TriggerSet };

const contains = (outer: string, inner: string): boolean => ` ${outer} `.includes(` ${inner} `);

/** One index for the whole checklist; the lexicon's blockers are kept only where they hide a concept phrase, never a trigger. */
export const compileChecklist = (
  checklist: Checklist,
  lexicon: ProblemLexicon = problemLexicon(),
): PhraseIndex<string> => {
  const entries: [string, string[]][] = [];
  const triggerKeys: string[] = [];
  const conceptKeys = new Set<string>();
  for (const item of checklist.items) {
    for (const t of item.triggers) {
      triggerKeys.push(lexiconKey(t));
      entries.push([t, [item.id]]);
    }
    for (const c of item.concepts) {
      for (const key of lexicon.phrasesOf(c)) {
        conceptKeys.add(key);
        entries.push([key, [item.id]]);
      }
    }
  }
  for (const blocker of lexicon.blockers) {
    const hidesConcept = [...conceptKeys].some((k) => contains(blocker, k));
    const hidesTrigger = triggerKeys.some((k) => contains(blocker, k));
    if (hidesConcept && !hidesTrigger) entries.push([blocker, []]);
  }
  return createPhraseIndex(entries, { word: anyPossessive });
};

/** Compiling walks the whole lexicon (~90 ms); a checklist is compiled once per lexicon and reused. */
const compiled = new WeakMap<Checklist, Map<ProblemLexicon | undefined, PhraseIndex<string>>>();
const compiledIndex = (checklist: Checklist, lexicon: ProblemLexicon | undefined): PhraseIndex<string> => {
  let byLexicon = compiled.get(checklist);
  if (!byLexicon) compiled.set(checklist, (byLexicon = new Map<ProblemLexicon | undefined, PhraseIndex<string>>()));
  let index = byLexicon.get(lexicon);
  if (!index) byLexicon.set(lexicon, (index = compileChecklist(checklist, lexicon)));
  return index;
};

const dedupe = (mentions: readonly Mention<string>[]): Evidence[] => {
  const seen = new Set<string>();
  return mentions
    .flatMap((m) => m.evidence)
    .filter((e) => {
      const k = `${e.segmentId}:${e.start}:${e.end}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
};

const judge = (
  item: ChecklistItem,
  mentions: readonly Mention<string>[],
  askedByPatient: (m: Mention<string>) => boolean,
): ChecklistItemResult => {
  const base = { itemId: item.id, label: item.label };
  const patient = mentions.filter((m) => m.assertion.experiencer === 'patient');
  if (item.mode === 'mention') {
    return patient.length === 0
      ? { ...base, state: 'not-mentioned', evidence: [] }
      : { ...base, state: 'present', evidence: dedupe(patient) };
  }
  const counts = (m: Mention<string>): boolean =>
    m.source !== 'question' || (item.mode === 'request' && askedByPatient(m));
  const said = patient.filter((m) => counts(m) && !m.assertion.hypothetical);
  const winner = decide(said);
  if (winner === undefined) return { ...base, state: 'not-mentioned', evidence: [] };
  const negated = winner.assertion.negated;
  return {
    ...base,
    state: negated ? 'absent' : 'present',
    evidence: dedupe(said.filter((m) => m.assertion.negated === negated)),
  };
};

export const evaluateChecklist = (
  checklist: Checklist,
  segments: readonly SegmentInput[],
  options: EvaluateChecklistOptions = {},
): ChecklistItemResult[] => {
  const index = compiledIndex(checklist, options.lexicon);
  const mentions = findMentions(segments, index, (id) => id, options.triggers);
  const speakers = new Map(segments.map((s) => [s.id, s.speaker]));
  const askedByPatient = (m: Mention<string>): boolean => speakers.get(m.evidence[0]?.segmentId ?? '') === 'patient';
  return checklist.items.map((item) =>
    judge(
      item,
      mentions.filter((m) => m.key === item.id),
      askedByPatient,
    ),
  );
};

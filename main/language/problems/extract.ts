import type { FindingOf } from '../../../common/findings';
import type { TriggerSet } from '../assertions/triggers';
import { problemLexicon, type ProblemLexicon } from './lexicon';
import { findMentions } from './mentions';
import { mergeMentions } from './merge';
import type { SegmentInput } from './segment-input';

export type ProblemFinding = FindingOf<'problem'>;
export type ExtractProblemsOptions = { lexicon?: ProblemLexicon; triggers?: TriggerSet };

/**
 * Problems and symptoms said in an encounter, one per concept and experiencer, each with a ConText assertion
 * (answers to yes/no questions included) and the evidence spans that support it. See merge.ts for the rule
 * when a concept was asserted more than one way.
 */
export const extractProblems = (
  segments: readonly SegmentInput[],
  options: ExtractProblemsOptions = {},
): ProblemFinding[] => {
  const lexicon = options.lexicon ?? problemLexicon();
  const mentions = findMentions(segments, lexicon.index, (c) => c.name, options.triggers);
  return mergeMentions(mentions).map((m): ProblemFinding => ({
    kind: 'problem',
    name: m.value.name,
    category: m.value.category,
    assertion: m.assertion,
    evidence: m.evidence,
  }));
};

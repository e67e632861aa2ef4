import { z } from 'zod';
import planData from '../lexicons/plan.json';
import { createPhraseMatcher, type PhraseMatcher } from '../medications/phrase-matcher';

/** Plan vocabulary (main/language/lexicons/plan.json), validated on first use. */
export type PlanLexicon = {
  orderCues: PhraseMatcher<true>;
  negations: PhraseMatcher<true>;
  referralCues: PhraseMatcher<true>;
  specialties: PhraseMatcher<string>;
  followUpCues: PhraseMatcher<true>;
  procedureCues: PhraseMatcher<true>;
  procedures: PhraseMatcher<string>;
  educationCues: PhraseMatcher<true>;
  educationTopics: PhraseMatcher<string>;
  size: { specialties: number; procedures: number; educationTopics: number; phrases: number };
};

const List = z.array(z.string().min(1));
const Groups = z.record(z.string(), List);
const PlanFile = z.object({
  orderCues: List,
  negations: List,
  referralCues: List,
  specialties: Groups,
  followUpCues: List,
  procedureCues: List,
  procedures: Groups,
  educationCues: List,
  educationTopics: Groups,
});

const cues = (list: string[]): PhraseMatcher<true> => createPhraseMatcher(list.map((p): [string, true] => [p, true]));
const groups = (g: Record<string, string[]>): [string, string][] =>
  Object.entries(g).flatMap(([key, aliases]) => [key, ...aliases].map((p): [string, string] => [p, key]));

const build = (): PlanLexicon => {
  const d = PlanFile.parse(planData);
  const phrases =
    [d.orderCues, d.negations, d.referralCues, d.followUpCues, d.procedureCues, d.educationCues].reduce(
      (n, l) => n + l.length,
      0,
    ) +
    groups(d.specialties).length +
    groups(d.procedures).length +
    groups(d.educationTopics).length;
  return {
    orderCues: cues(d.orderCues),
    negations: cues(d.negations),
    referralCues: cues(d.referralCues),
    specialties: createPhraseMatcher(groups(d.specialties)),
    followUpCues: cues(d.followUpCues),
    procedureCues: cues(d.procedureCues),
    procedures: createPhraseMatcher(groups(d.procedures)),
    educationCues: cues(d.educationCues),
    educationTopics: createPhraseMatcher(groups(d.educationTopics)),
    size: {
      specialties: Object.keys(d.specialties).length,
      procedures: Object.keys(d.procedures).length,
      educationTopics: Object.keys(d.educationTopics).length,
      phrases,
    },
  };
};

let cached: PlanLexicon | undefined;

export const planLexicon = (): PlanLexicon => {
  cached ??= build();
  return cached;
};

import type { Evidence, FindingOf } from '../../../common/findings';
import type { PhraseMatch } from '../medications/phrase-matcher';
import type { SegmentInput } from '../segment';
import { sentenceSpans } from '../medications/sentence-spans';
import type { Span } from '../text/sentences';
import { allergyLexicon, type AllergyLexicon } from './lexicon';

export type AllergyFinding = FindingOf<'allergy'>;

const ALLERGY_WORD =
  /\ballerg(?:y|ies|ic)\b|\breactions? (?:to|from|with)\b|\breact(?:ed|s)? (?:to|badly)\b|\banaphyla/i;
/** Negation that governs the allergy itself: "not allergic to", "never had a reaction", "no allergy to". */
const NEGATED =
  /\b(?:not|n't|never|no longer)\s+(?:be\s+|really\s+)?(?:allergic|had (?:an?y? )?(?:allergic )?reactions?)|\bno\s+(?:known\s+)?(?:drug\s+)?allerg/i;
/** "allergic to X", also further down a list: "allergic to percocet , vicodin and reglan". */
const EXPLICIT_TO =
  /\b(?:allergic|allergy|allergies|reactions?|react(?:ed)?)\s+(?:to|from|with)\b(?:(?!\bbut\b)[^.?!;])*$/i;
/** "an epipen for anaphylaxis", "singulair for your allergies": a treatment, not an allergen. */
const TREATMENT_FOR =
  /\bfor\s+(?:your|my|the|his|her|those|these)?\s*(?:seasonal\s+)?(?:allerg\w*|anaphyla\w*|reactions?)\b|\ballerg(?:y|ies)\b[^.?!]{0,40}\b(?:try|take|taking|use|using|start|prescribe)\b/i;
const YES = /^\s*(?:yes|yeah|yep|yup|correct|right|that's right|that is right|mm-hmm|uh-huh)\b/i;
const REACTION_QUESTION =
  /\bwhat (?:happens|happened|kind of reaction|reaction|did it do|does it do|type of reaction)|\bhow did you react\b/i;

type Found = { substance: string | null; reaction: string | null; evidence: Evidence[] };

const isQuestion = (s: Span): boolean => /\?\s*$/.test(s.text);

/** The most specific reaction said wins: "break out in hives" is hives, not a rash. */
const SPECIFICITY = ['anaphylaxis', 'hives', 'swelling', 'shortness of breath', 'blisters', 'rash', 'itching'];
const rank = (r: string): number => (SPECIFICITY.includes(r) ? SPECIFICITY.indexOf(r) : SPECIFICITY.length);

const firstReaction = (lex: AllergyLexicon, text: string, skip?: PhraseMatch<string>): string | null => {
  const found = lex.reactions
    .find(text)
    .filter((r) => skip === undefined || r.end <= skip.start || r.start >= skip.end);
  return found.reduce<string | null>((best, r) => (best === null || rank(r.value) < rank(best) ? r.value : best), null);
};

/** Substances said as allergies in one sentence (drug names only with an explicit "allergic to"). */
const substancesIn = (lex: AllergyLexicon, s: Span, answering: boolean): PhraseMatch<string>[] => {
  const seasonal = lex.seasonal.find(s.text).length > 0;
  if (NEGATED.test(s.text) && !answering) return [];
  return lex.substances.find(s.text).filter((hit) => {
    const before = s.text.slice(0, hit.start);
    if (NEGATED.test(before.slice(-40))) return false;
    const explicit = EXPLICIT_TO.test(before) || /^\s*(?:allergy|allergies)\b/i.test(s.text.slice(hit.end));
    if (explicit || answering) return true;
    // A drug named near allergy talk without "allergic to" is usually its treatment.
    return lex.isOwnSubstance(hit.phrase) && !seasonal && !TREATMENT_FOR.test(s.text);
  });
};

const evidenceOf = (seg: SegmentInput, start: number, end: number): Evidence => ({ segmentId: seg.id, start, end });

export const extractAllergies = (
  segments: readonly SegmentInput[],
  lex: AllergyLexicon = allergyLexicon(),
): AllergyFinding[] => {
  const found: Found[] = [];
  const nka: Evidence[] = [];
  segments.forEach((seg, i) => {
    const spans = sentenceSpans(seg.text);
    const prev = segments[i - 1];
    const prevAsksAllergies =
      prev !== undefined &&
      prev.speaker !== seg.speaker &&
      /\ballerg/i.test(prev.text) &&
      /\?/.test(prev.text) &&
      lex.seasonal.find(prev.text).length === 0;
    // "no" to "are you allergic to penicillin?" rules out penicillin, not every allergy.
    const genericQuestion = prevAsksAllergies && lex.substances.find(prev.text).length === 0;
    spans.forEach((s, k) => {
      const answering = prevAsksAllergies && k < 2;
      const seasonal = lex.seasonal.find(s.text).length > 0;
      const noKnown = lex.noKnown.find(s.text)[0];
      if (noKnown !== undefined && !seasonal && !isQuestion(s))
        nka.push(evidenceOf(seg, s.start + noKnown.start, s.start + noKnown.end));
      if (!ALLERGY_WORD.test(s.text) && !answering) return;
      if (answering && k === 0) {
        const neg = lex.negativeAnswer.find(s.text)[0];
        if (genericQuestion && neg?.start === 0 && lex.substances.find(s.text).length === 0)
          nka.push(evidenceOf(seg, s.start, s.end));
      }
      const hits = substancesIn(lex, s, answering);
      for (const hit of hits) {
        if (isQuestion(s)) {
          // "are you allergic to penicillin?" counts only when the next speaker confirms it.
          const next = segments[i + 1];
          if (next === undefined || next.speaker === seg.speaker || !YES.test(next.text)) continue;
          found.push({
            substance: hit.value,
            reaction: firstReaction(lex, next.text),
            evidence: [
              evidenceOf(seg, s.start + hit.start, s.start + hit.end),
              evidenceOf(next, 0, Math.min(next.text.length, 60)),
            ],
          });
          continue;
        }
        let reaction = firstReaction(lex, s.text, hit);
        const evidence = [evidenceOf(seg, s.start + hit.start, s.start + hit.end)];
        const nextSentence = spans[k + 1];
        if (reaction === null && nextSentence !== undefined) reaction = firstReaction(lex, nextSentence.text);
        const q = segments[i + 1];
        const a = segments[i + 2];
        if (
          reaction === null &&
          q !== undefined &&
          a !== undefined &&
          REACTION_QUESTION.test(q.text) &&
          a.speaker === seg.speaker
        ) {
          reaction = firstReaction(lex, a.text);
          if (reaction !== null) evidence.push(evidenceOf(a, 0, a.text.length));
        }
        found.push({ substance: hit.value, reaction, evidence });
      }
    });
  });
  const bySubstance = new Map<string, AllergyFinding>();
  for (const f of found) {
    const key = f.substance ?? '';
    const existing = bySubstance.get(key);
    if (existing === undefined)
      bySubstance.set(key, {
        kind: 'allergy',
        substance: f.substance,
        reaction: f.reaction,
        noKnownAllergies: false,
        evidence: f.evidence,
      });
    else {
      existing.evidence.push(...f.evidence);
      existing.reaction ??= f.reaction;
    }
  }
  const out = [...bySubstance.values()];
  if (nka.length > 0)
    out.unshift({ kind: 'allergy', substance: null, reaction: null, noKnownAllergies: true, evidence: nka });
  return out;
};

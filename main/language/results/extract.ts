import type { Evidence, FindingOf } from '../../../common/findings';
import type { SegmentInput } from '../segment';
import { sentenceAt, sentenceSpans } from '../medications/sentence-spans';
import { findNumbers } from '../vitals/spoken-numbers';
import { testLexicon, type TestLexicon } from './lexicon';

export type ResultFinding = FindingOf<'result'>;

/** Words that make a mention an order (the plan extractor's business) rather than a result. */
const ORDER_BEFORE =
  /\b(?:order|ordering|get|getting|schedule|scheduling|repeat|obtain|send you for|do an?|we'll do|we will do|draw|recheck|check|need|want|like to get|go ahead and get|set you up for)\b[^.?!]*$/i;
const RESULT_CONTEXT =
  /\b(?:results?|showed|shows|show me|revealed?|reveals|demonstrated?|demonstrates|came back|come back|reviewed|review|looked at|looking at|last|recent|recently|previous|prior|was|were|had|did|done|indicated|indicates|consistent with|notable)\b/i;
const VERB_CLAUSE =
  /^[^.?!]{0,40}?\b(?:showed|shows|show|revealed|reveals|demonstrated|demonstrates|came back(?: as)?|indicated|indicates|was|were|is|are|looked|looks)\s+(?:that\s+)?(?:you\s+(?:have|had)\s+)?([^.?!;]{2,90}?)(?=\s*(?:[.?!;,]|\bokay\b|\band\b|$))/i;
const DESCRIPTOR =
  /\b(normal|abnormal|elevated|high|low|negative|positive|unremarkable|stable|improved|worse|fine|good|great|okay|clear|borderline)\b/i;
const NOT_A_VALUE_AFTER = /^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|times|o'clock|am|pm|st|nd|rd|th)\b/i;
const MONTH_BEFORE =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|in|on|since|from)\s*$/i;
const isYear = (v: number): boolean => Number.isInteger(v) && v >= 1900 && v <= 2100;

const valueAfter = (text: string, from: number, to: number): string | null => {
  const window = text.slice(from, to);
  const numbers = findNumbers(window).filter(
    (n) =>
      !NOT_A_VALUE_AFTER.test(window.slice(n.end, n.end + 12)) &&
      !MONTH_BEFORE.test(window.slice(Math.max(0, n.start - 12), n.start)) &&
      !isYear(n.value),
  );
  const verb = VERB_CLAUSE.exec(window);
  const firstNum = numbers[0];
  const clause = verb?.[1]?.trim();
  const usableClause =
    clause !== undefined && !/\bago\b|^(?:done|performed|taken)\b/i.test(clause) ? clause : undefined;
  // A clause that says more than a number ("an ejection fraction of 45 %") beats the bare number.
  const wordsBesideNumbers = (usableClause ?? '')
    .replace(
      /\b(?:\d+(?:\.\d+)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|point|percent|at|about|around|of|a|an|the|last|time)\b|[.%]/gi,
      ' ',
    )
    .trim();
  if (usableClause !== undefined && wordsBesideNumbers.split(/\s+/).length >= 2) return usableClause;
  if (firstNum !== undefined && (window.slice(0, firstNum.start).match(/[A-Za-z']+/g) ?? []).length <= 6) {
    const unit = /^\s*(%|percent|mg\/dl|milligrams per deciliter|mmol|units)/i.exec(window.slice(firstNum.end));
    return `${firstNum.value}${unit === null ? '' : unit[1] === '%' || /percent/i.test(unit[1] ?? '') ? '%' : ` ${unit[1] ?? ''}`}`;
  }
  if (usableClause !== undefined) return usableClause;
  const d = DESCRIPTOR.exec(window.slice(0, 60));
  return d?.[1]?.toLowerCase() ?? null;
};

/** Labs and imaging said in the visit, with what was said about them; pure orders are left to the plan. */
export const extractResults = (
  segments: readonly SegmentInput[],
  lex: TestLexicon = testLexicon(),
): ResultFinding[] => {
  const byName = new Map<string, ResultFinding>();
  for (const seg of segments) {
    const spans = sentenceSpans(seg.text);
    const hits = lex.tests.find(seg.text);
    hits.forEach((hit, i) => {
      const sentence = sentenceAt(spans, hit.start) ?? { start: 0, end: seg.text.length, text: seg.text };
      const next = hits[i + 1];
      const to = Math.min(sentence.end, next !== undefined ? next.start : Infinity, hit.end + 160);
      // A question ("was it done because you felt a lump?") asks; it reports nothing.
      if (/\?\s*$/.test(sentence.text)) return;
      let value = valueAfter(seg.text, hit.end, to);
      // "...the echocardiogram that we did last year . it showed that ..." — the finding is in the next sentence.
      const following = spans[spans.indexOf(sentence) + 1];
      if (
        value === null &&
        following !== undefined &&
        (next === undefined || next.start >= following.end) &&
        /^(?:and\s+)?(?:it|that|this|which|they)\s+(?:showed|shows|revealed|reveals|demonstrated|demonstrates|came back|was|is|were|are)\b/i.test(
          following.text,
        )
      ) {
        value = valueAfter(seg.text, following.start, following.end);
      }
      const before = seg.text.slice(sentence.start, hit.start);
      const after = seg.text.slice(hit.end, sentence.end);
      const isOrder = ORDER_BEFORE.test(before) && !/\b(?:showed|shows|revealed|came back|results?)\b/i.test(after);
      if (isOrder) return;
      if (value === null && !RESULT_CONTEXT.test(`${before} ${after}`)) return;
      const evidence: Evidence = { segmentId: seg.id, start: hit.start, end: hit.end };
      const key = `${hit.value.category}:${hit.value.name}`;
      const existing = byName.get(key);
      if (existing === undefined)
        byName.set(key, {
          kind: 'result',
          category: hit.value.category,
          name: hit.value.name,
          value,
          evidence: [evidence],
        });
      else {
        existing.evidence.push(evidence);
        existing.value ??= value;
      }
    });
  }
  return [...byName.values()];
};

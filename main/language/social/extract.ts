import type { Evidence, FindingOf } from '../../../common/findings';
import type { PhraseMatch } from '../medications/phrase-matcher';
import type { SegmentInput } from '../segment';
import { sentenceSpans } from '../medications/sentence-spans';
import type { Span } from '../text/sentences';
import { findNumbers } from '../vitals/spoken-numbers';
import { socialLexicon, type SocialCategory, type SocialLexicon, type SocialTerm } from './lexicon';

export type SocialFinding = FindingOf<'social'>;
type Status = SocialFinding['status'];
type Statement = { category: SocialCategory; status: Status; detail: string | null; evidence: Evidence[] };

const RANK: Record<Status, number> = { current: 3, former: 2, never: 1, unknown: 0 };
const SOMEONE_ELSE =
  /\b(?:my|his|her|their|friend|friends|husband|wife|dad|father|mom|mother|brother|sister|son|daughter|partner|family|parents|everybody|everyone|roommate|boyfriend|girlfriend|he|she|they)\b[^,.;]*$/i;
const LESS_NOT_NONE =
  /\b(?:do n't|don't|do not|not)\s+(?:\w+\s+){0,2}?(?:much|a lot|often|too much|that much|as much|heavily|every day|all the time)\b/i;
const USE_CONTEXT =
  /\b(?:use|using|used|smoke|smoking|smoked|do|doing|did|recreational|street|illicit|illegal|snort|inject|injecting|shoot|tried|try)\b/i;
const QUANTITY =
  /^\s*(packs?|cigarettes?|cigs|cigars?|drinks?|beers?|glass(?:es)? of wine|glasses|shots|cans|joints?)\s*(?:a|per|each|every|in a)\s*(day|week|night|weekend|month)\b/i;

const clauseAround = (text: string, hit: { start: number; end: number }): string => {
  const left =
    text
      .slice(0, hit.start)
      .split(/\bbut\b|[,;]|\band\b(?=\s+i\b)/i)
      .pop() ?? '';
  const right = text.slice(hit.end).split(/\bbut\b|[,;]|\band\b(?=\s+i\b)/i)[0] ?? '';
  return `${left}${text.slice(hit.start, hit.end)}${right}`;
};

const detailOf = (text: string, category: SocialCategory, term: SocialTerm): string | null => {
  for (const n of findNumbers(text)) {
    const q = QUANTITY.exec(text.slice(n.end, n.end + 40));
    if (q !== null) return `${n.value} ${(q[1] ?? '').toLowerCase()} per ${(q[2] ?? '').toLowerCase()}`;
    const ago = /^\s*(years?|months?)\s+ago\b/i.exec(text.slice(n.end, n.end + 20));
    if (ago !== null && /\b(?:quit|stopped|gave up)\b/i.test(text))
      return `quit ${n.value} ${(ago[1] ?? '').toLowerCase()} ago`;
  }
  const pack = /\b(half a|a|one) pack (?:a|per) day\b/i.exec(text);
  if (pack !== null) return `${/half/i.test(pack[1] ?? '') ? 0.5 : 1} pack per day`;
  if (category === 'alcohol' && /\bsocial(?:ly)?\b/i.test(text)) return 'socially';
  if (category === 'tobacco' && /\b(?:vape|vapes|vaping|e-?cig|juul)\b/i.test(text)) return 'vaping';
  return term.name;
};

const statusOf = (lex: SocialLexicon, clause: string): Status => {
  if (lex.former.find(clause).length > 0 && !/\bstill\b/i.test(clause)) return 'former';
  if (lex.never.find(clause).length > 0) return LESS_NOT_NONE.test(clause) ? 'current' : 'never';
  if (
    lex.current.find(clause).length > 0 ||
    findNumbers(clause).some((n) => QUANTITY.test(clause.slice(n.end, n.end + 40)))
  )
    return 'current';
  return 'unknown';
};

const termsIn = (lex: SocialLexicon, text: string): PhraseMatch<SocialTerm>[] => {
  const hits = lex.terms.find(text);
  return hits.filter((h, i) => {
    const after = text.slice(h.end, h.end + 30);
    if (
      h.value.category === 'alcohol' &&
      /^drink/i.test(h.phrase) &&
      (lex.nonAlcoholic.find(after.split(/[,.;?]/)[0] ?? '').length > 0 || /\bdrink plenty\b/i.test(text))
    )
      return false;
    if (
      h.value.category === 'tobacco' &&
      hits[i + 1]?.value.category === 'substance' &&
      (hits[i + 1]?.start ?? 0) - h.end < 12
    )
      return false;
    if (h.value.category === 'tobacco' && /\b(?:second ?hand|secondhand)\s*$/i.test(text.slice(0, h.start)))
      return false;
    if (
      h.value.needsContext &&
      !USE_CONTEXT.test(text) &&
      !/\b(?:no|any|denies|deny)\s+$/i.test(text.slice(0, h.start))
    )
      return false;
    return true;
  });
};

const ev = (seg: SegmentInput, s: Span, start = 0, end = s.text.length): Evidence => ({
  segmentId: seg.id,
  start: s.start + start,
  end: s.start + end,
});

/** Tobacco, alcohol and substance use: current / former / never with a detail, one finding per category. */
export const extractSocial = (
  segments: readonly SegmentInput[],
  lex: SocialLexicon = socialLexicon(),
): SocialFinding[] => {
  const statements: Statement[] = [];
  segments.forEach((seg, i) => {
    sentenceSpans(seg.text).forEach((s) => {
      const question = /\?\s*$/.test(s.text);
      const hits = termsIn(lex, s.text);
      const categories = new Set(hits.map((h) => h.value.category));
      if (question) {
        const next = segments[i + 1];
        if (next === undefined || next.speaker === seg.speaker) return;
        const answer = sentenceSpans(next.text)[0];
        // An answer that names a habit ("no drugs") speaks only for that habit; its own statement covers it.
        if (answer === undefined || termsIn(lex, answer.text).length > 0) return;
        for (const category of categories) {
          const no = lex.answerNo.find(answer.text)[0];
          const yes = lex.answerYes.find(answer.text)[0];
          const own = statusOf(lex, answer.text);
          const status: Status =
            own === 'former' ? 'former' : no?.start === 0 ? 'never' : yes?.start === 0 ? 'current' : own;
          if (status === 'unknown') continue;
          const term = hits.find((h) => h.value.category === category);
          statements.push({
            category,
            status,
            detail:
              term === undefined
                ? null
                : detailOf(answer.text, category, {
                    ...term.value,
                    name: category === 'substance' ? term.value.name : null,
                  }),
            evidence: [ev(seg, s), { segmentId: next.id, start: answer.start, end: answer.end }],
          });
        }
        return;
      }
      for (const h of hits) {
        const clause = clauseAround(s.text, h);
        if (SOMEONE_ELSE.test(s.text.slice(0, h.start)) && !/\b(?:i|i'm|i've|you|you're)\b/i.test(clause)) continue;
        const own = statusOf(lex, clause);
        // "i used cocaine in my twenties but not anymore": the rest of the sentence can settle it.
        const status = own === 'unknown' ? statusOf(lex, s.text) : own;
        if (status === 'unknown' && (seg.speaker !== 'patient' || !/\b(?:i|i'm|i've)\b/i.test(clause))) continue;
        const detail =
          detailOf(clause, h.value.category, h.value) ??
          (status === 'former' ? detailOf(s.text, h.value.category, h.value) : null);
        statements.push({
          category: h.value.category,
          status: status === 'unknown' ? 'current' : status,
          detail,
          evidence: [ev(seg, s, h.start, h.end)],
        });
      }
    });
  });
  const out: SocialFinding[] = [];
  for (const category of ['tobacco', 'alcohol', 'substance'] as const) {
    const mine = statements.filter((st) => st.category === category);
    if (mine.length === 0) continue;
    const best = mine.reduce((a, b) => (RANK[b.status] > RANK[a.status] ? b : a));
    const detail = mine.find((st) => st.status === best.status && st.detail !== null)?.detail ?? null;
    out.push({ kind: 'social', category, status: best.status, detail, evidence: mine.flatMap((st) => st.evidence) });
  }
  return out;
};

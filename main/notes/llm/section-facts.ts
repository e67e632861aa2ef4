/**
 * What the LLM may write from: the composer's draft, sentence by sentence, as numbered facts under
 * the template's sections, each with the words the transcript used for it. The composer already
 * routed every finding to its section and linked it to evidence, so the model only rewrites grounded
 * statements into prose; a section the composer left empty gets no LLM text either.
 */
import type { Evidence } from '../../../common/findings';
import type { Note } from '../note-types';

export type Fact = {
  /** "F1", "F2", … numbered across the note. */
  id: string;
  text: string;
  /** What was said, from the fact's evidence (shortened), or null when nothing was quoted. */
  quote: string | null;
  evidence: Evidence[];
};

export type SectionFacts = { sectionId: string; header: string; facts: Fact[] };

export type QuoteSource = { id: string; text: string };

const MAX_QUOTE_CHARS = 160;

const shorten = (text: string, max: number): string => {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

const quoteOf = (evidence: readonly Evidence[], segments: ReadonlyMap<string, string>): string | null => {
  const parts = evidence
    .map((e) => segments.get(e.segmentId)?.slice(e.start, e.end).trim() ?? '')
    .filter((part, i, all) => part !== '' && all.indexOf(part) === i);
  return parts.length === 0 ? null : shorten(parts.join(' … '), MAX_QUOTE_CHARS);
};

export const sectionFacts = (draft: Pick<Note, 'sections'>, segments: readonly QuoteSource[]): SectionFacts[] => {
  const texts = new Map(segments.map((s) => [s.id, s.text]));
  let next = 1;
  return draft.sections.map((section) => ({
    sectionId: section.id,
    header: section.header,
    facts: section.sentences.map((sentence) => ({
      id: `F${String(next++)}`,
      text: sentence.text,
      quote: quoteOf(sentence.evidence, texts),
      evidence: sentence.evidence,
    })),
  }));
};

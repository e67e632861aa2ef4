/**
 * Plain text for the EHR, laid out like ACI-Bench notes: the header line, a blank line, then the
 * paragraphs separated by blank lines. Within a paragraph a heading and each bullet get their own
 * line; prose sentences run on.
 */
import type { Note, NoteSentence } from '../note-types';

const renderParagraph = (sentences: readonly NoteSentence[]): string => {
  const lines: string[] = [];
  let prose: string[] = [];
  const flush = (): void => {
    if (prose.length > 0) lines.push(prose.join(' '));
    prose = [];
  };
  let bulletOpen = false;
  for (const s of sentences) {
    if (s.style === 'prose') {
      // Prose right after a bullet continues that bullet's line.
      const last = lines.pop();
      if (bulletOpen && prose.length === 0 && last !== undefined) lines.push(`${last} ${s.text}`);
      else {
        if (last !== undefined) lines.push(last);
        prose.push(s.text);
      }
      continue;
    }
    bulletOpen = s.style === 'bullet';
    flush();
    lines.push(s.style === 'bullet' ? `\u2022 ${s.text}` : s.text);
  }
  flush();
  return lines.join('\n');
};

export const renderNoteText = (note: Note): string =>
  note.sections
    .map((section) => {
      const paragraphs: NoteSentence[][] = [];
      for (const s of section.sentences) {
        const last = paragraphs[paragraphs.length - 1];
        if (last && last[0]?.paragraph === s.paragraph) last.push(s);
        else paragraphs.push([s]);
      }
      return [section.header, ...paragraphs.map(renderParagraph)].join('\n\n');
    })
    .join('\n\n')
    .concat('\n');

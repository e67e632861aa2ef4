import type { LanguageAnalysis } from '../language/pipeline';
import type { SegmentInput } from '../language/segment';
import { composeNote } from './composer/compose';
import { renderNoteText } from './composer/render';
import type { Note } from './note-types';
import { loadTemplate } from './templates';

export type DraftNote = { note: Note; text: string };

/** The composer's draft for an analysed transcript: every sentence carries its evidence. */
export const draftNote = (
  segments: readonly SegmentInput[],
  analysis: LanguageAnalysis,
  templateId = 'soap',
): DraftNote => {
  const sections = Object.fromEntries(segments.map((s, i) => [s.id, analysis.sections[i]?.label ?? 'none']));
  const note = composeNote({ segments, findings: analysis.findings, sections, template: loadTemplate(templateId) });
  return { note, text: renderNoteText(note) };
};

import { z } from 'zod';
import type { Finding } from '../../common/findings';
import type { SpeakerRole } from '../../common/domain';

export { NOTE_CONTENT, Note, NoteContent, NoteSection, NoteSentence, SentenceStyle } from '../../common/note';
import { NoteContent } from '../../common/note';

export const TemplateSection = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  header: z.string().min(1),
  content: z.array(NoteContent).min(1),
});
export type TemplateSection = z.infer<typeof TemplateSection>;

/** A note template as data: ordered headers and what each one holds. */
export const NoteTemplate = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  description: z.string(),
  sections: z.array(TemplateSection).min(1),
});
export type NoteTemplate = z.infer<typeof NoteTemplate>;

/** A transcript segment as the composer reads it (the transcript parser's output, with an id). */
export type ComposerSegment = {
  id: string;
  speaker: SpeakerRole;
  text: string;
};

/**
 * Section label per segment id from the section classifier (MTS-Dialog headers such as "EXAM",
 * "PLAN", or "none"); a hint for routing, never required.
 */
export type SegmentSections = Readonly<Record<string, string>>;

export type ComposeInput = {
  segments: readonly ComposerSegment[];
  findings: readonly Finding[];
  sections?: SegmentSections;
  template: NoteTemplate;
};

import { z } from 'zod';
import { Evidence } from './findings';

/**
 * The draft note: sections of sentences, each sentence carrying the evidence (segment id + character
 * offsets) it was written from, so the clinician can see what was said behind every line.
 */

/** What the composer can write; a template decides which of these go under which header. */
export const NOTE_CONTENT = [
  'chief-complaint',
  'hpi',
  'past-history',
  'medications',
  'allergies',
  'social-history',
  'family-history',
  'ros',
  'vitals',
  'exam',
  'results',
  'assessment-plan',
] as const;
export const NoteContent = z.enum(NOTE_CONTENT);
export type NoteContent = z.infer<typeof NoteContent>;

/** prose: part of a paragraph; bullet: its own "• ..." line; heading: a line that opens a group (a problem). */
export const SentenceStyle = z.enum(['prose', 'bullet', 'heading']);
export type SentenceStyle = z.infer<typeof SentenceStyle>;

export const NoteSentence = z.strictObject({
  text: z.string().min(1),
  evidence: z.array(Evidence),
  /** Sentences with the same number (within a section) render as one paragraph. */
  paragraph: z.number().int().nonnegative(),
  style: SentenceStyle,
  /** Written by a language model and not supported by the transcript (shown marked; never by the composer). */
  unsupported: z.literal(true).optional(),
});
export type NoteSentence = z.infer<typeof NoteSentence>;

export const NoteSection = z.strictObject({
  id: z.string().min(1),
  header: z.string().min(1),
  sentences: z.array(NoteSentence).min(1),
});
export type NoteSection = z.infer<typeof NoteSection>;

export const Note = z.strictObject({
  templateId: z.string().min(1),
  sections: z.array(NoteSection),
});
export type Note = z.infer<typeof Note>;

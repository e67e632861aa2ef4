/** Public surface of the note composer (see README.md). */
export { composeNote, COMPOSER_DEFAULTS, DEFAULT_SELECTOR } from './compose';
export type { ComposerSettings } from './compose';
export { renderNoteText } from './render';
export type {
  ComposeInput,
  ComposerSegment,
  Note,
  NoteSection,
  NoteSentence,
  NoteTemplate,
  SegmentSections,
} from '../note-types';

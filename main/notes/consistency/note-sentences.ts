/**
 * The sentences of a note as the checker reads them: from a composed note's structure, or from plain
 * text (an edited or pasted note), where all-capital lines are section headers and are skipped.
 */
import { splitSentences } from '../../language/text/sentences';
import type { Note } from '../note-types';

export const sentencesOfNote = (note: Pick<Note, 'sections'>): string[] =>
  note.sections.flatMap((section) => section.sentences.map((s) => s.text));

const isHeader = (line: string): boolean => /[A-Z]/.test(line) && !/[a-z]/.test(line);

export const sentencesOfText = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !isHeader(line))
    .flatMap((line) => splitSentences(line).map((s) => s.text.trim()))
    .filter((s) => s !== '');

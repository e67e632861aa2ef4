import type { NoteSentence } from '../../../common/note';

/**
 * How a note section reads on screen: prose sentences sharing a paragraph number form one
 * paragraph, consecutive bullets form one list, a heading opens a group (e.g. one problem).
 * Each sentence keeps its index in the section so the UI can key and address it.
 */
export type IndexedSentence = { index: number; sentence: NoteSentence };
export type NoteBlock =
  | { type: 'paragraph'; sentences: IndexedSentence[] }
  | { type: 'list'; sentences: IndexedSentence[] }
  | { type: 'heading'; sentence: IndexedSentence };

export const layoutSection = (sentences: readonly NoteSentence[]): NoteBlock[] => {
  const blocks: NoteBlock[] = [];
  sentences.forEach((sentence, index) => {
    const item = { index, sentence };
    const last = blocks.at(-1);
    switch (sentence.style) {
      case 'heading':
        blocks.push({ type: 'heading', sentence: item });
        return;
      case 'bullet':
        if (last?.type === 'list') last.sentences.push(item);
        else blocks.push({ type: 'list', sentences: [item] });
        return;
      case 'prose':
        if (last?.type === 'paragraph' && last.sentences[0]?.sentence.paragraph === sentence.paragraph)
          last.sentences.push(item);
        else blocks.push({ type: 'paragraph', sentences: [item] });
        return;
      default: {
        const unknown: never = sentence.style;
        throw new Error(`Unknown sentence style ${String(unknown)}`);
      }
    }
  });
  return blocks;
};

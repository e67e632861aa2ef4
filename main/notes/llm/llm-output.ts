/**
 * The model's section text as note sentences: stray headings, bullets, fact numbers and quotation
 * marks removed (the prompt asks for none, small models add them anyway), then split into sentences.
 */
import { splitSentences } from '../../language/text/sentences';

const FACT_REFERENCE = /\s*[([]\s*F\d+(?:\s*[,–-]\s*F?\d+)*\s*[)\]]/g;

export const cleanSectionText = (text: string, header: string): string[] => {
  const lines = text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(FACT_REFERENCE, '')
        .replace(/^\s*(?:[-*•]|\d+[.)])\s+/, '')
        .replace(/\*\*/g, '')
        .trim(),
    )
    .filter((line) => line !== '')
    // A line that only repeats the header ("HISTORY OF PRESENT ILLNESS:") is not content.
    .filter(
      (line) =>
        line
          .replace(/[:#\s]+$/g, '')
          .replace(/^#+\s*/, '')
          .toUpperCase() !== header.toUpperCase(),
    );
  return lines
    .flatMap((line) => splitSentences(line).map((span) => span.text.trim()))
    .map((sentence) => sentence.replace(/^["“]|["”]$/g, '').trim())
    .filter((sentence) => /[a-z0-9]/i.test(sentence));
};

import { describe, expect, it } from 'vitest';
import { evidenceBySegment, hasStaleEvidence, markRanges } from '../../../renderer/src/lib/evidence';
import { layoutSection } from '../../../renderer/src/lib/note-layout';
import { checkTranscriptFile, MAX_TRANSCRIPT_BYTES } from '../../../renderer/src/lib/transcript-file';
import type { NoteSentence } from '../../../common/note';

const join = (pieces: Array<{ text: string }>): string => pieces.map((p) => p.text).join('');

describe('evidence marks', () => {
  it('marks exactly the evidence range and gives the text back unchanged', () => {
    const text = "i've had a cough for two weeks";
    const pieces = markRanges(text, [{ start: 11, end: 16 }]);
    expect(pieces).toEqual([
      { text: "i've had a ", marked: false },
      { text: 'cough', marked: true },
      { text: ' for two weeks', marked: false },
    ]);
    expect(join(pieces)).toBe(text);
  });

  it('merges overlapping ranges and clamps ranges past the end of the text', () => {
    const pieces = markRanges('abcdefgh', [
      { start: 5, end: 99 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
    ]);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['bcd', 'fgh']);
    expect(join(pieces)).toBe('abcdefgh');
  });

  it('ignores empty ranges', () => {
    expect(markRanges('abc', [{ start: 2, end: 2 }])).toEqual([{ text: 'abc', marked: false }]);
  });

  it('groups evidence by segment and notices evidence into a replaced transcript', () => {
    const evidence = [
      { segmentId: 's1', start: 0, end: 2 },
      { segmentId: 's2', start: 1, end: 3 },
      { segmentId: 's1', start: 4, end: 5 },
    ];
    expect(evidenceBySegment(evidence).get('s1')).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 5 },
    ]);
    expect(hasStaleEvidence(evidence, new Set(['s1', 's2']))).toBe(false);
    expect(hasStaleEvidence(evidence, new Set(['s1']))).toBe(true);
  });
});

const sentence = (text: string, style: NoteSentence['style'], paragraph = 0): NoteSentence => ({
  text,
  style,
  paragraph,
  evidence: [],
});

describe('note section layout', () => {
  it('joins prose of one paragraph, splits paragraphs, and gathers consecutive bullets into one list', () => {
    const blocks = layoutSection([
      sentence('A.', 'prose', 0),
      sentence('B.', 'prose', 0),
      sentence('C.', 'prose', 1),
      sentence('Cough', 'heading', 2),
      sentence('x', 'bullet', 2),
      sentence('y', 'bullet', 2),
    ]);
    expect(
      blocks.map((b) =>
        b.type === 'heading' ? `h:${b.sentence.index}` : `${b.type}:${b.sentences.map((s) => s.index).join(',')}`,
      ),
    ).toEqual(['paragraph:0,1', 'paragraph:2', 'h:3', 'list:4,5']);
  });
});

describe('transcript file check', () => {
  it('refuses a file over 10 MB before it is read, and lets one at the limit through', () => {
    expect(checkTranscriptFile({ size: MAX_TRANSCRIPT_BYTES + 1 })).toMatch(/limited to 10 MB/);
    expect(checkTranscriptFile({ size: MAX_TRANSCRIPT_BYTES })).toBeNull();
  });
});

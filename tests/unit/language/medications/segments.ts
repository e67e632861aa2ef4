import type { SegmentInput } from '../../../../main/language/segment';

/** Builds segments from [speaker, text] pairs: 'd' clinician, 'p' patient. */
export const segs = (...turns: ['d' | 'p', string][]): SegmentInput[] =>
  turns.map(([who, text], i) => ({ id: `s${i}`, speaker: who === 'd' ? 'clinician' : 'patient', text }));

export const one = (text: string, who: 'd' | 'p' = 'p'): SegmentInput[] => segs([who, text]);

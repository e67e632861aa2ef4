import type { SegmentInput } from '../../../../main/language/problems/segment-input';

/** Alternating clinician/patient turns s0, s1, ... */
export const dialogue = (...turns: string[]): SegmentInput[] =>
  turns.map((text, i) => ({ id: `s${i}`, speaker: i % 2 === 0 ? 'clinician' : 'patient', text }));

export const textOf = (
  segments: readonly SegmentInput[],
  e: { segmentId: string; start: number; end: number },
): string => segments.find((s) => s.id === e.segmentId)?.text.slice(e.start, e.end) ?? '';

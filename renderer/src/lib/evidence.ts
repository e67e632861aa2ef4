import type { Evidence } from '../../../common/findings';

/**
 * Evidence highlighting: which transcript segments a note sentence or finding came from, and the
 * exact character ranges inside each segment's text to wrap in <mark>.
 */
export type TextPiece = { text: string; marked: boolean };

type Range = { start: number; end: number };

/** Clamp to the text, drop empty ranges, merge overlapping or touching ones, in order. */
export const normaliseRanges = (ranges: readonly Range[], length: number): Range[] => {
  const clamped = ranges
    .map((r) => ({ start: Math.max(0, Math.min(r.start, length)), end: Math.max(0, Math.min(r.end, length)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const range of clamped) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
};

/** Splits `text` into unmarked and marked pieces; concatenating the pieces gives `text` back. */
export const markRanges = (text: string, ranges: readonly Range[]): TextPiece[] => {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { start, end } of normaliseRanges(ranges, text.length)) {
    if (start > at) pieces.push({ text: text.slice(at, start), marked: false });
    pieces.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
};

/** Evidence grouped by segment id, so each transcript line looks up its own ranges once. */
export const evidenceBySegment = (evidence: readonly Evidence[]): Map<string, Range[]> => {
  const bySegment = new Map<string, Range[]>();
  for (const { segmentId, start, end } of evidence) {
    const list = bySegment.get(segmentId) ?? [];
    list.push({ start, end });
    bySegment.set(segmentId, list);
  }
  return bySegment;
};

/** True when some evidence points at a segment that is no longer in the transcript (it was replaced). */
export const hasStaleEvidence = (evidence: readonly Evidence[], segmentIds: ReadonlySet<string>): boolean =>
  evidence.some((e) => !segmentIds.has(e.segmentId));

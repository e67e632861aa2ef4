/** The extractors' input segment is the pipeline's own (main/language/segment.ts); re-exported for local imports. */
export type { SegmentInput } from '../segment';

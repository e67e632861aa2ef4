import type { SpeakerRole } from '../../common/domain';

/**
 * The transcript unit every extractor reads: one speaker turn (or caption) with its text. The parser,
 * the store and (later) speech recognition all produce it, so extractors never depend on where it came from.
 */
export type SegmentInput = {
  id: string;
  speaker: SpeakerRole;
  text: string;
};

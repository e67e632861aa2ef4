/**
 * Segment-level check against silver blocks (aci-turns.ts): does each transcript turn land in the
 * note section its block says? Small-talk turns are not counted; a `none` counts as a miss in
 * `agreement` and is excluded from `precision`. Silver labels are noisy: a sanity metric, not a benchmark.
 */
import { classifySegmentsWith } from './classifier';
import type { SilverTranscript } from './aci-turns';
import { noteSectionFor } from './label-map';
import type { SectionModel } from './model';
import { isSmallTalk } from './small-talk';

export type SegmentAgreement = {
  turns: number;
  coverage: number;
  agreement: number;
  precision: number;
  perBlock: Record<string, { turns: number; agreement: number }>;
};

export const segmentAgreement = (
  model: SectionModel,
  transcripts: readonly SilverTranscript[],
  threshold = model.threshold,
): SegmentAgreement => {
  let turns = 0;
  let labelled = 0;
  let agreed = 0;
  const blocks = new Map<string, { turns: number; agreed: number }>();
  for (const transcript of transcripts) {
    const predictions = classifySegmentsWith(model, transcript.turns, { threshold });
    transcript.turns.forEach((turn, i) => {
      const block = transcript.blocks[i];
      const prediction = predictions[i];
      if (!block || !prediction || isSmallTalk(turn.text)) return;
      const section = noteSectionFor(prediction.label);
      const entry = blocks.get(block) ?? { turns: 0, agreed: 0 };
      turns += 1;
      entry.turns += 1;
      if (section !== null) labelled += 1;
      if (section === block) {
        agreed += 1;
        entry.agreed += 1;
      }
      blocks.set(block, entry);
    });
  }
  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  return {
    turns,
    coverage: ratio(labelled, turns),
    agreement: ratio(agreed, turns),
    precision: ratio(agreed, labelled),
    perBlock: Object.fromEntries(
      [...blocks].map(([block, e]) => [block, { turns: e.turns, agreement: ratio(e.agreed, e.turns) }]),
    ),
  };
};

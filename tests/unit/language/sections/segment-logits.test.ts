import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareTurns, segmentVector } from '../../../../main/language/sections/context';
import { defaultSectionModel } from '../../../../main/language/sections/default-model';
import { logits } from '../../../../main/language/sections/linear';
import { segmentLogits } from '../../../../main/language/sections/segment-logits';
import type { Turn } from '../../../../main/language/sections/turns';

const WORDS = ['pain', 'knee', 'any', 'allergies', 'no', 'yes', 'okay', 'x-ray', 'mg', 'daily', 'mother', 'diabetes'];
const turnArb = fc.record({
  speaker: fc.constantFrom('clinician', 'patient', 'other', 'unknown'),
  text: fc.array(fc.constantFrom(...WORDS, '?', '.', 'hi', 'thanks'), { maxLength: 25 }).map((w) => w.join(' ')),
}) as fc.Arbitrary<Turn>;

describe('segmentLogits (the transcript fast path)', () => {
  // The sparse path rounds its vector to float32; the fast path stays in float64: equal to ~1e-7.
  it('equals the sparse path logits(segmentVector(...)) for every segment', () => {
    const model = defaultSectionModel();
    fc.assert(
      fc.property(fc.array(turnArb, { minLength: 1, maxLength: 12 }), (turns) => {
        const prepared = prepareTurns(turns, model.features);
        const fast = segmentLogits(prepared, model.params, model.idf, model.features, model.context);
        expect(fast).toHaveLength(turns.length);
        turns.forEach((_, i) => {
          const slow = logits(model.params, segmentVector(prepared, i, model.context, model.idf, model.features));
          for (let k = 0; k < slow.length; k += 1) expect(fast[i]?.[k]).toBeCloseTo(slow[k] ?? NaN, 6);
        });
      }),
      { numRuns: 60 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpeakerRole } from '../../../../common/domain';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { renderTranscript } from '../../../../main/language/transcript/render';
import type { RenderableFormat } from '../../../../main/language/transcript/render';
import type { ParsedSegment } from '../../../../main/language/transcript/types';

// Utterance text: words of letters (with accents), digits and sentence punctuation, single-spaced.
// '&' exercises WebVTT escaping; ':' , brackets and '<' are left out because they are the formats' syntax.
const word = fc.stringMatching(/^[a-zA-Zéüñ0-9]{1,8}(?:'[a-z]{1,2})?[.,?!%&]?$/);
const utterance = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));
const role = fc.constantFrom<SpeakerRole>('clinician', 'patient', 'other', 'unknown');

const timedSegment = fc
  .record({
    speaker: role,
    text: utterance,
    startMs: fc.integer({ min: 0, max: 100 * 3_600_000 }),
    duration: fc.integer({ min: 0, max: 600_000 }),
  })
  .map(({ speaker, text, startMs, duration }): ParsedSegment => ({
    speaker,
    text,
    startMs,
    endMs: startMs + duration,
    speakerLabel: null,
  }));

const untimed = (segment: ParsedSegment): ParsedSegment => ({ ...segment, startMs: null, endMs: null });

const essentials = (segments: readonly ParsedSegment[]): [SpeakerRole, string, number | null, number | null][] =>
  segments.map((s) => [s.speaker, s.text, s.startMs, s.endMs]);

describe('transcript round trip', () => {
  it.each<[RenderableFormat, boolean]>([
    ['aci', false],
    ['mts', false],
    ['vtt', true],
    ['srt', true],
    ['json', true],
  ])('renders any segment list as %s and parses back the same text, roles and times', (format, timed) => {
    fc.assert(
      fc.property(fc.array(timedSegment, { minLength: 1, maxLength: 15 }), (generated) => {
        const segments = timed ? generated : generated.map(untimed);
        const parsed = parseTranscript({ text: renderTranscript(segments, format) });
        expect(parsed.format).toBe(format);
        expect(essentials(parsed.segments)).toEqual(essentials(segments));
        expect(parsed.warnings.filter((w) => w.code !== 'UNKNOWN_SPEAKER_LABEL')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips through CRLF line endings and a BOM too', () => {
    fc.assert(
      fc.property(
        fc.array(timedSegment, { minLength: 1, maxLength: 8 }),
        fc.constantFrom<RenderableFormat>('aci', 'mts', 'vtt', 'srt', 'json'),
        (generated, format) => {
          const segments = format === 'aci' || format === 'mts' ? generated.map(untimed) : generated;
          const text = `\uFEFF${renderTranscript(segments, format).replace(/\n/g, '\r\n')}`;
          expect(essentials(parseTranscript({ text }).segments)).toEqual(essentials(segments));
        },
      ),
      { numRuns: 100 },
    );
  });
});

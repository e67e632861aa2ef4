import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors';
import { parseTranscript, parseTranscriptBytes } from '../../../../main/language/transcript/parse-transcript';
import { TranscriptFormat } from '../../../../main/language/transcript/types';

// Pieces of every format's syntax, shuffled into arbitrary text: parsing must return or throw AppError.
const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    'WEBVTT',
    'NOTE',
    '-->',
    ' --> ',
    '00:00:01.000',
    '00:0x:01,000',
    '99:99:99.999',
    '\n',
    '\r\n',
    '\n\n',
    '[doctor]',
    '[patient_guest]',
    '[',
    ']',
    'Doctor:',
    'Guest_family_1:',
    'Speaker 1:',
    '<v Dr. Lee>',
    '<v',
    '</v>',
    '&amp;',
    '&#xFFFFFF;',
    '{"text":',
    '[{"speaker":1,"text":"x","start":-1}]',
    '{"segments":null}',
    '1',
    '\uFEFF',
    '\u0000',
    '\u0007',
    'é',
    '😀',
  ),
);
const messy = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));

const onlyAppErrors = (run: () => unknown): void => {
  try {
    const parsed = run() as { segments: { text: string }[] };
    expect(parsed.segments.length).toBeGreaterThan(0);
    for (const segment of parsed.segments) expect(segment.text.trim()).toBe(segment.text);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
  }
};

describe('transcript parser robustness', () => {
  it('never crashes on arbitrary text, with or without a forced format', () => {
    fc.assert(
      fc.property(messy, fc.option(fc.constantFrom(...TranscriptFormat.options)), (text, format) => {
        onlyAppErrors(() => parseTranscript({ text, ...(format === null ? {} : { format }) }));
      }),
      { numRuns: 500 },
    );
  });

  it('never crashes on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        onlyAppErrors(() => parseTranscriptBytes({ bytes, fileName: 'x.vtt' }));
      }),
      { numRuns: 300 },
    );
  });
});

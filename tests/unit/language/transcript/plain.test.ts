import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { fixture } from './fixtures';

describe('plain text transcripts', () => {
  it('makes one unknown-speaker segment per paragraph', () => {
    const parsed = parseTranscript({ text: fixture('visit-plain.txt'), fileName: 'note.txt' });
    expect(parsed.format).toBe('plain');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.segments.map((s) => [s.speaker, s.speakerLabel])).toEqual([
      ['unknown', null],
      ['unknown', null],
      ['unknown', null],
    ]);
    expect(parsed.segments[1]?.text).toBe('No headaches, no chest pain. She walks thirty minutes most days.');
  });

  it('makes one segment per line when there are no blank lines', () => {
    const parsed = parseTranscript({ text: '\nfirst thing said\nsecond thing said\n\n' });
    expect(parsed.segments.map((s) => s.text)).toEqual(['first thing said', 'second thing said']);
  });

  it('joins wrapped lines within a paragraph', () => {
    const parsed = parseTranscript({ text: 'one\ntwo\n\nthree' });
    expect(parsed.segments.map((s) => s.text)).toEqual(['one two', 'three']);
  });

  it('reads consistent Name: labels, warning once about each label it cannot place', () => {
    const parsed = parseTranscript({ text: fixture('visit-named.txt') });
    expect(parsed.format).toBe('plain');
    expect(parsed.segments.map((s) => [s.speaker, s.speakerLabel])).toEqual([
      ['clinician', 'Dr. Chen'],
      ['unknown', 'Maria'],
      ['clinician', 'Dr. Chen'],
      ['unknown', 'Maria'],
      ['clinician', 'Dr. Chen'],
    ]);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([['UNKNOWN_SPEAKER_LABEL', 2]]);
    expect(parsed.warnings[0]?.message).not.toContain('Maria');
  });

  it('does not take note headings or one-off colons for speaker labels', () => {
    const text = 'Assessment: viral infection.\nPlan: fluids and rest.\nTemperature: 38.1 this morning.';
    const parsed = parseTranscript({ text });
    expect(parsed.segments.map((s) => s.speakerLabel)).toEqual([null, null, null]);
    expect(parsed.segments[0]?.text).toBe('Assessment: viral infection.');
  });
});

import { describe, expect, it } from 'vitest';
import { srtFormat } from '../../../../main/language/transcript/formats/srt';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { fixture } from './fixtures';

describe('SRT transcripts', () => {
  it('reads numbered cues with comma timestamps, markup and speaker labels', () => {
    const parsed = parseTranscript({ text: fixture('visit.srt') });
    expect(parsed.format).toBe('srt');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.segments).toEqual([
      {
        speaker: 'clinician',
        text: 'How have your blood sugars been?',
        startMs: 500,
        endMs: 3000,
        speakerLabel: 'DOCTOR',
      },
      {
        speaker: 'patient',
        text: 'Mostly under 150, except after dinner.',
        startMs: 3200,
        endMs: 7900,
        speakerLabel: 'PATIENT',
      },
      { speaker: 'unknown', text: 'Have you changed your diet?', startMs: 8000, endMs: 10_000, speakerLabel: null },
      { speaker: 'patient', text: 'A little.', startMs: 10_500, endMs: 12_000, speakerLabel: 'PATIENT' },
    ]);
  });

  it('keeps a cue with a broken timestamp, with null times and a warning', () => {
    const parsed = parseTranscript({ text: fixture('broken-timestamps.srt'), fileName: 'visit.srt' });
    expect(parsed.segments.map((s) => [s.text, s.startMs])).toEqual([
      ['Any chest pain?', 1000],
      ['No chest pain.', null],
      ['Good.', 4000],
    ]);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([['BROKEN_TIMESTAMP', 6]]);
  });

  it('reads cues without blank-line separators and with blank lines inside the text', () => {
    const text =
      '1\r\n00:00:01,000 --> 00:00:02,000\r\nfirst line\r\n\r\nstill first cue\r\n2\r\n00:00:03,000 --> 00:00:04,000\r\nsecond';
    const parsed = parseTranscript({ text });
    expect(parsed.segments.map((s) => [s.text, s.startMs])).toEqual([
      ['first line still first cue', 1000],
      ['second', 3000],
    ]);
  });

  it('is detected by its timing lines, and not for prose mentioning times', () => {
    expect(srtFormat.detect('1\n00:00:01,000 --> 00:00:02,000\nhi')).toBe(true);
    expect(srtFormat.detect('I took it at 10:30 and again at 14:00.')).toBe(false);
    expect(srtFormat.detect('Doctor: the pain goes --> down the leg?')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { vttFormat } from '../../../../main/language/transcript/formats/vtt';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { fixture } from './fixtures';

describe('WebVTT transcripts', () => {
  it('reads cue timings, voice tags and labels, and skips the header, NOTE and STYLE blocks', () => {
    const parsed = parseTranscript({ text: fixture('visit.vtt'), fileName: 'visit.vtt' });
    expect(parsed.format).toBe('vtt');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.segments).toEqual([
      {
        speaker: 'clinician',
        text: 'Hello, what brings you in today?',
        startMs: 1000,
        endMs: 4500,
        speakerLabel: 'Dr. Okafor',
      },
      {
        speaker: 'patient',
        text: "I've had headaches & some dizziness for a week.",
        startMs: 5000,
        endMs: 9250,
        speakerLabel: 'Patient',
      },
      {
        speaker: 'other',
        text: "She hasn't been sleeping well.",
        startMs: 10_000,
        endMs: 12_000,
        speakerLabel: 'Mother',
      },
      { speaker: 'clinician', text: 'Any nausea or vomiting?', startMs: 12_500, endMs: 14_000, speakerLabel: 'Doctor' },
      { speaker: 'patient', text: 'No.', startMs: 14_500, endMs: 16_000, speakerLabel: 'Patient' },
      { speaker: 'clinician', text: 'Good.', startMs: 14_500, endMs: 16_000, speakerLabel: 'Dr. Okafor' },
    ]);
  });

  it('keeps cues with broken timestamps, with null times and a warning each, and never throws', () => {
    const parsed = parseTranscript({ text: fixture('broken-timestamps.vtt') });
    expect(parsed.format).toBe('vtt');
    expect(parsed.segments.map((s) => [s.text, s.startMs, s.endMs])).toEqual([
      ['How is the rash today?', 1000, 3000],
      ['It is less itchy.', null, null],
      ['Keep using the cream.', null, null],
      ['Will do.', null, null],
      ['See you in two weeks.', null, null],
    ]);
    expect(parsed.warnings.map((w) => [w.code, w.line])).toEqual([
      ['BROKEN_TIMESTAMP', 6],
      ['BROKEN_TIMESTAMP', 9],
      ['BROKEN_TIMESTAMP', 12],
      ['CUE_WITHOUT_TIMING', 15],
    ]);
  });

  it('reads a .vtt file without a header, with a warning', () => {
    const parsed = parseTranscript({ text: '00:01.000 --> 00:02.000\n<v Patient>Hi.', fileName: 'x.VTT' });
    expect(parsed.segments).toEqual([
      { speaker: 'patient', text: 'Hi.', startMs: 1000, endMs: 2000, speakerLabel: 'Patient' },
    ]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['MISSING_HEADER']);
  });

  it('warns once about an unknown voice and keeps its label', () => {
    const text = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v SPEAKER_01>Hi.\n\n00:02.000 --> 00:03.000\n<v SPEAKER_01>Bye.';
    const parsed = parseTranscript({ text });
    expect(parsed.segments.map((s) => [s.speaker, s.speakerLabel])).toEqual([
      ['unknown', 'SPEAKER_01'],
      ['unknown', 'SPEAKER_01'],
    ]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['UNKNOWN_SPEAKER_LABEL']);
  });

  it('reads CRLF files with a BOM', () => {
    const text = '\uFEFFWEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Doctor>Breathe in.\r\n';
    expect(parseTranscript({ text }).segments).toEqual([
      { speaker: 'clinician', text: 'Breathe in.', startMs: 1000, endMs: 2000, speakerLabel: 'Doctor' },
    ]);
  });

  it('is detected only by its header', () => {
    expect(vttFormat.detect('WEBVTT\n\n00:01.000 --> 00:02.000\nhi')).toBe(true);
    expect(vttFormat.detect('WEBVTTX\n\nhi')).toBe(false);
    expect(vttFormat.detect('1\n00:00:01,000 --> 00:00:02,000\nhi')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors';
import { JSON_TRANSCRIPT_ERRORS, jsonFormat } from '../../../../main/language/transcript/formats/json';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { fixture } from './fixtures';

describe('JSON segment transcripts', () => {
  it('reads speaker or role, seconds or milliseconds by field name, and ignores other fields', () => {
    const parsed = parseTranscript({ text: fixture('visit.json'), fileName: 'visit.json' });
    expect(parsed.format).toBe('json');
    expect(parsed.segments).toEqual([
      {
        speaker: 'clinician',
        text: 'What medications are you taking?',
        startMs: 500,
        endMs: 2250,
        speakerLabel: 'Doctor',
      },
      {
        speaker: 'patient',
        text: 'Metformin 500 mg twice a day.',
        startMs: 2400,
        endMs: 4800,
        speakerLabel: 'patient',
      },
      {
        speaker: 'unknown',
        text: 'He sometimes forgets the evening dose.',
        startMs: null,
        endMs: null,
        speakerLabel: 'SPEAKER_02',
      },
      { speaker: 'clinician', text: "Let's set a reminder.", startMs: 6000, endMs: null, speakerLabel: 'clinician' },
    ]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['UNKNOWN_SPEAKER_LABEL']);
  });

  it('reads a Whisper-style object with a segments list and no speakers', () => {
    const text = JSON.stringify({
      text: 'hello there',
      segments: [{ id: 0, start: 0, end: 1.5, text: ' hello there' }],
    });
    expect(parseTranscript({ text }).segments).toEqual([
      { speaker: 'unknown', text: 'hello there', startMs: 0, endMs: 1500, speakerLabel: null },
    ]);
  });

  it('prefers milliseconds when both units are given, and nulls a segment that ends before it starts', () => {
    const text = JSON.stringify([
      { speaker: 'doctor', text: 'a', start: 99, startMs: 1000, endMs: 2000 },
      { speaker: 'patient', text: 'b', start: 5, end: 4 },
    ]);
    const parsed = parseTranscript({ text });
    expect(parsed.segments.map((s) => [s.startMs, s.endMs])).toEqual([
      [1000, 2000],
      [null, null],
    ]);
    expect(parsed.warnings.map((w) => w.code)).toEqual(['BROKEN_TIMESTAMP']);
  });

  it('refuses JSON that is not valid JSON, with a clear error', () => {
    expect(() => parseTranscript({ text: '[{"speaker": "doctor", "text": }]', fileName: 'visit.json' })).toThrowError(
      new AppError('VALIDATION_FAILED', JSON_TRANSCRIPT_ERRORS.syntax),
    );
  });

  it('refuses segments of the wrong shape and points at the field without quoting values', () => {
    const text = JSON.stringify([
      { speaker: 'doctor', text: 'fine' },
      { speaker: 'patient', words: 'Jane Doe' },
    ]);
    try {
      parseTranscript({ text, format: 'json' });
      expect.fail('expected an error');
    } catch (error) {
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message: JSON_TRANSCRIPT_ERRORS.shape('[1].text') });
      expect((error as Error).message).not.toContain('Jane');
    }
    expect(() => parseTranscript({ text: '[{"text": "x", "start": -1}]' })).toThrow(/\[0\]\.start/);
    expect(() => parseTranscript({ text: '{"words": []}', format: 'json' })).toThrow(/\.segments/);
  });

  it('is detected only for parseable JSON arrays and objects', () => {
    expect(jsonFormat.detect('[{"text":"hi"}]')).toBe(true);
    expect(jsonFormat.detect('[doctor] hi')).toBe(false);
    expect(jsonFormat.detect('{ not json')).toBe(false);
  });
});

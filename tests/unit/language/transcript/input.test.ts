import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/errors';
import {
  decodeTranscriptBytes,
  DEFAULT_MAX_TRANSCRIPT_BYTES,
  normaliseTranscriptText,
  TRANSCRIPT_INPUT_ERRORS,
  utf8ByteLength,
} from '../../../../main/language/transcript/input';
import { parseTranscript, parseTranscriptBytes } from '../../../../main/language/transcript/parse-transcript';

const rejects = (run: () => unknown, message: string): void => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', message });
    return;
  }
  expect.fail('expected a VALIDATION_FAILED AppError');
};

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('transcript input', () => {
  it.each(['', '   ', '\n\r\n\t  \n', '\uFEFF'])('refuses an empty transcript (%j)', (text) => {
    rejects(() => parseTranscript({ text }), TRANSCRIPT_INPUT_ERRORS.empty);
    rejects(() => parseTranscriptBytes({ bytes: utf8(text) }), TRANSCRIPT_INPUT_ERRORS.empty);
  });

  it('refuses a transcript with no speech in it (header-only WebVTT, empty JSON list)', () => {
    rejects(() => parseTranscript({ text: 'WEBVTT\n\nNOTE nothing here\n' }), TRANSCRIPT_INPUT_ERRORS.empty);
    rejects(() => parseTranscript({ text: '[]' }), TRANSCRIPT_INPUT_ERRORS.empty);
  });

  it('refuses binary files: NUL bytes or mostly control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    rejects(() => parseTranscriptBytes({ bytes: png }), TRANSCRIPT_INPUT_ERRORS.binary);
    rejects(() => parseTranscript({ text: 'Doctor: hi\u0000there' }), TRANSCRIPT_INPUT_ERRORS.binary);
    rejects(() => parseTranscript({ text: '\u0001\u0002\u0003\u0004ab' }), TRANSCRIPT_INPUT_ERRORS.binary);
  });

  it('accepts a stray control character in otherwise normal text', () => {
    const text = `Doctor: ${'how are you feeling today? '.repeat(4)}\u0007`;
    expect(parseTranscript({ text }).segments).toHaveLength(1);
  });

  it('refuses invalid UTF-8 with a clear message', () => {
    const bytes = new Uint8Array([...utf8('Patient: caf'), 0xe9, ...utf8(' au lait')]); // Latin-1 é
    rejects(() => parseTranscriptBytes({ bytes }), TRANSCRIPT_INPUT_ERRORS.invalidUtf8);
    rejects(() => decodeTranscriptBytes(new Uint8Array([0x41, 0xc3])), TRANSCRIPT_INPUT_ERRORS.invalidUtf8);
  });

  it('reads UTF-16 files that start with a byte-order mark', () => {
    const text = 'Doctor: Any pain?\nPatient: No.';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) le[2 + i * 2] = text.charCodeAt(i);
    const be = new Uint8Array(le.length);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < text.length; i += 1) be[3 + i * 2] = text.charCodeAt(i);
    for (const bytes of [le, be]) {
      const parsed = parseTranscriptBytes({ bytes });
      expect(parsed.segments.map((s) => [s.speaker, s.text])).toEqual([
        ['clinician', 'Any pain?'],
        ['patient', 'No.'],
      ]);
    }
  });

  it('refuses a transcript over the 10 MB limit, and the limit is configurable', () => {
    const big = 'Doctor: how are you?\n'.repeat(Math.ceil((DEFAULT_MAX_TRANSCRIPT_BYTES + 1) / 21));
    expect(big.length).toBeGreaterThan(DEFAULT_MAX_TRANSCRIPT_BYTES);
    rejects(() => parseTranscript({ text: big }), TRANSCRIPT_INPUT_ERRORS.tooLarge(DEFAULT_MAX_TRANSCRIPT_BYTES));
    rejects(
      () => parseTranscriptBytes({ bytes: utf8(big) }),
      TRANSCRIPT_INPUT_ERRORS.tooLarge(DEFAULT_MAX_TRANSCRIPT_BYTES),
    );
    expect(TRANSCRIPT_INPUT_ERRORS.tooLarge(DEFAULT_MAX_TRANSCRIPT_BYTES)).toContain('10 MB');
    rejects(() => parseTranscript({ text: 'Doctor: hello there', maxBytes: 10 }), TRANSCRIPT_INPUT_ERRORS.tooLarge(10));
  });

  it('counts the limit in UTF-8 bytes, not characters', () => {
    expect(utf8ByteLength('aé€😀')).toBe(1 + 2 + 3 + 4);
    const text = 'é'.repeat(6); // 6 characters, 12 bytes
    expect(() => normaliseTranscriptText(text, { maxBytes: 12 })).not.toThrow();
    rejects(() => normaliseTranscriptText(text, { maxBytes: 11 }), TRANSCRIPT_INPUT_ERRORS.tooLarge(11));
  });

  it('parses a transcript just under the limit without trouble', () => {
    const turn = '[doctor] any chest pain ?\n[patient] no .\n';
    const text = turn.repeat(Math.floor((DEFAULT_MAX_TRANSCRIPT_BYTES - 1) / turn.length));
    const parsed = parseTranscript({ text });
    expect(parsed.format).toBe('aci');
    expect(parsed.segments.length).toBe((text.length / turn.length) * 2);
  });

  it('strips a byte-order mark and normalises CRLF, CR and Unicode line separators', () => {
    expect(normaliseTranscriptText('\uFEFFa\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Doctor: Hi.\r\nPatient: Hello.\r\n')]);
    const parsed = parseTranscriptBytes({ bytes });
    expect(parsed.format).toBe('mts');
    expect(parsed.segments.map((s) => s.speakerLabel)).toEqual(['Doctor', 'Patient']);
  });

  it('composes decomposed accents (NFC) so the same word always matches', () => {
    expect(normaliseTranscriptText('cafe\u0301')).toBe('caf\u00e9');
  });
});

import { describe, expect, it } from 'vitest';
import { detectTranscriptFormat } from '../../../../main/language/transcript/detect';
import { parseTranscript } from '../../../../main/language/transcript/parse-transcript';
import { fixture } from './fixtures';

describe('transcript format choice', () => {
  it.each([
    ['visit-aci.txt', 'aci'],
    ['visit-mts.txt', 'mts'],
    ['visit.vtt', 'vtt'],
    ['visit.srt', 'srt'],
    ['visit.json', 'json'],
    ['visit-plain.txt', 'plain'],
    ['visit-named.txt', 'plain'],
  ] as const)('sniffs %s as %s from its content alone', (name, format) => {
    expect(detectTranscriptFormat(fixture(name))).toBe(format);
  });

  it('trusts .vtt, .srt and .json extensions and sniffs .txt', () => {
    expect(detectTranscriptFormat('Doctor: hi', 'a.vtt')).toBe('vtt');
    expect(detectTranscriptFormat('Doctor: hi', 'a.SRT')).toBe('srt');
    expect(detectTranscriptFormat('[doctor] hi', 'a.json')).toBe('json');
    expect(detectTranscriptFormat('[doctor] hi', 'a.txt')).toBe('aci');
    expect(detectTranscriptFormat(fixture('visit.vtt'), 'captions.txt')).toBe('vtt');
    expect(detectTranscriptFormat('Doctor: hi', 'no-extension')).toBe('mts');
  });

  it('lets the caller force a format', () => {
    const parsed = parseTranscript({ text: 'Doctor: hi\nPatient: hello', format: 'plain' });
    expect(parsed.format).toBe('plain');
  });
});

import { describe, expect, it } from 'vitest';
import { analyseTranscript } from '../../../../main/language/pipeline';
import { parseTranscript } from '../../../../main/language/transcript';
import { draftNote } from '../../../../main/notes/draft-note';

const noteFor = (dialogue: string): string => {
  const segments = parseTranscript({ text: dialogue }).segments.map((s, i) => ({ ...s, id: `s${i}` }));
  return draftNote(segments, analyseTranscript(segments)).text;
};

describe('a "no" to a list of symptoms', () => {
  it('denies only what the answer names, never a symptom the same turn goes on to report', () => {
    const text = noteFor(
      [
        '[doctor] what brings you in today ?',
        "[patient] i've had a cough for about two weeks .",
        '[doctor] any fever or shortness of breath ?',
        '[patient] no fever . a little short of breath when i climb stairs .',
      ].join('\n'),
    );
    expect(text).toMatch(/denies fever/i);
    expect(text).not.toMatch(/denies[^.]*shortness of breath/i);
  });

  it('denies the whole list on a plain "no"', () => {
    const text = noteFor(
      [
        '[doctor] what brings you in today ?',
        "[patient] i've had a cough for about two weeks .",
        '[doctor] any fever or chills ?',
        '[patient] no .',
      ].join('\n'),
    );
    expect(text).toMatch(/denies fever,? or chills|denies fever and chills|Denies fever, chills/i);
  });
});

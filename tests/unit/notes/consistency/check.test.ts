import { describe, expect, it } from 'vitest';
import { extractFindings } from '../../../../main/language/pipeline';
import { parseTranscript } from '../../../../main/language/transcript';
import { checkConsistency } from '../../../../main/notes/consistency/check';

const TRANSCRIPT = [
  '[doctor] any chest pain ?',
  '[patient] no , no chest pain .',
  '[doctor] does anyone in your family have diabetes ?',
  '[patient] my mother has diabetes .',
  '[doctor] if you get a fever , call us .',
  '[patient] okay .',
  '[doctor] what medications are you taking ?',
  '[patient] i take lisinopril 10 mg daily .',
  '[doctor] any allergies ?',
  "[patient] i'm allergic to penicillin , it gives me a rash .",
  '[doctor] your blood pressure is 130 over 80 and your heart rate is 72 .',
].join('\n');

const segments = parseTranscript({ text: TRANSCRIPT, format: 'aci' }).segments.map((s, i) => ({ ...s, id: `s${i}` }));
const findings = extractFindings(segments);
const check = (sentences: string[]) => checkConsistency({ sentences, segments, findings });

describe('the consistency checker', () => {
  it('passes a note that says what the transcript says', () => {
    expect(
      check([
        'The patient denies chest pain.',
        'Her mother has diabetes.',
        'She takes lisinopril 10 mg daily.',
        'She is allergic to penicillin.',
        'Blood pressure 130/80.',
        'Heart rate 72.',
      ]),
    ).toEqual([]);
  });

  it.each([
    ['The patient reports chest pain.', 'negated-as-present'],
    ['The patient has diabetes.', 'family-as-present'],
    ['The patient has a fever.', 'hypothetical-as-present'],
    ['She takes metformin 500 mg twice daily.', 'unsupported-medication'],
    ['She takes lisinopril 20 mg daily.', 'unsupported-dose'],
    ['She is allergic to sulfa.', 'unsupported-allergy'],
    ['No known drug allergies.', 'contradicted-allergy'],
    ['Blood pressure 150/95.', 'unsupported-vital'],
  ])('flags the planted error in “%s” as %s', (sentence, kind) => {
    const flags = check([sentence]);
    expect(flags.map((f) => f.kind)).toContain(kind);
    expect(flags.every((f) => f.sentence === sentence)).toBe(true);
  });

  it('points at the transcript that says otherwise', () => {
    const [flag] = check(['The patient reports chest pain.']);
    expect(flag?.evidence.length).toBeGreaterThan(0);
    const cited = flag?.evidence.map((e) => segments.find((s) => s.id === e.segmentId)?.text.slice(e.start, e.end));
    expect(cited?.join(' ')).toMatch(/chest pain/);
  });
});

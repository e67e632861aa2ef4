import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ProblemFinding as ProblemFindingSchema } from '../../../../common/findings';
import { extractProblems, type ProblemFinding } from '../../../../main/language/problems/extract';
import type { SegmentInput } from '../../../../main/language/problems/segment-input';
import { dialogue, textOf } from './dialogue';

const byName = (
  findings: readonly ProblemFinding[],
  name: string,
  experiencer = 'patient',
): ProblemFinding | undefined => findings.find((f) => f.name === name && f.assertion.experiencer === experiencer);
const monologue = (text: string, speaker: SegmentInput['speaker'] = 'patient'): SegmentInput[] => [
  { id: 'a', speaker, text },
];
const PRESENT = { negated: false, possible: false, historical: false, hypothetical: false, experiencer: 'patient' };

describe('extractProblems: statements', () => {
  it('finds a present symptom with evidence pointing at the words said', () => {
    const segs = monologue("I've been really short of breath and my knee hurts.");
    const findings = extractProblems(segs);
    expect(findings.map((f) => f.name)).toEqual(['shortness of breath', 'knee pain']);
    const sob = byName(findings, 'shortness of breath');
    expect(sob).toMatchObject({ kind: 'problem', category: 'symptom', assertion: PRESENT });
    expect(sob?.evidence.map((e) => textOf(segs, e))).toEqual(['short of breath']);
    for (const f of findings) expect(() => ProblemFindingSchema.parse(f)).not.toThrow();
  });

  it('classifies conditions and symptoms', () => {
    const findings = extractProblems(monologue('I have high blood pressure and a cough.'));
    expect(findings.map((f) => [f.name, f.category])).toEqual([
      ['hypertension', 'condition'],
      ['cough', 'symptom'],
    ]);
  });

  it.each([
    ['I have no chest pain.', { negated: true }],
    ['Maybe it is a sinus infection.', { possible: true }],
    ['I had kidney stones years ago.', { historical: true }],
    ['Call us if you get chest pain.', { hypothetical: true }],
  ])('carries the assertion of "%s"', (text, expected) => {
    const [finding] = extractProblems(monologue(text));
    expect(finding?.assertion).toMatchObject(expected);
  });

  it('keeps a relative’s condition apart from the patient’s', () => {
    const findings = extractProblems(monologue('My mother has diabetes. I have diabetes too.'));
    expect(byName(findings, 'diabetes mellitus', 'family')).toBeDefined();
    expect(byName(findings, 'diabetes mellitus', 'patient')).toBeDefined();
  });

  it('carries a relative as experiencer into the patient’s next sentence about "he" or "she"', () => {
    const findings = extractProblems(monologue('My dad had a heart attack. He also had a stroke. I feel fine.'));
    expect(byName(findings, 'stroke', 'family')).toBeDefined();
    expect(byName(findings, 'stroke', 'patient')).toBeUndefined();
  });

  it('ignores terms hidden in non-problem phrases', () => {
    expect(extractProblems(monologue('I ran out of my pain medication and fell asleep early.'))).toEqual([]);
  });

  it('handles a very long unpunctuated turn (transcribed speech) without blowing up', () => {
    // Scope is capped around each concept, so this stays linear; uncapped it never finished.
    const text = 'i have had some chest pain and no fever and my knee hurts when i walk \uFFFD\u0000 '.repeat(3000);
    const findings = extractProblems(monologue(text));
    expect(findings.map((f) => [f.name, f.assertion.negated])).toEqual([
      ['chest pain', false],
      ['fever', true],
      ['knee pain', false],
    ]);
  });

  it('returns nothing for an empty transcript', () => {
    expect(extractProblems([])).toEqual([]);
    expect(extractProblems(monologue(''))).toEqual([]);
  });
});

describe('extractProblems: questions and answers', () => {
  it('negates the symptom of a question answered "No", with evidence on both turns', () => {
    const segs = dialogue('Any chest pain?', 'No.');
    const [finding] = extractProblems(segs);
    expect(finding?.assertion.negated).toBe(true);
    expect(finding?.evidence).toEqual([
      { segmentId: 's0', start: 4, end: 14 },
      { segmentId: 's1', start: 0, end: 3 },
    ]);
  });

  it('makes the symptom present on "yes" to a single-symptom question', () => {
    const [finding] = extractProblems(dialogue('Have you had any palpitations?', 'Yeah, a few times.'));
    expect(finding).toMatchObject({ name: 'palpitations', assertion: PRESENT });
  });

  it('negates every item of a listed question answered "no"', () => {
    const findings = extractProblems(dialogue('Any fever, chills, or night sweats?', 'Um, no, not really.'));
    expect(findings.map((f) => [f.name, f.assertion.negated])).toEqual([
      ['fever', true],
      ['chills', true],
      ['night sweats', true],
    ]);
  });

  it('keeps the one named in "just the chills" and negates the rest', () => {
    const findings = extractProblems(dialogue('Any fever, chills, or night sweats?', 'Just the chills.'));
    expect(byName(findings, 'chills')?.assertion.negated).toBe(false);
    expect(byName(findings, 'fever')?.assertion.negated).toBe(true);
    expect(byName(findings, 'night sweats')?.assertion.negated).toBe(true);
  });

  it('reads a plain "yes" to a list as possible for each, not present for all', () => {
    const findings = extractProblems(dialogue('Any nausea or vomiting?', 'Yes.'));
    expect(findings.map((f) => f.assertion.possible)).toEqual([true, true]);
  });

  it('marks a doubtful answer as possible', () => {
    const [finding] = extractProblems(dialogue('Any blood in your stool?', "I'm not sure."));
    expect(finding).toMatchObject({ name: 'blood in stool', assertion: { possible: true, negated: false } });
  });

  it('lets the answer’s own statement decide when it names the symptom', () => {
    const findings = extractProblems(
      dialogue('Any chest pain or shortness of breath?', 'No chest pain, but I do get short of breath.'),
    );
    expect(byName(findings, 'chest pain')?.assertion.negated).toBe(true);
    expect(byName(findings, 'shortness of breath')?.assertion.negated).toBe(false);
  });

  it('keeps the question’s experiencer: family history asked and confirmed', () => {
    const findings = extractProblems(dialogue('Does anyone in your family have heart disease?', 'Yes, my dad.'));
    expect(findings.map((f) => [f.name, f.assertion.experiencer, f.assertion.negated])).toEqual([
      ['heart disease', 'family', false],
    ]);
  });

  it('asserts nothing from an unanswered question or a reply that neither confirms nor denies', () => {
    expect(extractProblems(dialogue('Any dizziness?'))).toEqual([]);
    expect(extractProblems(dialogue('Any dizziness?', 'Well, it has been a long week.'))).toEqual([]);
    expect(extractProblems(dialogue('Any dizziness? Let me look at your ears.', 'No.'))).toEqual([]);
  });

  it('treats a question that presupposes the symptom as a mention of it', () => {
    const [finding] = extractProblems(dialogue('How long have you had the cough?', 'About two weeks.'));
    expect(finding).toMatchObject({ name: 'cough', assertion: PRESENT });
  });

  it('does not take a tag question ("..., okay?") as a question about the symptom', () => {
    const [finding] = extractProblems(dialogue('I think this is probably a muscle strain, okay?', 'Okay.'));
    expect(finding?.assertion.possible).toBe(true);
  });

  it('does not join the turns of one speaker as question and answer', () => {
    const segs: SegmentInput[] = [
      { id: 'a', speaker: 'clinician', text: 'Any wheezing?' },
      { id: 'b', speaker: 'clinician', text: 'No.' },
    ];
    expect(extractProblems(segs)).toEqual([]);
  });
});

describe('extractProblems: one finding per concept per encounter', () => {
  it('lets a present statement win over an earlier denial, merging the evidence', () => {
    const segs = dialogue(
      'Any headaches?',
      'No.',
      'And the pain behind your eyes?',
      'Oh, I do get headaches in the morning actually.',
    );
    const headache = extractProblems(segs).filter((f) => f.name === 'headache');
    expect(headache).toHaveLength(1);
    expect(headache[0]?.assertion.negated).toBe(false);
    expect(headache[0]?.evidence.map((e) => e.segmentId)).toEqual(['s0', 's1', 's3']);
  });

  it('lets the latest statement win when none says present', () => {
    const findings = extractProblems(monologue('Possibly pneumonia. Pneumonia was ruled out.', 'clinician'));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.assertion).toMatchObject({ negated: true, possible: false });
  });

  it('uses a hypothetical mention only when nothing else was said', () => {
    const findings = extractProblems(monologue('I have had no chest pain. Call if you get chest pain.', 'unknown'));
    expect(findings[0]?.assertion).toMatchObject({ negated: true, hypothetical: false });
  });

  it('produces schema-valid findings whose evidence stays inside its segment', () => {
    const phrases = fc.constantFrom(
      'no chest pain',
      'Any fever?',
      'Yes.',
      'my mother had breast cancer',
      'just the chills',
      'short of breath',
      'history of asthma',
      'if you get dizzy',
      '...',
      ', ',
      'no',
    );
    fc.assert(
      fc.property(fc.array(fc.array(phrases, { maxLength: 6 }), { maxLength: 6 }), (turns) => {
        const segs = dialogue(...turns.map((t) => t.join(' ')));
        for (const f of extractProblems(segs)) {
          expect(() => ProblemFindingSchema.parse(f)).not.toThrow();
          for (const e of f.evidence) {
            const seg = segs.find((s) => s.id === e.segmentId);
            expect(seg).toBeDefined();
            expect(e.end).toBeLessThanOrEqual(seg?.text.length ?? -1);
            expect(e.start).toBeLessThan(e.end);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

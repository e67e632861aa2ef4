import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../common/findings';
import { composeNote, COMPOSER_DEFAULTS } from '../../../../main/notes/composer/compose';
import { renderNoteText } from '../../../../main/notes/composer/render';
import type { ComposerSegment, Note } from '../../../../main/notes/note-types';
import { Note as NoteSchema } from '../../../../main/notes/note-types';
import { loadTemplate } from '../../../../main/notes/templates';

const VISIT: [ComposerSegment['speaker'], string][] = [
  ['clinician', 'hi , brian . how are you ?'],
  ['patient', "i'm doing okay . how are you ?"],
  [
    'clinician',
    'brian is a 58 year old male with a past medical history significant for heart failure who presents today for shortness of breath .',
  ],
  ['patient', "um , i've had , uh , shortness of breath for two weeks . it's worse when i climb the stairs ."],
  ['clinician', 'okay . any fever or chills ?'],
  ['patient', 'no .'],
  ['clinician', 'and does anyone in your family have diabetes ?'],
  ['patient', 'yes , my mother has diabetes .'],
  ['clinician', 'are you taking your lasix ?'],
  ['patient', 'yes .'],
  [
    'clinician',
    "okay . let's do a quick physical exam . your lungs sound clear . on your leg exam , i do appreciate two plus pitting edema .",
  ],
  [
    'clinician',
    "let's talk about my assessment and plan . for your heart failure , i want you to increase your lasix to eighty milligrams a day . i'm gon na order an echocardiogram . does that sound good ?",
  ],
  ['patient', 'yes , that sounds good .'],
];

const segments: ComposerSegment[] = VISIT.map(([speaker, text], i) => ({ id: `seg-${i}`, speaker, text }));

const ev = (segmentId: string, text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  return [{ segmentId, start, end: start + phrase.length }];
};

const findings: Finding[] = [
  {
    kind: 'problem',
    name: 'fever',
    category: 'symptom',
    assertion: { negated: true, possible: false, historical: false, hypothetical: false, experiencer: 'patient' },
    evidence: ev('seg-4', VISIT[4]![1], 'fever'),
  },
  {
    kind: 'problem',
    name: 'diabetes',
    category: 'condition',
    assertion: { negated: false, possible: false, historical: false, hypothetical: false, experiencer: 'family' },
    evidence: ev('seg-7', VISIT[7]![1], 'diabetes'),
  },
  {
    kind: 'problem',
    name: 'shortness of breath',
    category: 'symptom',
    assertion: { negated: false, possible: false, historical: false, hypothetical: false, experiencer: 'patient' },
    evidence: ev('seg-3', VISIT[3]![1], 'shortness of breath'),
  },
];

const template = loadTemplate('soap');
const everything = { ...COMPOSER_DEFAULTS, selector: null };
const sentences = (note: Note) => note.sections.flatMap((s) => s.sentences);
const sectionText = (note: Note, id: string) =>
  note.sections
    .find((s) => s.id === id)
    ?.sentences.map((s) => s.text)
    .join(' ') ?? '';

describe('note composer', () => {
  const note = composeNote({ segments, findings, template }, everything);

  it('produces a valid note in the template order and omits empty sections', () => {
    expect(NoteSchema.parse(note)).toEqual(note);
    expect(note.sections.map((s) => s.header)).toEqual([
      'CHIEF COMPLAINT',
      'HISTORY OF PRESENT ILLNESS',
      'REVIEW OF SYSTEMS',
      'PHYSICAL EXAMINATION',
      'ASSESSMENT AND PLAN',
    ]);
  });

  it('links every sentence to evidence that points at real text of its segment', () => {
    const byId = new Map(segments.map((s) => [s.id, s]));
    for (const s of sentences(note)) {
      expect(s.evidence.length).toBeGreaterThan(0);
      for (const e of s.evidence) {
        const segment = byId.get(e.segmentId);
        expect(segment).toBeDefined();
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeGreaterThan(e.start);
        expect(e.end).toBeLessThanOrEqual(segment!.text.length);
        expect(segment!.text.slice(e.start, e.end).trim()).not.toBe('');
      }
    }
  });

  it('writes third-person clinical prose, not pasted dialogue', () => {
    const text = renderNoteText(note);
    expect(text).toContain('Brian is a 58-year-old male');
    expect(sectionText(note, 'hpi')).toContain('He reports shortness of breath for 2 weeks.');
    expect(sectionText(note, 'hpi')).toContain('He denies fever or chills.');
    expect(sectionText(note, 'hpi')).toContain('He is taking his lasix.');
    expect(sectionText(note, 'exam')).toContain('Lungs sound clear.');
    expect(sectionText(note, 'assessment-plan')).toContain('Increase his lasix to 80 mg daily.');
    expect(sectionText(note, 'assessment-plan')).toContain('We will order an echocardiogram.');
    expect(text).not.toMatch(/\b(?:um|uh|you know)\b|\bI've\b|\bmy\b|\?/i);
  });

  it("never writes a negated or family finding as the patient's present problem", () => {
    const ros = sectionText(note, 'ros');
    expect(ros).toContain('Denies fever');
    expect(ros).not.toMatch(/Endorses[^.]*fever/);
    expect(ros).not.toMatch(/diabetes/i);
    expect(sectionText(note, 'hpi')).toContain('Family history of diabetes.');
    expect(sectionText(note, 'hpi')).not.toMatch(/He (?:reports|has|endorses) (?:fever|diabetes)/);
  });

  it('groups the plan under the problem the clinician named and records the agreement', () => {
    const plan = note.sections.find((s) => s.id === 'assessment-plan')!;
    const heading = plan.sentences.find((s) => s.style === 'heading');
    expect(heading?.text).toBe('Heart failure.');
    expect(plan.sentences.at(-1)?.text).toBe(
      'Patient Agreements: The patient understands and agrees with the recommended medical treatment plan.',
    );
  });

  it('renders headers, a blank line and paragraphs like ACI-Bench notes', () => {
    const text = renderNoteText(note);
    expect(text.startsWith('CHIEF COMPLAINT\n\n')).toBe(true);
    expect(text).toContain('\n\nREVIEW OF SYSTEMS\n\n\u2022 Constitutional: Denies fever.\n');
    expect(text).toContain(
      'Heart failure.\n\u2022 Additional Testing: We will order an echocardiogram.\n\u2022 Medical Treatment: Increase his lasix to 80 mg daily.',
    );
    expect(text).toContain(
      'PHYSICAL EXAMINATION\n\n\u2022 Respiratory: Lungs sound clear.\n\u2022 Cardiovascular: On leg exam, there is 2+ pitting edema.',
    );
  });
});

describe('note composer edge cases', () => {
  it('uses "the patient" when the sex is never stated and leaves out the agreement nobody gave', () => {
    const note = composeNote(
      {
        segments: [
          { id: 'a', speaker: 'patient', text: "i've been having headaches every morning for a month ." },
          { id: 'b', speaker: 'clinician', text: "okay . i'm gon na order an mri of your brain ." },
        ],
        findings: [],
        template,
      },
      everything,
    );
    const text = renderNoteText(note);
    expect(text).toContain('The patient reports headaches every morning for a month.');
    expect(text).not.toContain('understands and agrees');
  });

  it('returns an empty note for a transcript with nothing clinical in it', () => {
    const note = composeNote({
      segments: [
        { id: 'a', speaker: 'clinician', text: 'hi , how are you ?' },
        { id: 'b', speaker: 'patient', text: 'good , thanks .' },
      ],
      findings: [],
      template,
    });
    expect(note.sections).toEqual([]);
    expect(renderNoteText(note)).toBe('\n');
  });

  it('keeps structured sentences when the selector drops free text', () => {
    const note = composeNote({ segments, findings, template }, { ...COMPOSER_DEFAULTS, threshold: 1.1 });
    expect(note.sections.map((s) => s.id)).toContain('ros');
    expect(sentences(note).every((s) => s.evidence.length > 0)).toBe(true);
  });

  it('leaves a symptom out of the review of systems when the answers contradict the finding', () => {
    const asserted: Finding[] = findings.map((f) =>
      f.kind === 'problem' && f.name === 'fever' ? { ...f, assertion: { ...f.assertion, negated: false } } : f,
    );
    const note = composeNote({ segments, findings: asserted, template }, everything);
    expect(sectionText(note, 'ros')).not.toMatch(/fever/i);
    expect(sectionText(note, 'hpi')).toContain('He denies fever or chills.');
  });

  it("routes by the section classifier's labels when they are given", () => {
    const segs: ComposerSegment[] = [
      { id: 'a', speaker: 'patient', text: 'my knee has been hurting for a month .' },
      {
        id: 'b',
        speaker: 'clinician',
        text: 'there is a small effusion of the right knee with tenderness along the medial joint line .',
      },
    ];
    const without = composeNote({ segments: segs, findings: [], template }, everything);
    const withLabels = composeNote(
      { segments: segs, findings: [], template, sections: { a: 'GENHX', b: 'EXAM' } },
      everything,
    );
    expect(sectionText(without, 'exam')).toBe('');
    expect(sectionText(withLabels, 'exam')).toContain('small effusion of the right knee');
  });
});

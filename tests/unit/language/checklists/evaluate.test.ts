import { describe, expect, it } from 'vitest';
import { ChecklistItemResult } from '../../../../common/findings';
import { evaluateChecklist } from '../../../../main/language/checklists/evaluate';
import { builtInChecklists, parseChecklist } from '../../../../main/language/checklists/load';
import { dialogue, textOf } from '../problems/dialogue';

const [palliative, primary] = builtInChecklists();
const stateOf = (results: readonly ChecklistItemResult[], id: string): string | undefined =>
  results.find((r) => r.itemId === id)?.state;

describe('evaluateChecklist: palliative care', () => {
  const visit = dialogue(
    'How have you been since last week?',
    "The pain in my back is worse and I'm exhausted all the time. I also ran out of my oxycodone.",
    'Any nausea or constipation?',
    'No nausea. My bowels are fine.',
    'How are you sleeping?',
    "I can't sleep at night.",
    'Any confusion?',
    'No.',
    'Call us if you get short of breath.',
    'Okay.',
  );
  const results = evaluateChecklist(palliative!, visit);

  it('reports each item in checklist order as a valid result', () => {
    expect(results.map((r) => r.itemId)).toEqual(palliative!.items.map((i) => i.id));
    for (const r of results) expect(() => ChecklistItemResult.parse(r)).not.toThrow();
  });

  it('marks symptoms the patient reports as present, with evidence', () => {
    expect(stateOf(results, 'pain')).toBe('present');
    expect(stateOf(results, 'fatigue')).toBe('present');
    expect(stateOf(results, 'insomnia')).toBe('present');
    const pain = results.find((r) => r.itemId === 'pain');
    expect(pain?.evidence.map((e) => textOf(visit, e))).toEqual(['pain in my back']);
  });

  it('marks denied symptoms absent, including answers to a question', () => {
    expect(stateOf(results, 'nausea')).toBe('absent');
    expect(stateOf(results, 'constipation')).toBe('absent');
    const confusion = results.find((r) => r.itemId === 'confusion');
    expect(confusion).toMatchObject({ state: 'absent' });
    expect(confusion?.evidence.map((e) => textOf(visit, e))).toEqual(['confusion', 'No.']);
  });

  it('leaves unmentioned and merely hypothetical items not mentioned', () => {
    expect(stateOf(results, 'drowsiness')).toBe('not-mentioned');
    expect(stateOf(results, 'shortness-of-breath')).toBe('not-mentioned');
    expect(results.find((r) => r.itemId === 'shortness-of-breath')?.evidence).toEqual([]);
  });

  it('detects administrative requests', () => {
    expect(stateOf(results, 'medication-refill')).toBe('present');
    expect(stateOf(results, 'appointment-request')).toBe('not-mentioned');
    const more = evaluateChecklist(
      palliative!,
      dialogue('Anything else?', 'Can I reschedule my next appointment? I don’t need any refills.'),
    );
    expect(stateOf(more, 'appointment-request')).toBe('present');
    expect(stateOf(more, 'medication-refill')).toBe('absent');
    // The clinician offering is not the patient asking.
    expect(stateOf(evaluateChecklist(palliative!, dialogue('Do you need any refills?')), 'medication-refill')).toBe(
      'not-mentioned',
    );
  });

  it('does not count a relative’s symptom as the patient’s', () => {
    expect(
      stateOf(
        evaluateChecklist(palliative!, dialogue('Anything new?', 'My husband has been very anxious.')),
        'anxiety',
      ),
    ).toBe('not-mentioned');
  });

  it('lets a later report of a symptom win over an earlier denial', () => {
    const r = evaluateChecklist(
      palliative!,
      dialogue('Any nausea?', 'No.', 'Nothing at all?', 'Well, I do feel nauseous after meals.'),
    );
    expect(stateOf(r, 'nausea')).toBe('present');
  });

  it('marks every item not mentioned for an empty encounter', () => {
    expect(
      evaluateChecklist(palliative!, []).every((r) => r.state === 'not-mentioned' && r.evidence.length === 0),
    ).toBe(true);
  });
});

describe('evaluateChecklist: primary-care visit', () => {
  const visit = dialogue(
    'What brings you in today?',
    'My knee has been bothering me.',
    'Do you smoke?',
    'No, never.',
    'Any allergies to medications?',
    'No known allergies.',
    'Your blood pressure today is 130 over 80.',
    'Okay.',
    "Let's follow up in three months.",
    'Sounds good.',
  );
  const results = evaluateChecklist(primary!, visit);

  it('counts a topic that was asked about as present even when the answer is no', () => {
    expect(stateOf(results, 'smoking-status')).toBe('present');
    expect(stateOf(results, 'allergies-reviewed')).toBe('present');
    expect(stateOf(results, 'reason-for-visit')).toBe('present');
  });

  it('reads measured and arranged items from what was done', () => {
    expect(stateOf(results, 'blood-pressure-measured')).toBe('present');
    expect(stateOf(results, 'follow-up-arranged')).toBe('present');
    expect(stateOf(results, 'alcohol-use')).toBe('not-mentioned');
  });

  it('marks an item absent when it is said not to be done', () => {
    const r = evaluateChecklist(primary!, dialogue("We don't need a follow up for this.", 'Great.'));
    expect(stateOf(r, 'follow-up-arranged')).toBe('absent');
  });

  it('does not take return precautions for an arranged follow-up', () => {
    const r = evaluateChecklist(primary!, dialogue('Come back in if it gets worse.', 'Okay.'));
    expect(stateOf(r, 'follow-up-arranged')).toBe('not-mentioned');
  });
});

describe('evaluateChecklist: custom checklists', () => {
  it('uses the lexicon synonyms of the concepts an item names', () => {
    const list = parseChecklist({
      id: 'resp',
      name: 'Respiratory',
      description: 'Breathing.',
      items: [
        {
          id: 'sob',
          label: 'Breathless',
          description: 'Shortness of breath.',
          triggers: [],
          concepts: ['shortness of breath'],
        },
      ],
    });
    expect(evaluateChecklist(list, dialogue('Any trouble breathing?', 'Nope.'))[0]?.state).toBe('absent');
    expect(evaluateChecklist(list, dialogue('How are you?', "I can't catch my breath."))[0]?.state).toBe('present');
  });
});

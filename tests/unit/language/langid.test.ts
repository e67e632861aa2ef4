import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { identifyLanguage, segmentLanguages } from '../../../main/language/langid/identify';

/** Short clinical sentences written for this test (no real patients), one language each. */
const SENTENCES: Array<[string, string]> = [
  ['es', 'Me duele el pecho desde ayer por la tarde.'],
  ['es', 'Tengo dolor de cabeza y náuseas desde el lunes.'],
  ['fr', 'J’ai de la fièvre depuis hier soir, docteur.'],
  ['de', 'Ich habe seit gestern starke Kopfschmerzen.'],
  ['pt', 'Eu tenho dor nas costas há uma semana.'],
  ['ru', 'У меня болит голова со вчерашнего вечера.'],
  ['fa', 'من از دیروز درد قفسه سینه دارم'],
  ['hi', 'मुझे कल से सीने में दर्द हो रहा है।'],
  ['ta', 'நேற்று முதல் எனக்கு நெஞ்சு வலி இருக்கிறது'],
  ['en', 'Good morning, what brings you in today?'],
  ['en', 'Shortness of breath, wheezing, productive cough.'],
  ['en', "i'm taking 25 milligram tablets , twice daily ."],
];

const ACI = path.resolve(import.meta.dirname, '../../../../shared/datasets/aci-bench/valid.csv');

describe('language identification', () => {
  it.each(SENTENCES)('reads %s in "%s"', (language, text) => {
    expect(identifyLanguage(text)).toBe(language);
  });

  it('leaves a turn too short to tell to the visit, and prefers the speech model’s language', () => {
    const visit = [
      { text: 'Sí.' },
      { text: 'Me duele el pecho desde ayer por la tarde y no puedo dormir.' },
      { text: 'Hello there doctor', language: 'de' },
    ];
    expect(segmentLanguages(visit)).toEqual([
      { language: 'es', source: 'visit' },
      { language: 'es', source: 'text' },
      { language: 'de', source: 'speech' },
    ]);
    expect(segmentLanguages([{ text: '…' }])).toEqual([{ language: null, source: 'unknown' }]);
    expect(segmentLanguages(visit, 'fr').every((s) => s.language === 'fr' && s.source === 'given')).toBe(true);
  });

  it('gives a short turn its speaker’s language before the visit’s', () => {
    const visit = [
      { speaker: 'clinician', text: 'Good morning, what brings you in today? Tell me about the pain.' },
      { speaker: 'clinician', text: 'How long have you had it, and does anything make it worse?' },
      { speaker: 'patient', text: 'Me duele el pecho desde ayer por la tarde.' },
      { speaker: 'patient', text: 'Sí.' },
      { speaker: 'clinician', text: 'Okay.' },
    ];
    expect(segmentLanguages(visit).map((s) => `${s.language ?? '?'}/${s.source}`)).toEqual([
      'en/text',
      'en/text',
      'es/text',
      'es/speaker',
      'en/speaker',
    ]);
  });

  it.skipIf(!fs.existsSync(ACI))('calls no ACI-Bench validation turn anything but English', () => {
    const rows = parse<{ dialogue: string }>(fs.readFileSync(ACI), { columns: true });
    const turns = rows.flatMap((r) => r.dialogue.split('\n').map((l) => l.replace(/^\[[a-z_]+\]\s*/i, '')));
    const identified = turns.map((t) => identifyLanguage(t)).filter((l) => l !== null);
    expect(identified.length).toBeGreaterThan(500);
    expect(identified.filter((l) => l !== 'en')).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { allergyLexicon } from '../allergies/lexicon';
import { extractAllergies } from '../allergies/extract';
import { extractVitals, type VitalFinding } from '../vitals/extract';
import { extractMedications } from '../medications/extract';
import { medicationLexicon } from '../medications/lexicon';
import { normalizePhrase } from '../medications/phrase-matcher';
import { aciDialogueToSegments, readAciCsv } from './aci';
import { SilverSet, type SilverVital } from './set';

/** Precision/recall of the extractors against a silver set (method: tests/fixtures/silver/README.md). */
export type TypeScore = { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
export type SilverReport = {
  split: SilverSet['split'];
  encounters: number;
  medications: TypeScore & { doseCorrect: number; doseChecked: number };
  allergies: TypeScore;
  vitals: TypeScore;
};

const score = (tp: number, fp: number, fn: number): TypeScore => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
};

const TOLERANCE: Record<SilverVital['type'], number> = {
  bp: 0.5,
  hr: 0.5,
  rr: 0.5,
  spo2: 0.5,
  temp: 0.15,
  weight: 0.6,
  height: 1.1,
  bmi: 0.15,
};

const vitalMatches = (gold: SilverVital, f: VitalFinding): boolean =>
  gold.type === f.type &&
  Math.abs(gold.value - f.value) <= TOLERANCE[gold.type] &&
  (gold.value2 === null || (f.value2 !== null && Math.abs(gold.value2 - f.value2) <= TOLERANCE[gold.type]));

/** Canonical keys so brand/generic and alias spellings compare equal on both sides. */
const medKey = (name: string): string => medicationLexicon().genericOf(name) ?? normalizePhrase(name);
const allergyKey = (name: string): string => allergyLexicon().canonical(name);

export const evaluateSilver = (set: SilverSet, dialogues: ReadonlyMap<string, string>): SilverReport => {
  let mTp = 0,
    mFp = 0,
    mFn = 0,
    doseCorrect = 0,
    doseChecked = 0;
  let aTp = 0,
    aFp = 0,
    aFn = 0;
  let vTp = 0,
    vFp = 0,
    vFn = 0;
  let encounters = 0;
  for (const enc of set.encounters) {
    const dialogue = dialogues.get(enc.id);
    if (dialogue === undefined) continue;
    encounters += 1;
    const segments = aciDialogueToSegments(enc.id, dialogue);

    const gold = new Map<string, number[]>();
    for (const m of enc.medications) gold.set(medKey(m.name), [...(gold.get(medKey(m.name)) ?? []), ...m.doses]);
    const predicted = new Map(extractMedications(segments).map((f) => [medKey(f.name), f]));
    for (const [key, f] of predicted) {
      const doses = gold.get(key);
      if (doses === undefined) {
        mFp += 1;
        continue;
      }
      mTp += 1;
      if (doses.length > 0) {
        doseChecked += 1;
        if (f.dose !== null && doses.some((d) => Math.abs(d - (f.dose ?? 0)) < 1e-6)) doseCorrect += 1;
      }
    }
    mFn += [...gold.keys()].filter((k) => !predicted.has(k)).length;

    const goldA = new Set(enc.allergies.substances.map(allergyKey));
    if (enc.allergies.noKnownAllergies) goldA.add('__nka__');
    const predA = new Set(
      extractAllergies(segments).map((f) => (f.noKnownAllergies ? '__nka__' : allergyKey(f.substance ?? ''))),
    );
    aTp += [...predA].filter((k) => goldA.has(k)).length;
    aFp += [...predA].filter((k) => !goldA.has(k)).length;
    aFn += [...goldA].filter((k) => !predA.has(k)).length;

    const predV = extractVitals(segments);
    const used = new Set<number>();
    for (const g of enc.vitals) {
      const i = predV.findIndex((f, k) => !used.has(k) && vitalMatches(g, f));
      if (i >= 0) {
        used.add(i);
        vTp += 1;
      } else vFn += 1;
    }
    vFp += predV.length - used.size;
  }
  return {
    split: set.split,
    encounters,
    medications: { ...score(mTp, mFp, mFn), doseCorrect, doseChecked },
    allergies: score(aTp, aFp, aFn),
    vitals: score(vTp, vFp, vFn),
  };
};

/** Reads a silver set and ACI-Bench train.csv and evaluates; for the CLI bench and the tests. */
export const evaluateSilverFiles = (silverJsonPath: string, aciTrainCsvPath: string): SilverReport => {
  const set = SilverSet.parse(JSON.parse(readFileSync(silverJsonPath, 'utf8')));
  const dialogues = new Map(readAciCsv(aciTrainCsvPath).map((r) => [r.encounter_id, r.dialogue]));
  return evaluateSilver(set, dialogues);
};

import { createHash } from 'node:crypto';
import { silverAllergies } from './label-allergies';
import { silverMedications } from './label-medications';
import { silverVitals } from './label-vitals';
import { dialogueTurns } from './note-sections';
import type { SilverEncounter } from './set';

/** Labels one ACI-Bench encounter and splits encounters into the frozen test set and the dev set. */
export type AciLabelRow = { dataset: string; encounter_id: string; dialogue: string; note: string };

const SALT = 'quietchart-silver-v1:';
const TEST_SHARE = 40 / 67;

const hashKey = (id: string): string =>
  createHash('sha256')
    .update(SALT + id)
    .digest('hex');

export const splitEncounters = (
  rows: { encounter_id: string; dataset: string }[],
): { test: Set<string>; dev: Set<string> } => {
  const test = new Set<string>();
  const dev = new Set<string>();
  const byDataset = new Map<string, string[]>();
  for (const r of rows) byDataset.set(r.dataset, [...(byDataset.get(r.dataset) ?? []), r.encounter_id]);
  for (const ids of byDataset.values()) {
    const sorted = [...ids].sort((x, y) => (hashKey(x) < hashKey(y) ? -1 : 1));
    const nTest = Math.round(ids.length * TEST_SHARE);
    sorted.forEach((id, i) => (i < nTest ? test : dev).add(id));
  }
  return { test, dev };
};

export const labelEncounter = (row: AciLabelRow): SilverEncounter => {
  const turns = dialogueTurns(row.dialogue);
  return {
    id: row.encounter_id,
    dataset: row.dataset,
    medications: silverMedications(row.note, turns),
    allergies: silverAllergies(row.note, turns),
    vitals: silverVitals(row.note, turns),
  };
};

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The frozen-set hash: over canonical JSON, so re-formatting the file (prettier) does not change it. */
export const silverHash = (set: unknown): string => sha256(JSON.stringify(set));

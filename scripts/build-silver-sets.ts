/**
 * Builds the silver evaluation sets for the medication, allergy and vital-sign extractors from ACI-Bench
 * train.csv (CC BY 4.0): a fact is silver when the reference note states it AND the dialogue says it.
 * The labelling (main/language/silver/label*.ts) uses only note-side patterns, a short
 * documented stop list and string/number matching against the dialogue — never the extractors' lexicons —
 * so an extractor cannot look better by sharing the vocabulary that defined its test.
 * Method: tests/fixtures/silver/README.md.
 *
 *   npx tsx scripts/build-silver-sets.ts              write tests/fixtures/silver/{test,dev}.json
 *   npx tsx scripts/build-silver-sets.ts --check      compare a fresh build with the committed files
 *   npx tsx scripts/build-silver-sets.ts --evaluate   precision/recall of the extractors on both sets
 *   (QUIETCHART_SHARED overrides ../shared)
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { evaluateSilverFiles } from '../main/language/silver/evaluate';
import { labelEncounter, silverHash, splitEncounters, type AciLabelRow } from '../main/language/silver/label';
import type { SilverEncounter, SilverSet } from '../main/language/silver/set';

/** The repository root; shared data sits beside it unless QUIETCHART_SHARED says otherwise. */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = (): string => process.env['QUIETCHART_SHARED'] ?? resolve(repoRoot, '../shared');

const main = async (): Promise<void> => {
  const { format } = await import('prettier');
  const csv = join(sharedDir(), 'datasets/aci-bench/train.csv');
  if (!existsSync(csv)) throw new Error('ACI-Bench train.csv not found; set QUIETCHART_SHARED');
  const rows = parse<AciLabelRow>(readFileSync(csv), { columns: true, skip_empty_lines: true });
  const { test } = splitEncounters(rows);
  const outDir = join(repoRoot, 'tests/fixtures/silver');
  if (process.argv.includes('--evaluate')) {
    for (const split of ['test', 'dev'])
      process.stdout.write(`${JSON.stringify(evaluateSilverFiles(join(outDir, `${split}.json`), csv))}\n`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  const check = process.argv.includes('--check');
  for (const split of ['test', 'dev'] as const) {
    const encounters = rows
      .filter((r) => test.has(r.encounter_id) === (split === 'test'))
      .map(labelEncounter)
      .sort((a, b) => a.id.localeCompare(b.id));
    const set: SilverSet = {
      version: 1,
      split,
      source: 'ACI-Bench train.csv (Yim et al. 2023), derived facts',
      license: 'CC BY 4.0',
      encounters,
    };
    const text = await format(JSON.stringify(set), { parser: 'json', printWidth: 120 });
    const file = join(outDir, `${split}.json`);
    if (check) {
      const same = existsSync(file) && silverHash(JSON.parse(readFileSync(file, 'utf8'))) === silverHash(set);
      process.stdout.write(`${split}.json ${same ? 'matches' : 'DIFFERS FROM'} a fresh build\n`);
    } else writeFileSync(file, text);
    const count = (f: (e: SilverEncounter) => number): number => encounters.reduce((n, e) => n + f(e), 0);
    process.stdout.write(
      `${split}: ${encounters.length} encounters, ${count((e) => e.medications.length)} medications, ${count((e) => e.allergies.substances.length + (e.allergies.noKnownAllergies ? 1 : 0))} allergy facts, ${count((e) => e.vitals.length)} vitals, hash ${silverHash(set)}\n`,
    );
  }
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}

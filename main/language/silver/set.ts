import { z } from 'zod';

/** The silver-set file format (tests/fixtures/silver/{test,dev}.json): ids, names and normalised values only. */
export const SilverVital = z.strictObject({
  type: z.enum(['bp', 'hr', 'rr', 'temp', 'spo2', 'weight', 'height', 'bmi']),
  value: z.number(),
  value2: z.number().nullable(),
});
export const SilverEncounter = z.strictObject({
  id: z.string(),
  dataset: z.string(),
  medications: z.array(z.strictObject({ name: z.string(), doses: z.array(z.number()) })),
  allergies: z.strictObject({ noKnownAllergies: z.boolean(), substances: z.array(z.string()) }),
  vitals: z.array(SilverVital),
});
export const SilverSet = z.strictObject({
  version: z.literal(1),
  split: z.enum(['test', 'dev']),
  source: z.string(),
  license: z.string(),
  encounters: z.array(SilverEncounter),
});
export type SilverSet = z.infer<typeof SilverSet>;
export type SilverEncounter = z.infer<typeof SilverEncounter>;
export type SilverVital = z.infer<typeof SilverVital>;

import { z } from 'zod';
import { AppError } from '../../common/errors';

/**
 * Licence terms of a recommended model, and the clinic's policy on them. A clinic is a commercial
 * setting, so a model whose licence forbids commercial use (NLLB-200: CC-BY-NC-4.0) is refused unless
 * the user's policy explicitly allows non-commercial licences (e.g. a research or charity deployment).
 */

/** Licences we know, with whether they allow commercial use; a manifest may not contradict them. */
export const KNOWN_LICENSES: Readonly<Record<string, { commercialUse: boolean }>> = {
  MIT: { commercialUse: true },
  'Apache-2.0': { commercialUse: true },
  'CC-BY-4.0': { commercialUse: true },
  'CC-BY-NC-4.0': { commercialUse: false },
  // Commercial use allowed with conditions (700M monthly-active-user clause, acceptable-use policy, attribution).
  'Llama-3.2-Community': { commercialUse: true },
};

export const modelLicenseSchema = z
  .object({
    /** An SPDX id where one exists, else a short stable name (e.g. Llama-3.2-Community). */
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.+-]*$/, 'an SPDX-like licence id'),
    commercialUse: z.boolean(),
    /** The licence text or the model card that states it. */
    url: z.url(),
    /** Conditions worth knowing before use (attribution, user caps, acceptable-use policy). */
    notes: z.string().optional(),
  })
  .superRefine((license, ctx) => {
    const known = KNOWN_LICENSES[license.id];
    if (known && known.commercialUse !== license.commercialUse) {
      ctx.addIssue({
        code: 'custom',
        path: ['commercialUse'],
        message: `${license.id} ${known.commercialUse ? 'allows' : 'does not allow'} commercial use`,
      });
    }
  });
export type ModelLicense = z.infer<typeof modelLicenseSchema>;

/**
 * Manifests written before licences were objects said `license: "MIT", licenseUrl: "..."`. Such an entry
 * is read as the object form when the id is one we know; anything else is left to fail validation.
 */
export const migrateLegacyLicense = (value: unknown): unknown => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const entry = value as Record<string, unknown>;
  const { license, licenseUrl } = entry;
  if (typeof license !== 'string' || typeof licenseUrl !== 'string') return value;
  const known = KNOWN_LICENSES[license];
  if (!known) return value;
  const rest = Object.fromEntries(Object.entries(entry).filter(([key]) => key !== 'licenseUrl'));
  return { ...rest, license: { id: license, commercialUse: known.commercialUse, url: licenseUrl } };
};

export type LicensePolicy = {
  /** Allow models whose licence forbids commercial use (only where the deployment is non-commercial). */
  allowNonCommercial: boolean;
};

/** The safe default for a clinic: commercial-use licences only. */
export const DEFAULT_LICENSE_POLICY: LicensePolicy = { allowNonCommercial: false };

export const allowedByPolicy = (entry: { license: ModelLicense }, policy: LicensePolicy): boolean =>
  entry.license.commercialUse || policy.allowNonCommercial;

/** The refusal for a model the policy does not allow: VALIDATION_FAILED, before any byte is fetched or copied. */
export const licenseRefusal = (entry: { id: string; license: ModelLicense }): AppError =>
  new AppError(
    'VALIDATION_FAILED',
    `${entry.id} is licensed ${entry.license.id}, which does not allow commercial use. ` +
      'Install it only where your policy permits non-commercial licences (--allow-non-commercial).',
  );

export const assertAllowedByPolicy = (entry: { id: string; license: ModelLicense }, policy: LicensePolicy): void => {
  if (!allowedByPolicy(entry, policy)) throw licenseRefusal(entry);
};

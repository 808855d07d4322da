import { Ajv } from 'ajv';
import { surveySchema } from './schema.js';

export interface SchemaFault {
  /** JSON Pointer into the definition, e.g. `/figures/2/bars/0/column`. */
  readonly path: string;
  readonly message: string;
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** Checks a parsed definition against the JSON Schema; every fault with its JSON path. */
export function validateDefinition(value: unknown): SchemaFault[] {
  validate ??= new Ajv({ allErrors: true, strict: true }).compile(surveySchema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => {
    const extra =
      error.keyword === 'additionalProperties'
        ? ` "${String((error.params as { additionalProperty?: string }).additionalProperty)}"`
        : error.keyword === 'enum'
          ? `: ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')}`
          : '';
    return { path: error.instancePath === '' ? '/' : error.instancePath, message: `${error.message ?? error.keyword}${extra}` };
  });
}

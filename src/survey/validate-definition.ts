import { Ajv, type ErrorObject } from 'ajv';
import { messages as allMessages, type Messages } from '../messages.js';
import { safeText } from '../safe-text.js';
import { pointerToken } from './load.js';
import { PLAIN_TEXT_PATTERN, surveySchema } from './schema.js';

export interface SchemaFault {
  /** JSON Pointer into the definition, e.g. `/figures/2/bars/0/column`. */
  readonly path: string;
  readonly message: string;
}

let validate: ReturnType<Ajv['compile']> | undefined;

/** The value at a JSON Pointer of the document, where there is one. */
function valueAt(root: unknown, pointer: string): unknown {
  let value = root;
  for (const token of pointer.split('/').slice(1)) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function describe(error: ErrorObject, root: unknown, m: Messages): string | null {
  const params = error.params as {
    additionalProperty?: string;
    allowedValues?: unknown[];
    pattern?: string;
    type?: string | string[];
    missingProperty?: string;
    limit?: number;
    comparison?: string;
  };
  const limit = params.limit ?? 0;
  switch (error.keyword) {
    // Says only "property name must be valid"; the error of the name's own rule follows it.
    case 'propertyNames':
      return null;
    case 'not': {
      const name = error.propertyName ?? valueAt(root, error.instancePath);
      return m.definitionReservedName(safeText(String(name)));
    }
    case 'pattern':
      if (params.pattern === PLAIN_TEXT_PATTERN) return m.definitionControlCharacter();
      return m.schemaRule({ keyword: 'pattern', pattern: params.pattern ?? '' });
    case 'additionalProperties':
      return m.schemaRule({ keyword: 'additionalProperties', property: safeText(String(params.additionalProperty)) });
    case 'enum':
      return m.schemaRule({ keyword: 'enum', allowed: (params.allowedValues ?? []).map(String) });
    case 'type':
      return m.schemaRule({ keyword: 'type', type: [params.type ?? ''].flat().join(',') });
    case 'required':
      return m.schemaRule({ keyword: 'required', property: safeText(String(params.missingProperty)) });
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'maxProperties':
      return m.schemaRule({ keyword: error.keyword, limit });
    case 'minimum':
    case 'maximum':
      return m.schemaRule({ keyword: error.keyword, comparison: params.comparison ?? '', limit });
  }
  return m.schemaRule({ keyword: 'other', name: error.keyword });
}

/**
 * Checks a parsed definition against the JSON Schema; every fault with its JSON path. A fault in
 * a property name (of `spellings`, of `translations`) names the property in the path. Paths and
 * names come from the file, so they pass through safeText before they reach a message.
 */
export function validateDefinition(value: unknown, m: Messages = allMessages.en): SchemaFault[] {
  validate ??= new Ajv({ allErrors: true, strict: true }).compile(surveySchema);
  if (validate(value)) return [];
  const faults: SchemaFault[] = [];
  for (const error of validate.errors ?? []) {
    const message = describe(error, value, m);
    if (message === null) continue;
    const pointer = error.propertyName === undefined ? error.instancePath : `${error.instancePath}/${pointerToken(error.propertyName)}`;
    faults.push({ path: pointer === '' ? '/' : safeText(pointer), message });
  }
  return faults;
}

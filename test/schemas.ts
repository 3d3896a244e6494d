// Schema checks of what the tests produce, with the validators the build compiled from src/schemas (ajv
// standalone code: what cxm itself runs). test/load/validators.test.ts holds them to a compile of src/schemas at
// run time, on every fixture and on fuzzed data, so a check here is as strict as compiling the schema again,
// without the cost of compiling it in every test worker. (From sources, getValidators compiles them itself.)

import { getValidators, type SchemaKind, type Validator } from '../src/load/schema/validators.js';

const validators = await getValidators();

export function validatorOf(kind: SchemaKind): Validator {
  return validators[kind];
}

/** ajv's errors for data that the schema of `kind` rejects, as JSON; undefined when it accepts it. */
export function schemaErrors(kind: SchemaKind, data: unknown): string | undefined {
  const validate = validators[kind];
  return validate(data) ? undefined : JSON.stringify(validate.errors);
}

/** ajv's errors for a report that src/schemas/report.schema.json rejects, as JSON; undefined when it accepts it. */
export function validateReport(report: unknown): string | undefined {
  return schemaErrors('report', report);
}

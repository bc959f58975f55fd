// The JSON Schema of --prestate must describe what scenarioToJson writes and
// scenarioFromJson reads; no validator is a dependency, so this checks the
// schema's fields against a generated scenario's and the README's example.
import { readFileSync } from 'node:fs';
import { generateCase, scenarioFromJson, scenarioToJson } from '@tandem-evm/difftest';
import { describe, expect, it } from 'vitest';

interface ObjectSchema {
  readonly required?: readonly string[];
  readonly properties: Record<string, unknown>;
}

const schema = JSON.parse(readFileSync(new URL('../schema/prestate.schema.json', import.meta.url), 'utf8'));
const scenarioSchema = schema.$defs.scenario as ObjectSchema & {
  properties: { tx: ObjectSchema; message: ObjectSchema };
};
const example = JSON.parse(readFileSync(new URL('../examples/prestate.json', import.meta.url), 'utf8'));

/** Every key of `object` is a property of `schema`, and every required property is a key. */
function expectFits(object: Record<string, unknown>, schema: ObjectSchema): void {
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(Object.keys(object)));
  for (const name of schema.required ?? []) expect(object).toHaveProperty(name);
}

describe('schema/prestate.schema.json', () => {
  it.each([0, 1, 2, 3])('describes every field of generated scenario %i as the fuzzer writes it', (index) => {
    const json = scenarioToJson(generateCase(5, index).scenario) as unknown as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(Object.keys(scenarioSchema.properties).sort());
    expectFits(json, scenarioSchema);
    expectFits(json.tx as Record<string, unknown>, scenarioSchema.properties.tx);
    expectFits(json.message as Record<string, unknown>, scenarioSchema.properties.message);
  });

  it('fits the README example, which scenarioFromJson reads', () => {
    expectFits(example, scenarioSchema);
    expectFits(example.tx, scenarioSchema.properties.tx);
    expectFits(example.message, scenarioSchema.properties.message);
    expect(scenarioFromJson(example).message.gas).toBe(100_000n);
  });
});

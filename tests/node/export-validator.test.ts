// export-validator.ts is ajv's standalone compilation of EXPORT_JSON_SCHEMA; this keeps it in step.
// Regenerate after changing the schema: MR_UPDATE_VALIDATOR=1 node_modules/.bin/vitest run tests/node/export-validator.test.ts
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { EXPORT_AJV_OPTIONS, EXPORT_JSON_SCHEMA } from '../../src/core/registry/export-schema.ts';

const target = resolve(import.meta.dirname, '../../src/core/registry/export-validator.ts');
const HEADER = [
  '/* eslint-disable */',
  '// @ts-nocheck',
  '// GENERATED from EXPORT_JSON_SCHEMA (export-schema.ts) by ajv standalone; do not edit.',
  '// Regenerate: MR_UPDATE_VALIDATOR=1 node_modules/.bin/vitest run tests/node/export-validator.test.ts',
  '',
].join('\n');

function generate(): string {
  const ajv = new Ajv({ ...EXPORT_AJV_OPTIONS, code: { ...EXPORT_AJV_OPTIONS.code } });
  const code = standaloneCode(ajv, ajv.compile(EXPORT_JSON_SCHEMA));
  return `${HEADER}${code}\n`;
}

describe('export-validator.ts', () => {
  it('is the current schema compiled by ajv, with no runtime imports', () => {
    const code = generate();
    if (process.env.MR_UPDATE_VALIDATOR === '1') writeFileSync(target, code);
    expect(code).not.toMatch(/require\(|^import /m);
    expect(readFileSync(target, 'utf8')).toBe(code);
  });
});

/**
 * `npm run validators`: writes src-shared/schemas/generated/validators.ts, the precompiled (ajv
 * standalone) validators of every schema in src-shared/schemas (scripts/validatorsModule.ts).
 * Run it after changing a schema and commit the result; a unit test fails when it is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { validatorsModule, VALIDATORS_MODULE_PATH } from './validatorsModule';

const file = resolve(import.meta.dirname, '..', VALIDATORS_MODULE_PATH);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, validatorsModule());
console.log(`wrote ${VALIDATORS_MODULE_PATH}`);

#!/usr/bin/env node
// Validates plan files (`liftshift plan`) against the plan's JSON Schema
// (`liftshift plan --schema`) with ajv (draft-07, strict), reading the YAML
// with the `yaml` package as an editor's YAML tooling would.
// Usage: node plan_schema.js SCHEMA.json PLAN.yaml...
// Prints one line per problem and exits 1 when there is any; 0 when all pass.
'use strict';

const fs = require('fs');
let YAML;
let Ajv;
try {
  YAML = require('yaml');
  Ajv = require('ajv').default;
} catch (e) {
  console.error(`validators not installed (${e.message}): run scripts/setup.sh`);
  process.exit(2);
}

const [schemaFile, ...plans] = process.argv.slice(2);
if (!schemaFile || plans.length === 0) {
  console.error('usage: node plan_schema.js SCHEMA.json PLAN.yaml...');
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
let problems = 0;
for (const file of plans) {
  const doc = YAML.parseDocument(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  for (const err of doc.errors) {
    console.log(`${file}: YAML: ${err.message}`);
    problems++;
  }
  if (!validate(doc.toJS({ maxAliasCount: 0 }))) {
    for (const e of validate.errors) console.log(`${file}: ${e.instancePath || '/'} ${e.message}`);
    problems++;
  }
}
console.log(`${plans.length} plan(s) checked, ${problems} problem(s)`);
process.exit(problems ? 1 : 0);

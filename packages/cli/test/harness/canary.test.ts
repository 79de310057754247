/**
 * A secret canary planted in every secret-bearing field of every extractor's input kind (extractors.ts: sensitive
 * members, mis-cased and unknown secret keys, nested ones, parse-error neighbourhoods, a duplicate key) never
 * appears in any output: every lint format, with and without colour, check-input, estimate, --print-config and
 * --stdin, on stdout and stderr.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { FORMATTER_NAMES } from '@rolecall/formatters';
import { runCli } from '../../src/cli.js';
import { defaultRegistry } from '../../src/default-registry.js';
import { captureIo } from '../io-fixture.js';
import { EXTRACTOR_HARNESS } from './extractors.js';

const CANARY = 'CANARYq7Zx9Kp2';
/** The canary and its encodings that a JWT or a base64 blob would carry. */
const FORMS = [CANARY, Buffer.from(CANARY).toString('base64url'), Buffer.from(CANARY).toString('base64').replace(/=+$/, '')];

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-canary-')));
after(() => rmSync(dir, { recursive: true, force: true }));

async function outputOf(args: string[], stdin?: string): Promise<string> {
  const io = captureIo(dir, stdin !== undefined ? { stdin } : {});
  await runCli(args, io);
  return io.out() + io.err();
}

function assertClean(output: string, what: string): void {
  for (const form of FORMS) assert.ok(!output.includes(form), `${what}: the canary (${form}) is in the output:\n${output.slice(Math.max(0, output.indexOf(form) - 300), output.indexOf(form) + 100)}`);
}

describe('secret canaries never reach output', () => {
  for (const extractor of defaultRegistry.extractors) {
    const harness = EXTRACTOR_HARNESS[extractor.id]!;
    harness.canaries(CANARY).forEach((c, i) => {
      it(`${extractor.id}: ${c.name}`, async () => {
        // Each case in a folder of its own, under its real path (extractors pick files by name and folder).
        const name = `${extractor.id}-${i}/${c.path}`;
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), c.text);
        let checked = 0;
        for (const format of FORMATTER_NAMES) {
          for (const color of ['--color', '--no-color']) {
            assertClean(await outputOf([name, '--format', format, color]), `lint --format ${format} ${color}`);
            checked++;
          }
          assertClean(await outputOf(['check-input', name, '--format', format]), `check-input --format ${format}`);
          assertClean(await outputOf(['--stdin', '--stdin-filename', c.path, '--format', format], c.text), `--stdin --format ${format}`);
        }
        assertClean(await outputOf(['estimate', name]), 'estimate');
        assertClean(await outputOf(['estimate', name, '--format', 'json']), 'estimate --format json');
        assertClean(await outputOf(['--print-config', name]), '--print-config');
        // The canary is really in the input, so the check above means something.
        assert.ok(c.text.includes(CANARY) || FORMS.some((f) => c.text.includes(f)));
        assert.equal(checked, FORMATTER_NAMES.length * 2);
      });
    });
  }
});

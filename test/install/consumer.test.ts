/**
 * rolecall as a user gets it: `pnpm pack` every publishable package (each one's prepack builds it), install the tarballs with npm into
 * a project outside the workspace with no network (see sandbox.ts), then use them: @rolecall/validators from ESM
 * and CommonJS, the shipped types under tsc (node16 and bundler resolution), @rolecall/sdk-plugin on the real
 * @aws-sdk/client-sts against a local endpoint, and the installed `rolecall` bin. The README's install sections
 * run here too, as written (readme-install.ts).
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { packAll, type PackedTarball } from '../../scripts/release/pack.js';
import { internalPackageNames, publishablePackages, releaseVersion, ROOT } from '../../scripts/release/workspace.js';
import { installBlocks, runInstallBlock } from './readme-install.js';
import { newProject, offlineNpmEnv, recordingServer, run, type RecordingServer } from './sandbox.js';

const FIXTURES = join(ROOT, 'test/install/consumer');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
/** The real client the SDK plugin is tested with: the workspace's dev dependency, linked in as a user's own would be. */
const CLIENT_STS = realpathSync(join(ROOT, 'packages/sdk-plugin/node_modules/@aws-sdk/client-sts'));

/** The member names of a tar archive (ustar: 512-byte headers, names with an optional prefix). */
function tarEntries(gz: Buffer): Map<string, Buffer> {
  const tar = gunzipSync(gz);
  const entries = new Map<string, Buffer>();
  for (let offset = 0; offset + 512 <= tar.length; ) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number): string => header.subarray(start, start + length).toString('utf8').replace(/\0.*$/s, '');
    const name = [field(345, 155), field(0, 100)].filter((s) => s !== '').join('/');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    entries.set(name.replace(/^package\//, ''), tar.subarray(offset + 512, offset + 512 + size));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return entries;
}

describe('installed from packed tarballs, offline', () => {
  let packed: PackedTarball[];
  let packDir: string;
  let project: string;
  let registry: RecordingServer;
  let env: NodeJS.ProcessEnv;
  const timings: string[] = [];
  const started = performance.now();
  const lap = (what: string, since: number): void => void timings.push(`${what} ${Math.round(performance.now() - since)} ms`);

  before(async () => {
    let t = performance.now();
    packDir = realpathSync(mkdtempSync(join(tmpdir(), 'rolecall-packed-')));
    // `pnpm pack` of each package runs its prepack script, which builds it.
    packed = packAll(packDir);
    lap('build and pack', t);
    t = performance.now();
    registry = await recordingServer();
    project = newProject('rolecall-consumer-');
    env = offlineNpmEnv(registry.url, join(project, '.npm-cache'));
    const install = await run('npm', ['install', ...packed.map((p) => p.file), CLIENT_STS], { cwd: project, env });
    assert.equal(install.status, 0, install.stdout + install.stderr);
    lap('npm install', t);
  });

  after(async () => {
    await registry?.close();
    process.stdout.write(`# consumer test: ${timings.join(', ')}; total ${Math.round(performance.now() - started)} ms\n`);
    for (const dir of [project, packDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('packs every publishable package at the release version', () => {
    assert.deepEqual(packed.map((p) => p.name).sort(), publishablePackages().map((p) => p.manifest.name).sort());
    for (const p of packed) assert.equal(p.version, releaseVersion(), p.name);
  });

  it('ships built code and types, no tests, and sources only where declaration maps point', () => {
    for (const p of packed) {
      const entries = tarEntries(readFileSync(p.file));
      assert.deepEqual([...entries.keys()].sort(), [...p.files].sort(), `${p.name}: pnpm's list is the archive`);
      const files = [...entries.keys()];
      assert.ok(files.includes('package.json') && files.includes('README.md'), p.name);
      assert.deepEqual(files.filter((f) => /(^|\/)(test|__tests__)\/|\.test\.[cm]?[jt]s$/.test(f)), [], `${p.name}: no tests`);
      const manifest = JSON.parse(entries.get('package.json')!.toString('utf8')) as Record<string, unknown>;
      for (const target of JSON.stringify(manifest['exports']).match(/"\.\/[^"]+"/g) ?? []) {
        assert.ok(files.includes(JSON.parse(target).slice(2)), `${p.name}: exports ${target} is in the tarball`);
      }
      const maps = files.filter((f) => f.endsWith('.d.ts.map'));
      const mapped = new Set<string>();
      for (const map of maps) {
        for (const source of (JSON.parse(entries.get(map)!.toString('utf8')) as { sources: string[] }).sources) {
          const path = join(dirname(map), source).split('\\').join('/');
          assert.ok(files.includes(path), `${p.name}: ${map} points at ${path}, which is shipped`);
          mapped.add(path);
        }
      }
      const sources = files.filter((f) => f.startsWith('src/'));
      assert.deepEqual(sources.filter((f) => !mapped.has(f)), [], `${p.name}: every shipped source is a declaration map's target`);
    }
  });

  it('replaces workspace ranges and depends on no internal package', () => {
    const internal = internalPackageNames();
    for (const p of packed) {
      const text = tarEntries(readFileSync(p.file)).get('package.json')!.toString('utf8');
      assert.doesNotMatch(text, /workspace:/, p.name);
      assert.doesNotMatch(text, /rolecall-source/, `${p.name}: the source condition is for this repository only`);
      const manifest = JSON.parse(text) as { dependencies?: Record<string, string> };
      for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
        assert.ok(!internal.has(name), `${p.name} depends on internal ${name}`);
        if (name.startsWith('@rolecall/') || name === 'rolecall') assert.equal(range, releaseVersion(), `${p.name} → ${name}`);
      }
    }
    const cli = JSON.parse(tarEntries(readFileSync(packed.find((p) => p.name === 'rolecall')!.file)).get('package.json')!.toString('utf8')) as { dependencies?: object };
    assert.deepEqual(cli.dependencies ?? {}, {}, 'the CLI is one bundle: it installs alone');
  });

  it('installed without a single registry request', () => {
    assert.deepEqual(registry.requests, []);
    for (const p of packed) assert.ok(existsSync(join(project, 'node_modules', p.name, 'package.json')), p.name);
  });

  it('imports @rolecall/validators from ESM', async () => {
    copyFileSync(join(FIXTURES, 'esm.mjs'), join(project, 'esm.mjs'));
    const r = await run(process.execPath, ['esm.mjs'], { cwd: project, env });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { ok: true, bad: false, codes: ['invalidCharacters /RoleSessionName'] });
  });

  it('requires @rolecall/validators from CommonJS', async () => {
    copyFileSync(join(FIXTURES, 'cjs.cjs'), join(project, 'cjs.cjs'));
    const r = await run(process.execPath, ['cjs.cjs'], { cwd: project, env });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), { bad: false, codes: ['invalidCharacters /RoleSessionName'] });
  });

  it('type-checks a TypeScript consumer against the shipped types (moduleResolution node16 and bundler)', async () => {
    copyFileSync(join(FIXTURES, 'consumer.ts'), join(project, 'consumer.ts'));
    const runs = ['node16', 'bundler'].map(async (resolution) => {
      copyFileSync(join(FIXTURES, `tsconfig.${resolution}.json`), join(project, `tsconfig.${resolution}.json`));
      const r = await run(process.execPath, [TSC, '-p', `tsconfig.${resolution}.json`], { cwd: project, env });
      assert.equal(r.status, 0, `${resolution}: ${r.stdout}${r.stderr}`);
    });
    await Promise.all(runs);
  });

  it('refuses an invalid AssumeRoleCommand before any request, and sends a valid one', async () => {
    const sts = await recordingServer((_req, body) => {
      const action = /(?:^|&)Action=([^&]+)/.exec(body)?.[1] ?? 'Unknown';
      const xml =
        `<${action}Response xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><${action}Result>` +
        '<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>example</SecretAccessKey><SessionToken>example</SessionToken><Expiration>2030-01-01T00:00:00Z</Expiration></Credentials>' +
        `<AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId><Arn>arn:aws:sts::123456789012:assumed-role/deploy/s</Arn></AssumedRoleUser></${action}Result>` +
        `<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${action}Response>`;
      return { status: 200, type: 'text/xml', body: xml };
    });
    try {
      copyFileSync(join(FIXTURES, 'sts.mjs'), join(project, 'sts.mjs'));
      const r = await run(process.execPath, ['sts.mjs', sts.url], { cwd: project, env });
      assert.equal(r.status, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), {
        invalid: ['invalidCharacters /RoleSessionName'],
        validKey: 'ASIAEXAMPLE',
      });
      assert.equal(sts.requests.length, 1, 'only the valid command reached the endpoint');
      assert.match(sts.requests[0]!.body, /Action=AssumeRole&/);
      assert.match(sts.requests[0]!.body, /RoleSessionName=deploy-session/);
    } finally {
      await sts.close();
    }
  });

  it('runs the installed rolecall bin on a fixture', async () => {
    mkdirSync(join(project, 'deploy'), { recursive: true });
    copyFileSync(join(ROOT, 'examples/assume-role-with-web-identity.bad.json'), join(project, 'deploy/assume-role-with-web-identity.json'));
    const version = await run(join(project, 'node_modules/.bin/rolecall'), ['--version'], { cwd: project, env });
    assert.equal(version.stdout, `${releaseVersion()}\n`);
    // --jobs 2 runs the extraction in worker threads: the worker entry ships beside the bundle.
    const r = await run(join(project, 'node_modules/.bin/rolecall'), ['--jobs', '2', '--format', 'github', 'deploy'], { cwd: project, env });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=deploy\/assume-role-with-web-identity\.json,line=3,col=26,endLine=3,endColumn=27,title=valid-role-session-name::/m);
  });

  it('the installed bin reads Terraform: its wasm grammar ships in the package, nothing is downloaded', async () => {
    mkdirSync(join(project, 'infra'), { recursive: true });
    copyFileSync(join(ROOT, 'examples/terragrunt/terragrunt.hcl'), join(project, 'infra/terragrunt.hcl'));
    const r = await run(join(project, 'node_modules/.bin/rolecall'), ['--format', 'github', 'infra'], { cwd: project, env });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=infra\/terragrunt\.hcl,line=28,col=24,endLine=28,endColumn=28,title=max-chained-duration::/m);
    assert.deepEqual(registry.requests, []);
  });

  describe('README install sections, as written', { concurrency: true }, () => {
    for (const block of installBlocks()) {
      it(block.name, async () => {
        const r = await runInstallBlock(block, { packDir, registry });
        assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
        assert.equal(r.stdout, block.expected, 'README shows what the commands print');
        assert.deepEqual(registry.requests, []);
      });
    }
  });
});

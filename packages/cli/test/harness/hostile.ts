/**
 * Hostile input for every extractor: the generic cases below (given to each extractor under its file name) plus the
 * extractor's own (extractors.ts). `node --conditions=rolecall-source --import tsx hostile.ts --run` lints each in
 * turn and prints one JSON line per case: its time and the process's peak resident memory so far (cases run from
 * small to large, so a rise belongs to the case that caused it).
 */
import { lintText } from '../../src/lint.js';
import { defaultRegistry } from '../../src/default-registry.js';
import { EXTRACTOR_HARNESS, type HostileCase } from './extractors.js';

const ROLE = 'arn:aws:iam::123456789012:role/deploy';

/** Cases every extractor gets, as bytes (they go through the same decoding as a file). */
function genericCases(path: string): { name: string; path: string; bytes: Uint8Array }[] {
  const input = `{"RoleArn": "${ROLE}", "RoleSessionName": "deploy session"}`;
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
  return [
    { name: 'YAML billion laughs', path, bytes: Buffer.from(`${laughs.join('\n')}\nRoleSessionName: *j\n`) },
    { name: '10 MB single line', path, bytes: Buffer.alloc(10 * 1000 * 1000, 0x61) },
    { name: '4 MB single line (under the limit)', path, bytes: Buffer.from(`{"RoleSessionName": "${'a'.repeat(4_000_000)}"}`) },
    { name: 'invalid UTF-8', path, bytes: Buffer.concat([Buffer.from(input.slice(0, 30)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(input.slice(30))]) },
    { name: 'BOM', path, bytes: Buffer.from(`\uFEFF${input}`) },
    { name: 'CRLF and mixed line endings', path, bytes: Buffer.from(input.replace(/, /g, ',\r\n').replace(/\{/, '{\r').replace(/\}/, '\n}')) },
    { name: 'NUL bytes', path, bytes: Buffer.from(`${input}\u0000\u0000`) },
    { name: 'UTF-16 with BOM', path, bytes: Buffer.from(`\uFEFF${input}`, 'utf16le') },
  ];
}

export function hostileCases(): { name: string; path: string; bytes: Uint8Array; maxFileSize?: number }[] {
  const out: { name: string; path: string; bytes: Uint8Array; maxFileSize?: number }[] = [];
  for (const extractor of defaultRegistry.extractors) {
    const harness = EXTRACTOR_HARNESS[extractor.id];
    if (harness === undefined) continue;
    for (const c of genericCases(harness.path)) out.push({ ...c, name: `${extractor.id}: ${c.name}` });
    for (const c of harness.hostile() as HostileCase[]) out.push({ name: `${extractor.id}: ${c.name}`, path: c.path, bytes: Buffer.from(c.text), ...(c.maxFileSize !== undefined ? { maxFileSize: c.maxFileSize } : {}) });
  }
  return out;
}

/** Runs every case in this process, in order, printing one JSON line per case (`maxRssMb`: the peak so far). */
if (process.argv[2] === '--run' && import.meta.url === `file://${process.argv[1]}`) {
  // Started with --expose-gc: each case begins from a collected heap, so the peak so far grows by what a case
  // holds, not by garbage an earlier case left for a collection that had not run yet.
  const collect = (globalThis as { gc?: () => void }).gc;
  for (const c of hostileCases()) {
    collect?.();
    const start = performance.now();
    const run = await lintText(c.bytes, { filePath: c.path, registry: defaultRegistry, configFile: false, ...(c.maxFileSize !== undefined ? { maxFileSize: c.maxFileSize } : {}) });
    const ms = performance.now() - start;
    const counts: Record<string, number> = {};
    for (const r of run.results) for (const d of r.diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
    process.stdout.write(`${JSON.stringify({ name: c.name, ok: run.ok, ms: Math.round(ms), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), counts, warnings: run.warnings })}\n`);
  }
}

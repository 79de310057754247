import { relative, resolve } from 'node:path';
import type { Operation } from '@rolecall/core';
import { LineIndex, materialize } from '@rolecall/core';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { estimateSessionToken, formatEstimateTable, suggestShrink, type SessionTokenEstimate, type ShrinkSuggestion } from '@rolecall/validators';
import type { CliIo } from './io.js';
import { formatConfigError, loadConfig, maxFileSizeOf, toPosix } from './config.js';
import { loadDefaultRegistry } from './load-registry.js';
import { prepareRuleOptions } from './rule-options.js';
import { writeReport } from './output.js';
import { MAX_FILE_BYTES, readSingleInput } from './read.js';

export interface EstimateCommandOptions {
  /** A path, or `-` for stdin. */
  readonly file: string;
  /** `json`, or anything else for the text table. */
  readonly format: string;
  readonly operation?: Operation;
  readonly outputFile?: string;
  /** A config file to use instead of looking one up (its errors stop the command, as for lint). */
  readonly config?: string;
  readonly maxFileSize?: number;
}

interface EstimatedInput {
  readonly index: number;
  readonly operation: Operation;
  readonly estimate: SessionTokenEstimate;
  /** Without the transformed inputs (`apply`), which only repeat the input. */
  readonly suggestions: Omit<ShrinkSuggestion, 'apply'>[];
}

/**
 * `rolecall estimate <input.json|->`: the SessionTokenSize / SessionTokenUtilization estimate (and the legacy
 * PackedPolicySize percentages) of each input in
 * the file (a table, or JSON with `--format json`), with measured ways to shrink it when it does
 * not clearly fit. Exit 1 when any input `exceeds`, 2 when the file cannot be read or parsed.
 */
export async function runEstimate(options: EstimateCommandOptions, io: CliIo): Promise<number> {
  const stdin = options.file === '-';
  const absolute = resolve(io.cwd, stdin ? 'stdin.json' : options.file);
  const display = stdin ? '<stdin>' : toPosix(relative(io.cwd, absolute)) || options.file;
  // The config is loaded only to be checked (and for the file size limit): a broken config is an error here too.
  const registry = await loadDefaultRegistry();
  await prepareRuleOptions(registry);
  const loaded = loadConfig({ cwd: io.cwd, registry, ...(options.config !== undefined ? { configFile: options.config } : {}) });
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr.write(`rolecall: ${formatConfigError(error)}\n`);
    return 2;
  }
  const limit = options.maxFileSize ?? maxFileSizeOf(loaded.config) ?? MAX_FILE_BYTES;
  const read = await readSingleInput(options.file, absolute, io.readStdin, 'estimate reads one input JSON file', limit);
  if (!read.ok) {
    io.stderr.write(`rolecall: estimate: ${read.message}\n`);
    return 2;
  }
  const outcome = read.outcome;
  if (outcome.kind !== 'text') {
    const message = outcome.kind === 'problem' ? outcome.message : 'The file holds nothing to estimate.';
    io.stderr.write(`rolecall: estimate: ${display}: ${message}\n`);
    return 2;
  }
  const extraction = extractInputJson(display, outcome.text, { force: true, ...(options.operation !== undefined ? { operation: options.operation } : {}) });
  if (extraction.problems.length > 0 || extraction.inputs.length === 0) {
    const index = new LineIndex(outcome.text);
    const problems = extraction.problems.length > 0 ? extraction.problems : [{ message: 'Expected a JSON object of AssumeRole parameters (or an array of them).', span: { start: 0, end: 0 } }];
    for (const p of problems) {
      const at = index.positionAt(p.span.start);
      io.stderr.write(`rolecall: estimate: ${display}:${at.line}:${at.column}: ${p.message}\n`);
    }
    return 2;
  }

  const estimated: EstimatedInput[] = extraction.calls.map((call, i) => {
    const input = materialize(extraction.inputs[i]!);
    const estimate = estimateSessionToken(input, { operation: call.operation });
    const suggestions = estimate.verdict === 'fits' ? [] : suggestShrink(input, { operation: call.operation }).map(({ apply: _apply, ...rest }) => rest);
    return { index: i, operation: call.operation, estimate, suggestions };
  });

  let report: string;
  if (options.format === 'json') {
    report = `${JSON.stringify({ file: display, inputs: estimated }, null, 2)}\n`;
  } else {
    const parts = estimated.map((e) => {
      const heading = estimated.length > 1 ? `${display} [${e.index}] (${e.operation})` : `${display} (${e.operation})`;
      const shrink = e.suggestions.length > 0 ? `\nWays to shrink it:\n${e.suggestions.map((s) => `  - ${s.description} (saves ${s.savingBytes} bytes of SessionTokenSize, ${s.savingPercent.toFixed(1)} legacy points)`).join('\n')}\n` : '';
      return `${heading}\n\n${formatEstimateTable(e.estimate)}${shrink}`;
    });
    report = parts.join('\n');
  }
  if (!writeReport(report, options.outputFile, io)) return 2;
  return estimated.some((e) => e.estimate.verdict === 'exceeds') ? 1 : 0;
}

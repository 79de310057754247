import { relative, resolve } from 'node:path';
import type { Diagnostic, ExtractedFile, FileRuleConfig, OmittedCounts, Operation } from '@rolecall/core';
import { LineIndex, lintProjectFindings, OPERATIONS, runRules } from '@rolecall/core';
import { extractInputJson, inputJsonExtractor } from '@rolecall/extractor-input-json';
import { getFormatter } from '@rolecall/formatters';
import type { CliIo } from './io.js';
import { formatConfigError, loadConfig, maxFileSizeOf, resolveFileConfig, toPosix } from './config.js';
import { MAX_FILE_BYTES, readSingleInput } from './read.js';
import { loadDefaultRegistry } from './load-registry.js';
import type { Registry } from './registry.js';
import { prepareRuleOptions } from './rule-options.js';
import { capFindings, MAX_FINDINGS_PER_FILE, withCounted } from './findings-cap.js';
import { TOOL_VERSION } from './version.js';
import { writeReport } from './output.js';
import { redactDiagnostic, redactSecrets } from './redact.js';

export interface CheckInputOptions {
  /** A path, or `-` for stdin. */
  readonly file: string;
  readonly format: string;
  readonly operation?: Operation;
  readonly stsModel?: string;
  readonly roleChaining?: boolean;
  readonly maxSessionDuration?: number;
  readonly config?: string;
  readonly outputFile?: string;
  readonly maxFileSize?: number;
  readonly color: boolean;
  readonly maxWarnings: number;
}

/**
 * Validates decoded text as one input file and returns its diagnostics (pure; used by the command
 * and tests). It goes through the same engine as lint (core's `lintProject` over one input-json
 * extraction), so a finding has one message, help, rule id and fingerprint everywhere, and a rule
 * turned off in the config is off here too. Unlike lint, the file is always read as an input
 * (whatever its name) and text that holds no input object is reported.
 */
export function checkInputText(
  file: string,
  text: string,
  operation: Operation | undefined,
  config: FileRuleConfig,
  registry: Pick<Registry, 'rules' | 'sensitiveMembers'>,
  maxFindings?: number,
): { diagnostics: Diagnostic[]; operations: Operation[]; source: LineIndex; counted?: OmittedCounts } {
  const extraction = extractInputJson(file, text, { force: true, ...(operation !== undefined ? { operation } : {}) });
  const problems = [...extraction.problems];
  if (extraction.inputs.length === 0 && problems.length === 0) {
    problems.push({
      message: 'Expected a JSON object of AssumeRole parameters (or an array of them), as `aws sts assume-role --cli-input-json` reads.',
      span: { start: 0, end: text.length },
    });
  }
  const extracted: ExtractedFile = {
    path: file,
    text,
    parts: [{ extractor: inputJsonExtractor.id, calls: extraction.calls, roles: [], facts: extraction.facts ?? [], comments: extraction.comments, problems }],
  };
  const lineIndexes = new Map<string, LineIndex>();
  const [found = { diagnostics: [] }] = lintProjectFindings([extracted], { rules: registry.rules, extractors: [], configFor: () => config, lineIndexes, ...(maxFindings !== undefined ? { maxFindingsPerFile: maxFindings } : {}) });
  return {
    diagnostics: found.diagnostics,
    ...(found.omitted !== undefined ? { counted: found.omitted } : {}),
    operations: [...new Set(extraction.calls.map((c) => c.operation))],
    // The engine's index over the redacted text (redaction keeps lengths and line breaks): one index per file.
    source: (lineIndexes.get(file) ?? new LineIndex(text)).withText(redactSecrets(text, extraction.calls, registry.sensitiveMembers)),
  };
}

/** `rolecall check-input <file|->`. */
export async function checkInput(options: CheckInputOptions, io: CliIo): Promise<number> {
  const formatter = getFormatter(options.format);
  if (formatter === undefined) {
    io.stderr.write(`rolecall: unknown format "${options.format}"\n`);
    return 2;
  }
  if (options.operation !== undefined && !OPERATIONS.includes(options.operation)) {
    io.stderr.write(`rolecall: unknown operation "${options.operation}" (expected one of: ${OPERATIONS.join(', ')})\n`);
    return 2;
  }
  const stdin = options.file === '-';
  const absolute = stdin ? resolve(io.cwd, 'stdin.json') : resolve(io.cwd, options.file);
  const display = stdin ? '<stdin>' : toPosix(relative(io.cwd, absolute)) || options.file;

  const registry = await loadDefaultRegistry();
  await prepareRuleOptions(registry);
  const loaded = loadConfig({ cwd: io.cwd, registry, ...(options.config !== undefined ? { configFile: options.config } : {}) });
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr.write(`rolecall: ${formatConfigError(error)}\n`);
    return 2;
  }
  const fileConfig = resolveFileConfig(loaded.config, absolute, registry);
  const settings = {
    ...fileConfig.settings,
    ...(options.stsModel !== undefined ? { stsModel: options.stsModel } : {}),
    ...(options.roleChaining !== undefined ? { roleChaining: options.roleChaining } : {}),
    ...(options.maxSessionDuration !== undefined ? { maxSessionDuration: options.maxSessionDuration } : {}),
  };
  const settingProblems = registry.checkSettings(settings);
  if (settingProblems.length > 0) {
    for (const p of settingProblems) io.stderr.write(`rolecall: --${p.key === 'maxSessionDuration' ? 'max-session-duration' : p.key === 'stsModel' ? 'sts-model' : p.key}: ${p.message}\n`);
    return 2;
  }

  const read = await readSingleInput(options.file, absolute, io.readStdin, `check-input validates one JSON file (use \`rolecall ${options.file}\` to lint a directory)`, options.maxFileSize ?? maxFileSizeOf(loaded.config) ?? MAX_FILE_BYTES);
  if (!read.ok) {
    io.stderr.write(`rolecall: check-input: ${read.message}\n`);
    return 2;
  }
  const outcome = read.outcome;

  let diagnostics: Diagnostic[];
  let source: LineIndex | undefined;
  let operations: Operation[] = [];
  let counted: OmittedCounts | undefined;
  if (outcome.kind === 'text') {
    ({ diagnostics, operations, source, counted } = checkInputText(display, outcome.text, options.operation, { ruleSettings: fileConfig.rules, settings }, registry, MAX_FINDINGS_PER_FILE));
  } else if (outcome.kind === 'problem') {
    const lineIndex = new LineIndex(outcome.text);
    source = outcome.text === '' ? undefined : lineIndex.withText(redactSecrets(outcome.text, [], registry.sensitiveMembers));
    diagnostics = runRules({ file: display, text: outcome.text, calls: [], problems: [{ message: outcome.message, span: { start: outcome.offset, end: outcome.offset } }], rules: [], ruleSettings: {}, lineIndex });
  } else {
    diagnostics = [];
  }
  // As lint: at most MAX_FINDINGS_PER_FILE listed, the rest counted (findings-cap.ts), then redacted.
  const capped = capFindings(diagnostics);
  const listed = capped.listed;
  const omitted = withCounted(capped.omitted, counted);
  diagnostics = listed.map(redactDiagnostic);
  const report = formatter([{ filePath: display, ...(source !== undefined ? { source } : {}), diagnostics, ...(omitted !== undefined ? { omitted } : {}) }], {
    cwd: io.cwd,
    rulesMeta: Object.fromEntries(registry.rules.filter((r) => diagnostics.some((d) => d.ruleId === r.id)).map((r) => [r.id, r.meta])),
    toolVersion: TOOL_VERSION,
    color: options.color,
  });
  if (!writeReport(report, options.outputFile, io)) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length + (omitted?.errorCount ?? 0);
  const warnings = diagnostics.length - errors + (omitted?.errorCount ?? 0) + (omitted?.warningCount ?? 0);
  if (errors === 0 && warnings === 0 && options.format === 'stylish' && options.outputFile === undefined) {
    io.stdout.write(`${display}: valid ${operations.join(' / ')} input.\n`);
  }
  if (errors > 0 || (options.maxWarnings >= 0 && warnings > options.maxWarnings)) return 1;
  return 0;
}

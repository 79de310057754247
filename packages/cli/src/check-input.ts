import { relative, resolve } from 'node:path';
import type { AssumeRoleCall, CallParameter, Diagnostic, ObjectNode, Operation, Rule, Span, StsMember } from '@rolecall/core';
import { docsUrl, fingerprintOf, LineIndex, locationOf, materialize, OPERATIONS, resolvePointer, runRules, sortAndDedupe, STS_MEMBERS, stringRangeToSpan } from '@rolecall/core';
import { extractInputJson } from '@rolecall/extractor-input-json';
import { getFormatter } from '@rolecall/formatters';
import { validate, type Issue, type ValidateOptions } from '@rolecall/validators';
import type { CliIo } from './cli.js';
import { formatConfigError, loadConfig, resolveFileConfig, toPosix } from './config.js';
import { readSingleInput } from './read.js';
import { loadDefaultRegistry } from './registry.js';
import { TOOL_VERSION } from './version.js';
import { writeReport } from './output.js';
import { redactSecrets } from './redact.js';

export interface CheckInputOptions {
  /** A path, or `-` for stdin. */
  readonly file: string;
  readonly format: string;
  readonly operation?: Operation;
  readonly profile?: string;
  readonly roleChaining?: boolean;
  readonly maxSessionDuration?: number;
  readonly config?: string;
  readonly outputFile?: string;
  readonly color: boolean;
  readonly maxWarnings: number;
}

/** The file's input object seen as a call whose "members" are all its keys, so any key resolves. */
function wholeInputCall(call: AssumeRoleCall, input: ObjectNode): AssumeRoleCall {
  const parameters: CallParameter[] = input.entries.map((e) => ({ member: e.key as StsMember, key: e.key, keySpan: e.keySpan, value: e.value }));
  return { ...call, parameters };
}

/** Where in the file an issue belongs: the value (or the character range inside it) its path names. */
export function issueSpan(call: AssumeRoleCall, input: ObjectNode, issue: Issue): Span {
  const whole = wholeInputCall(call, input);
  const resolved = resolvePointer(whole, issue.path);
  if (resolved.node === undefined || resolved.parameter === undefined) {
    // A missing member (or an option problem): point at the opening brace of the input.
    return { start: input.span.start, end: input.span.start + 1 };
  }
  if (issue.code === 'unknownParameter' && resolved.rest === '' && resolved.parameter.keySpan !== undefined && resolved.node === resolved.parameter.value) {
    return resolved.parameter.keySpan;
  }
  const node = resolved.node;
  if (issue.range !== undefined && node.kind === 'literal' && typeof node.value === 'string') return stringRangeToSpan(node, issue.range);
  return node.span;
}

/** Names the rule a lint run reports an issue under; without one (no registry, or no rule owns the code), the issue code. */
export type IssueRuleNamer = (issue: Issue) => Rule<any> | undefined;

function issueDiagnostic(file: string, index: LineIndex, call: AssumeRoleCall, input: ObjectNode, issue: Issue, ruleFor: IssueRuleNamer): Diagnostic {
  const member = (STS_MEMBERS.has(issue.parameter) ? issue.parameter : undefined) as StsMember | undefined;
  const rule = ruleFor(issue);
  const ruleId = rule?.id ?? issue.code;
  return {
    ruleId,
    severity: issue.severity,
    messageId: issue.code,
    message: issue.message,
    data: issue.data,
    location: locationOf(file, index, issueSpan(call, input, issue)),
    ...(member !== undefined ? { parameter: member } : {}),
    path: issue.path,
    ...(member !== undefined ? { source: { extractor: call.extractor, key: member } } : {}),
    ...(issue.awsMessage !== undefined ? { help: `STS answers: ${issue.awsMessage}` } : {}),
    ...(rule !== undefined ? { docsUrl: docsUrl(rule.id) } : {}),
    fingerprint: fingerprintOf({ ruleId, file, callId: call.id, path: issue.path, messageId: issue.code }),
  };
}

/** Validates decoded text as one input file and returns its diagnostics (pure; used by the command and tests). */
export function checkInputText(
  file: string,
  text: string,
  operation: Operation | undefined,
  options: ValidateOptions,
  sensitiveMembers: readonly string[] = [],
  ruleFor: IssueRuleNamer = () => undefined,
): { diagnostics: Diagnostic[]; operations: Operation[]; source: string } {
  const extraction = extractInputJson(file, text, { force: true, ...(operation !== undefined ? { operation } : {}) });
  const index = new LineIndex(text);
  const problems = [...extraction.problems];
  if (extraction.inputs.length === 0 && problems.length === 0) {
    problems.push({
      message: 'Expected a JSON object of AssumeRole parameters (or an array of them), as `aws sts assume-role --cli-input-json` reads.',
      span: { start: 0, end: text.length },
    });
  }
  const diagnostics: Diagnostic[] = runRules({ file, text, calls: [], problems, rules: [], ruleSettings: {}, lineIndex: index });
  extraction.calls.forEach((call, i) => {
    const input = extraction.inputs[i]!;
    const result = validate(call.operation, materialize(input), options);
    for (const issue of result.issues) diagnostics.push(issueDiagnostic(file, index, call, input, issue, ruleFor));
  });
  return {
    diagnostics: sortAndDedupe(diagnostics),
    operations: [...new Set(extraction.calls.map((c) => c.operation))],
    source: redactSecrets(text, extraction.calls, sensitiveMembers),
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
  const loaded = loadConfig({ cwd: io.cwd, registry, ...(options.config !== undefined ? { configFile: options.config } : {}) });
  if (!loaded.ok) {
    for (const error of loaded.errors) io.stderr.write(`rolecall: ${formatConfigError(error)}\n`);
    return 2;
  }
  const settings = {
    ...resolveFileConfig(loaded.config, absolute, registry).settings,
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.roleChaining !== undefined ? { roleChaining: options.roleChaining } : {}),
    ...(options.maxSessionDuration !== undefined ? { maxSessionDuration: options.maxSessionDuration } : {}),
  };
  const settingProblems = registry.checkSettings(settings);
  if (settingProblems.length > 0) {
    for (const p of settingProblems) io.stderr.write(`rolecall: --${p.key === 'maxSessionDuration' ? 'max-session-duration' : p.key}: ${p.message}\n`);
    return 2;
  }

  const read = await readSingleInput(options.file, absolute, io.readStdin, `check-input validates one JSON file (use \`rolecall ${options.file}\` to lint a directory)`);
  if (!read.ok) {
    io.stderr.write(`rolecall: check-input: ${read.message}\n`);
    return 2;
  }
  const outcome = read.outcome;

  let diagnostics: Diagnostic[];
  let source: string | undefined;
  let operations: Operation[] = [];
  if (outcome.kind === 'text') {
    ({ diagnostics, operations, source } = checkInputText(display, outcome.text, options.operation, settings, registry.sensitiveMembers, (issue) => registry.ruleForIssue(issue)));
  } else if (outcome.kind === 'problem') {
    source = outcome.text === '' ? undefined : redactSecrets(outcome.text, [], registry.sensitiveMembers);
    diagnostics = runRules({ file: display, text: outcome.text, calls: [], problems: [{ message: outcome.message, span: { start: outcome.offset, end: outcome.offset } }], rules: [], ruleSettings: {} });
  } else {
    diagnostics = [];
  }
  const report = formatter([{ filePath: display, ...(source !== undefined ? { source } : {}), diagnostics }], {
    cwd: io.cwd,
    rulesMeta: Object.fromEntries(registry.rules.filter((r) => diagnostics.some((d) => d.ruleId === r.id)).map((r) => [r.id, r.meta])),
    toolVersion: TOOL_VERSION,
    color: options.color,
  });
  if (!writeReport(report, options.outputFile, io)) return 2;
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors === 0 && warnings === 0 && options.format === 'stylish' && options.outputFile === undefined) {
    io.stdout.write(`${display}: valid ${operations.join(' / ')} input.\n`);
  }
  if (errors > 0 || (options.maxWarnings >= 0 && warnings > options.maxWarnings)) return 1;
  return 0;
}

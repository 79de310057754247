/**
 * `aws sts assume-role*` in a step's `run:` script: the script is the decoded YAML scalar, read by
 * the shell extractor's script layer with the scalar's offset map, so every position lands in the
 * workflow file. `${{ … }}` in the script are holes (the runner substitutes them before bash
 * runs); `env:` entries with literal values resolve `$NAME`, as bash would see them.
 */
import type { Fact, RelatedSpan, AssumeRoleCall, ExtractionProblem } from '@rolecall/core';
import { extractScript, placeholders, type Chars } from '@rolecall/extractor-shell';
import type { Scalar } from 'yaml';
import { expressionsIn } from './scalar.js';
import { EXTRACTOR_ID } from './step.js';
import { decodedScalar, deref, type ValueScope } from './values.js';

/** Shells whose syntax the script layer reads (GitHub's default on Linux and macOS runners is bash). */
const SHELLS = /^(?:bash|sh)\b/;

export function readsAsShell(shell: string | undefined): boolean {
  return shell === undefined || SHELLS.test(shell.trim());
}

/** The literal `env:` entries in scope, as decoded words for the script layer. */
function environment(scope: ValueScope): Map<string, { chars: Chars }> {
  const out = new Map<string, { chars: Chars }>();
  // Outermost first, so inner levels overwrite.
  for (const level of [...scope.env].reverse()) {
    for (const [name, definition] of level) {
      const node = deref(scope.yaml, scope.doc, definition.node);
      if (node === null || !scope.yaml.isScalar(node)) continue;
      const decoded = decodedScalar(scope, node);
      if (decoded === undefined || expressionsIn(decoded.value).length > 0) {
        out.delete(name);
        continue;
      }
      const span = { start: definition.keySpan.start, end: decoded.span.end };
      out.set(name, { chars: { text: decoded.value, table: Array.from(decoded.offsets.table), holes: new Map(), span: decoded.span, definedAt: { file: scope.file, span, description: definition.description } } });
    }
  }
  return out;
}

export interface RunResult {
  readonly calls: AssumeRoleCall[];
  readonly facts: Fact[];
  readonly problems: ExtractionProblem[];
}

/** The calls of one `run:` script; `previous` is the job's last assumed role (its credentials are in the environment). */
export function runCalls(scope: ValueScope, run: Scalar, firstId: number, previous: RelatedSpan | undefined): RunResult {
  const decoded = decodedScalar(scope, run);
  if (decoded === undefined || !decoded.value.includes('assume-role')) return { calls: [], facts: [], problems: [] };
  const expressions = expressionsIn(decoded.value);
  const result = extractScript({
    script: placeholders(decoded.value, expressions),
    table: decoded.offsets.table,
    expressions,
    environment: environment(scope),
    file: scope.file,
    extractor: EXTRACTOR_ID,
    idPrefix: EXTRACTOR_ID,
    firstId,
  });
  const calls = result.calls.map((call) =>
    previous !== undefined && call.operation === 'AssumeRole' ? { ...call, context: { ...call.context, roleChaining: true, chainedFrom: previous } } : call,
  );
  return { calls, facts: result.facts, problems: result.problems };
}

// The one path from text to findings (extractFile → lintProject): several extractors on one file,
// suppressions applied once after every pass, values as written, related locations in other files,
// project hooks and project rules, and failures that stay inside their file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AssumeRoleCall, ExtractionResult, Extractor, ExtractorPart, FileRuleConfig, LiteralNode, Rule, SourceFile, Span } from '../src/index.js';
import { defineRule, extractFile, lintProject } from '../src/index.js';

const spanOf = (text: string, needle: string): Span => {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length };
};

/** An extractor that reads `duration = "<Go duration>"` lines (a toy HCL) and `# comments`. */
function toyExtractor(id: string, options: { project?: Extractor['project']; throws?: boolean } = {}): Extractor {
  return {
    id,
    files: ['**/*.yml', '**/*.tf'],
    prefilter: (text) => text.includes('duration'),
    extract(file: SourceFile): ExtractionResult {
      if (options.throws === true) throw new Error('toy parser exploded');
      const calls: AssumeRoleCall[] = [];
      for (const match of file.text.matchAll(/duration = ("(\d+)h"|var\.(\w+))/g)) {
        const start = match.index + 'duration = '.length;
        const span = { start, end: start + match[1]!.length };
        const value: LiteralNode | { kind: 'reference'; span: Span; text: string } =
          match[2] !== undefined
            ? { kind: 'literal', span, value: Number(match[2]) * 3600, written: { text: match[1]!, unit: 'go-duration' } }
            : { kind: 'reference', span, text: match[1]! };
        calls.push({
          id: `${id}:${calls.length}`,
          file: file.path,
          extractor: id,
          kind: 'toy',
          operation: 'AssumeRole',
          span: { start: match.index, end: match.index + match[0].length },
          parameters: [{ member: 'DurationSeconds', key: 'duration', keySpan: { start: match.index, end: match.index + 8 }, value }],
        });
      }
      const comments = [...file.text.matchAll(/# ([^\n]*)/g)].map((m) => ({ text: ` ${m[1]}`, span: { start: m.index, end: m.index + m[0].length } }));
      const exports = Object.fromEntries([...file.text.matchAll(/variable (\w+) = "(\d+)h"/g)].map((m) => [m[1]!, { hours: Number(m[2]), start: m.index, end: m.index + m[0].length }]));
      return { calls, comments, problems: [], ...(Object.keys(exports).length > 0 ? { exports } : {}) };
    },
    ...(options.project !== undefined ? { project: options.project } : {}),
  };
}

/** Reports DurationSeconds above 43200 with the validators' template shape. */
const durationRule: Rule = defineRule({
  id: 'toy-duration',
  meta: {
    type: 'problem',
    docs: { description: 'Toy.', recommended: true, awsSource: 'https://example.com' },
    defaultSeverity: 'error',
    parameters: ['DurationSeconds'],
    messages: { outOfRange: '{{parameter}} is {{actual}}; STS accepts {{min}} to {{max}}.' },
  },
  check(call, context) {
    const p = call.parameters[0]!;
    if (p.value.kind === 'literal' && typeof p.value.value === 'number' && p.value.value > 43200) {
      context.report({ messageId: 'outOfRange', parameter: 'DurationSeconds', data: { parameter: p.key, actual: p.value.value, min: 900, max: 43200 } });
    }
  },
});

const config: FileRuleConfig = { ruleSettings: { 'toy-duration': { severity: 'error' }, 'toy-project': { severity: 'warning' } }, settings: {} };

describe('lintProject', () => {
  it('speaks the user spelling of a converted value: duration "13h" is 46800 seconds, limits in the same unit', () => {
    const text = 'provider {\n  duration = "13h"\n}\n';
    const toy = toyExtractor('toy');
    const [diagnostics] = lintProject([extractFile({ path: 'main.tf', text }, [toy])], { rules: [durationRule], extractors: [toy], configFor: () => config });
    assert.deepEqual(
      diagnostics!.map((d) => [d.message, d.location.start.line, d.location.start.column, d.location.end.column]),
      [['duration "13h" is 46800 seconds; STS accepts 900 to 43200 (15m to 12h).', 2, 14, 19]],
    );
  });

  it('applies a directive once per file after every pass: a .yml read by two extractors gets no unused-disable', () => {
    // Extractor `a` reads the file and reports; `b` reads the same file (and the same comment) and
    // finds nothing to report under the rule. Per-pass suppression would call the directive unused in b.
    const text = '# rolecall-disable-next-line toy-duration -- the role allows 13h\nduration = "13h"\n';
    const a = toyExtractor('a');
    const b: Extractor = { ...toyExtractor('b'), extract: (file) => ({ ...toyExtractor('b').extract(file), calls: [] }) };
    const [diagnostics] = lintProject([extractFile({ path: 'ci.yml', text }, [a, b])], {
      rules: [durationRule],
      extractors: [a, b],
      configFor: () => ({ ...config, ruleSettings: { ...config.ruleSettings, 'unused-disable': { severity: 'warning' } } }),
    });
    assert.deepEqual(diagnostics, []);
  });

  it('still reports an unused directive once, not once per extractor', () => {
    const text = '# rolecall-disable-next-line toy-duration -- nothing here\nduration = "1h"\n';
    const a = toyExtractor('a');
    const b = toyExtractor('b');
    const [diagnostics] = lintProject([extractFile({ path: 'ci.yml', text }, [a, b])], { rules: [durationRule], extractors: [a, b], configFor: () => config });
    assert.deepEqual(diagnostics!.map((d) => d.ruleId), ['unused-disable']);
  });

  it('resolves across files in a project hook and reports at the use, with the definition as a related location in the other file', () => {
    const vars = 'variable hours = "13h" # session duration\n';
    const main = 'provider {\n  duration = var.hours\n}\n';
    const project: Extractor['project'] = (parts) => {
      const defined = new Map<string, { file: string; hours: number; start: number; end: number }>();
      for (const [file, part] of parts) for (const [name, v] of Object.entries((part.exports ?? {}) as Record<string, { hours: number; start: number; end: number }>)) defined.set(name, { file, ...v });
      const out = new Map<string, ExtractorPart>();
      for (const [file, part] of parts) {
        const calls = part.calls.map((call) => {
          const p = call.parameters[0]!;
          const d = p.value.kind === 'reference' ? defined.get(p.value.text.replace(/^var\./, '')) : undefined;
          if (d === undefined) return call;
          const value: LiteralNode = { kind: 'literal', span: p.value.span, value: d.hours * 3600, written: { text: `"${d.hours}h"`, unit: 'go-duration' }, definedAt: { file: d.file, span: { start: d.start, end: d.end }, description: 'variable "hours"' } };
          return { ...call, parameters: [{ ...p, value }] };
        });
        out.set(file, { ...part, calls });
      }
      return out;
    };
    const toy = toyExtractor('toy', { project });
    const files = [extractFile({ path: 'main.tf', text: main }, [toy]), extractFile({ path: 'variables.tf', text: vars }, [toy])];
    const [atUse, atDefinition] = lintProject(files, { rules: [durationRule], extractors: [toy], configFor: () => config });
    assert.deepEqual(atDefinition, []);
    assert.equal(atUse!.length, 1);
    const d = atUse![0]!;
    assert.equal(d.message, 'duration "13h" is 46800 seconds; STS accepts 900 to 43200 (15m to 12h). The value comes from variable "hours".');
    assert.deepEqual([d.location.file, d.location.start.line, d.location.start.column], ['main.tf', 2, 14]);
    assert.deepEqual(
      d.related!.map((r) => [r.message, r.location.file, r.location.start.line, r.location.start.column, r.location.end.column]),
      [['The value is defined here (variable "hours").', 'variables.tf', 1, 1, 23]],
    );
  });

  it('runs project rules over every call, reporting into the file of the call they name with {file, span} related locations', () => {
    const projectRule: Rule = defineRule({
      id: 'toy-project',
      meta: { type: 'problem', docs: { description: 'Toy.', recommended: true, awsSource: 'https://example.com' }, defaultSeverity: 'warning', parameters: [], messages: { twice: 'Assumed in {{count}} files.' } },
      checkProject(project, context) {
        const [first, second] = project.calls;
        if (first === undefined || second === undefined) return;
        context.at(second).report({ messageId: 'twice', data: { count: 2 }, related: [{ file: first.file, span: first.span, message: 'First assumed here.' }] });
      },
    });
    const toy = toyExtractor('toy');
    const files = [extractFile({ path: 'a.tf', text: 'duration = "1h"\n' }, [toy]), extractFile({ path: 'b.tf', text: '\n\nduration = "2h"\n' }, [toy])];
    const [a, b] = lintProject(files, { rules: [projectRule], extractors: [toy], configFor: () => config });
    assert.deepEqual(a, []);
    assert.deepEqual(b!.map((d) => [d.ruleId, d.severity, d.message, d.location.start.line, d.related?.[0]?.location.file, d.related?.[0]?.location.start.line]), [['toy-project', 'warning', 'Assumed in 2 files.', 3, 'a.tf', 1]]);
  });

  it('keeps a failure inside its file: an extractor that throws is an internal-error there, other files are linted', () => {
    const good = toyExtractor('good');
    const bad = toyExtractor('bad', { throws: true });
    const files = [extractFile({ path: 'a.tf', text: 'duration = "13h"\n' }, [bad, good]), extractFile({ path: 'b.tf', text: 'duration = "14h"\n' }, [good])];
    const [a, b] = lintProject(files, { rules: [durationRule], extractors: [bad, good], configFor: () => config });
    assert.deepEqual(a!.map((d) => [d.ruleId, d.message]), [
      ['internal-error', "Extractor 'bad' failed on this file: Error: toy parser exploded"],
      ['toy-duration', 'duration "13h" is 46800 seconds; STS accepts 900 to 43200 (15m to 12h).'],
    ]);
    assert.deepEqual(b!.map((d) => d.ruleId), ['toy-duration']);
  });

  it('a project hook that throws is one internal-error and the parts stay as extracted', () => {
    const toy = toyExtractor('toy', {
      project: () => {
        throw new Error('hook exploded');
      },
    });
    const [a] = lintProject([extractFile({ path: 'a.tf', text: 'duration = "13h"\n' }, [toy])], { rules: [durationRule], extractors: [toy], configFor: () => config });
    assert.deepEqual(a!.map((d) => d.ruleId), ['internal-error', 'toy-duration']);
    assert.match(a![0]!.message, /project pass of extractor 'toy' failed: Error: hook exploded/);
  });

  it('keeps the text only of files with something to report or point at, and extractions are plain data', () => {
    const toy = toyExtractor('toy');
    assert.equal(extractFile({ path: 'x.tf', text: 'nothing here\n' }, [toy]).text, undefined);
    const extracted = extractFile({ path: 'x.tf', text: 'duration = "13h"\n' }, [toy]);
    assert.deepEqual(structuredClone(extracted), extracted);
  });
});

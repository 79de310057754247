/**
 * One rolecall rule as an ESLint rule. Nothing is restated: the ESLint rule's id, type,
 * description, docs URL, messages, options schema and suggestions come from the rolecall rule's
 * `meta`, and findings go through core's `lintProject` (the same report → diagnostic step the CLI
 * uses), so messages, locations and suggestions are the CLI's, word for word.
 */
import type { Diagnostic, Rule as RolecallRule, Settings } from '@rolecall/core';
import { docsUrl, lintProject, SETTING_NAMES } from '@rolecall/core';
import type { Rule } from 'eslint';
import { extractionOf } from './extraction.js';

/**
 * The file as the CLI would name it: relative to the directory ESLint runs in, with `/`. Rules
 * that look at paths (no-placeholder-values' `skipPaths`) then see what they see in the CLI; a
 * file outside that directory keeps its absolute path.
 */
export function lintPath(filename: string, cwd: string): string {
  // String work rather than node:path: the plugin is bundled for any platform.
  const file = filename.replace(/\\/g, '/');
  const root = cwd.replace(/\\/g, '/').replace(/\/+$/, '');
  return root !== '' && file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file;
}

/** Shared settings under `settings.rolecall` in the ESLint config (the CLI config's `settings`). */
export function settingsOf(shared: Readonly<Record<string, unknown>> | undefined): Settings {
  const raw = shared?.['rolecall'];
  if (raw === null || typeof raw !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) if (name in raw) out[name] = (raw as Record<string, unknown>)[name];
  return out as Settings;
}

function report(context: Rule.RuleContext, d: Diagnostic): void {
  const loc = { start: { line: d.location.start.line, column: d.location.start.column - 1 }, end: { line: d.location.end.line, column: d.location.end.column - 1 } };
  const suggest = (d.suggestions ?? []).map((s) => ({
    desc: s.message,
    fix: (fixer: Rule.RuleFixer) => s.edits.map((e) => fixer.replaceTextRange([e.span.start, e.span.end], e.text)),
  }));
  context.report({ loc, message: d.message, ...(suggest.length > 0 ? { suggest } : {}) });
}

/** The ESLint rule for a rolecall rule; `all` is every rolecall rule (for directive checks). */
export function toEslintRule(rule: RolecallRule<any>, all: readonly RolecallRule<any>[]): Rule.RuleModule {
  return {
    meta: {
      type: rule.meta.type,
      docs: { description: rule.meta.docs.description, recommended: rule.meta.docs.recommended, url: docsUrl(rule.id) },
      messages: { ...rule.meta.messages },
      schema: rule.meta.schema !== undefined ? [rule.meta.schema as object] : [],
      ...(rule.meta.hasSuggestions === true ? { hasSuggestions: true } : {}),
    },
    create(context) {
      return {
        Program() {
          const file = extractionOf(context.sourceCode as never, lintPath(context.filename, context.cwd));
          if (file === null) return;
          const options = context.options[0] as unknown;
          const settings = settingsOf(context.settings as Readonly<Record<string, unknown>>);
          // Only this rule is on; ESLint's own disable comments and unused-directive reports apply,
          // rolecall's directives still suppress (so files shared with the CLI behave the same).
          const ruleSettings = { [rule.id]: { severity: 'error' as const, ...(options !== undefined ? { options } : {}) }, 'unused-disable': { severity: 'off' as const }, 'disable-without-reason': { severity: 'off' as const } };
          const [diagnostics] = lintProject([file], { rules: all, extractors: [], configFor: () => ({ ruleSettings, settings }) });
          for (const d of diagnostics ?? []) if (d.ruleId === rule.id) report(context, d);
        },
      };
    },
  };
}

import { RESERVED_RULES, docsUrl } from '@rolecall/core';
import { CONFIGURABLE_RESERVED_IDS, type Registry } from './registry.js';

export interface RuleInfo {
  readonly id: string;
  readonly description: string;
  readonly type: 'problem' | 'suggestion' | 'tool';
  readonly defaultSeverity: 'error' | 'warning' | 'off';
  readonly recommended: boolean;
  /** Severity in the `strict` preset (`off` when not in it). */
  readonly strict: 'error' | 'warning' | 'off';
  readonly parameters: readonly string[];
  readonly docsUrl: string;
}

/** Every rule of the registry, plus the configurable reserved ids, sorted by id. */
export function ruleInfos(registry: Registry): RuleInfo[] {
  const recommended = registry.presets['recommended'] ?? {};
  const strict = registry.presets['strict'] ?? {};
  const infos: RuleInfo[] = registry.rules.map((rule) => ({
    id: rule.id,
    description: rule.meta.docs.description,
    type: rule.meta.type,
    defaultSeverity: rule.meta.defaultSeverity,
    recommended: Object.prototype.hasOwnProperty.call(recommended, rule.id),
    strict: strict[rule.id] ?? 'off',
    parameters: rule.meta.parameters,
    docsUrl: docsUrl(rule.id),
  }));
  for (const id of CONFIGURABLE_RESERVED_IDS) {
    const meta = RESERVED_RULES[id as keyof typeof RESERVED_RULES];
    infos.push({
      id,
      description: meta.description,
      type: 'tool',
      defaultSeverity: meta.defaultSeverity,
      recommended: meta.defaultSeverity !== 'off',
      strict: meta.defaultSeverity,
      parameters: [],
      docsUrl: docsUrl(id),
    });
  }
  return infos.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** `rolecall --list-rules`: an aligned table, or JSON with `--format json`. */
export function listRules(registry: Registry, format: 'text' | 'json'): string {
  const infos = ruleInfos(registry);
  if (format === 'json') return `${JSON.stringify(infos, null, 2)}\n`;
  const rows = infos.map((r) => [r.id, r.defaultSeverity === 'warning' ? 'warn' : r.defaultSeverity, r.recommended ? 'yes' : 'no', r.description]);
  const header = ['rule', 'default', 'recommended', 'description'];
  const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${infos.length} rules. Configure them in rolecall.config.json or with --rule 'id: off|warn|error'.\n`;
}

/**
 * Reading a role's trust policy the way IAM evaluates it for the questions the cross-file rules
 * ask: does it allow an action (with `*` and `?` wildcards in Action, and NotAction), does a Deny
 * win, and which conditions does an allowing statement put on the request.
 */

export interface Statement {
  readonly effect: 'Allow' | 'Deny';
  /** Action patterns, or the patterns a NotAction excludes (`not: true`). */
  readonly actions: readonly string[];
  readonly not: boolean;
  /** `Condition` as written: operator → key → value(s). */
  readonly condition: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Index in the Statement list, for the pointer of a related location. */
  readonly index: number;
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []);

/** The statements of a policy document (a single statement object is a list of one). */
export function statementsOf(policy: Record<string, unknown>): Statement[] {
  const raw = policy['Statement'];
  const items = Array.isArray(raw) ? raw : raw !== undefined ? [raw] : [];
  const out: Statement[] = [];
  items.forEach((item, index) => {
    if (typeof item !== 'object' || item === null) return;
    const s = item as Record<string, unknown>;
    const effect = s['Effect'] === 'Deny' ? 'Deny' : s['Effect'] === 'Allow' ? 'Allow' : undefined;
    if (effect === undefined) return;
    const not = s['NotAction'] !== undefined && s['Action'] === undefined;
    const condition = typeof s['Condition'] === 'object' && s['Condition'] !== null ? (s['Condition'] as Record<string, Record<string, unknown>>) : {};
    out.push({ effect, actions: list(not ? s['NotAction'] : s['Action']), not, condition, index });
  });
  return out;
}

/** IAM's action matching: case-insensitive, `*` any run of characters, `?` one character. */
export function actionMatches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return re.test(action);
}

/** Whether a statement applies to an action (through Action, or through NotAction not excluding it). */
export function covers(statement: Statement, action: string): boolean {
  const listed = statement.actions.some((p) => actionMatches(p, action));
  return statement.not ? !listed : listed;
}

/**
 * Whether the trust policy allows `action` at all: some Allow covers it and no unconditional Deny
 * does. A conditional Deny may or may not apply, so it does not decide (no finding on a maybe).
 */
export function allows(statements: readonly Statement[], action: string): boolean {
  if (statements.some((s) => s.effect === 'Deny' && covers(s, action) && Object.keys(s.condition).length === 0)) return false;
  return statements.some((s) => s.effect === 'Allow' && covers(s, action));
}

/** The values a statement's condition gives a key under any of the operators (case-insensitive key). */
export function conditionValues(statement: Statement, operators: readonly string[], key: string): string[] | undefined {
  for (const [operator, entries] of Object.entries(statement.condition)) {
    const base = operator.replace(/^ForAllValues:|^ForAnyValue:/, '').replace(/IfExists$/, '');
    if (!operators.includes(base)) continue;
    for (const [k, v] of Object.entries(entries)) if (k.toLowerCase() === key.toLowerCase()) return list(v).concat(typeof v === 'boolean' || typeof v === 'number' ? [String(v)] : []);
  }
  return undefined;
}

/** `StringLike` matching: `*` any run, `?` one character, case-sensitive. */
export function stringLike(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(value);
}

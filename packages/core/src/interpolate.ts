/** `{{name}}` or `{{ name }}`, as in ESLint message templates. */
const PLACEHOLDER = /\{\{\s*([^{}\s]+?)\s*\}\}/g;

/**
 * Fills `{{placeholders}}` in a message template from `data`. A placeholder without a value is
 * left as written (as ESLint does), so a formatter never loses text; the engine treats that case
 * as a rule bug (see `missingPlaceholders`).
 */
export function interpolate(template: string, data: Readonly<Record<string, unknown>> | undefined): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    data !== undefined && Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : whole,
  );
}

/** Names used as placeholders in a template, in order, without repeats. */
export function placeholdersOf(template: string): string[] {
  const names = new Set<string>();
  for (const match of template.matchAll(PLACEHOLDER)) names.add(match[1] as string);
  return [...names];
}

/** Placeholders of `template` that `data` does not fill. */
export function missingPlaceholders(template: string, data: Readonly<Record<string, unknown>> | undefined): string[] {
  return placeholdersOf(template).filter((name) => data === undefined || !Object.prototype.hasOwnProperty.call(data, name));
}

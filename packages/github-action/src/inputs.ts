/**
 * The action's inputs as the runner passes them: `INPUT_<NAME>` (upper-cased, spaces as `_`), already defaulted from
 * action.yml. Read and checked here so a wrong value fails the step with a message instead of a guess.
 */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ActionInputs {
  readonly paths: string[];
  readonly config?: string;
  readonly format: string;
  readonly failOn: FailOn;
  readonly sarifFile: string;
}

function input(env: Readonly<Record<string, string | undefined>>, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** `{ inputs }`, or `{ error }` naming the input, the value and what is accepted. */
export function readInputs(env: Readonly<Record<string, string | undefined>>): { inputs: ActionInputs } | { error: string } {
  // Paths: one per line or separated by spaces, as multi-line YAML strings are usually written.
  const paths = input(env, 'paths').split(/\s+/).filter((p) => p !== '');
  const failOn = input(env, 'fail-on') || 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) return { error: `input fail-on is "${failOn}"; expected one of: ${FAIL_ON.join(', ')}` };
  const config = input(env, 'config');
  return {
    inputs: {
      paths: paths.length > 0 ? paths : ['.'],
      ...(config !== '' ? { config } : {}),
      format: input(env, 'format') || 'github',
      failOn: failOn as FailOn,
      sarifFile: input(env, 'sarif-file') || 'rolecall.sarif',
    },
  };
}

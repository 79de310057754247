import type { AssumeRoleCall, ExtractionProblem, ExtractionResult, Extractor, Fact, SourceComment, SourceFile } from '@rolecall/core';
import { dockerfileScripts, hostKind, makefileScripts } from './hosts.js';
import { fileReferences } from './file-references.js';
import { dockerfileVariables, makefileVariables } from './host-variables.js';
import { extractScript, loadShellParser } from './script.js';
import { EXTRACTOR_ID, shellDiscovery } from './discovery.js';

export { CALL_KIND, FACT_INPUT_FILE, FACT_UNKNOWN_FLAG, commandCall } from './command.js';
export { fileReferences } from './file-references.js';
export { FLAGS, OPERATION_OF } from './cli-table.js';
export { extractScript, loadShellParser, MAX_SCRIPT_CHARS, placeholders, shellParserLoaded, type ScriptInput, type ScriptResult } from './script.js';
export { HOLE, type Chars } from './words.js';
export { dockerfileScripts, hostKind, makefileScripts } from './hosts.js';
export { dockerfileVariables, makefileVariables, type HostVariable } from './host-variables.js';

export { EXTRACTOR_ID, prefilter, shellDiscovery } from './discovery.js';

const SHELL_EXTENSION = /\.(?:sh|bash|zsh|ksh)$/i;
const SHEBANG = /^#![ \t]*\S*?(?:\/|\/env[ \t]+(?:-\S+[ \t]+)*)(?:ba|z|k|da)?sh\b/;

/** Whether a file is a shell script: a shell extension, or a `#!…sh` first line. */
export function isShellScript(path: string, text: string): boolean {
  return SHELL_EXTENSION.test(path) || SHEBANG.test(text);
}

/**
 * Reads `aws sts assume-role`, `assume-role-with-web-identity` and `assume-role-with-saml` command
 * lines in shell scripts (`.sh`, `.bash`, `.zsh`, `.ksh`, and files under `bin/` or `scripts/`
 * with a shell shebang), Dockerfile `RUN` instructions and Makefile recipes.
 */
export const shellExtractor: Extractor = {
  ...shellDiscovery,
  load: loadShellParser,
  project: fileReferences,
  extract(file: SourceFile): ExtractionResult {
    const host = hostKind(file.path);
    if (host !== undefined) {
      const result: ExtractionResult & { calls: AssumeRoleCall[]; facts: Fact[]; problems: ExtractionProblem[]; comments: SourceComment[] } = { calls: [], facts: [], problems: [], comments: [] };
      // Docker's ARG/ENV are the RUN line's environment; make's variables are substituted as text.
      const docker = host === 'dockerfile' ? dockerfileVariables(file.path, file.text) : undefined;
      const scripts = host === 'dockerfile' ? dockerfileScripts(file.text) : makefileScripts(file.text, makefileVariables(file.path, file.text));
      for (const embedded of scripts) {
        if (!embedded.script.includes('assume-role')) continue;
        const environment = docker?.(embedded.table[0] ?? 0);
        const r = extractScript({ ...embedded, ...(environment !== undefined ? { environment } : {}), file: file.path, extractor: EXTRACTOR_ID, idPrefix: EXTRACTOR_ID, firstId: result.calls.length + 1 });
        result.calls.push(...r.calls);
        result.facts.push(...r.facts);
        result.problems.push(...r.problems);
        result.comments.push(...r.comments);
      }
      return result;
    }
    if (!isShellScript(file.path, file.text)) return { calls: [], comments: [], problems: [] };
    const r = extractScript({ script: file.text, file: file.path, extractor: EXTRACTOR_ID, idPrefix: EXTRACTOR_ID, firstId: 1 });
    return { calls: r.calls, comments: r.comments, problems: r.problems, facts: r.facts };
  },
};

export default shellExtractor;

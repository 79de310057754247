/**
 * The parser, loaded only by `load()`: @typescript-eslint/typescript-estree over TypeScript ~6.0
 * (design notes parsers.md §5: `filePath` set so the extension decides JSX, `jsDocParsingMode:
 * 'none'`, ranges on). typescript-estree stops at the first syntax error; TypeScript itself
 * recovers and lists every error, so on failure the file is parsed again with TypeScript and the
 * recovered tree is converted through typescript-estree's converter (exported as
 * "use-at-your-own-risk": pinned by the ^8 range and covered by the parse-error tests), with
 * `allowInvalidAST` so findings outside the broken statement are still read.
 */
import type { ExtractionProblem } from '@rolecall/core';
import type { TSESTree } from '@typescript-eslint/types';
import type { EstreeComment } from './extract.js';

export interface Parsed {
  readonly program: TSESTree.Program | undefined;
  readonly comments: readonly EstreeComment[];
  readonly problems: readonly ExtractionProblem[];
}

export type Parse = (path: string, text: string) => Parsed;

/** Imports typescript-estree and TypeScript and returns the parse function. */
export async function loadParser(): Promise<Parse> {
  // All three are CommonJS: Node gives their exports as named ones too, a bundle only as `default`.
  const commonJs = <T>(module: T): T => (module as { default?: T }).default ?? module;
  const estree = commonJs(await import('@typescript-eslint/typescript-estree'));
  const risky = commonJs(await import('@typescript-eslint/typescript-estree/use-at-your-own-risk'));
  const ts = commonJs(await import('typescript'));

  return (path, text) => {
    const filePath = path.startsWith('<') ? 'stdin.ts' : path;
    try {
      const program = estree.parse(text, { filePath, jsDocParsingMode: 'none', range: true, loc: false, comment: true, tokens: false });
      return { program: program as TSESTree.Program, comments: program.comments ?? [], problems: [] };
    } catch (error) {
      if (error instanceof RangeError) return { program: undefined, comments: [], problems: [{ message: `The file nests too deeply to parse (${error.message}).`, span: { start: 0, end: 0 } }] };
      if (typeof (error as { index?: unknown }).index !== 'number') throw error;
    }
    const sourceFile = ts.createSourceFile(filePath, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, risky.getScriptKind(filePath, false));
    const diagnostics = (sourceFile as unknown as { parseDiagnostics: readonly import('typescript').DiagnosticWithLocation[] }).parseDiagnostics;
    const problems: ExtractionProblem[] = diagnostics.map((d) => ({ message: ts.flattenDiagnosticMessageText(d.messageText, ' '), span: { start: d.start, end: d.start + Math.max(d.length, 0) } }));
    (sourceFile as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics = [];
    try {
      const settings = { allowInvalidAST: true, errorOnUnknownASTType: false, suppressDeprecatedPropertyWarnings: true, range: true, loc: false, tokens: false, comment: true };
      const { estree: program } = risky.astConverter(sourceFile, settings as unknown as Parameters<typeof risky.astConverter>[1], false);
      return { program, comments: program.comments ?? [], problems };
    } catch {
      // The recovered tree could not be converted either: the syntax errors are all there is.
      return { program: undefined, comments: [], problems };
    }
  };
}

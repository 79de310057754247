/**
 * What a section header names, as botocore's `build_profile_map` (`botocore/configloader.py`)
 * decides: in the config file `[default]` and `[profile NAME]` are profiles, `[sso-session NAME]`
 * and `[services NAME]` their own kinds, anything else is ignored; in the credentials file every
 * section name is a profile name taken literally (`raw_config_parse` only).
 */

export type SectionKind = 'profile' | 'sso-session' | 'services' | 'other';

export interface SectionIdentity {
  readonly kind: SectionKind;
  readonly name: string;
}

/**
 * Python's `shlex.split` in POSIX mode, for the short words of a section header: whitespace splits,
 * `'…'` is literal, `"…"` and bare words honour backslash escapes. Undefined for an unclosed quote
 * (shlex raises ValueError, and botocore then skips the section). Hand-written: no library mirrors
 * shlex, and this covers the header case in a few lines.
 */
export function shlexSplit(text: string): string[] | undefined {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close < 0) return undefined;
      word = (word ?? '') + text.slice(i + 1, close);
      i = close;
    } else if (c === '"') {
      let out = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && (text[j + 1] === '"' || text[j + 1] === '\\')) j++;
        out += text[j];
      }
      if (j >= text.length) return undefined;
      word = (word ?? '') + out;
      i = j;
    } else if (c === '\\') {
      if (i + 1 >= text.length) return undefined;
      word = (word ?? '') + text[++i];
    } else word = (word ?? '') + c;
  }
  if (word !== undefined) words.push(word);
  return words;
}

export function sectionIdentity(header: string, credentialsFile: boolean): SectionIdentity {
  if (credentialsFile) return { kind: 'profile', name: header };
  if (header === 'default') return { kind: 'profile', name: 'default' };
  for (const kind of ['profile', 'sso-session', 'services'] as const) {
    if (!header.startsWith(kind)) continue;
    const parts = shlexSplit(header);
    // botocore checks only the count: `[profilex y]` names profile `y`.
    if (parts !== undefined && parts.length === 2) return { kind, name: parts[1]! };
    return { kind: 'other', name: header };
  }
  return { kind: 'other', name: header };
}

import type { AssumeRoleCall, Diagnostic, Span, ValueNode } from '@rolecall/core';
import { toSource } from '@rolecall/core';

/**
 * Secrets never reach output (issue 13, defect 6). What is masked is decided by what a value is, not by an exact
 * member name:
 *   - the values of the registry's sensitive members as extracted (WebIdentityToken, SAMLAssertion, TokenCode);
 *   - the value of every key that names a secret, in any letter case and whether or not STS knows it
 *     (`webIdentityToken`, `tokencode`, `SecretAccessKey`, `SessionToken`, `Password`, a nested
 *     `Credentials.SecretAccessKey`), found both through the extractor's unknown keys and, for text no extractor
 *     attributed (a parse error's neighbourhood, a duplicate key), by a JSON-style `"key": "value"` scan;
 *   - anything shaped like a secret wherever it stands: JWTs, AWS access key ids and secret access keys, session
 *     tokens and base64 SAML assertions (long base64 runs), raw `<saml…:Assertion` XML.
 * Every character of a secret becomes `*`; lengths, line breaks and a leading BOM are kept, so offsets, lines and
 * columns stay valid (the engine's LineIndex is handed on with `withText`) and only the length of a secret can be seen. Hand-written: no library masks by these shapes while keeping
 * offsets.
 */

/** Key names that hold secrets (matched case-insensitively, anywhere in the name). */
const SECRET_KEY =
  /token|secret|passw(?:or)?d|passphrase|assertion|credential|private_?key|api_?key|access_?key|session_?key|signature|auth(?:orization)?$|cookie/i;

/** Whether a key names a secret, in any letter case. */
export function isSecretKey(key: string, sensitive: ReadonlySet<string> = new Set()): boolean {
  if (sensitive.has(key)) return true;
  for (const member of sensitive) if (member.toLowerCase() === key.toLowerCase()) return true;
  return SECRET_KEY.test(key);
}

/**
 * Value shapes that are secrets whatever key holds them. Base64 runs need a mix of upper case, lower case and
 * digits (checked in code), so ordinary names like `deploy-session` or `aaaa…` are never masked.
 */
const SHAPES: readonly RegExp[] = [
  // JWT (OIDC tokens for AssumeRoleWithWebIdentity): three base64url segments, the first a JSON header.
  /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
  // AWS access key ids (long-term AKIA, temporary ASIA, …).
  /(?<![A-Z0-9])(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  // Secret access keys: exactly 40 base64 characters.
  /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/g,
  // Session tokens, base64 SAML assertions and other long base64 blobs.
  /(?<![A-Za-z0-9/+=_-])[A-Za-z0-9/+=_-]{100,}/g,
  // A SAML assertion or response as raw XML, up to its closing tag or the end of the line.
  /<(?:[A-Za-z0-9_]+:)?(?:Assertion|Response)\b[^\r\n]*/g,
];

function mixed(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

function shapeSpans(text: string, out: Span[]): void {
  SHAPES.forEach((shape, i) => {
    for (const match of text.matchAll(shape)) {
      const value = match[0];
      // Index 2 and 3 are the base64 shapes: only mixed-class runs are keys and tokens.
      if ((i === 2 || i === 3) && !mixed(value)) continue;
      out.push({ start: match.index ?? 0, end: (match.index ?? 0) + value.length });
    }
  });
}

/**
 * AWS credentials written next to the calls rolecall reads: a workflow's `aws-secret-access-key:` /
 * `aws-session-token:` inputs, `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN` in `env:` blocks and
 * shell assignments, the keys of an AWS credentials file (`aws_security_token` too), IAM Identity
 * Center tokens (`sso_…token`) and any key named as a secret or password (any casing, `-` or `_`). They are not request members, so no call holds them,
 * but a code frame could show their line. Expressions (`${{ secrets.X }}`, `$VAR`) are left as written.
 */
const CREDENTIAL = /\baws[-_]secret[-_]access[-_]key|\baws[-_]session[-_]token|\baws[-_]security[-_]token|\bsso[-_][\w-]*token\b|\b[\w-]*(?:secret|password|passphrase|private[-_]key)[\w-]*/gi;
const CREDENTIAL_VALUE = /^["']?\s*[:=]\s*(["']?)([^\s"'#]+)/;

/**
 * `key: value` / `key = value` / `key: 'value'` in any syntax (YAML, INI, HCL, TS/JS object literals,
 * shell assignments): the value is masked when the key names a secret in any case (`isSecretKey`),
 * so `sessionToken: '…'` in code is masked as `SessionToken` in JSON is.
 */
const KEY_VALUE = /([A-Za-z_][\w-]{0,100})["']?\s*[:=]\s*(["'`]?)([^\s"'`#,;)}]+)/g;

function credentialSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(KEY_VALUE)) {
    const secret = match[3] as string;
    const key = match[1] as string;
    // A key naming where a secret is (`web_identity_token_file`) or which key it is (`aws_access_key_id`) holds no secret.
    if (!isSecretKey(key) || /(?:file|path|[-_]?id)$/i.test(key) || secret.startsWith('$')) continue;
    const end = (match.index ?? 0) + match[0].length;
    spans.push({ start: end - secret.length, end });
  }
  for (const match of text.matchAll(CREDENTIAL)) {
    const after = (match.index ?? 0) + match[0].length;
    const value = CREDENTIAL_VALUE.exec(text.slice(after, after + 4096));
    if (value === null) continue;
    const secret = value[2] as string;
    if (secret.startsWith('$')) continue;
    const end = after + value[0].length;
    spans.push({ start: end - secret.length, end });
  }
  return spans;
}

/** A JSON-style `"key": "value` (the value possibly unterminated), for keys checked with `isSecretKey`. */
const PAIR = /"((?:[^"\\\r\n]|\\.){1,200})"\s*:\s*"((?:[^"\\\r\n]|\\.)*)/g;

function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const span of spans) {
    for (let i = Math.max(0, span.start); i < Math.min(chars.length, span.end); i++) {
      // Line breaks and a leading BOM are what LineIndex reads: kept, so the engine's index holds for the result.
      if (chars[i] !== '\n' && chars[i] !== '\r' && !(i === 0 && chars[0] === '\ufeff')) chars[i] = '*';
    }
  }
  return chars.join('');
}

/** Masks secret-shaped values in a message, help text or data value (same length). */
export function maskSecretShapes(text: string): string {
  const spans: Span[] = [];
  shapeSpans(text, spans);
  return mask(text, spans);
}

/** The text formatters print code frames from, with every secret masked (see the header). */
export function redactSecrets(text: string, calls: readonly AssumeRoleCall[], sensitive: readonly string[]): string {
  const members = new Set(sensitive);
  const spans: Span[] = credentialSpans(text);
  for (const call of calls) {
    for (const parameter of call.parameters) if (isSecretKey(parameter.member, members) || isSecretKey(parameter.key, members)) collect(parameter.value, spans);
    for (const unknown of call.unknownKeys ?? []) if (isSecretKey(unknown.key, members)) collect(unknown.value, spans);
  }
  for (const match of text.matchAll(PAIR)) {
    if (!isSecretKey(match[1] ?? '', members)) continue;
    const value = match[2] ?? '';
    const end = (match.index ?? 0) + match[0].length;
    spans.push({ start: end - value.length, end });
  }
  shapeSpans(text, spans);
  return mask(text, spans);
}

/** A diagnostic whose message, help and data carry no secret-shaped value. */
export function redactDiagnostic(diagnostic: Diagnostic): Diagnostic {
  const message = maskSecretShapes(diagnostic.message);
  const help = diagnostic.help !== undefined ? maskSecretShapes(diagnostic.help) : undefined;
  let data = diagnostic.data;
  if (data !== undefined) {
    let changed = false;
    const masked: Record<string, string | number> = {};
    for (const [key, value] of Object.entries(data)) {
      masked[key] = typeof value === 'string' ? maskSecretShapes(value) : value;
      if (masked[key] !== value) changed = true;
    }
    if (changed) data = masked;
  }
  if (message === diagnostic.message && help === diagnostic.help && data === diagnostic.data) return diagnostic;
  return { ...diagnostic, message, ...(help !== undefined ? { help } : {}), ...(data !== undefined ? { data } : {}) };
}

function collect(node: ValueNode, out: Span[]): void {
  switch (node.kind) {
    case 'literal': {
      if (typeof node.value === 'string') {
        const start = node.offsets ? toSource(node.offsets, 0) : node.span.start + 1;
        const end = node.offsets ? toSource(node.offsets, node.value.length) : node.span.end - 1;
        // Unquoted scalars (YAML, INI) have no quotes to skip: fall back to the whole span.
        out.push(end >= start && end - start >= node.value.length ? { start, end } : node.span);
      } else {
        out.push(node.span);
      }
      return;
    }
    case 'template':
      for (const part of node.parts) if (part.kind === 'text') out.push(part.span);
      return;
    case 'array':
      for (const item of node.items) collect(item, out);
      return;
    case 'object':
      for (const entry of node.entries) collect(entry.value, out);
      return;
    case 'implicit':
    case 'reference':
      return;
  }
}

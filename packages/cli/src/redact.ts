import type { AssumeRoleCall, Span, ValueNode } from '@rolecall/core';
import { toSource } from '@rolecall/core';

/**
 * Replaces every character of each secret value (WebIdentityToken, SAMLAssertion, TokenCode, …)
 * with `*` in the text that formatters print code frames from. Lengths and line breaks are kept,
 * so every offset, line and column stays valid and only the length of a secret can be seen.
 *
 * Two layers: the values of sensitive parameters as extracted, and, for text the extractor could
 * not attribute (an ignored duplicate key, a file cut short by invalid UTF-8), any JSON-style
 * `"Member": "value"` pair naming a sensitive member.
 */
export function redactSecrets(text: string, calls: readonly AssumeRoleCall[], sensitive: readonly string[]): string {
  if (sensitive.length === 0) return text;
  const members = new Set(sensitive);
  const spans: Span[] = credentialSpans(text);
  for (const call of calls) {
    for (const parameter of call.parameters) {
      if (members.has(parameter.member)) collect(parameter.value, spans);
    }
  }
  const names = sensitive.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pair = new RegExp(`"(?:${names})"\\s*:\\s*"((?:[^"\\\\\\r\\n]|\\\\.)*)`, 'g');
  for (const match of text.matchAll(pair)) {
    const value = match[1] ?? '';
    const end = (match.index ?? 0) + match[0].length;
    spans.push({ start: end - value.length, end });
  }
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const span of spans) {
    for (let i = Math.max(0, span.start); i < Math.min(chars.length, span.end); i++) {
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = '*';
    }
  }
  return chars.join('');
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

function credentialSpans(text: string): Span[] {
  const spans: Span[] = [];
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
      node.items.forEach((item) => collect(item, out));
      return;
    case 'object':
      node.entries.forEach((entry) => collect(entry.value, out));
      return;
    case 'implicit':
    case 'reference':
      return;
  }
}

/** Names whose values are credentials wherever they appear as `name=value` or `"name": "value"`. */
const SECRET_NAMES = 'token|access_?token|password|secret|app_?secret|webhook_?secret|api_?key|authorization|ticket';

const PATTERNS: [RegExp, string][] = [
  // `Authorization: Bearer …`, `bearer …`
  [/\b(Bearer)\s+[^\s"',;]+/gi, '$1 [redacted]'],
  // `?token=…`, `&code=…`, `token=…` in URLs, messages and form bodies
  [new RegExp(`\\b(${SECRET_NAMES})=[^\\s&"',;]+`, 'gi'), '$1=[redacted]'],
  // JSON: `"password":"…"`, `"accessToken": "…"`
  [new RegExp(`("(?:[a-z_]*?)(?:${SECRET_NAMES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), '$1"[redacted]"']
];

/**
 * Takes credentials out of text bound for a log: bearer tokens, `token=` and friends, secret JSON
 * fields, and any known secret value word for word.
 */
export function redact(text: string, known: readonly string[] = []): string {
  let out = text;
  for (const secret of known) if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

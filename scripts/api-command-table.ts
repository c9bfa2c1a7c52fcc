/**
 * The command table of docs/api.md, made from the command registry: `npm run docs:api` writes it
 * between its markers, and tests/unit/docs/api-command-table.test.ts fails when the document is behind.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { COMMAND_NAMES, COMMANDS } from '../src/shared/command-registry';

export const DOC_PATH = fileURLToPath(new URL('../docs/api.md', import.meta.url));
export const BEGIN = '<!-- command-table:begin (npm run docs:api writes this table from src/shared/command-registry.ts) -->';
export const END = '<!-- command-table:end -->';

/** The fields a client sends, `?` for optional ones; path segments are named in the route. */
function fieldsOf(schema: z.ZodType): string {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  return Object.entries(shape)
    .filter(([name]) => name !== 'type')
    .map(([name, field]) => `\`${name}${field.safeParse(undefined).success ? '?' : ''}\``)
    .join(', ');
}

export function commandTable(): string {
  const rows = COMMAND_NAMES.map((name) => {
    const { schema, roles, http, summary } = COMMANDS[name];
    const route = http ? `\`${http.method} ${http.path}\`` : 'none (the studio itself)';
    // A route without a body takes no fields from the client; an upload takes a file, not fields.
    const fields = http?.kind === 'upload' ? 'a CSV or JSON file' : (http as { body?: boolean } | null)?.body === false ? 'none' : fieldsOf(schema);
    return `| \`${name}\` | ${route} | ${fields} | ${roles.join(', ')} | ${summary} |`;
  });
  return ['| command | route | fields | roles | what it does |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The document with its table section replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC_PATH} has no command-table markers`);
  return `${doc.slice(0, start + BEGIN.length)}\n${table}\n${doc.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const doc = await readFile(DOC_PATH, 'utf8');
  await writeFile(DOC_PATH, withTable(doc, commandTable()));
  console.log(`Wrote the command table of ${DOC_PATH}`);
}

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BEGIN, DOC_PATH, END, commandTable, withTable } from '../../../scripts/api-command-table';
import { COMMAND_NAMES, COMMANDS } from '../../../src/shared/command-registry';

describe("docs/api.md's command table", () => {
  it('is the table the registry makes (run npm run docs:api after changing a command)', async () => {
    const doc = await readFile(DOC_PATH, 'utf8');
    expect(withTable(doc, commandTable())).toBe(doc);
  });

  it("names every command with its route and roles", () => {
    const table = commandTable();
    for (const name of COMMAND_NAMES) {
      const { http, roles } = COMMANDS[name];
      const row = table.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      if (http) expect(row).toContain(`\`${http.method} ${http.path}\``);
      expect(row).toContain(roles.join(', '));
    }
  });

  it('replaces only what lies between its markers', () => {
    expect(withTable(`before\n${BEGIN}\nold\n${END}\nafter`, 'new')).toBe(`before\n${BEGIN}\nnew\n${END}\nafter`);
    expect(() => withTable('no markers', 'new')).toThrow(/markers/);
  });
});

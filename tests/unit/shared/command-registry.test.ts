import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { COMMAND_NAMES, COMMANDS, CommandSchema, commandRequest, isCommandName, mayRun } from '../../../src/shared/command-registry';

const fieldsOf = (schema: z.ZodType) => Object.keys((schema as z.ZodObject).shape);

describe('the command registry', () => {
  it('names each command by its own type field, so the table and the schemas cannot disagree', () => {
    for (const name of COMMAND_NAMES) expect(COMMANDS[name].schema.safeParse({ type: 'not-this' }).success, name).toBe(false);
    for (const name of COMMAND_NAMES) expect((COMMANDS[name].schema as z.ZodObject).shape.type.value, name).toBe(name);
  });

  it("fills each route's :segments from fields of that command", () => {
    for (const name of COMMAND_NAMES) {
      const http = COMMANDS[name].http;
      for (const [, field] of http?.path.matchAll(/:([A-Za-z]+)/g) ?? []) expect(fieldsOf(COMMANDS[name].schema), `${name} ${http?.path}`).toContain(field);
    }
  });

  it('gives no two commands the same method and route', () => {
    const routes = COMMAND_NAMES.flatMap((name) => (COMMANDS[name].http ? [`${COMMANDS[name].http!.method} ${COMMANDS[name].http!.path}`] : []));
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('lets a moderator run the show on air but not its settings, catalogue or sales, a host only acknowledge messages, a viewer nothing, and the studio everything', () => {
    const moderator = COMMAND_NAMES.filter((name) => mayRun('moderator', name));
    expect(moderator.sort()).toEqual([
      'deal.end',
      'deal.start',
      'graphics.hide',
      'graphics.show',
      'host.clearMessage',
      'host.message',
      'product.setStock',
      'rundown.add',
      'rundown.extend',
      'rundown.hold',
      'rundown.move',
      'rundown.next',
      'rundown.pin',
      'rundown.plan',
      'rundown.previous',
      'rundown.remove',
      'rundown.unpin'
    ]);
    expect(COMMAND_NAMES.filter((name) => mayRun('host', name))).toEqual(['host.clearMessage']);
    expect(COMMAND_NAMES.filter((name) => mayRun('viewer', name))).toEqual([]);
    expect(COMMAND_NAMES.every((name) => mayRun('producer', name) && mayRun('system', name))).toBe(true);
  });

  it('knows only its own command names, never inherited ones such as toString or __proto__', () => {
    expect(isCommandName('rundown.pin')).toBe(true);
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', '', 42, null]) expect(isCommandName(name), String(name)).toBe(false);
  });

  it('parses every command through one schema that refuses an unknown type', () => {
    expect(CommandSchema.safeParse({ type: 'rundown.pin', itemId: 'item-1' }).success).toBe(true);
    expect(CommandSchema.safeParse({ type: 'rundown.explode' }).success).toBe(false);
    expect(CommandSchema.safeParse({ type: 'rundown.pin' }).success).toBe(false);
  });
});

describe('the request a client makes for a command', () => {
  it('puts path fields into the path, encoded, and the rest into the body', () => {
    expect(commandRequest('rundown.move', { itemId: 'a/b c', index: 2, expectedRevision: 7 })).toEqual({ method: 'POST', path: '/api/v1/rundown/items/a%2Fb%20c/move', body: { index: 2, expectedRevision: 7 } });
    expect(commandRequest('product.setStock', { productId: 'lav-01', stock: null })).toEqual({ method: 'POST', path: '/api/v1/products/lav-01/stock', body: { stock: null } });
  });

  it('sends no body when nothing is left for it, or when the route reads none', () => {
    expect(commandRequest('rundown.next', {})).toEqual({ method: 'POST', path: '/api/v1/rundown/next', body: undefined });
    expect(commandRequest('rundown.remove', { itemId: 'item-3' })).toEqual({ method: 'DELETE', path: '/api/v1/rundown/items/item-3', body: undefined });
    expect(commandRequest('deal.end', { dealId: 'deal-1' })).toEqual({ method: 'DELETE', path: '/api/v1/deal', body: undefined });
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/shared/events';
import type { ShowView } from '../../src/shared/view';
import { COMMAND_NAMES, COMMANDS } from '../../src/shared/command-registry';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { pairDevice, raw } from './access-helpers';

/**
 * Random and malformed commands against the real HTTP API of a demo studio, from every kind of
 * caller. Whatever arrives: no 5xx, the show's invariants hold after every step, the revision
 * never goes back, and callers without the right (viewers, strangers, revoked devices) change nothing.
 */

type Who = 'owner' | 'moderator' | 'viewer' | 'revoked' | 'stranger' | 'none';
let t: TestStudio;
const tokens: Record<Who, string | null> = { owner: null, moderator: null, viewer: null, revoked: null, stranger: 'not-a-token-at-all-but-long-enough', none: null };
const MAY_CHANGE_SHOW: ReadonlySet<Who> = new Set(['owner', 'moderator']);

/** Every command route the registry declares, so a new command is fuzzed the day it is added. */
const ROUTES = COMMAND_NAMES.flatMap((name) => {
  const http = COMMANDS[name].http;
  return http ? [[http.method, http.path] as const] : [];
});

/** Numbers and near-numbers a client might send: huge, negative, fractional, or not numbers at all. */
const wildNumber = fc.oneof(
  fc.integer({ min: -3, max: 50 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 1e21, -0),
  fc.string({ maxLength: 5 }),
  fc.boolean(),
  fc.constant(null)
);
/** An existing id (by position) most of the time, otherwise anything. */
const idPick = fc.oneof({ weight: 3, arbitrary: fc.nat({ max: 60 }) }, { weight: 1, arbitrary: fc.string({ maxLength: 70 }) });

const wellShaped = fc.record(
  {
    itemId: idPick,
    productId: idPick,
    index: wildNumber,
    stock: wildNumber,
    durationSeconds: fc.oneof(fc.integer({ min: 10, max: 120 }), wildNumber),
    price: fc.dictionary(fc.constantFrom('EUR', 'PLN', 'GBP', 'eur', ''), wildNumber, { maxKeys: 3 }),
    title: fc.oneof(fc.string({ maxLength: 30 }), wildNumber),
    scene: fc.oneof(fc.string({ maxLength: 10 }), wildNumber)
  },
  { requiredKeys: [] }
);

/** What a real control surface sends: valid shapes, ids from the show, fresh or stale revisions. */
const sensible = fc.record(
  {
    itemId: fc.nat({ max: 60 }),
    productId: fc.nat({ max: 60 }),
    index: fc.nat({ max: 20 }),
    stock: fc.nat({ max: 20 }),
    durationSeconds: fc.integer({ min: 10, max: 120 }),
    price: fc.constant({ EUR: 9.99, PLN: 39.99, GBP: 8.5 }),
    title: fc.string({ minLength: 1, maxLength: 20 })
  },
  { requiredKeys: [] }
);

const step = fc.record({
  who: fc.constantFrom<Who>('owner', 'owner', 'moderator', 'moderator', 'moderator', 'viewer', 'revoked', 'stranger', 'none'),
  route: fc.constantFrom(...ROUTES),
  pathId: idPick,
  body: fc.oneof(
    { weight: 5, arbitrary: sensible.map((b) => ({ kind: 'json' as const, value: b as unknown })) },
    { weight: 3, arbitrary: wellShaped.map((b) => ({ kind: 'json' as const, value: b as unknown })) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => ({ kind: 'json' as const, value: v })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((text) => ({ kind: 'text' as const, value: text as unknown })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const, value: undefined as unknown }) }
  ),
  /** expectedRevision relative to the current one: -2, -1 stale, 0 fresh, +1 from the future. */
  revisionOffset: fc.option(fc.integer({ min: -2, max: 1 }), { nil: undefined })
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const show = async (): Promise<ShowView> => (await t.api('GET', '/api/v1/show')).body;

function resolveId(pick: number | string, ids: string[]): string {
  return typeof pick === 'number' && ids.length ? ids[pick % ids.length] : String(pick);
}

async function send(s: Step, view: ShowView) {
  const itemIds = view.rundown.map((i) => i.id);
  const productIds = view.rundown.map((i) => i.productId);
  const method: string = s.route[0];
  const template: string = s.route[1];
  // A path's `:field` is an id of the show (or anything): product ids for products, item ids otherwise.
  const path = template.replace(/:(\w+)/g, (_, field: string) => encodeURIComponent(resolveId(s.pathId, field === 'productId' ? productIds : itemIds)));
  let body: unknown = s.body.value;
  if (s.body.kind === 'json' && body && typeof body === 'object' && !Array.isArray(body)) {
    const b = { ...(body as Record<string, unknown>) };
    if (typeof b.itemId === 'number') b.itemId = resolveId(b.itemId, itemIds);
    if (typeof b.productId === 'number') b.productId = resolveId(b.productId, productIds);
    if (s.revisionOffset !== undefined) b.expectedRevision = view.revision + s.revisionOffset;
    body = b;
  }
  const token = tokens[s.who];
  const headers: Record<string, string> = { ...(token && { authorization: `Bearer ${token}` }), ...(s.body.kind === 'text' && { 'content-type': 'application/json' }) };
  return raw(t.studio.port, method, path, { headers, body: s.body.kind === 'none' ? undefined : body });
}

function expectInvariants(view: ShowView, before: ShowView): void {
  const ids = view.rundown.map((i) => i.id);
  expect(new Set(ids).size, 'rundown ids are unique').toBe(ids.length);
  if (view.onAir) {
    const item = view.rundown.find((i) => i.id === view.onAir!.itemId);
    expect(item, 'the item on air is in the rundown').toBeDefined();
    expect(item!.productId).toBe(view.onAir.productId);
  }
  expect(view.revision, 'the revision never goes back').toBeGreaterThanOrEqual(before.revision);
}

beforeAll(async () => {
  expect(ROUTES.length, 'the registry declares the command routes').toBeGreaterThanOrEqual(12);
  t = await startTestStudio({ demo: true });
  tokens.owner = t.studio.token;
  tokens.moderator = (await pairDevice(t, 'moderator', 'Fuzz moderator')).token;
  tokens.viewer = (await pairDevice(t, 'viewer', 'Fuzz viewer')).token;
  const revoked = await pairDevice(t, 'moderator', 'Fuzz revoked');
  tokens.revoked = revoked.token;
  expect((await t.api('DELETE', `/api/v1/devices/${revoked.device.id}`)).status).toBe(204);
});
afterAll(() => t.stop());

describe('the command API under random and malformed commands', () => {
  it('never answers 5xx, keeps the invariants, and lets only producers and moderators change the show', async () => {
    let answered = 0;
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        for (const s of steps) {
          const before = await show();
          const res = await send(s, before);
          answered++;
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          expect(res.status, `${s.who} ${s.route.join(' ')} → ${res.body}`).toBeLessThan(500);
          if (res.status >= 400) expect(res.json().error.code, 'errors are JSON with a code').toEqual(expect.any(String));
          const after = await show();
          expectInvariants(after, before);
          if (!MAY_CHANGE_SHOW.has(s.who)) {
            expect(res.status).toBeGreaterThanOrEqual(400);
            // Only the studio's own deal timer may have acted meanwhile.
            const { entries } = (await t.api('GET', '/api/v1/journal?limit=50')).body as { entries: JournalEntry[] };
            expect(entries.filter((e) => e.rev > before.revision && e.actor.client !== 'deal-timer')).toEqual([]);
          }
        }
      }),
      // A fixed seed by default: CI answers the same way every run; FUZZ_SEED explores others.
      { numRuns: 60, seed: Number(process.env.FUZZ_SEED ?? 20261202) }
    );
    // The fuzzing reached the core, not only the front door: commands were accepted and refused.
    const ok = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    // Most random steps are refused (that is the point); one in twenty getting through shows they reached the core.
    expect(ok).toBeGreaterThan(answered / 20);
    for (const status of [400, 401, 403, 409]) expect(statuses.get(status) ?? 0, `some ${status}`).toBeGreaterThan(0);
  }, 120_000);
});

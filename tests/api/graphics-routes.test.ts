import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShowView } from '../../src/shared/view';
import type { JournalEntry } from '../../src/shared/events';
import { startTestStudio, type TestStudio } from '../helpers/test-studio';
import { as, pairDevice } from './access-helpers';

let t: TestStudio;
let moderator: ReturnType<typeof as>;
let viewer: ReturnType<typeof as>;
const show = async (): Promise<ShowView> => (await t.api('GET', '/api/v1/show')).body;
const coupon = { kind: 'coupon', text: { pl: 'Kod na dziś', de: 'Code für heute' }, code: { 'pl-PL': 'POLSKA10', 'de-DE': 'HERBST10' } };

beforeAll(async () => {
  t = await startTestStudio();
  moderator = as(t, (await pairDevice(t, 'moderator', 'Ana')).token);
  viewer = as(t, (await pairDevice(t, 'viewer', 'Wall')).token);
});
afterAll(() => t.stop());

describe('graphics over the API', () => {
  it('a producer creates a coupon and every face sees it in ShowView.graphics, hidden until shown', async () => {
    const created = await t.api('POST', '/api/v1/graphics', coupon);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'graphic-1', kind: 'coupon', code: { 'pl-PL': 'POLSKA10' }, visible: false, hidesAt: null });
    expect((await show()).graphics).toEqual([expect.objectContaining({ id: 'graphic-1', text: coupon.text, code: coupon.code, visible: false })]);
  });

  it('a moderator shows a graphic for a set time and hides it, and cannot create, edit or delete one', async () => {
    const shown = await moderator('POST', '/api/v1/graphics/graphic-1/show', { seconds: 30 });
    expect(shown.status).toBe(200);
    expect(shown.body.visible).toBe(true);
    expect(shown.body.hidesAt - shown.body.shownAt).toBe(30_000);
    expect((await moderator('POST', '/api/v1/graphics/graphic-1/hide')).body.visible).toBe(false);
    expect((await moderator('POST', '/api/v1/graphics', coupon)).status).toBe(403);
    expect((await moderator('PATCH', '/api/v1/graphics/graphic-1', { text: { pl: 'Inny' } })).status).toBe(403);
    expect((await moderator('DELETE', '/api/v1/graphics/graphic-1')).status).toBe(403);
  });

  it('a viewer can neither show nor hide a graphic', async () => {
    expect((await viewer('POST', '/api/v1/graphics/graphic-1/show')).status).toBe(403);
    expect((await viewer('POST', '/api/v1/graphics/graphic-1/hide')).status).toBe(403);
  });

  it('a producer edits a graphic, keeping what the edit does not name', async () => {
    const edited = await t.api('PATCH', '/api/v1/graphics/graphic-1', { code: { 'pl-PL': 'POLSKA15', 'de-DE': 'HERBST15' } });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ text: coupon.text, code: { 'pl-PL': 'POLSKA15', 'de-DE': 'HERBST15' } });
  });

  it('journals every create, show, hide and edit with who did it', async () => {
    const entries: JournalEntry[] = (await t.api('GET', '/api/v1/journal')).body.entries;
    const graphics = entries.filter((e) => e.command.startsWith('graphics.')).map((e) => [e.command, e.actor.name]);
    expect(graphics).toEqual([
      ['graphics.create', 'Studio'],
      ['graphics.show', 'Ana'],
      ['graphics.hide', 'Ana'],
      ['graphics.edit', 'Studio']
    ]);
  });

  it('refuses malformed graphics with 400, unknown ids (even inherited names) with 404', async () => {
    for (const body of [{ kind: 'banner', text: { en: 'x' } }, { kind: 'announcement', text: {} }, { kind: 'announcement', text: { en: 'x' }, seconds: -1 }, { kind: 'coupon', text: { en: 'x' }, code: { 'pl-PL': 'TWO WORDS' } }, [1], 'text']) {
      expect((await t.api('POST', '/api/v1/graphics', body)).status, JSON.stringify(body)).toBe(400);
    }
    for (const id of ['constructor', '__proto__', 'graphic-99']) {
      expect((await t.api('POST', `/api/v1/graphics/${id}/show`)).status).toBe(404);
      expect((await t.api('PATCH', `/api/v1/graphics/${id}`, { text: { en: 'x' } })).status).toBe(404);
    }
    expect((await t.api('POST', '/api/v1/graphics/graphic-1/show', { seconds: 'soon' })).status).toBe(400);
  });

  it('a producer deletes a graphic', async () => {
    expect((await t.api('DELETE', '/api/v1/graphics/graphic-1')).status).toBe(200);
    expect((await show()).graphics).toEqual([]);
  });
});

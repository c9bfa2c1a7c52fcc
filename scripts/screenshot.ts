// Takes docs/control-room.png (the demo show with a product on air and a real OBS connected) and
// docs/overlay-{landscape,vertical}.jpg (the layout overlay in Polish and German).
// node --import tsx scripts/screenshot.ts   (needs chromium, obs-studio and xvfb, like the tests)
import { launchChromium } from '../tests/helpers/browser';
import { startDisplay, startObs } from '../tests/helpers/obs-process';
import { tempDir } from '../tests/helpers/temp-dir';
import { startStudio } from '../src/main/studio';

const display = await startDisplay();
const obs = await startObs(display);
const { dir, cleanup } = await tempDir('shopcast-shot-');
const studio = await startStudio({ dataDir: dir, demo: true });
const api = (method: string, path: string, body?: unknown) =>
  fetch(`${studio.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${studio.token}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) }).then((r) => r.json());
try {
  const conn = await api('POST', '/api/v1/obs/connections', { name: 'Polski kanał', url: obs.url, password: obs.password, locale: 'pl-PL' });
  while (studio.obs.views()[0].status !== 'identified') await new Promise((r) => setTimeout(r, 100));
  await api('POST', `/api/v1/obs/connections/${conn.id}/setup`);
  const { rundown } = await api('GET', '/api/v1/show');
  await api('POST', '/api/v1/rundown/pin', { itemId: rundown[1].id });
  // The demo marketplace sells while a product is on air: a few orders make the sales column speak.
  await api('PATCH', '/api/v1/show', { goal: { units: 60 } });
  while ((await api('GET', '/api/v1/sales')).orders < 6) await new Promise((r) => setTimeout(r, 500));
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(studio.controlUrl);
  await page.locator('[data-testid="obs-connection"] .health').waitFor();
  await page.locator('[data-testid="rundown-item"]').nth(3).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: 'docs/control-room.png' });

  // The layout overlays as a viewer sees them, over a stand-in for the camera picture.
  await api('POST', '/api/v1/deal', { productId: rundown[1].productId, price: { PLN: 129.99, EUR: 29.99, GBP: 25.99, RUB: 2790 }, durationSeconds: 300 });
  const { token } = await api('GET', '/api/v1/overlays');
  for (const [format, width, height, locale] of [['landscape', 1920, 1080, 'pl-PL'], ['vertical', 1080, 1920, 'de-DE']] as const) {
    const overlay = await browser.newPage({ viewport: { width, height } });
    await overlay.goto(`${studio.baseUrl}/overlay/layout?locale=${locale}&token=${token}${format === 'vertical' ? '&format=vertical' : ''}`);
    await overlay.locator('[data-testid="countdown-card"].shown').waitFor();
    await overlay.evaluate(() => (document.body.style.background = 'linear-gradient(135deg, #56606e, #23272e)'));
    await overlay.waitForTimeout(600);
    await overlay.screenshot({ path: `docs/overlay-${format}.jpg`, type: 'jpeg', quality: 82 });
  }
  await browser.close();
} finally {
  await studio.close();
  await obs.stop();
  await display.stop();
  await cleanup();
}

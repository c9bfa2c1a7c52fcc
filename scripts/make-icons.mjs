// Renders resources/icons/*.svg into the icon set the installers and the tray need:
// PNGs (Linux, tray), icon.ico (Windows) and icon.icns (macOS). Run after changing an SVG:
//   node scripts/make-icons.mjs
// Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium) and ImageMagick's `convert`.
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const dir = fileURLToPath(new URL('../resources/icons/', import.meta.url));
const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const TRAY_SIZES = [16, 32];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const render = async (svgFile, size, outFile) => {
    const svg = readFileSync(join(dir, svgFile), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    writeFileSync(outFile, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  };
  mkdirSync(join(dir, 'png'), { recursive: true });
  for (const size of APP_SIZES) await render('icon.svg', size, join(dir, 'png', `${size}x${size}.png`));
  for (const size of TRAY_SIZES) await render('tray.svg', size, join(dir, size === 16 ? 'tray.png' : 'tray@2x.png'));
} finally {
  await browser.close();
}

// electron-builder's default Linux/Windows source and the window icon.
writeFileSync(join(dir, 'icon.png'), readFileSync(join(dir, 'png', '512x512.png')));

const png = (size) => join(dir, 'png', `${size}x${size}.png`);
execFileSync('convert', [16, 24, 32, 48, 64, 128, 256].map(png).concat(join(dir, 'icon.ico')));

// ICNS: a header and typed PNG chunks (the types macOS reads for each size since 10.7).
const ICNS_TYPES = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024], ['ic11', 32], ['ic12', 64], ['ic13', 256], ['ic14', 512]];
const chunks = ICNS_TYPES.map(([type, size]) => {
  const data = readFileSync(png(size));
  const head = Buffer.alloc(8);
  head.write(type, 0, 'ascii');
  head.writeUInt32BE(data.length + 8, 4);
  return Buffer.concat([head, data]);
});
const body = Buffer.concat(chunks);
const header = Buffer.alloc(8);
header.write('icns', 0, 'ascii');
header.writeUInt32BE(body.length + 8, 4);
writeFileSync(join(dir, 'icon.icns'), Buffer.concat([header, body]));
console.log(`Icons written to ${dir}`);

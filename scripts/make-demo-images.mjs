// Draws the demo catalogue's product pictures (resources/demo/images/<id>.png) with ImageMagick:
// a flat illustration per category, so the demo show looks like a shop without shipping photos.
// Run once after changing the demo catalogue: node scripts/make-demo-images.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = join(root, 'resources', 'demo');
const catalogue = JSON.parse(readFileSync(join(demo, 'catalogue.json'), 'utf8'));
const convert = process.env.CONVERT ?? '/usr/bin/convert';
const font = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

// Colours per family of products, picked by id prefix order in the demo catalogue.
const palettes = [
  ['#7b5cd6', '#c9b8ff'], ['#d9485f', '#ffb3a7'], ['#1f8a70', '#9be3c4'], ['#e08e0b', '#ffe08a'],
  ['#2563eb', '#a5c8ff'], ['#0e7490', '#99e6f2'], ['#9d174d', '#f9a8d4'], ['#4d7c0f', '#d9f99d']
];
// One simple shape per product, cycling, drawn in white over the gradient.
const shapes = [
  'roundrectangle 70,60 186,200 24,24',
  'circle 128,128 128,48',
  'polygon 128,46 210,200 46,200',
  'roundrectangle 56,86 200,176 40,40',
  'ellipse 128,128 86,62 0,360'
];

mkdirSync(join(demo, 'images'), { recursive: true });
catalogue.forEach((product, i) => {
  const [dark, light] = palettes[Math.floor(i / 6) % palettes.length];
  const initials = product.title.en.split(/\s+/).slice(0, 2).map((w) => w[0]).join('').toUpperCase();
  execFileSync(convert, [
    '-size', '256x256', `gradient:${light}-${dark}`,
    '-fill', 'rgba(255,255,255,0.85)', '-draw', shapes[i % shapes.length],
    '-font', font, '-pointsize', '56', '-fill', dark, '-gravity', 'center', '-annotate', '+0+4', initials,
    '-strip', '-dither', 'None', '-colors', '48', '-define', 'png:compression-level=9',
    join(demo, 'images', `${product.id}.png`)
  ]);
});
console.log(`${catalogue.length} images in resources/demo/images`);

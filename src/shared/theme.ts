import { z } from 'zod';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$/, 'expected a colour such as "#ff3b47"');

/** A show's look on air: brand colours, font, logo and how far overlays keep from the edges. */
export const Theme = z.object({
  primary: Colour,
  accent: Colour,
  text: Colour,
  card: Colour,
  /** CSS font families, e.g. `"Montserrat", sans-serif` (fonts installed where OBS runs). */
  font: z.string().regex(/^[\p{L}\p{N} ,'"-]{1,120}$/u, 'expected font family names'),
  /** An https image or a bundled `/media/…` file; null for none. */
  logo: z
    .string()
    .max(2000)
    .regex(/^(https:\/\/|\/media\/)/, 'expected an https:// or /media/ address')
    .nullable(),
  /** Title-safe margin, percent of the canvas on each side. */
  safeMargin: z.number().min(0).max(15)
});
export type Theme = z.infer<typeof Theme>;

export const DEFAULT_THEME: Theme = {
  primary: '#ff3b47',
  accent: '#ffd14f',
  text: '#ffffff',
  card: '#14141ae6',
  font: '"Noto Sans", "DejaVu Sans", system-ui, sans-serif',
  logo: null,
  safeMargin: 5
};

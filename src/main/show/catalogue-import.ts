import Papa from 'papaparse';
import { ProductPatch } from '../../shared/product';
import { describeZodError } from './show-core';

export interface RejectedRow {
  /** Spreadsheet row (the header is row 1) or 1-based position in a JSON array. */
  row: number;
  message: string;
}

export interface ParsedCatalogue {
  products: ProductPatch[];
  rejected: RejectedRow[];
}

/** The whole upload is unusable (no header, not an array): nothing is imported. */
export class CatalogueFormatError extends Error {}

export const MAX_IMPORT_ROWS = 100_000;

const LOCALIZED = ['title', 'pitch', 'badge'] as const;
const PRICED = ['price', 'compareAt', 'lowest30d'] as const;
const PLAIN = ['id', 'stock', 'image', 'source'] as const;
type Localized = (typeof LOCALIZED)[number];
type Priced = (typeof PRICED)[number];
type Plain = (typeof PLAIN)[number];

type Column =
  | { kind: 'plain'; field: Plain; name: string }
  | { kind: 'localized'; field: Localized; key: string; name: string }
  | { kind: 'priced'; field: Priced; currency: string; name: string };

/**
 * Parses an uploaded catalogue into product patches. A broken row is reported with its row number
 * and every other row still imports; only an upload with no usable shape at all is refused.
 */
export function parseCatalogue(body: unknown, kind: 'csv' | 'json'): ParsedCatalogue {
  return kind === 'csv' ? parseCsv(typeof body === 'string' ? body : String(body ?? '')) : parseJson(body);
}

function parseJson(body: unknown): ParsedCatalogue {
  let data = body;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      throw new CatalogueFormatError('the file is not valid JSON');
    }
  }
  if (!Array.isArray(data)) throw new CatalogueFormatError('expected a JSON array of products');
  if (data.length > MAX_IMPORT_ROWS) throw new CatalogueFormatError(`at most ${MAX_IMPORT_ROWS} products per import (got ${data.length})`);
  const result: ParsedCatalogue = { products: [], rejected: [] };
  data.forEach((item, i) => {
    const parsed = ProductPatch.safeParse(normalizeJsonProduct(item));
    if (parsed.success) result.products.push(parsed.data);
    else result.rejected.push({ row: i + 1, message: describeZodError(parsed.error) });
  });
  return result;
}

/** Locale keys as people type them (`PL`, `pl_pl`) become `pl`, `pl-PL`, so fallbacks find them. */
function normalizeJsonProduct(item: unknown): unknown {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return item;
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const field of LOCALIZED) {
    const text = out[field];
    if (text && typeof text === 'object' && !Array.isArray(text)) {
      out[field] = Object.fromEntries(Object.entries(text).map(([k, v]) => [normalizeLocaleKey(k), v]));
    }
  }
  for (const field of PRICED) {
    const prices = out[field];
    if (prices && typeof prices === 'object' && !Array.isArray(prices)) {
      out[field] = Object.fromEntries(Object.entries(prices).map(([k, v]) => [k.toUpperCase(), typeof v === 'string' ? parseAmount(v) ?? v : v]));
    }
  }
  return out;
}

export function normalizeLocaleKey(key: string): string {
  const [lang, ...rest] = key.trim().replace(/_/g, '-').split('-');
  return [lang.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}

function parseCsv(text: string): ParsedCatalogue {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const header = records[0];
  if (!header || header.every((cell) => cell.trim() === '')) throw new CatalogueFormatError('the CSV is empty: expected a header row such as "id,title:en,price:EUR"');
  const columns = header.map(parseColumn);
  const unknown = columns.flatMap((c, i) => (c ? [] : [`"${header[i]}"`]));
  if (unknown.length) {
    throw new CatalogueFormatError(
      `unknown column ${unknown.join(', ')}: columns are id, stock, image, source, title:LANG, pitch:LANG, badge:LANG, price:CUR, compareAt:CUR, lowest30d:CUR`
    );
  }
  if (!columns.some((c) => c?.kind === 'plain' && c.field === 'id')) throw new CatalogueFormatError('the header has no "id" column');
  if (records.length - 1 > MAX_IMPORT_ROWS) throw new CatalogueFormatError(`at most ${MAX_IMPORT_ROWS} products per import`);

  const result: ParsedCatalogue = { products: [], rejected: [] };
  for (let i = 1; i < records.length; i++) {
    const cells = records[i];
    if (cells.every((cell) => cell.trim() === '')) continue;
    const row = i + 1;
    if (cells.length > columns.length) {
      result.rejected.push({ row, message: `has ${cells.length} cells but the header has ${columns.length} columns` });
      continue;
    }
    // Every problem of the row at once, so one fix of the spreadsheet is enough.
    const { patch, problems } = rowToPatch(cells, columns as Column[]);
    const checked = ProductPatch.safeParse(patch);
    if (!checked.success && problems.length === 0) problems.push(describeZodError(checked.error));
    if (checked.success && problems.length === 0) result.products.push(checked.data);
    else result.rejected.push({ row, message: problems.join('; ') });
  }
  return result;
}

function parseColumn(raw: string): Column | null {
  const name = raw.trim();
  const [fieldRaw, qualifier, ...extra] = name.split(':');
  const field = fieldRaw.trim().replace(/[_\s-]/g, '').toLowerCase();
  if (extra.length) return null;
  if (qualifier === undefined) {
    const plain = PLAIN.find((p) => p === field);
    return plain ? { kind: 'plain', field: plain, name } : null;
  }
  const localized = LOCALIZED.find((l) => l === field);
  if (localized && /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(qualifier.trim())) {
    return { kind: 'localized', field: localized, key: normalizeLocaleKey(qualifier), name };
  }
  const priced = PRICED.find((p) => p.toLowerCase() === field);
  if (priced && /^[A-Za-z]{3}$/.test(qualifier.trim())) return { kind: 'priced', field: priced, currency: qualifier.trim().toUpperCase(), name };
  return null;
}

/** Builds a patch from one CSV row; an empty cell means "not given", so it never erases data. */
function rowToPatch(cells: string[], columns: Column[]): { patch: Record<string, unknown>; problems: string[] } {
  const patch: Record<string, unknown> = {};
  const problems: string[] = [];
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    const value = (cells[c] ?? '').trim();
    if (value === '') continue;
    switch (column.kind) {
      case 'plain':
        if (column.field === 'stock') {
          const stock = parseAmount(value);
          if (stock === null || !Number.isInteger(stock) || stock < 0) problems.push(`${column.name}: "${value}" is not a whole number of units`);
          else patch.stock = stock;
        } else patch[column.field] = value;
        break;
      case 'localized':
        patch[column.field] = { ...(patch[column.field] as object), [column.key]: value };
        break;
      case 'priced': {
        const amount = parseAmount(value);
        if (amount === null || amount < 0) problems.push(`${column.name}: "${value}" is not a price`);
        else patch[column.field] = { ...(patch[column.field] as object), [column.currency]: amount };
        break;
      }
    }
  }
  if (patch.id === undefined) problems.unshift('id is empty');
  return { patch, problems };
}

/** `19.99`, `19,99`, `1 890`, `1.890,50`, `€ 19,99`: how spreadsheets in Europe write amounts. */
export function parseAmount(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/^[^\d-]*?(?=-?\d)/, '').replace(/[^\d.,-]+$/, '');
  if (!/^-?[\d.,]+$/.test(s)) return null;
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma > lastDot) s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  if ((s.match(/\./g) ?? []).length > 1) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

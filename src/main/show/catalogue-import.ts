import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { z } from 'zod';
import { ProductPatch } from '../../shared/product';
import { reason, type Reason } from '../../shared/reason';
import { importProblems } from './import-problems';
import { jsonArraySlices, JsonArrayError } from './json-array-slices';

export interface RejectedRow {
  /** Spreadsheet row (the header is row 1) or 1-based position in a JSON array. */
  row: number;
  /** Every problem of the row in English, joined with "; ". */
  message: string;
  /** The same problems as codes and parameters, in the same order, for the desk to word. */
  problems: Reason[];
}

export interface ParsedCatalogue {
  products: ProductPatch[];
  rejected: RejectedRow[];
}

/** The whole upload is unusable (no header, not an array): nothing is imported. */
/** The whole file refused (not one row): the English sentence for API users, the reason for the desk to word. */
export class CatalogueFormatError extends Error {
  constructor(
    message: string,
    readonly reason: Reason
  ) {
    super(message);
  }
}

export const MAX_IMPORT_ROWS = 100_000;

// hostNotes: what the host should say, shown only to the host and operators, never on air.
const LOCALIZED = ['title', 'pitch', 'badge', 'url', 'hostNotes'] as const;
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
  if (kind === 'json') {
    const items = jsonItems(body);
    const result: ParsedCatalogue = { products: [], rejected: [] };
    checkJsonItems(items, 0, items.length, result);
    return result;
  }
  const reader = new CsvCatalogueReader();
  reader.take(Papa.parse<string[]>(csvText(body), { header: false, skipEmptyLines: false }).data);
  return reader.finish();
}

/** Rows checked between two turns of the event loop: a slice costs a few milliseconds. */
const ROWS_PER_SLICE = 1000;
/** CSV text handed to the parser at once (about a thousand rows of a seven-language catalogue). */
const CSV_CHUNK_CHARS = 256 * 1024;

/**
 * The same as `parseCatalogue`, in slices that give the event loop back between them: a
 * 100,000-row upload takes seconds to check, and pins and the live feed go on meanwhile. A CSV may
 * also come as a stream of text (an upload read as it arrives).
 */
export async function readCatalogue(body: unknown, kind: 'csv' | 'json'): Promise<ParsedCatalogue> {
  if (kind === 'json' && body instanceof Uint8Array) {
    // An upload as it came: parsed off the show's thread, checked a slice per turn.
    if (isBlank(body)) throw new CatalogueFormatError('expected a JSON array of products', reason('import.file.notArray'));
    const result: ParsedCatalogue = { products: [], rejected: [] };
    try {
      await jsonArraySlices(body, (items, offset) => checkJsonItems(items, 0, items.length, result, offset), { size: ROWS_PER_SLICE, max: MAX_IMPORT_ROWS });
    } catch (err) {
      throw err instanceof JsonArrayError ? new CatalogueFormatError(err.message, err.reason) : err;
    }
    return result;
  }
  if (kind === 'json') {
    const items = jsonItems(body);
    const result: ParsedCatalogue = { products: [], rejected: [] };
    for (let start = 0; start < items.length; start += ROWS_PER_SLICE) {
      if (start > 0) await nextTurn();
      checkJsonItems(items, start, Math.min(items.length, start + ROWS_PER_SLICE), result);
    }
    return result;
  }
  const reader = new CsvCatalogueReader();
  await new Promise<void>((resolve, reject) => {
    // Papa reads a stream a piece at a time, carrying a row cut between pieces over to the next;
    // each piece arrives on its own turn of the event loop.
    Papa.parse<string[]>(body instanceof Readable ? body : slicesOf(csvText(body)), {
      header: false,
      skipEmptyLines: false,
      chunk(results: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          reader.take(results.data);
        } catch (err) {
          // Rejected first: aborting completes the parse at once, and that would resolve.
          reject(err as Error);
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err)
    });
  });
  return reader.finish();
}

/** Nothing but spaces and line breaks (scanned up to the first other byte, never decoded). */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  return true;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The text as a stream of pieces, one per turn of the event loop, never splitting a character. */
function slicesOf(text: string): Readable {
  let at = 0;
  return new Readable({
    objectMode: true,
    read() {
      setImmediate(() => {
        if (at >= text.length) return void this.push(null);
        let end = Math.min(text.length, at + CSV_CHUNK_CHARS);
        // A surrogate pair (an emoji in a title) stays in one piece.
        if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
        const piece = text.slice(at, end);
        at = end;
        this.push(piece);
      });
    }
  });
}

function csvText(body: unknown): string {
  return (typeof body === 'string' ? body : String(body ?? '')).replace(/^\uFEFF/, '');
}

function jsonItems(body: unknown): unknown[] {
  let data = body;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      throw new CatalogueFormatError('the file is not valid JSON', reason('import.file.notJson'));
    }
  }
  if (!Array.isArray(data)) throw new CatalogueFormatError('expected a JSON array of products', reason('import.file.notArray'));
  if (data.length > MAX_IMPORT_ROWS) throw new CatalogueFormatError(`at most ${MAX_IMPORT_ROWS} products per import (got ${data.length})`, reason('import.file.tooMany', { maximum: MAX_IMPORT_ROWS }));
  return data;
}

/** `offset`: where `items` starts in the whole upload, for row numbers. */
function checkJsonItems(items: unknown[], from: number, to: number, result: ParsedCatalogue, offset = 0): void {
  for (let i = from; i < to; i++) {
    const parsed = ProductPatch.safeParse(normalizeJsonProduct(items[i]));
    if (parsed.success) result.products.push(parsed.data);
    else result.rejected.push({ row: offset + i + 1, message: parsed.error.issues.map(issueMessage).join('; '), problems: importProblems(parsed.error) });
  }
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

/**
 * Reads CSV records as they come, in one piece or in chunks: the first is the header, each later
 * one a product or a rejected row. Empty records (a final newline, blank lines) are not rows.
 */
class CsvCatalogueReader {
  private columns: Column[] | null = null;
  /** Records seen so far: the spreadsheet row of the next one is this plus one. */
  private records = 0;
  private rows = 0;
  private readonly result: ParsedCatalogue = { products: [], rejected: [] };

  take(records: string[][]): void {
    for (const cells of records) {
      const row = ++this.records;
      if (!this.columns) {
        this.columns = headerColumns(cells);
        continue;
      }
      if (cells.every((cell) => cell.trim() === '')) continue;
      if (++this.rows > MAX_IMPORT_ROWS) throw new CatalogueFormatError(`at most ${MAX_IMPORT_ROWS} products per import`, reason('import.file.tooMany', { maximum: MAX_IMPORT_ROWS }));
      this.takeRow(cells, row, this.columns);
    }
  }

  finish(): ParsedCatalogue {
    if (!this.columns) headerColumns(undefined);
    return this.result;
  }

  private takeRow(cells: string[], row: number, columns: Column[]): void {
    if (cells.length > columns.length) {
      this.result.rejected.push({ row, message: `has ${cells.length} cells but the header has ${columns.length} columns`, problems: [reason('import.cellCount', { cells: cells.length, columns: columns.length })] });
      return;
    }
    // Every problem of the row at once, so one fix of the spreadsheet is enough.
    const { patch, problems } = rowToPatch(cells, columns);
    const checked = ProductPatch.safeParse(patch);
    if (!checked.success && problems.length === 0) problems.push(...importProblems(checked.error).map((p, i) => ({ message: issueMessage(checked.error.issues[i]!), reason: p })));
    if (checked.success && problems.length === 0) this.result.products.push(checked.data);
    else this.result.rejected.push({ row, message: problems.map((p) => p.message).join('; '), problems: problems.map((p) => p.reason) });
  }
}

/** One zod issue as `describeZodError` words it (`price.PLN: …`). */
const issueMessage = (issue: z.core.$ZodIssue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message);

function headerColumns(cells: string[] | undefined): Column[] {
  // A spreadsheet's byte-order mark arrives as the first character of the first cell.
  const header = cells?.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell));
  if (!header || header.every((cell) => cell.trim() === '')) throw new CatalogueFormatError('the CSV is empty: expected a header row such as "id,title:en,price:EUR"', reason('import.file.csvEmpty'));
  const columns = header.map(parseColumn);
  const unknown = columns.flatMap((c, i) => (c ? [] : [`"${header[i]}"`]));
  if (unknown.length) {
    throw new CatalogueFormatError(
      `unknown column ${unknown.join(', ')}: columns are id, stock, image, source, title:LANG, pitch:LANG, badge:LANG, hostNotes:LANG, url:LOCALE, price:CUR, compareAt:CUR, lowest30d:CUR`,
      reason('import.file.unknownColumns', { columns: unknown.join(', ') })
    );
  }
  if (!columns.some((c) => c?.kind === 'plain' && c.field === 'id')) throw new CatalogueFormatError('the header has no "id" column', reason('import.file.noId'));
  return columns as Column[];
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
  const localized = LOCALIZED.find((l) => l.toLowerCase() === field);
  if (localized && /^[a-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/i.test(qualifier.trim())) {
    return { kind: 'localized', field: localized, key: normalizeLocaleKey(qualifier), name };
  }
  const priced = PRICED.find((p) => p.toLowerCase() === field);
  if (priced && /^[A-Za-z]{3}$/.test(qualifier.trim())) return { kind: 'priced', field: priced, currency: qualifier.trim().toUpperCase(), name };
  return null;
}

/** Builds a patch from one CSV row; an empty cell means "not given", so it never erases data. */
function rowToPatch(cells: string[], columns: Column[]): { patch: Record<string, unknown>; problems: { message: string; reason: Reason }[] } {
  const patch: Record<string, unknown> = {};
  const problems: { message: string; reason: Reason }[] = [];
  for (let c = 0; c < columns.length; c++) {
    const column = columns[c];
    const value = (cells[c] ?? '').trim();
    if (value === '') continue;
    switch (column.kind) {
      case 'plain':
        if (column.field === 'stock') {
          const stock = parseAmount(value);
          if (stock === null || !Number.isInteger(stock) || stock < 0) problems.push({ message: `${column.name}: "${value}" is not a whole number of units`, reason: reason('import.notWholeNumber', { column: column.name, value }) });
          else patch.stock = stock;
        } else patch[column.field] = value;
        break;
      case 'localized':
        patch[column.field] = { ...(patch[column.field] as object), [column.key]: value };
        break;
      case 'priced': {
        const amount = parseAmount(value);
        if (amount === null || amount < 0) problems.push({ message: `${column.name}: "${value}" is not a price`, reason: reason('import.notPrice', { column: column.name, value }) });
        else patch[column.field] = { ...(patch[column.field] as object), [column.currency]: amount };
        break;
      }
    }
  }
  if (patch.id === undefined) problems.unshift({ message: 'id is empty', reason: reason('import.idEmpty') });
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

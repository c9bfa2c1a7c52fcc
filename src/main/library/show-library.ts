import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../show/atomic-file';
import { replayShow } from '../show/show-replay';
import type { ShowState } from '../show/state';
import type { SalesBook } from '../show/sales-book';

/** What the Shows screen lists of a show without replaying it (kept up to date, see StudioShows). */
export interface ShowSummary {
  audiences: string[];
  orders: number;
  units: number;
  revenue: Record<string, number>;
  onAirMinutes: number;
}

export interface ShowRecord {
  id: string;
  title: string;
  createdAt: number;
  /** An archived show is a template: listed, copied from, opened only on purpose. */
  archived: boolean;
  summary: ShowSummary;
}

interface StoredShow extends ShowRecord {
  /** The show's folder, relative to the data dir: `show` for the show the data dir had before the library, else `shows/<id>`. */
  dir: string;
}

interface LibraryIndex {
  version: 1;
  current: string;
  nextNumber: number;
  shows: StoredShow[];
}

export const LIBRARY_DIR = 'shows';
const INDEX_FILE = 'index.json';
/** The folder of the one show a data dir held before the library: adopted in place, never moved, so nothing is lost. */
const FIRST_SHOW_DIR = 'show';

export const EMPTY_SUMMARY: ShowSummary = { audiences: [], orders: 0, units: 0, revenue: {}, onAirMinutes: 0 };

/** A show's summary from its state and sales book: what the index keeps so listing needs no replay. */
export function summarize(state: ShowState, sales: SalesBook, now: number): ShowSummary {
  const view = sales.view();
  let onAirMs = 0;
  for (const ms of sales.onAirMs(now).values()) onAirMs += ms;
  return {
    audiences: state.locales.map((l) => l.locale),
    orders: view.orders,
    units: view.units,
    revenue: { ...view.revenue },
    onAirMinutes: Math.round(onAirMs / 600) / 100
  };
}

/**
 * The studio's shows: each its own folder (journal and snapshots, as the show core writes them),
 * and an index with each show's summary and which show the studio runs. Ids are only ids: looked
 * up in a Map, never as object keys or path parts the caller chose.
 */
export class ShowLibrary {
  private readonly shows = new Map<string, StoredShow>();
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    private index: LibraryIndex
  ) {
    for (const show of index.shows) this.shows.set(show.id, show);
  }

  /**
   * Opens the library of a data dir. A data dir from before the library (a `show/` folder and no
   * index) becomes a library whose first show is that folder, adopted where it is; a new data dir
   * gets one empty show in the same place, so older tools and tests keep finding it.
   */
  static async open(dataDir: string, now = Date.now()): Promise<ShowLibrary> {
    const root = join(dataDir, LIBRARY_DIR);
    await mkdir(root, { recursive: true, mode: 0o700 });
    const indexPath = join(root, INDEX_FILE);
    if (existsSync(indexPath)) return new ShowLibrary(dataDir, JSON.parse(readFileSync(indexPath, 'utf8')) as LibraryIndex);
    const shows: StoredShow[] = [];
    if (existsSync(join(dataDir, FIRST_SHOW_DIR))) shows.push(await adopt(dataDir, 'show-1', FIRST_SHOW_DIR, now));
    // Folders of shows made after an index was lost: adopted too, so a crash loses no show.
    for (const name of (await readdir(root)).filter((n) => /^show-\d+$/.test(n)).sort()) {
      if (!shows.some((s) => s.id === name)) shows.push(await adopt(dataDir, name, `${LIBRARY_DIR}/${name}`, now));
    }
    if (shows.length === 0) shows.push({ id: 'show-1', dir: FIRST_SHOW_DIR, title: 'Untitled show', createdAt: now, archived: false, summary: EMPTY_SUMMARY });
    const nextNumber = Math.max(...shows.map((s) => Number(s.id.slice(5)) || 0)) + 1;
    const library = new ShowLibrary(dataDir, { version: 1, current: shows[0].id, nextNumber, shows });
    await library.save();
    return library;
  }

  get current(): string {
    return this.index.current;
  }

  list(): ShowRecord[] {
    return [...this.shows.values()].map(publicRecord);
  }

  get(id: string): ShowRecord | undefined {
    const show = this.shows.get(id);
    return show && publicRecord(show);
  }

  /** The folder of a show of this library (absolute). */
  get root(): string {
    return join(this.dataDir, LIBRARY_DIR);
  }

  dirOf(id: string): string {
    const show = this.shows.get(id);
    if (!show) throw new Error(`no show ${id}`);
    return join(this.dataDir, show.dir);
  }

  /** A new, empty show's record and folder; its journal is written by whoever fills it. */
  async add(title: string, now = Date.now()): Promise<ShowRecord> {
    const id = `show-${this.index.nextNumber++}`;
    const show: StoredShow = { id, dir: `${LIBRARY_DIR}/${id}`, title, createdAt: now, archived: false, summary: EMPTY_SUMMARY };
    await mkdir(join(this.dataDir, show.dir), { recursive: true, mode: 0o700 });
    this.shows.set(id, show);
    this.index.shows.push(show);
    await this.save();
    return publicRecord(show);
  }

  /** A show folder made elsewhere (an imported package, checked and replayed) moved into the library in one rename. */
  async addFolder(folder: string, meta: { title: string; createdAt: number; summary: ShowSummary }): Promise<ShowRecord> {
    const id = `show-${this.index.nextNumber++}`;
    const show: StoredShow = { id, dir: `${LIBRARY_DIR}/${id}`, title: meta.title, createdAt: meta.createdAt, archived: false, summary: meta.summary };
    await rename(folder, join(this.dataDir, show.dir));
    this.shows.set(id, show);
    this.index.shows.push(show);
    await this.save();
    return publicRecord(show);
  }

  /** Forgets a show whose folder could not be filled (a failed copy or import). */
  async remove(id: string): Promise<void> {
    this.shows.delete(id);
    this.index.shows = this.index.shows.filter((s) => s.id !== id);
    await this.save();
  }

  async update(id: string, patch: { title?: string; archived?: boolean; summary?: ShowSummary }): Promise<ShowRecord> {
    const show = this.shows.get(id);
    if (!show) throw new Error(`no show ${id}`);
    if (patch.title !== undefined) show.title = patch.title;
    if (patch.archived !== undefined) show.archived = patch.archived;
    if (patch.summary) show.summary = patch.summary;
    await this.save();
    return publicRecord(show);
  }

  async setCurrent(id: string): Promise<void> {
    if (!this.shows.has(id)) throw new Error(`no show ${id}`);
    this.index.current = id;
    await this.save();
  }

  /** Writes the index whole (temp file + rename); writes queue so the last one wins. */
  save(): Promise<void> {
    const text = JSON.stringify(this.index);
    this.saving = this.saving.catch(() => {}).then(() => writeAtomically(join(this.dataDir, LIBRARY_DIR), INDEX_FILE, [text]));
    return this.saving;
  }
}

/** A show folder the index did not know: its title and summary from one replay, once. */
async function adopt(dataDir: string, id: string, dir: string, now: number): Promise<StoredShow> {
  const { state, sales } = await replayShow(join(dataDir, dir));
  return { id, dir, title: state.title, createdAt: now, archived: false, summary: summarize(state, sales, now) };
}

function publicRecord(show: StoredShow): ShowRecord {
  return { id: show.id, title: show.title, createdAt: show.createdAt, archived: show.archived, summary: show.summary };
}

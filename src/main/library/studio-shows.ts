import type { Actor, JournalEntry } from '../../shared/events';
import { ShowCore } from '../show/show-core';
import type { ShowState } from '../show/state';
import { CommandError } from '../show/command-error';
import { replayShow } from '../show/show-replay';
import type { SalesBook } from '../show/sales-book';
import { ShowLibrary, summarize, type ShowRecord } from './show-library';
import { copyShow, type CopyPart } from './show-copy';
import { exportShow, readPackage, unpackShow } from './show-package';
import type { Readable } from 'node:stream';

type Listener = (state: ShowState, entry: JournalEntry) => void;

const LIBRARY_ACTOR: Actor = { id: 'studio', client: 'show-library' };
/** How long a busy show's summary may lag in the index (the current show's is always live in the list). */
const SUMMARY_EVERY_MS = 2000;

/**
 * The show the studio runs, as one handle that outlives a switch: followers subscribe here (or
 * hold `core`, a stand-in that always speaks for the current ShowCore), so when the producer
 * opens another show every face follows without being wired again.
 */
export class StudioShows {
  private active: ShowCore;
  private readonly listeners = new Map<Listener, () => void>();
  private readonly switchListeners = new Set<() => void>();
  private switching: Promise<unknown> = Promise.resolve();
  private summaryTimer: NodeJS.Timeout | null = null;
  private stopSummary: () => void;
  /** Stands in for the current ShowCore wherever one is expected. */
  readonly core: ShowCore;

  constructor(
    readonly library: ShowLibrary,
    first: ShowCore,
    private readonly openCore: (dir: string) => Promise<ShowCore>,
    private readonly now: () => number = Date.now
  ) {
    this.active = first;
    this.stopSummary = this.followSummary();
    this.core = new Proxy(Object.create(ShowCore.prototype) as ShowCore, {
      get: (_target, key) => {
        if (key === 'subscribe') return (listener: Listener) => this.subscribe(listener);
        const value = Reflect.get(this.active, key, this.active) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(this.active) : value;
      },
      // Whatever is set on the stand-in (a test's fault injection) lands on the open show.
      set: (_target, key, value) => Reflect.set(this.active, key, value)
    });
  }

  get current(): ShowCore {
    return this.active;
  }

  /** Hears every acknowledged change of whichever show is open, and the switch itself (an entry without events). */
  subscribe(listener: Listener): () => void {
    this.listeners.set(listener, this.active.subscribe(listener));
    return () => {
      this.listeners.get(listener)?.();
      this.listeners.delete(listener);
    };
  }

  /** Called after another show was opened: for followers that keep an index of the show (the catalogue). */
  onSwitch(listener: () => void): () => void {
    this.switchListeners.add(listener);
    return () => this.switchListeners.delete(listener);
  }

  /** The library's list, the current show's summary live. */
  list(): { current: string; shows: ShowRecord[] } {
    const current = this.library.current;
    const live = summarize(this.active.current, this.active.sales, this.now());
    return { current, shows: this.library.list().map((s) => (s.id === current ? { ...s, title: this.active.current.title, summary: live } : s)) };
  }

  /** Any show's state and sales: the open one live, another replayed from its folder (read only). */
  async read(id: string): Promise<{ state: ShowState; sales: SalesBook }> {
    if (id === this.library.current) return { state: this.active.current, sales: this.active.sales };
    return replayShow(this.library.dirOf(id));
  }

  /** Runs that show from now on. Refused while a product is on air: the audience would see the switch. */
  open(id: string): Promise<ShowRecord> {
    const run = this.switching.catch(() => {}).then(async () => {
      if (!this.library.get(id)) throw new CommandError('not_found', 404, `no show ${id}`);
      if (id === this.library.current) return this.library.get(id)!;
      if (this.active.current.onAir) throw new CommandError('on_air', 409, `${this.active.current.onAir.productId} is on air: take it off air before opening another show`);
      const next = await this.openCore(this.library.dirOf(id)).catch((err: unknown) => {
        // The open show stays open: a show that cannot be read is said so, not a 500.
        throw new CommandError('show_unreadable', 409, `${id} cannot be opened: ${(err as Error).message}`);
      });
      const previous = this.active;
      await previous.settled();
      await this.saveSummary();
      for (const [listener, off] of this.listeners) {
        off();
        this.listeners.set(listener, next.subscribe(listener));
      }
      this.stopSummary();
      this.active = next;
      this.stopSummary = this.followSummary();
      await this.library.setCurrent(id);
      await previous.close();
      const state = next.current;
      const entry: JournalEntry = { rev: state.revision, at: this.now(), actor: LIBRARY_ACTOR, command: 'show.open', events: [] };
      for (const listener of this.switchListeners) listener();
      for (const listener of this.listeners.keys()) listener(state, entry);
      return this.library.get(id)!;
    });
    this.switching = run;
    return run;
  }

  /** A new show, empty or with what the producer picked copied from an earlier one (through commands: the journal is the show). */
  async create(input: { title: string; from?: string; copy?: CopyPart[] }): Promise<ShowRecord> {
    if (input.from !== undefined && !this.library.get(input.from)) throw new CommandError('not_found', 404, `no show ${input.from}`);
    const source = input.from !== undefined ? (await this.read(input.from)).state : null;
    const record = await this.library.add(input.title, this.now());
    try {
      const core = await this.openCore(this.library.dirOf(record.id));
      try {
        await copyShow(core, input.title, source, input.copy ?? [], LIBRARY_ACTOR);
        return await this.library.update(record.id, { summary: summarize(core.current, core.sales, this.now()) });
      } finally {
        await core.close();
      }
    } catch (err) {
      await this.library.remove(record.id);
      throw err;
    }
  }

  /** Renames (through the show's own journal too, so its overlays and report say so) or archives a show. */
  async update(id: string, patch: { title?: string; archived?: boolean }): Promise<ShowRecord> {
    if (!this.library.get(id)) throw new CommandError('not_found', 404, `no show ${id}`);
    if (patch.title !== undefined) {
      if (id === this.library.current) await this.active.execute({ type: 'show.update', title: patch.title }, LIBRARY_ACTOR);
      else {
        const core = await this.openCore(this.library.dirOf(id));
        try {
          await core.execute({ type: 'show.update', title: patch.title }, LIBRARY_ACTOR);
        } finally {
          await core.close();
        }
      }
    }
    return this.library.update(id, patch);
  }

  /** One show as a package file (see show-package.ts); the open show once every accepted command is on disk. */
  async exportPackage(id: string, imageCacheDir: string): Promise<Readable> {
    const record = this.library.get(id);
    if (!record) throw new CommandError('not_found', 404, `no show ${id}`);
    if (id === this.library.current) await this.active.settled();
    const { state } = await this.read(id);
    const images = Object.values(state.products).flatMap((p) => (p.image ? [p.image] : []));
    return exportShow(this.library.dirOf(id), imageCacheDir, images, { title: state.title, createdAt: record.createdAt });
  }

  /** A package from another studio as a new show, exactly as it was; a damaged or foreign one changes nothing. */
  async importPackage(upload: Readable, limit: number, imageCacheDir: string): Promise<ShowRecord> {
    const pkg = await readPackage(upload, limit);
    const folder = await unpackShow(pkg, this.library.root, imageCacheDir);
    const { state, sales } = await replayShow(folder);
    return this.library.addFolder(folder, { title: state.title, createdAt: pkg.manifest.createdAt, summary: summarize(state, sales, this.now()) });
  }

  async close(): Promise<void> {
    await this.switching.catch(() => {});
    this.stopSummary();
    await this.saveSummary().catch(() => {});
  }

  private saveSummary(): Promise<ShowRecord> {
    return this.library.update(this.library.current, { title: this.active.current.title, summary: summarize(this.active.current, this.active.sales, this.now()) });
  }

  /** Keeps the open show's summary in the index, at most every couple of seconds. */
  private followSummary(): () => void {
    const off = this.active.subscribe(() => {
      if (this.summaryTimer) return;
      this.summaryTimer = setTimeout(() => {
        this.summaryTimer = null;
        void this.saveSummary().catch(() => {});
      }, SUMMARY_EVERY_MS);
      this.summaryTimer.unref();
    });
    return () => {
      off();
      if (this.summaryTimer) clearTimeout(this.summaryTimer);
      this.summaryTimer = null;
    };
  }
}

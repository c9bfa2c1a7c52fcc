import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { z } from 'zod';
import { Command, type CommandType } from '../../shared/commands';
import { mayRun } from '../../shared/access';
import type { Actor, JournalEntry, ShowEvent } from '../../shared/events';
import { CommandError } from './command-error';
import { decide } from './decide';
import { JournalWriter, readJournal, type JournalPosition, type TornTail } from './journal';
import { applyEntry } from './reducer';
import { readSnapshot, writeSnapshot, type StateSnapshot } from './snapshot';
import { initialShowState, type ShowState } from './state';
import { SalesBook, type SalesBookImage } from './sales-book';
import { readSalesSnapshot, writeSalesSnapshot } from './sales-snapshot';

export interface CommandResult {
  revision: number;
  events: ShowEvent[];
}

export interface ShowCoreOptions {
  /** Take a snapshot after this many journal entries, so a restart replays little. */
  snapshotEvery?: number;
  /** How many recent entries the audit trail keeps in memory. */
  auditSize?: number;
  now?: () => number;
}

export interface OpenReport {
  replayed: number;
  fromSnapshot: number;
  tornTail: TornTail | null;
}

type Listener = (state: ShowState, entry: JournalEntry) => void;

/**
 * The show, owned in one place. Commands are validated, decided into events, applied to the
 * in-memory state at once (so the next command sees them), and acknowledged only once the journal
 * has them on disk; listeners hear about an entry only after that, so no face ever shows a change
 * a crash could take back.
 */
export class ShowCore {
  private state: ShowState;
  private committed: ShowState;
  private listeners = new Set<Listener>();
  private audit: JournalEntry[] = [];
  private sinceSnapshot = 0;
  /** Orders and refunds the book held at its last snapshot: an unchanged book is not written again. */
  private salesAtSnapshot = -1;
  /** Where the journal's line of the last acknowledged entry ends: snapshots keep it. */
  private position: JournalPosition | null = null;
  private snapshotting: Promise<void> | null = null;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private readonly journal: JournalWriter,
    state: ShowState,
    /** Every order of the show and its totals (a projection of the journal, see SalesBook). */
    readonly sales: SalesBook,
    private readonly options: Required<ShowCoreOptions>
  ) {
    this.state = state;
    this.committed = state;
  }

  static async open(dir: string, options: ShowCoreOptions = {}): Promise<{ core: ShowCore; report: OpenReport }> {
    await mkdir(dir, { recursive: true });
    const snapshot = await readSnapshot(dir);
    const stateRev = snapshot?.state.revision ?? 0;
    // The sales book comes from its own snapshot plus the journal after it; without one (or with one
    // the journal does not reach), from every order of the journal.
    let image = await readSalesSnapshot(dir);
    const salesAfter = () => image?.revision ?? 0;
    let read = await readJournal(dir, stateRev, (rev, line) => rev > salesAfter() && SalesBook.wants(line()), readFrom(snapshot, image));
    if (image && image.revision > (read.entries.at(-1)?.rev ?? stateRev)) {
      image = null;
      read = await readJournal(dir, stateRev, (_rev, line) => SalesBook.wants(line()));
    }
    const { entries, older, tornTail } = read;
    const sales = image ? SalesBook.restore(image) : new SalesBook();
    const salesAtSnapshot = image ? salesMarker(sales) : -1;
    for (const entry of older) sales.apply(entry);
    // A snapshot from an older version lacks newer fields: they start from their defaults.
    let state: ShowState = snapshot ? { ...initialShowState(), ...snapshot.state } : initialShowState();
    for (const entry of entries) {
      state = applyEntry(state, entry);
      if (entry.rev > salesAfter()) sales.apply(entry);
    }
    const journal = await JournalWriter.open(dir);
    const core = new ShowCore(dir, journal, state, sales, {
      snapshotEvery: options.snapshotEvery ?? 1000,
      auditSize: options.auditSize ?? 500,
      now: options.now ?? Date.now
    });
    core.audit = entries.slice(-core.options.auditSize);
    core.sinceSnapshot = entries.length;
    core.salesAtSnapshot = salesAtSnapshot;
    core.position = { offset: journal.size, rev: state.revision };
    return { core, report: { replayed: entries.length, fromSnapshot: stateRev, tornTail } };
  }

  /** The state as acknowledged: what every face is shown. */
  get current(): ShowState {
    return this.committed;
  }

  /** Validates and runs a command; resolves once it is on disk. Refusals throw `CommandError`. */
  async execute(input: unknown, actor: Actor): Promise<CommandResult> {
    if (this.closed) throw new CommandError('closing', 409, 'the studio is shutting down');
    // The role is checked before the body: a viewer learns nothing about what a valid command looks like.
    const claimed = commandTypeOf(input);
    if (claimed) refuseUnlessAllowed(actor, claimed);
    const parsed = Command.safeParse(input);
    if (!parsed.success) throw new CommandError('invalid_command', 400, describeZodError(parsed.error));
    const events = decide(this.state, parsed.data, { now: this.options.now(), actor, orders: this.sales });
    if (events.length === 0) {
      // Nothing changes (unpin with nothing on air): answer with the acknowledged revision.
      await this.settled();
      return { revision: this.committed.revision, events };
    }
    const entry: JournalEntry = { rev: this.state.revision + 1, at: this.options.now(), actor, command: parsed.data.type, events };
    const next = applyEntry(this.state, entry);
    this.state = next;
    // Applied before the disk has it, so the next batch of orders is classified against this one.
    this.sales.apply(entry);
    const position = await this.journal.append(entry);
    this.acknowledge(next, entry, position);
    return { revision: entry.rev, events };
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The most recent acknowledged entries, newest last: who did what, when. */
  recentEntries(limit = 100): JournalEntry[] {
    return this.audit.slice(-limit);
  }

  /** Waits until every command accepted so far is acknowledged. */
  async settled(): Promise<void> {
    while (this.committed.revision < this.state.revision) {
      await new Promise<void>((resolve) => {
        const off = this.subscribe(() => {
          off();
          resolve();
        });
      });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.journal.close();
    await this.snapshotting;
    if (this.sinceSnapshot > 0) await writeSnapshot(this.dir, this.committed, this.positionOf(this.committed));
    await this.snapshotSales(this.committed);
  }

  private acknowledge(state: ShowState, entry: JournalEntry, position: JournalPosition): void {
    // Journal appends resolve in order, so `state` is always the newest acknowledged one.
    this.committed = state;
    this.position = position;
    this.audit.push(entry);
    if (this.audit.length > this.options.auditSize * 2) this.audit = this.audit.slice(-this.options.auditSize);
    for (const listener of this.listeners) listener(state, entry);
    if (++this.sinceSnapshot >= this.options.snapshotEvery && !this.snapshotting) this.snapshot(state);
  }

  private snapshot(state: ShowState): void {
    this.sinceSnapshot = 0;
    this.snapshotting = Promise.all([writeSnapshot(this.dir, state, this.positionOf(state)), this.snapshotSales(state)])
      .then(() => undefined)
      .catch(() => {
        // The journal alone still holds the show; try again after the next batch of entries.
        this.sinceSnapshot = this.options.snapshotEvery;
      })
      .finally(() => {
        this.snapshotting = null;
      });
  }

  /**
   * The book is captured only when it holds exactly the acknowledged journal: with commands still on
   * their way to the disk it is ahead of it, and a crash would leave a snapshot the journal lacks.
   */
  private async snapshotSales(state: ShowState): Promise<void> {
    const marker = salesMarker(this.sales);
    if (this.sales.appliedRevision !== state.revision || marker === this.salesAtSnapshot) return;
    await writeSalesSnapshot(this.dir, { ...this.sales.capture(), journal: this.positionOf(state) });
    // Only once written: a failed write is tried again at the next snapshot or at close.
    this.salesAtSnapshot = marker;
  }

  private positionOf(state: ShowState): JournalPosition | undefined {
    return this.position?.rev === state.revision ? this.position : undefined;
  }
}

/** Changes whenever an order is counted or taken out. */
const salesMarker = (book: SalesBook) => book.orderCount + book.view().refunds;

const COMMAND_TYPES: ReadonlySet<string> = new Set(Command.options.map((option) => option.shape.type.value));

function commandTypeOf(input: unknown): CommandType | null {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  return typeof type === 'string' && COMMAND_TYPES.has(type) ? (type as CommandType) : null;
}

/**
 * Roles are enforced here, where every command passes, not only at the HTTP edge. An actor without
 * a role is the studio itself (marketplace poller, deal timer, demo loader); the HTTP edge always
 * sets one (see `actorOf`).
 */
function refuseUnlessAllowed(actor: Actor, type: CommandType): void {
  const role = actor.role ?? 'system';
  if (!mayRun(role, type)) throw new CommandError('forbidden', 403, `a ${role} cannot run ${type}`);
}

/**
 * Where replay starts: after the older of the two snapshots, when both say where their revision's
 * journal line ends; from the beginning otherwise (no sales snapshot means every order is needed).
 */
function readFrom(snapshot: StateSnapshot | null, image: SalesBookImage | null): JournalPosition | undefined {
  if (!snapshot || !image) return undefined;
  return snapshot.state.revision <= image.revision ? snapshot.journal : image.journal;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export const showDir = (dataDir: string): string => join(dataDir, 'show');

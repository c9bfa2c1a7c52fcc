import { join } from 'node:path';
import { mkdir } from 'node:fs/promises';
import { CommandSchema, isCommandName, mayRun, type Command, type CommandName } from '../../shared/command-registry';
import type { Actor, JournalEntry, ShowEvent } from '../../shared/events';
import { CommandError } from './command-error';
import { decide, type OrderLedger } from './decide';
import { JournalCorruptError, JournalWriter, serializeEntry, type JournalPosition, type JournalStatus, type TornTail } from './journal';
import { AuditTrail } from './audit-trail';
import type { JournalWriterOptions } from './journal-writer';
import { recoverJournal, type JournalRecovery } from './journal-recovery';
import { replayShow, salesMarker } from './show-replay';
import { applyEntry } from './reducer';
import { copyProductsAhead, type ProductIds, type ProductsCopy } from './products-copy';
import { writeSnapshot } from './snapshot';
import type { ShowState } from './state';
import type { SalesBook } from './sales-book';
import { PendingOrders } from './pending-orders';
import { writeSalesSnapshot } from './sales-snapshot';
import { describeZodError } from '../common/zod-errors';
import { isBigSalesRecord, SalesIntake } from './sales-intake';

/** Kept for callers that import it from the core; it lives in the common layer. */
export { describeZodError };

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
  /**
   * A journal that cannot be replayed (damaged, or behind a snapshot) is set right instead of
   * refused: the unusable part is kept in a file beside it and the show starts from the last good
   * revision (see recoverJournal).
   */
  recoverJournal?: boolean;
  /** Where a listener's failure is told (it never undoes an acknowledged change). */
  onListenerError?: (err: unknown) => void;
  /** The journal writer's knobs: probe interval, and the file wrapper tests inject faults with. */
  journal?: Pick<JournalWriterOptions, 'probeEveryMs' | 'probe' | 'wrapFile'>;
}

export interface OpenReport {
  replayed: number;
  fromSnapshot: number;
  tornTail: TornTail | null;
  /** Set when `recoverJournal` had to set the journal right. */
  recovered: JournalRecovery[];
}

type Listener = (state: ShowState, entry: JournalEntry) => void;

/** An entry decided and applied to the state the next command sees, not yet on disk. */
interface PendingEntry {
  entry: JournalEntry;
  state: ShowState;
}

/** From this many products a catalogue change copies them ahead (below, the copy takes under 3 ms). */
const COPY_PRODUCTS_AHEAD_FROM = 5000;

/**
 * The show, owned in one place. Commands are validated, decided into events and applied to the
 * state the next command decides on (so a burst is decided in order and written together), and
 * acknowledged only once the journal has them on disk; listeners and the sales book hear about an
 * entry only after that, so no face ever shows a change a crash or a full disk could take back.
 * When the journal cannot be written, every entry not yet on disk is dropped again, in order.
 */
export class ShowCore {
  private state: ShowState;
  private committed: ShowState;
  private pending: PendingEntry[] = [];
  private readonly pendingOrders = new PendingOrders();
  private readonly intake: SalesIntake;
  /** Settles when the newest append settles: what a command that changes nothing waits for. */
  private lastAppend: Promise<unknown> = Promise.resolve();
  private listeners = new Set<Listener>();
  private sinceSnapshot = 0;
  /** Orders and refunds the book held at its last snapshot: an unchanged book is not written again. */
  private salesAtSnapshot = -1;
  /** The ids of the show's products after the last big catalogue change (see copyProductsAhead). */
  private productIds: ProductIds | null = null;
  /** Where the journal's line of the last acknowledged entry ends: snapshots keep it. */
  private position: JournalPosition | null = null;
  private snapshotting: Promise<void> | null = null;
  private closed = false;
  private journal!: JournalWriter;
  /** The book as `decide` sees it: the durable orders plus those of pending entries. */
  private readonly ledger: OrderLedger = {
    classify: (source, orders, onAir) => this.sales.classify(source, orders, onAir, this.pendingOrders)
  };

  private constructor(
    private readonly dir: string,
    state: ShowState,
    /** Every order of the show and its totals (a projection of the durable journal, see SalesBook). */
    readonly sales: SalesBook,
    /** The recent entries `GET /api/v1/journal` pages through. */
    private readonly audit: AuditTrail,
    private readonly options: Required<Omit<ShowCoreOptions, 'journal' | 'recoverJournal' | 'auditSize'>>
  ) {
    this.state = state;
    this.committed = state;
    this.intake = new SalesIntake(sales, this.pendingOrders);
  }

  static async open(dir: string, options: ShowCoreOptions = {}): Promise<{ core: ShowCore; report: OpenReport }> {
    await mkdir(dir, { recursive: true });
    const recovered: JournalRecovery[] = [];
    for (;;) {
      try {
        return await ShowCore.openAsIs(dir, options, recovered);
      } catch (err) {
        // Each recovery removes what was refused, so this ends: at worst with an empty journal.
        if (!(err instanceof JournalCorruptError) || !options.recoverJournal || recovered.length >= 3) throw err;
        recovered.push(await recoverJournal(dir, err));
      }
    }
  }

  private static async openAsIs(dir: string, options: ShowCoreOptions, recovered: JournalRecovery[]): Promise<{ core: ShowCore; report: OpenReport }> {
    const { state, sales, salesAtSnapshot, replayed, recent, tornTail, fromSnapshot } = await replayShow(dir, new AuditTrail(options.auditSize ?? 500));
    const core = new ShowCore(dir, state, sales, recent, {
      snapshotEvery: options.snapshotEvery ?? 1000,
      now: options.now ?? Date.now,
      onListenerError: options.onListenerError ?? ((err) => console.error('A listener of the show failed:', err))
    });
    core.journal = await JournalWriter.open(dir, { ...options.journal, now: options.now, onFailure: (rev) => core.dropFrom(rev) });
    core.sinceSnapshot = replayed;
    core.salesAtSnapshot = salesAtSnapshot;
    core.position = { offset: core.journal.size, rev: state.revision };
    return { core, report: { replayed, fromSnapshot, tornTail, recovered } };
  }

  /** The state as acknowledged: what every face is shown. */
  get current(): ShowState {
    return this.committed;
  }

  /** Whether changes can be saved right now (the health check says so). */
  journalStatus(): JournalStatus {
    return this.journal.status();
  }

  /**
   * Runs a command from outside the core (the network edge), where anything may arrive: the role
   * is checked before the shape, so a viewer learns nothing about what a valid command looks like.
   */
  async executeUntrusted(input: unknown, actor: Actor): Promise<CommandResult> {
    this.refuseIfClosed();
    const claimed = commandNameOf(input);
    if (claimed) refuseUnlessAllowed(actor, claimed);
    // `execute` checks the shape: once, for every caller.
    return this.execute(input as Command, actor);
  }

  /**
   * Runs a command; trusted callers (deal timer, poller, demo loader, webhook) pass it typed. Its
   * schema is still checked here, since a journal entry is forever: a file's odd row or a
   * marketplace's odd order is refused, never journaled. Resolves once it is on disk. Refusals
   * throw `CommandError`; a journal that cannot be written throws `DiskUnwritableError` and the
   * show stays as it was.
   */
  async execute(input: Command, actor: Actor): Promise<CommandResult> {
    this.refuseIfClosed();
    // A big batch of orders is checked and classified in slices, so pins are served in between.
    if (isBigSalesRecord(input)) {
      refuseUnlessAllowed(actor, 'sales.record');
      const command = await this.intake.check(input);
      return this.intake.take(command, (ledger) => this.decideAndAppend(command, actor, ledger));
    }
    const parsed = CommandSchema.safeParse(input);
    if (!parsed.success) throw new CommandError('invalid_command', 400, describeZodError(parsed.error));
    const command = parsed.data;
    refuseUnlessAllowed(actor, command.type);
    // Orders wait for a big batch still being classified: both are counted against each other.
    if (command.type === 'sales.record' && this.intake.busy) return this.intake.take(command, (ledger) => this.decideAndAppend(command, actor, ledger));
    // A big catalogue is copied ahead in slices, so the change itself does not copy it in one piece.
    if (command.type === 'catalogue.import' && this.state.productCount >= COPY_PRODUCTS_AHEAD_FROM) {
      const productsCopy = await copyProductsAhead(this.state.products, this.productIds);
      const appended = this.decideAndAppend(command, actor, this.ledger, productsCopy);
      // The next part of the import lists no ids: they are these and the part's new ones.
      this.productIds = productsCopy.taken ? productsCopy.idsAfter(command.products, this.state.products) : null;
      return appended;
    }
    return this.decideAndAppend(command, actor, this.ledger);
  }

  /** Decides, applies and appends in one synchronous piece; resolves once the entry is on disk. */
  private async decideAndAppend(command: Command, actor: Actor, orders: OrderLedger, productsCopy?: ProductsCopy): Promise<CommandResult> {
    this.refuseIfClosed();
    const events = decide(this.state, command, { now: this.options.now(), actor, orders });
    if (events.length === 0) {
      // Nothing changes (unpin with nothing on air): answer with the acknowledged revision.
      await this.settled();
      return { revision: this.committed.revision, events };
    }
    const entry: JournalEntry = { rev: this.state.revision + 1, at: this.options.now(), actor, command: command.type, events };
    // Computed before the append: a change is journaled only once applying it has succeeded.
    const next = applyEntry(this.state, entry, productsCopy);
    this.state = next;
    this.pending.push({ entry, state: next });
    this.pendingOrders.add(entry);
    const line = Buffer.from(serializeEntry(entry));
    const appended = this.journal.append(entry, line);
    this.lastAppend = appended.catch(() => {});
    const position = await appended;
    this.acknowledge(next, entry, position, line);
    return { revision: entry.rev, events };
  }

  private refuseIfClosed(): void {
    if (this.closed) throw new CommandError('closing', 409, 'the studio is shutting down');
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The most recent acknowledged entries, newest last: who did what, when. */
  recentEntries(limit = 100): JournalEntry[] {
    return this.audit.recent(limit);
  }

  /** Waits until every command accepted so far is acknowledged or refused. */
  async settled(): Promise<void> {
    await this.lastAppend;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.journal.close();
    await this.snapshotting;
    try {
      if (this.sinceSnapshot > 0) await writeSnapshot(this.dir, this.committed, this.positionOf(this.committed));
      await this.snapshotSales(this.committed);
    } catch {
      // A full disk at shutdown: the journal alone holds the show; the next start replays more of it.
    }
  }

  private acknowledge(state: ShowState, entry: JournalEntry, position: JournalPosition, line: Buffer): void {
    // Journal appends resolve in order, so `state` is always the newest acknowledged one.
    this.committed = state;
    this.position = position;
    if (this.pending[0]?.entry === entry) this.pending.shift();
    this.audit.add(entry, line);
    // The book takes only what is durable; it is made of Maps and typed arrays, so no id can make it throw.
    this.sales.apply(entry);
    this.pendingOrders.settle(entry);
    for (const listener of this.listeners) {
      // The change is on disk and acknowledged whatever a face does with it.
      try {
        listener(state, entry);
      } catch (err) {
        this.options.onListenerError(err);
      }
    }
    if (++this.sinceSnapshot >= this.options.snapshotEvery && !this.snapshotting) this.snapshot(state);
  }

  /** The journal could not write revision `rev`: it and every later pending entry are dropped. */
  private dropFrom(rev: number): void {
    this.pending = this.pending.filter((p) => p.entry.rev < rev);
    this.state = this.pending.at(-1)?.state ?? this.committed;
    this.pendingOrders.clear();
    for (const p of this.pending) this.pendingOrders.add(p.entry);
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

function commandNameOf(input: unknown): CommandName | null {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  return isCommandName(type) ? type : null;
}

/**
 * Roles are enforced here, where every command passes, not only at the HTTP edge. An actor without
 * a role is the studio itself (marketplace poller, deal timer, demo loader); the HTTP edge always
 * sets one (see `actorOf`).
 */
function refuseUnlessAllowed(actor: Actor, type: CommandName): void {
  const role = actor.role ?? 'system';
  if (!mayRun(role, type)) throw new CommandError('forbidden', 403, `a ${role} cannot run ${type}`);
}


export const showDir = (dataDir: string): string => join(dataDir, 'show');

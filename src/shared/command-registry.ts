import { z } from 'zod';
import type { Role } from './access';
import type { ShowEvent } from './events';
import { CreateGraphic, DeleteGraphic, EditGraphic, HideGraphic, ShowGraphic, type Graphic } from './graphics';
import type { FlashDealView, ImportResult, OnAirView, RundownEntryView, ShowView } from './view';
import type { ShowTiming } from './timing';
import { AddItem, ClearHostMessage, EndDeal, ExtendItem, HoldItem, PlanItem, SpreadPlan, SendHostMessage, SlotUp, ImportProducts, MoveItem, Next, Pin, Previous, RecordSales, RecordingStarted, RecordingStopped, RecordingPaused, RecordingResumed, RemoveItem, SetStock, StartDeal, Unpin, UpdateShow } from './commands';

/**
 * Every command of the show in one typed table, in the style of obs-websocket-js's request map:
 * its input schema, the roles that may run it, its HTTP route and what that route answers. The
 * server's routes and role checks, the core's `mayRun`, the control room's `studio.run(...)` and
 * its `useMay`, the API document's table and the fuzz test all read it: adding a command is one
 * entry here (plus its schema beside it in ./commands).
 */

/** What a command's route answers from: the new revision, the events, and the show as faces see it now. */
export interface CommandDone {
  revision: number;
  events: readonly ShowEvent[];
  view: () => ShowView;
}

/** A route whose JSON body (fields of the command) and `:field` path segments make the command. */
export interface JsonRoute<R> {
  kind: 'json';
  method: 'POST' | 'DELETE' | 'PATCH';
  /** Each `:name` segment fills the command's field of that name; the body never overrides it. */
  path: string;
  /** 201 for a command that makes something. */
  status?: 200 | 201;
  /** false: the route reads no body (`DELETE /api/v1/deal` ends whatever deal runs). */
  body?: boolean;
  /** The answer; null when what the command made is gone again (answered 409 `conflict` with `gone`). */
  answer: (done: CommandDone) => R | null;
  gone?: string;
}

/** A route that takes a file, not a command's fields: its own handler turns it into commands. */
export interface UploadRoute<R> {
  kind: 'upload';
  method: 'POST';
  path: string;
  /** Type only: what the upload route answers. */
  readonly answers?: R;
}

type Route = JsonRoute<unknown> | UploadRoute<unknown> | null;

interface CommandSpec<S extends z.ZodType, H extends Route> {
  schema: S;
  /** Roles (besides the studio itself) that may run it. */
  roles: readonly Role[];
  /** null: only the studio runs it (the marketplace poller, the Shopify webhook). */
  http: H;
  /** One line for the API document's table. */
  summary: string;
}

const command = <S extends z.ZodType, H extends Route>(spec: CommandSpec<S, H>): CommandSpec<S, H> => spec;
const upload = <R>(path: string): UploadRoute<R> => ({ kind: 'upload', method: 'POST', path });

/** The show on air: what a moderator may do. */
const ON_AIR: readonly Role[] = ['producer', 'moderator'];
/** The show's settings, catalogue and sales: the producer's alone. */
const PRODUCER: readonly Role[] = ['producer'];
/** The host's monitor changes nothing but acknowledging a message. */
const ON_AIR_AND_HOST: readonly Role[] = ['producer', 'moderator', 'host'];

const revisionOnly = ({ revision }: CommandDone) => ({ revision });
const onAir = ({ revision, view }: CommandDone): { revision: number; onAir: OnAirView | null } => ({ revision, onAir: view().onAir });
/** The graphic a command made or changed, as faces see it, with the new revision. */
const graphicOf =
  (id: (done: CommandDone) => string | undefined) =>
  (done: CommandDone): (Graphic & { revision: number }) | null => {
    const graphicId = id(done);
    const found = graphicId === undefined ? undefined : (done.view().graphics ?? []).find((g) => g.id === graphicId);
    return found ? { ...found, revision: done.revision } : null;
  };
const namedGraphic = graphicOf(({ events }) => {
  for (const e of events) if ('graphicId' in e) return e.graphicId;
  return undefined;
});
/** Hold and extend answer the item on air with the clock's figures, for a Stream Deck key's label. */
const onAirTiming = ({ revision, view }: CommandDone): { revision: number; onAir: OnAirView | null; timing: ShowTiming | undefined } => {
  const shown = view();
  return { revision, onAir: shown.onAir, timing: shown.timing };
};
const deal = ({ revision, view }: CommandDone): { revision: number; deal: FlashDealView | null } => ({ revision, deal: view().deal });

export const COMMANDS = {
  'rundown.add': command({
    schema: AddItem,
    roles: ON_AIR,
    summary: 'puts a product into the rundown; answers the new item',
    http: {
      kind: 'json',
      method: 'POST',
      path: '/api/v1/rundown/items',
      status: 201,
      answer: ({ revision, events, view }): (RundownEntryView & { revision: number }) | null => {
        const added = events.find((e) => e.type === 'rundown.itemAdded');
        const item = added && view().rundown.find((i) => i.id === added.item.id);
        return item ? { ...item, revision } : null;
      },
      gone: 'the item was removed before it could be returned'
    }
  }),
  'rundown.remove': command({
    schema: RemoveItem,
    roles: ON_AIR,
    summary: 'takes an item out of the rundown (and off air)',
    http: { kind: 'json', method: 'DELETE', path: '/api/v1/rundown/items/:itemId', answer: revisionOnly }
  }),
  'rundown.move': command({
    schema: MoveItem,
    roles: ON_AIR,
    summary: 'moves an item to its final position',
    http: { kind: 'json', method: 'POST', path: '/api/v1/rundown/items/:itemId/move', answer: revisionOnly }
  }),
  'rundown.pin': command({
    schema: Pin,
    roles: ON_AIR,
    summary: 'puts an item on air',
    http: { kind: 'json', method: 'POST', path: '/api/v1/rundown/pin', answer: onAir }
  }),
  'rundown.next': command({
    schema: Next,
    roles: ON_AIR,
    summary: 'puts the next item on air',
    http: { kind: 'json', method: 'POST', path: '/api/v1/rundown/next', answer: onAir }
  }),
  'rundown.previous': command({
    schema: Previous,
    roles: ON_AIR,
    summary: 'puts the previous item on air',
    http: { kind: 'json', method: 'POST', path: '/api/v1/rundown/previous', answer: onAir }
  }),
  'rundown.unpin': command({
    schema: Unpin,
    roles: ON_AIR,
    summary: 'takes the item off air',
    http: { kind: 'json', method: 'POST', path: '/api/v1/rundown/unpin', answer: onAir }
  }),
  'catalogue.import': command({
    schema: ImportProducts,
    roles: PRODUCER,
    summary: 'imports a CSV or JSON catalogue, in parts of at most 1,000 products',
    http: upload<ImportResult>('/api/v1/products/import')
  }),
  'product.setStock': command({
    schema: SetStock,
    roles: ON_AIR,
    summary: 'sets the units left (0: sold out, null: not tracked)',
    http: { kind: 'json', method: 'POST', path: '/api/v1/products/:productId/stock', answer: revisionOnly }
  }),
  'show.update': command({
    schema: UpdateShow,
    roles: PRODUCER,
    summary: "changes the show's title, locales, theme, goal or base language",
    http: { kind: 'json', method: 'PATCH', path: '/api/v1/show', answer: ({ revision, view }): { revision: number; show: ShowView } => ({ revision, show: view() }) }
  }),
  'deal.start': command({
    schema: StartDeal,
    roles: ON_AIR,
    summary: 'starts a flash deal (replacing the running one)',
    http: { kind: 'json', method: 'POST', path: '/api/v1/deal', answer: deal }
  }),
  'deal.end': command({
    schema: EndDeal,
    roles: ON_AIR,
    summary: 'ends the running deal now',
    http: { kind: 'json', method: 'DELETE', path: '/api/v1/deal', body: false, answer: deal }
  }),
  'sales.record': command({
    schema: RecordSales,
    roles: PRODUCER,
    summary: "records a marketplace's orders (the studio's poller and webhook)",
    http: null
  }),
  'graphics.create': command({
    schema: CreateGraphic,
    roles: PRODUCER,
    summary: 'prepares an announcement, coupon or lower third; answers the new graphic',
    http: {
      kind: 'json',
      method: 'POST',
      path: '/api/v1/graphics',
      status: 201,
      answer: graphicOf(({ events }) => {
        const created = events.find((e) => e.type === 'graphic.created');
        return created?.type === 'graphic.created' ? created.graphic.id : undefined;
      }),
      gone: 'the graphic was deleted before it could be returned'
    }
  }),
  'graphics.edit': command({
    schema: EditGraphic,
    roles: PRODUCER,
    summary: "changes a graphic's texts, codes or time",
    http: { kind: 'json', method: 'PATCH', path: '/api/v1/graphics/:graphicId', answer: namedGraphic, gone: 'the graphic was deleted before it could be returned' }
  }),
  'graphics.delete': command({
    schema: DeleteGraphic,
    roles: PRODUCER,
    summary: 'deletes a graphic (hiding it first)',
    http: { kind: 'json', method: 'DELETE', path: '/api/v1/graphics/:graphicId', body: false, answer: revisionOnly }
  }),
  'graphics.show': command({
    schema: ShowGraphic,
    roles: ON_AIR,
    summary: 'shows a graphic on every overlay and OBS, for `seconds` or until hidden',
    http: { kind: 'json', method: 'POST', path: '/api/v1/graphics/:graphicId/show', answer: namedGraphic, gone: 'the graphic was deleted before it could be returned' }
  }),
  'graphics.hide': command({
    schema: HideGraphic,
    roles: ON_AIR,
    summary: 'hides a graphic now (the studio hides timed ones itself)',
    // No body: `hidesAt` is the studio's own timer's; a caller always hides now.
    http: { kind: 'json', method: 'POST', path: '/api/v1/graphics/:graphicId/hide', body: false, answer: namedGraphic, gone: 'the graphic was deleted before it could be returned' }
  }),
  'rundown.plan': command({
    schema: PlanItem,
    roles: ON_AIR,
    summary: "sets an item's planned length and its own auto-advance (null: the show's setting); answers the item",
    http: {
      kind: 'json',
      method: 'PATCH',
      path: '/api/v1/rundown/items/:itemId',
      answer: ({ revision, events, view }): { revision: number; item: RundownEntryView | null } => {
        const planned = events.find((e) => e.type === 'rundown.itemPlanned');
        const itemId = planned?.type === 'rundown.itemPlanned' ? planned.itemId : undefined;
        return { revision, item: view().rundown.find((i) => i.id === itemId) ?? null };
      }
    }
  }),
  'rundown.spread': command({
    schema: SpreadPlan,
    roles: PRODUCER,
    summary: 'spreads a planned total evenly over the slots still to come (aired and on-air slots keep theirs); answers the timing',
    http: {
      kind: 'json',
      method: 'POST',
      path: '/api/v1/rundown/spread',
      answer: ({ revision, events, view }): { revision: number; planned: number; timing: ShowTiming | undefined } => ({
        revision,
        planned: events.filter((e) => e.type === 'rundown.itemPlanned').length,
        timing: view().timing
      })
    }
  }),
  'rundown.hold': command({
    schema: HoldItem,
    roles: ON_AIR,
    summary: 'keeps the item on air past its slot (`release: true` lets auto-advance take it again)',
    http: { kind: 'json', method: 'POST', path: '/api/v1/rundown/hold', answer: onAirTiming }
  }),
  'rundown.extend': command({
    schema: ExtendItem,
    roles: ON_AIR,
    summary: 'gives the item on air more time (60 seconds by default)',
    http: { kind: 'json', method: 'POST', path: '/api/v1/rundown/extend', answer: onAirTiming }
  }),
  'rundown.slotUp': command({
    schema: SlotUp,
    roles: PRODUCER,
    summary: "the show clock's own: the slot on air is up (stale ones do nothing)",
    http: null
  }),
  'host.message': command({
    schema: SendHostMessage,
    roles: ON_AIR,
    summary: "puts a message on the host's monitor; answers its id",
    http: {
      kind: 'json',
      method: 'POST',
      path: '/api/v1/host/messages',
      status: 201,
      answer: ({ revision, events }): { id: string | null; revision: number } => {
        const sent = events.find((e) => e.type === 'host.messageSent');
        return { id: sent?.type === 'host.messageSent' ? sent.message.id : null, revision };
      }
    }
  }),
  'host.clearMessage': command({
    schema: ClearHostMessage,
    roles: ON_AIR_AND_HOST,
    summary: "takes a message off the host's monitor (the host acknowledging it)",
    http: { kind: 'json', method: 'DELETE', path: '/api/v1/host/messages/:messageId', body: false, answer: revisionOnly }
  }),
  'recording.started': command({
    schema: RecordingStarted,
    roles: PRODUCER,
    summary: 'an OBS started recording (told by the studio as OBS reports it; recordings are started with POST /api/v1/recordings)',
    http: null
  }),
  'recording.stopped': command({
    schema: RecordingStopped,
    roles: PRODUCER,
    summary: 'an OBS stopped recording (told by the studio as OBS reports it)',
    http: null
  }),
  'recording.paused': command({
    schema: RecordingPaused,
    roles: PRODUCER,
    summary: 'an OBS paused its recording (told by the studio as OBS reports it): the file has no frames until it resumes',
    http: null
  }),
  'recording.resumed': command({
    schema: RecordingResumed,
    roles: PRODUCER,
    summary: 'an OBS resumed its paused recording (told by the studio as OBS reports it)',
    http: null
  })
};

type Registry = typeof COMMANDS;
export type CommandName = keyof Registry;
/** A command as the core decides it (validated, defaults filled in). */
export type CommandOf<K extends CommandName> = z.output<Registry[K]['schema']>;
/** Every change to a show is one of these; the core validates, decides, journals, applies. */
export type Command = { [K in CommandName]: CommandOf<K> }[CommandName];
/** Commands a client runs with `studio.run(name, input)`: those with a JSON route. */
export type RunnableName = { [K in CommandName]: Registry[K]['http'] extends JsonRoute<unknown> ? K : never }[CommandName];
/** What a client gives: the command's fields without `type`. */
export type CommandInput<K extends CommandName> = Omit<z.input<Registry[K]['schema']>, 'type'>;
/** `run(name, input)`'s input: optional when the command has no required field (`run('rundown.next')`). */
export type RunArgs<K extends CommandName> = Partial<CommandInput<K>> extends CommandInput<K> ? [input?: CommandInput<K>] : [input: CommandInput<K>];
/** What the command's route answers. */
export type CommandAnswer<K extends CommandName> = Registry[K]['http'] extends JsonRoute<infer R> | UploadRoute<infer R> ? R : never;

export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** Whether a name from outside (a journal line, a request) is one of the commands. */
export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}

/** `system` is the studio itself (marketplace poller, deal timer, demo loader): never a device. */
export function mayRun(role: Role | 'system', name: CommandName): boolean {
  return role === 'system' || COMMANDS[name].roles.includes(role);
}

/** The one schema every command from outside passes; the union keeps zod's messages per command. */
export const CommandSchema = z.discriminatedUnion(
  'type',
  COMMAND_NAMES.map((name) => COMMANDS[name].schema) as unknown as [typeof AddItem, ...(typeof AddItem)[]]
) as unknown as z.ZodType<Command>;

/** The HTTP request that runs a command: path segments filled from the input, the rest as the body. */
export function commandRequest<K extends RunnableName>(name: K, input: CommandInput<K>): { method: string; path: string; body: Record<string, unknown> | undefined } {
  const route = COMMANDS[name as CommandName].http as JsonRoute<unknown>;
  const body: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  const path = route.path.replace(/:([A-Za-z]+)/g, (_, field: string) => {
    const value = body[field];
    delete body[field];
    return encodeURIComponent(String(value));
  });
  return { method: route.method, path, body: route.body === false || Object.keys(body).length === 0 ? undefined : body };
}

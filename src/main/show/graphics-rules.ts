import type { Command } from '../../shared/command-registry';
import type { ShowEvent } from '../../shared/events';
import { GRAPHIC_EVENT_TYPES, type Graphic, type GraphicEvent, type GraphicPatch } from '../../shared/graphics';
import { CommandError, notFound } from './command-error';
import type { DecideContext } from './decide';
import type { ShowState } from './state';

/** A list an operator can still read in one glance; more is a mistake (or a script gone wrong). */
export const MAX_GRAPHICS = 200;
/** The timer fires a hair early or late; it hides the showing it was set for within this slack. */
const TIMER_SLACK_MS = 1000;

export type GraphicCommand = Extract<Command, { type: `graphics.${string}` }>;

export const isGraphicCommand = (command: Command): command is GraphicCommand => command.type.startsWith('graphics.');
export const isGraphicEvent = (event: ShowEvent): event is GraphicEvent => GRAPHIC_EVENT_TYPES.has(event.type);

/** Shows journaled before graphics existed have none. */
export const graphicsOf = (state: Pick<ShowState, 'graphics'>): Graphic[] => state.graphics ?? [];

function requireGraphic(state: ShowState, id: string): Graphic {
  // Ids are only ids: looked up by equality in a list, never as an object key.
  const graphic = graphicsOf(state).find((g) => g.id === id);
  if (!graphic) throw notFound('graphic', id);
  return graphic;
}

/** Turns a graphics command into its events, or refuses it. Pure, like `decide`. */
export function decideGraphic(state: ShowState, command: GraphicCommand, ctx: DecideContext): ShowEvent[] {
  switch (command.type) {
    case 'graphics.create': {
      if (graphicsOf(state).length >= MAX_GRAPHICS) throw new CommandError('too_many_graphics', 409, `a show holds at most ${MAX_GRAPHICS} graphics; delete some first`);
      const graphic: Graphic = {
        id: `graphic-${state.nextGraphicNumber ?? 1}`,
        kind: command.kind,
        text: command.text,
        code: command.code ?? {},
        detail: command.detail ?? {},
        seconds: command.seconds ?? null,
        visible: false,
        shownAt: null,
        hidesAt: null,
        createdBy: ctx.actor.id
      };
      return [{ type: 'graphic.created', graphic }];
    }
    case 'graphics.edit': {
      requireGraphic(state, command.graphicId);
      const patch: GraphicPatch = {};
      if (command.kind !== undefined) patch.kind = command.kind;
      if (command.text !== undefined) patch.text = command.text;
      if (command.code !== undefined) patch.code = command.code;
      if (command.detail !== undefined) patch.detail = command.detail;
      if (command.seconds !== undefined) patch.seconds = command.seconds;
      return [{ type: 'graphic.edited', graphicId: command.graphicId, patch }];
    }
    case 'graphics.delete':
      requireGraphic(state, command.graphicId);
      return [{ type: 'graphic.deleted', graphicId: command.graphicId }];
    case 'graphics.show': {
      const graphic = requireGraphic(state, command.graphicId);
      const seconds = command.seconds ?? graphic.seconds;
      // Showing again restarts its time: the operator wants it up for that long from now.
      return [{ type: 'graphic.shown', graphicId: graphic.id, shownAt: ctx.now, hidesAt: seconds ? ctx.now + seconds * 1000 : null }];
    }
    case 'graphics.hide': {
      const graphic = requireGraphic(state, command.graphicId);
      if (!graphic.visible) return [];
      if (command.hidesAt === undefined) return [{ type: 'graphic.hidden', graphicId: graphic.id, reason: 'hidden' }];
      // The timer's hide is for one showing: a graphic shown again since then stays up.
      if (graphic.hidesAt !== command.hidesAt || ctx.now < graphic.hidesAt - TIMER_SLACK_MS) return [];
      return [{ type: 'graphic.hidden', graphicId: graphic.id, reason: 'time-up' }];
    }
  }
}

/** Applies a graphics event. Pure: never mutates its inputs. */
export function applyGraphicEvent(state: ShowState, event: GraphicEvent): ShowState {
  const graphics = graphicsOf(state);
  const change = (id: string, update: (g: Graphic) => Graphic): ShowState => ({ ...state, graphics: graphics.map((g) => (g.id === id ? update(g) : g)) });
  switch (event.type) {
    case 'graphic.created': {
      const n = Number(event.graphic.id.replace(/^graphic-/, ''));
      const next = state.nextGraphicNumber ?? 1;
      return { ...state, graphics: [...graphics, event.graphic], nextGraphicNumber: Number.isInteger(n) && n >= next ? n + 1 : next };
    }
    case 'graphic.edited':
      return change(event.graphicId, (g) => ({ ...g, ...event.patch }));
    case 'graphic.deleted':
      return { ...state, graphics: graphics.filter((g) => g.id !== event.graphicId) };
    case 'graphic.shown':
      return change(event.graphicId, (g) => ({ ...g, visible: true, shownAt: event.shownAt, hidesAt: event.hidesAt }));
    case 'graphic.hidden':
      return change(event.graphicId, (g) => ({ ...g, visible: false, shownAt: null, hidesAt: null }));
  }
}

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LiveMessage, ShowView } from '@shared/view';
import type { LinkStatus } from './live-connection';

/** The show as this page last heard it from the studio. */
export interface MirroredShow {
  show: ShowView | null;
  /** Server clock minus ours, so times on air agree with the studio's, not this tablet's clock. */
  clockOffset: number;
}

export interface LiveMirror extends MirroredShow {
  link: LinkStatus;
  receive(message: LiveMessage, receivedAt: number): void;
  setLink(link: LinkStatus): void;
  /** The credential was refused: nothing of the show stays on screen. */
  forget(): void;
}

export type LiveMirrorStore = StoreApi<LiveMirror>;

/** What a live message does to the mirrored show: a snapshot replaces it, a patch replaces parts. */
export function applyLiveMessage(state: MirroredShow, message: LiveMessage, receivedAt: number): MirroredShow {
  switch (message.type) {
    case 'snapshot':
      return { show: message.state, clockOffset: message.serverTime - receivedAt };
    case 'patch':
      // A patch before any snapshot has nothing to patch: the snapshot that follows every (re)connect brings it all.
      if (!state.show) return state;
      return { ...state, show: { ...state.show, ...message.changes, revision: message.revision } };
    case 'heartbeat':
      return { ...state, clockOffset: message.serverTime - receivedAt };
  }
}

/**
 * One mirror of the show per page, the same for the control room and the overlays: a plain
 * zustand/vanilla store (no React), so an overlay in OBS carries only a few hundred bytes of it.
 */
export function createLiveMirror(): LiveMirrorStore {
  return createStore<LiveMirror>((set, get) => ({
    show: null,
    clockOffset: 0,
    link: 'connecting',
    receive(message, receivedAt) {
      const { show, clockOffset } = get();
      const next = applyLiveMessage({ show, clockOffset }, message, receivedAt);
      if (next.show !== show || next.clockOffset !== clockOffset) set(next);
    },
    setLink: (link) => set({ link }),
    forget: () => set({ show: null, clockOffset: 0, link: 'connecting' })
  }));
}

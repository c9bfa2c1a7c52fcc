import type { LiveMessage, ShowView } from '../../../shared/view';

export interface MirroredShow {
  show: ShowView | null;
  /** Server clock minus ours, so times on air agree with the studio's, not this tablet's clock. */
  clockOffset: number;
}

/** What a live message does to the mirrored show: a snapshot replaces it, a patch replaces parts. */
export function applyLiveMessage(state: MirroredShow, message: LiveMessage, receivedAt: number): MirroredShow {
  switch (message.type) {
    case 'snapshot':
      return { show: message.state, clockOffset: message.serverTime - receivedAt };
    case 'patch':
      if (!state.show) return state;
      return { ...state, show: { ...state.show, ...message.changes, revision: message.revision } };
    case 'heartbeat':
      return { ...state, clockOffset: message.serverTime - receivedAt };
  }
}

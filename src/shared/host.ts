import { z } from 'zod';

/** A moderator's note to the host ("say the code POLSKA10"), shown on `/host` until acknowledged or cleared. */
export interface HostMessage {
  id: string;
  text: string;
  /** Who sent it: the operator's name (or credential id). */
  from: string;
  at: number;
}

export const HostMessageText = z.string().trim().min(1).max(280);

/** At most this many messages wait for the host; the oldest goes when another comes. */
export const HOST_MESSAGE_LIMIT = 20;

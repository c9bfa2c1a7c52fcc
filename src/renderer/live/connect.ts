import { LiveConnection, type LiveHooks } from './live-connection';
import type { LiveMirrorStore } from './mirror';

/** Opens the studio's live feed into a mirror: every message and every change of the link lands there. */
export function connectMirror(mirror: LiveMirrorStore, url: string, hooks: LiveHooks = {}): LiveConnection {
  const { receive, setLink } = mirror.getState();
  const connection = new LiveConnection(url, receive, setLink, hooks);
  connection.start();
  return connection;
}

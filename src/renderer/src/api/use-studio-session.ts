import { useEffect, useState } from 'react';
import type { Whoami } from '@shared/access';
import { ApiFailure, StudioClient, type StudioAddress } from './client';
import type { LiveConnection } from '../../live/live-connection';
import { connectMirror } from '../../live/connect';
import { liveMirror } from '../store/live';
import { findStudio, forgetToken, isPairingPath } from './session';
import { useStudio } from '../store/studio-store';
import { t } from '../i18n/desk-text';


export type SessionStage =
  | { kind: 'starting' }
  /** No credential (or a device's was refused): the pairing screen, with why when there is a reason. */
  | { kind: 'pair'; notice?: string }
  /** The owner's token was refused (the data dir changed hands): only the Control URL helps. */
  | { kind: 'refused' }
  | { kind: 'ready' };

/** A studio from before roles answers 404 to `/me`: the owner is its producer, anyone else reads. */
const FALLBACK: Record<StudioAddress['kind'], Whoami> = {
  owner: { id: 'owner', name: 'Studio', role: 'producer' },
  device: { id: 'device', name: t('device.this'), role: 'viewer' }
};

async function whoami(client: StudioClient, isEnded: () => boolean): Promise<Whoami | null> {
  for (;;) {
    try {
      return await client.get<Whoami>('/api/v1/me');
    } catch (err) {
      const failure = err as ApiFailure;
      if (failure.status === 404) return FALLBACK[client.address.kind];
      if (failure.status === 401 || isEnded()) return null;
      // The studio is starting or the Wi-Fi is roaming: ask again shortly.
      await new Promise((r) => setTimeout(r, 2000));
      if (isEnded()) return null;
    }
  }
}

/**
 * Finds the credential, learns who it is, opens the live link; and ends it all the moment the
 * studio refuses the credential (a 401 on any call, or the live socket closed as revoked).
 */
export function useStudioSession(): { stage: SessionStage; restart: () => void } {
  const [stage, setStage] = useState<SessionStage>({ kind: 'starting' });
  const [round, setRound] = useState(0);

  useEffect(() => {
    let live: LiveConnection | null = null;
    let ended = false;
    const refused = (address: StudioAddress) => {
      if (ended) return;
      ended = true;
      live?.stop();
      forgetToken(address);
      useStudio.getState().reset();
      setStage(address.kind === 'device' ? { kind: 'pair', notice: t('pair.removed') } : { kind: 'refused' });
    };
    void (async () => {
      const address = await findStudio();
      if (ended) return;
      if (!address || (address.kind === 'device' && isPairingPath())) return setStage({ kind: 'pair' });
      const client = new StudioClient(address, () => refused(address));
      const me = await whoami(client, () => ended);
      if (!me || ended) return;
      useStudio.getState().setClient(client, me);
      live = connectMirror(liveMirror, client.liveUrl, {
        onRevoked: () => refused(address),
        // A browser cannot see why an upgrade was refused: ask over HTTP, where a 401 says "revoked".
        onDrop: () => void client.get('/api/v1/me').catch(() => undefined)
      });
      setStage({ kind: 'ready' });
    })();
    return () => {
      ended = true;
      live?.stop();
    };
  }, [round]);

  return {
    stage,
    restart: () => {
      setStage({ kind: 'starting' });
      setRound((r) => r + 1);
    }
  };
}

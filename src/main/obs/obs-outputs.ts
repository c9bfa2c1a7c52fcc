import { access, constants, statfs } from 'node:fs/promises';
import type { ObsOutputView } from '../../shared/obs';
import { reason, type Reason } from '../../shared/reason';
import { ObsRequestError, type ObsRpc } from './obs-rpc';

export type OutputName = 'stream' | 'record';

/** How long OBS gets to go live or start recording before the studio asks why not. */
export const START_CHECK_MS = 1500;
const POLL_MS = 150;
/** Below this a recording fills the disk within minutes: treat as full. */
const LOW_DISK_BYTES = 200 * 1024 * 1024;

const STATE_OF: Record<string, ObsOutputView['state']> = {
  OBS_WEBSOCKET_OUTPUT_STARTING: 'starting',
  OBS_WEBSOCKET_OUTPUT_STARTED: 'on',
  OBS_WEBSOCKET_OUTPUT_RESUMED: 'on',
  OBS_WEBSOCKET_OUTPUT_PAUSED: 'on',
  OBS_WEBSOCKET_OUTPUT_STOPPING: 'stopping',
  OBS_WEBSOCKET_OUTPUT_STOPPED: 'off'
};

const OFF: ObsOutputView = { state: 'off', error: null, reason: null, at: null };

/**
 * Going live and recording as OBS really has them. OBS 29 answers StartStream and StartRecord "ok"
 * and then fails on its own (no stream address: it stops at once; a recording folder it cannot
 * write: nothing happens at all) with a dialog on OBS's screen only. So every start is checked
 * against OBS's status, and a start that did not happen gets a reason the operator can act on.
 */
export class ObsOutputs {
  private states: Record<OutputName, ObsOutputView> = { stream: OFF, record: OFF };

  constructor(
    private readonly onChange: () => void,
    /** OBS runs on this machine, so its recording folder can be checked here. */
    private readonly local: () => boolean
  ) {}

  view(): Record<OutputName, ObsOutputView> {
    return this.states;
  }

  listen(rpc: ObsRpc): void {
    const follow = (which: OutputName, e: { outputActive: boolean; outputState: string }) => {
      const before = this.states[which].state;
      const state = STATE_OF[e.outputState] ?? (e.outputActive ? 'on' : 'off');
      this.set(which, { state });
      // Running, and stopping without being asked: a full disk, an encoder error, the server gone.
      if (before === 'on' && (state === 'stopping' || state === 'off')) void this.explain(rpc, which, 'stopped');
    };
    rpc.on('StreamStateChanged', (e) => follow('stream', e));
    rpc.on('RecordStateChanged', (e) => follow('record', e));
  }

  /** The liveness ping's view of both outputs: the truth when an event was missed. */
  sample(streaming: boolean, recording: boolean): void {
    const settle = (which: OutputName, active: boolean) => {
      const s = this.states[which].state;
      if (active && s !== 'on' && s !== 'stopping') this.set(which, { state: 'on' });
      if (!active && s === 'on') this.set(which, { state: 'off' });
    };
    settle('stream', streaming);
    settle('record', recording);
  }

  /** The link is gone: what OBS does now is unknown until it answers again. */
  forget(): void {
    this.states = { stream: { ...this.states.stream, state: 'off' }, record: { ...this.states.record, state: 'off' } };
  }

  async command(rpc: ObsRpc, which: OutputName, action: 'start' | 'stop'): Promise<void> {
    const request = `${action === 'start' ? 'Start' : 'Stop'}${which === 'stream' ? 'Stream' : 'Record'}` as const;
    if (action === 'stop') {
      this.set(which, { state: 'stopping', error: null, reason: null });
      await rpc.call(request);
      return;
    }
    this.set(which, { state: 'starting', error: null, reason: null });
    await rpc.call(request);
    const deadline = Date.now() + START_CHECK_MS;
    for (;;) {
      const status = await rpc.call(which === 'stream' ? 'GetStreamStatus' : 'GetRecordStatus');
      if (status.outputActive) {
        this.set(which, { state: 'on', error: null, reason: null });
        return;
      }
      // OBS said it stopped again (its event came while we waited): no need to wait longer.
      if (Date.now() >= deadline || this.states[which].state === 'off') break;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const why = await this.explain(rpc, which, 'refused');
    throw new ObsRequestError(request, 0, why);
  }

  /** Finds out why an output did not start or stopped by itself, and shows it on the OBS card. */
  private async explain(rpc: ObsRpc, which: OutputName, what: 'refused' | 'stopped'): Promise<string> {
    const cause = which === 'stream' ? await streamReason(rpc) : await recordReason(rpc, this.local());
    const message = what === 'refused' ? cause.message : `OBS stopped ${which === 'stream' ? 'streaming' : 'recording'} by itself: ${cause.message}`;
    const coded = { code: cause.reason.code, params: { ...cause.reason.params, stopped: what === 'refused' ? 'refused' : 'by-itself' } };
    // The card shows it as the output's error until the output runs (no alert besides: said once).
    this.set(which, { state: 'off', error: message, reason: coded });
    return message;
  }

  private set(which: OutputName, patch: Partial<ObsOutputView>): void {
    this.states = { ...this.states, [which]: { ...this.states[which], ...patch, at: Date.now() } };
    this.onChange();
  }
}

/** Why, in English and as a code for the desk. */
type Why = { message: string; reason: Reason };

/** Why OBS did not go live, from its stream settings (never quoting the stream key). */
async function streamReason(rpc: ObsRpc): Promise<Why> {
  const { streamServiceType, streamServiceSettings: s } = await rpc.call('GetStreamServiceSettings');
  const server = typeof s.server === 'string' ? s.server.trim() : '';
  const key = typeof s.key === 'string' ? s.key.trim() : '';
  const service = typeof s.service === 'string' ? s.service : '';
  if (streamServiceType === 'rtmp_custom' ? !server : !service || !key) {
    return { message: 'OBS has no stream address: set the server and stream key in OBS → Settings → Stream', reason: reason('obs.stream.noAddress') };
  }
  let host = service || server;
  try {
    host = server ? new URL(server).host || host : host;
  } catch {
    // not a URL: name what the user typed as the service
  }
  return { message: `OBS could not connect to the streaming server (${host}): check the server address and stream key in OBS → Settings → Stream`, reason: reason('obs.stream.serverUnreachable', { host }) };
}

/** Why OBS did not record: its folder, checked from here when OBS runs on this machine. */
async function recordReason(rpc: ObsRpc, local: boolean): Promise<Why> {
  const { recordDirectory } = await rpc.call('GetRecordDirectory');
  if (local && recordDirectory) {
    try {
      await access(recordDirectory, constants.W_OK);
    } catch {
      return { message: `OBS cannot write to its recording folder ${recordDirectory}: choose another in OBS → Settings → Output → Recording Path`, reason: reason('obs.record.folderNotWritable', { folder: recordDirectory }) };
    }
    const fs = await statfs(recordDirectory).catch(() => null);
    if (fs && fs.bavail * fs.bsize < LOW_DISK_BYTES) {
      const freeMb = Math.round((fs.bavail * fs.bsize) / 1024 / 1024);
      return { message: `the disk of OBS's recording folder ${recordDirectory} is full (${freeMb} MB free): free space or choose another folder`, reason: reason('obs.record.diskFull', { folder: recordDirectory, freeMb }) };
    }
  }
  return {
    message: `OBS did not start recording: check the recording folder${recordDirectory ? ` (${recordDirectory})` : ''}, free disk space and the encoder in OBS → Settings → Output (OBS's log has the details)`,
    reason: recordDirectory ? reason('obs.record.failedIn', { folder: recordDirectory }) : reason('obs.record.failed')
  };
}

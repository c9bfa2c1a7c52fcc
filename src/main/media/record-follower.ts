import type { Actor } from '../../shared/events';
import type { Command } from '../../shared/command-registry';

/** The facts this follower journals. */
type RecordingFact = Extract<Command, { type: 'recording.started' | 'recording.stopped' | 'recording.paused' | 'recording.resumed' }>;

/** What OBS says in RecordStateChanged (obs-websocket 5). */
export interface RecordStateEvent {
  outputActive: boolean;
  outputState: string;
  /** The saved file, on stop (OBS 29+). */
  outputPath?: string | null;
}

/** GetRecordStatus: how long OBS has been recording (ms), by its own output's count of frames. */
export type RecordStatus = () => Promise<{ outputDuration?: number } | null>;
/** GetRecordDirectory: the folder OBS records into. */
export type RecordDirectory = () => Promise<{ recordDirectory?: string } | null>;

export interface RecordFollowerDeps {
  execute(command: RecordingFact, actor: Actor): Promise<unknown>;
  now?: () => number;
  log?: (line: string) => void;
}

const ACTOR: Actor = { id: 'obs', client: 'obs' };

/**
 * Journals each OBS's recording starts and stops, whoever pressed the button (the studio, or
 * someone in OBS itself). The start is aligned with OBS's output: the studio asks OBS how long it
 * has recorded and takes that off its own clock, so the event's delay over the network (and OBS's
 * encoder start-up) does not shift every clip. The stop carries the file OBS saved. Pauses and
 * resumes are journaled when OBS reports them (the file has no frames in between), so chapters and
 * clips are placed in the file, not on the show's clock.
 */
export class RecordFollower {
  private readonly now: () => number;
  /** Per connection, the last state journaled: OBS repeats states after a reconnect. */
  private readonly recording = new Map<string, boolean>();
  /** Per connection, when OBS began stopping: its file ends there, not when it finished writing. */
  private readonly stopping = new Map<string, number>();
  /** Per connection, whether the last pause journaled is still running: OBS repeats states after a reconnect. */
  private readonly paused = new Map<string, boolean>();

  constructor(private readonly deps: RecordFollowerDeps) {
    this.now = deps.now ?? Date.now;
  }

  async onRecordState(connectionId: string, event: RecordStateEvent, status: RecordStatus, directory: RecordDirectory = async () => null): Promise<void> {
    if (event.outputState === 'OBS_WEBSOCKET_OUTPUT_STARTED') {
      const asked = this.now();
      const reply = await status().catch(() => null);
      const answered = this.now();
      const duration = reply?.outputDuration ?? 0;
      const folder = (await directory().catch(() => null))?.recordDirectory;
      // OBS's count is of the moment it answered: somewhere between asking and hearing back.
      const at = Math.round((asked + answered) / 2 - duration);
      this.deps.log?.(`OBS ${connectionId} started recording ${asked - at} ms before the studio heard of it (OBS's own count)`);
      this.recording.set(connectionId, true);
      this.paused.set(connectionId, false);
      await this.journal({ type: 'recording.started', connectionId, at, ...(event.outputPath && { path: event.outputPath }), ...(folder && { folder }) });
    } else if (event.outputState === 'OBS_WEBSOCKET_OUTPUT_PAUSED' && this.recording.get(connectionId) !== false && this.paused.get(connectionId) !== true) {
      this.paused.set(connectionId, true);
      await this.journal({ type: 'recording.paused', connectionId, at: this.now() });
    } else if (event.outputState === 'OBS_WEBSOCKET_OUTPUT_RESUMED' && this.paused.get(connectionId) !== false) {
      this.paused.set(connectionId, false);
      await this.journal({ type: 'recording.resumed', connectionId, at: this.now() });
    } else if (event.outputState === 'OBS_WEBSOCKET_OUTPUT_STOPPING') {
      this.stopping.set(connectionId, this.now());
    } else if (event.outputState === 'OBS_WEBSOCKET_OUTPUT_STOPPED' && this.recording.get(connectionId) !== false) {
      this.recording.set(connectionId, false);
      this.paused.delete(connectionId);
      const at = this.stopping.get(connectionId) ?? this.now();
      this.stopping.delete(connectionId);
      await this.journal({ type: 'recording.stopped', connectionId, at, ...(event.outputPath && { path: event.outputPath }) });
    }
  }

  private async journal(command: RecordingFact): Promise<void> {
    try {
      await this.deps.execute(command, ACTOR);
    } catch (err) {
      // A full disk refuses it like any change; the recording itself goes on in OBS.
      this.deps.log?.(`Could not journal ${command.type} of OBS ${command.connectionId}: ${(err as Error).message}`);
    }
  }
}

import { join } from 'node:path';
import type { ShowCore } from '../show/show-core';
import { isRemoteObs } from '../obs/studio-sources';
import type { ObsConnectionView } from '../../shared/obs';
import { ClipJobs } from './clip-jobs';
import { findFfmpeg } from './ffmpeg';
import { MediaDesk, type RecordingSource } from './media-desk';
import { RecordFollower } from './record-follower';
import { RecordingFolders } from './recording-folders';
import { RecordingsLog } from './recordings-log';

type ObsLike = Pick<ObsConnectionView, 'id' | 'locale' | 'url' | 'status' | 'outputs'>;

export interface MediaStudio {
  desk: MediaDesk;
  folders: RecordingFolders;
  follower: RecordFollower;
  /** Whether clips can be cut here, in one line: said once the studio has started, not before a start-up refusal. */
  ffmpegNote: string;
  /** Another show was opened: its recordings and pins replace the last show's. */
  showOpened(showDir: string): void;
  close(): Promise<void>;
}

export interface MediaStudioDeps {
  dataDir: string;
  showDir: string;
  core: ShowCore;
  /** The OBS connections as the studio has them (read when asked: the OBS manager starts later). */
  connections(): ObsLike[];
  log(line: string): void;
}

/**
 * Recordings, chapters and clips, started with the studio: the journal's recordings and pins read
 * once and then followed, ffmpeg checked once, and clips left unfinished by the last run queued again.
 */
export async function openMedia(deps: MediaStudioDeps): Promise<MediaStudio> {
  const log = RecordingsLog.fromJournal(deps.showDir);
  const unfollow = deps.core.subscribe((_state, entry) => log.add(entry));
  const ffmpeg = await findFfmpeg();
  const clipsDir = join(deps.dataDir, 'clips');
  const jobs = await ClipJobs.open(clipsDir, () => ffmpeg.path);
  const folders = new RecordingFolders(clipsDir);
  const source = (c: ObsLike): RecordingSource => ({
    id: c.id,
    locale: c.locale,
    remote: isRemoteObs(c.url),
    recordingNow: c.status === 'identified' && c.outputs.record.state !== 'off'
  });
  const desk = new MediaDesk({
    show: () => deps.core.current,
    connection: (id) => {
      const c = deps.connections().find((x) => x.id === id);
      return c && source(c);
    },
    connections: () => deps.connections().map(source),
    log,
    ffmpeg,
    folders,
    jobs
  });
  const follower = new RecordFollower({ execute: (command, actor) => deps.core.execute(command, actor), log: deps.log });
  return {
    ffmpegNote: ffmpeg.available ? `Clips: ffmpeg ${ffmpeg.version} (${ffmpeg.path})` : ffmpeg.problem!,
    desk,
    folders,
    follower,
    showOpened: (showDir) => log.readJournal(showDir),
    close: async () => {
      unfollow();
      await jobs.close();
    }
  };
}

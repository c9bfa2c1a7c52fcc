import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

export interface FfmpegCheck {
  available: boolean;
  path: string | null;
  version: string | null;
  /** Why clips cannot be cut, in words for the operator; null when they can. */
  problem: string | null;
}

/**
 * The ffmpeg the studio cuts with: the one shipped inside the app (`@ffmpeg-installer/<platform>`
 * carries the binary in the package, nothing is downloaded at install), else one on the PATH.
 * Checked once at start; `SHOPCAST_FFMPEG` overrides it (and `SHOPCAST_FFMPEG=none` turns clips off).
 */
export async function findFfmpeg(env: NodeJS.ProcessEnv = process.env): Promise<FfmpegCheck> {
  const candidates = env.SHOPCAST_FFMPEG ? [env.SHOPCAST_FFMPEG] : [bundledFfmpeg(), 'ffmpeg'].filter((c): c is string => c !== null);
  for (const candidate of candidates) {
    if (candidate === 'none') break;
    const version = await versionOf(candidate);
    if (version) return { available: true, path: candidate, version, problem: null };
  }
  return { available: false, path: null, version: null, problem: 'Clips are unavailable: ffmpeg was not found (the copy bundled with the studio is missing and none is installed).' };
}

function bundledFfmpeg(): string | null {
  try {
    const found = (createRequire(import.meta.url)('@ffmpeg-installer/ffmpeg') as { path: string }).path;
    // Inside a packaged app the binary is unpacked beside the archive: an archive cannot be executed.
    return found.replace(`app.asar${sep()}`, `app.asar.unpacked${sep()}`);
  } catch {
    return null;
  }
}

const sep = () => (process.platform === 'win32' ? '\\' : '/');

function versionOf(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(path, ['-hide_banner', '-version'], { timeout: 10_000 }, (err, stdout) => {
      if (err) return resolve(null);
      resolve(/ffmpeg version (\S+)/.exec(stdout)?.[1] ?? 'unknown');
    });
  });
}

/** A file's length in seconds as ffmpeg reads it (ffmpeg prints it while failing for want of an output). */
export function probeDuration(ffmpeg: string, file: string): Promise<number | null> {
  return new Promise((resolve) => {
    execFile(ffmpeg, ['-hide_banner', '-nostdin', '-i', file], { timeout: 30_000 }, (_err, _stdout, stderr) => {
      const m = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(String(stderr));
      resolve(m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null);
    });
  });
}

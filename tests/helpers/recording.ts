import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A recording as OBS would leave it, made by ffmpeg: a test picture with a clock and a tone, H.264
 * with a keyframe every `keyframeSeconds` (OBS's default is 2 s) and AAC, in `file`'s container.
 */
export async function makeRecording(file: string, seconds: number, options: { size?: string; fps?: number; keyframeSeconds?: number } = {}): Promise<void> {
  const fps = options.fps ?? 10;
  const gop = Math.round(fps * (options.keyframeSeconds ?? 1));
  await run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc=size=${options.size ?? '320x180'}:rate=${fps}:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'ultrafast', '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0',
    '-c:a', 'aac', '-shortest', file
  ], { timeout: 600_000 });
}

/** What ffprobe reads of a file: its duration and streams; throws when it does not read as media. */
export async function probe(file: string): Promise<{ duration: number; streams: { codec_type: string; codec_name: string }[] }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration:stream=codec_type,codec_name', '-of', 'json', file]);
  const parsed = JSON.parse(stdout) as { format: { duration: string }; streams: { codec_type: string; codec_name: string }[] };
  return { duration: Number(parsed.format.duration), streams: parsed.streams };
}

/** Decodes every frame (to null): throws when the file does not play through. */
export async function decodesCleanly(file: string): Promise<void> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-v', 'error', '-i', file, '-f', 'null', '-'], { timeout: 60_000 });
  if (stderr.trim()) throw new Error(`${file} does not decode cleanly: ${stderr.trim().slice(0, 500)}`);
}

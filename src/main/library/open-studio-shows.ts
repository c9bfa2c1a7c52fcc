import { readdir } from 'node:fs/promises';
import { ShowCore, type OpenReport, type ShowCoreOptions } from '../show/show-core';
import { ShowLibrary } from './show-library';
import { StudioShows } from './studio-shows';
import { privateDir } from '../settings/data-dir';

/**
 * Opens the data dir's show library (adopting a pre-library show folder as its first show) and
 * the show it last ran. `isNewShow`: that show has no file yet (the demo may fill it).
 */
export async function openStudioShows(dataDir: string, coreOptions: ShowCoreOptions): Promise<{ shows: StudioShows; report: OpenReport; isNewShow: boolean }> {
  const library = await ShowLibrary.open(dataDir);
  const dir = privateDir(library.dirOf(library.current));
  // Any file of a show (a journal, a snapshot…) means a show: the demo never lands on top of one.
  const isNewShow = (await readdir(dir).catch(() => [])).length === 0;
  const { core, report } = await ShowCore.open(dir, coreOptions);
  // Another show is opened as is: recovery of a damaged journal stays the explicit start-up choice.
  const openOther = async (other: string) => (await ShowCore.open(other, { ...coreOptions, recoverJournal: false })).core;
  return { shows: new StudioShows(library, core, openOther), report, isNewShow };
}

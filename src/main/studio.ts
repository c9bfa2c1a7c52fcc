import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { networkInterfaces } from 'node:os';
import { version } from '../../package.json';
import type { ShowCore, OpenReport, ShowCoreOptions } from './show/show-core';
import { openStudioShows } from './library/open-studio-shows';
import { CatalogueIndex } from './show/catalogue-search';
import { loadDemoShow } from './show/demo-show';
import { endDealsOnTime } from './show/deal-timer';
import { hideGraphicsOnTime } from './show/graphics-timer';
import { ShowClock } from './show/show-clock';
import { TimingView } from './show/timing-view';
import { StudioContext } from './server/studio-context';
import { startHttpServer } from './server/http-server';
import type { ClientLimits } from './server/client-limits';
import { CoreViews, StudioViews } from './show/studio-views';
import { Followers } from './common/followers';
import { followCatalogue, followOperators } from './studio-followers';
import { ObsManager } from './obs/obs-manager';
import type { SecretVault } from './common/secret-vault';
import { OverlayText } from '../shared/overlay-text';
import { loadDictionaries } from './locales';
import { overlayPath } from '../shared/overlays';
import { MarketplaceManager } from './marketplace/marketplace-manager';
import type { MarketplaceSettingsInput } from '../shared/marketplace';
import { DeviceRegistry } from './access/device-registry';
import { PairingDesk } from './access/pairing-desk';
import { Presence } from './access/presence';
import { prepareDataDir, privateDir } from './settings/data-dir';
import { announceLan, openSecretFile, openSettings } from './settings/open-settings';
import { ErrorLog } from './diagnostics/error-log';
import { openMedia } from './media/media-studio';

export interface StudioOptions {
  dataDir: string;
  /** Default 127.0.0.1: nobody else on the network can reach the studio until LAN mode is on. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Load the demo show when the data dir holds no show yet (no show files at all). */
  demo?: boolean;
  /**
   * Start even when the journal cannot be replayed: the unusable part is kept in a file beside it
   * and the show starts from the last good revision (`serve --recover-journal`).
   */
  recoverJournal?: boolean;
  /** The journal writer's knobs: how often a refusing disk is probed, and the file layer tests inject faults into. */
  journal?: ShowCoreOptions['journal'];
  rendererDir?: string;
  resourcesDir?: string;
  log?: (line: string) => void;
  /** Where passwords and keys live: the OS keychain in the desktop app, a 0600 file headless. */
  secrets?: SecretVault;
  /** The marketplace of a new data dir; later the stored choice wins. Default: the demo marketplace with the demo show, else none. */
  marketplace?: MarketplaceSettingsInput;
  /** Every batch an OBS acknowledged (benchmarks and tests). */
  onObsApplied?: (connectionId: string, revision: number, ms: number) => void;
  /** The machine's addresses on the studio network for LAN mode. Default: its non-internal IPv4 addresses. */
  lanAddresses?: string[];
  /** The clock of pairing codes, device presence and last-seen times (tests move it forward). */
  accessClock?: () => number;
  /** false: a stored LAN mode "on" stays off for this run (`serve --no-lan`); the setting is kept. */
  lan?: boolean;
  /** Time limits and connection caps for the server's clients (tests shorten them). */
  clientLimits?: Partial<ClientLimits>;
}

export interface Studio {
  host: string;
  port: number;
  token: string;
  /** `http://HOST:PORT` */
  baseUrl: string;
  /** `http://HOST:PORT/?token=TOKEN`: the control room for this machine's browser or window. */
  controlUrl: string;
  core: ShowCore;
  obs: ObsManager;
  marketplace: MarketplaceManager;
  openReport: OpenReport;
  /** Unexpected errors, with the ids 500 answers carry (`DATA_DIR/logs/studio.log`). */
  errorLog: ErrorLog;
  close(): Promise<void>;
}

/** Starts the show core and its server: the same studio inside Electron and headless. */
export async function startStudio(options: StudioOptions): Promise<Studio> {
  const log = options.log ?? (() => {});
  const paths = { ...defaultPaths(), ...pick(options, 'rendererDir', 'resourcesDir') };
  const host = options.host ?? '127.0.0.1';
  const { tightened } = prepareDataDir(options.dataDir);
  const settings = openSettings(options.dataDir);
  // Said first: a studio opened to the network by a setting nobody remembers must not go unnoticed.
  const lanStore = announceLan(settings, host, options, log);
  if (tightened > 0) log(`Data dir: ${tightened} ${tightened === 1 ? 'entry' : 'entries'} left by an older version made private (this user only)`);
  // One vault for every secret: two handles on one file would overwrite each other.
  const secrets = options.secrets ?? openSecretFile(options.dataDir);
  const token = settings.ownerToken(secrets);
  const overlayToken = settings.overlayToken();
  const errorLog = new ErrorLog(privateDir(join(options.dataDir, 'logs')), { secrets: () => [token, overlayToken] });
  // The show library: `core` stands for whichever show is open, so every follower below follows a switch.
  const { shows, report, isNewShow } = await openStudioShows(options.dataDir, {
    recoverJournal: options.recoverJournal,
    journal: options.journal,
    onListenerError: (err) => log(`A part of the studio failed on a change (the change is saved): ${(err as Error)?.stack ?? String(err)}`)
  });
  const core = shows.core;
  for (const r of report.recovered) {
    log(`Journal recovered: ${r.reason}; the show starts from revision ${r.fromRevision}; kept: ${r.kept.join(', ') || 'nothing to keep'}`);
  }
  if (report.tornTail) {
    log(`Journal: recovered after an interrupted write (line ${report.tornTail.line}, ${report.tornTail.bytes} bytes never acknowledged, dropped)`);
  }
  if (options.demo && isNewShow) {
    await loadDemoShow(core, join(paths.resourcesDir, 'demo'));
    log('Demo show loaded');
  }

  const mediaDirs = { demo: join(paths.resourcesDir, 'demo', 'images') };
  // The recordings log reads the journal once and follows it; clip jobs resume after a restart.
  const media = await openMedia({ dataDir: options.dataDir, showDir: shows.library.dirOf(shows.library.current), core, connections: () => obs.views(), log });
  const coreViews = new CoreViews(core);
  // Known once the server listens; OBS reads it only after it is started, which is after that.
  let baseUrl: string | null = null;
  const studioUrl = () => {
    if (baseUrl === null) throw new Error('the studio has no address before it listens');
    return baseUrl;
  };
  const obs: ObsManager = new ObsManager({
    store: settings.obsConnections,
    secrets,
    view: () => coreViews.current(),
    subscribeShow: (listener) => coreViews.subscribe(listener),
    text: new OverlayText(loadDictionaries(join(paths.resourcesDir, 'locales'))),
    images: { mediaDirs, cacheDir: join(options.dataDir, 'image-cache') },
    overlayUrl: (locale) => studioUrl() + overlayPath('layout', locale, overlayToken),
    onApplied: options.onObsApplied,
    log,
    onRecordState: (id, event, status, directory) => void media.follower.onRecordState(id, event, status, directory)
  });
  const marketplace = new MarketplaceManager({ store: settings.marketplace, secrets, core, initial: options.marketplace ?? { kind: options.demo && isNewShow ? 'demo' : 'none' } });
  const clock = options.accessClock ?? Date.now;
  const access = { devices: new DeviceRegistry(settings.devices, clock), pairing: new PairingDesk(clock), presence: new Presence(clock) };
  // The show clock's figures, one value per show change (faces count on from `onAir.since`).
  const timing = new TimingView(() => core.current);
  const views = new StudioViews(coreViews, {
    sales: { value: () => core.sales.view(), subscribe: (listener) => core.subscribe(() => listener()) },
    obs: { value: () => obs.views(), subscribe: (listener) => obs.subscribe(listener) },
    operators: { value: () => access.presence.operators(), subscribe: (listener) => access.presence.subscribe(listener) },
    timing: { value: () => timing.value(), subscribe: (listener) => core.subscribe(() => listener()) }
  });
  const catalogue = new CatalogueIndex();
  const ctx = new StudioContext(core, views, catalogue, obs, version, overlayToken, marketplace, access, media.desk, media.folders);
  ctx.shows = shows;
  const server = await startHttpServer(ctx, {
    host,
    port: options.port ?? 0,
    token,
    overlayToken,
    rendererDir: paths.rendererDir,
    mediaDirs,
    lanAddresses: options.lanAddresses ? () => options.lanAddresses! : lanAddresses,
    lan: lanStore,
    errorLog,
    clientLimits: options.clientLimits
  });
  baseUrl = `http://${displayHost(host)}:${server.port}`;

  // What reacts to a change, in one place: each catches up when it starts (the studio is built and
  // has its address by now), they start in this order and stop in the reverse one. Nothing awaits
  // between the listen and here, so no request is read before the catalogue index is filled.
  const followers = new Followers(log)
    .add('catalogue index', () => followCatalogue(core, catalogue))
    // Another show opened: the catalogue index and the recordings log hold that show's from then on.
    .add('show switch', () => {
      const stop = shows.onSwitch(() => {
        catalogue.replaceAll(Object.values(core.current.products));
        media.showOpened(shows.library.dirOf(shows.library.current));
      });
      return () => void stop();
    })
    .add('presence', () => followOperators(core, access.presence))
    .add('deal timer', () => endDealsOnTime(core))
    .add('graphics timer', () => hideGraphicsOnTime(core))
    .add('show clock', () => new ShowClock(core).start())
    .add('live feed', () => server.live.follow())
    .add('OBS manager', () => {
      obs.start();
      return () => obs.close();
    })
    .add('marketplace poller', () => {
      marketplace.start();
      return () => marketplace.close();
    });
  followers.start();

  log(media.ffmpegNote);
  await server.lan.start();
  const lan = await server.lan.view();
  if (lan.enabled) log(`LAN mode on: devices on the studio network open ${lan.urls.join(' ')}`);
  else if (server.lan.waitingFor) log(`LAN mode is on but not listening yet (${server.lan.waitingFor}); trying again`);
  let closing: Promise<void> | null = null;
  return {
    host,
    port: server.port,
    token,
    baseUrl,
    controlUrl: `${baseUrl}/?token=${token}`,
    core,
    obs,
    marketplace,
    openReport: report,
    errorLog,
    close: () =>
      (closing ??= (async () => {
        await followers.stop();
        await server.close();
        await media.close();
        access.presence.close();
        try {
          access.devices.flush();
        } catch (err) {
          // Last-seen times on a full disk: not worth leaving the show's own files unclosed for.
          log(`Could not save the devices' last-seen times: ${(err as Error).message}`);
        }
        await shows.close();
        await core.close();
      })())
  };
}

/**
 * Where the built pages, the demo show and the overlay dictionaries are. In an installed app this
 * module sits inside `app.asar` and they sit beside it in Electron's resources folder
 * (electron-builder.yml `extraResources`); otherwise they are in the project.
 */
export function defaultPaths(
  here = fileURLToPath(import.meta.url),
  resourcesPath: string | undefined = (process as { resourcesPath?: string }).resourcesPath
): { rendererDir: string; resourcesDir: string } {
  if (resourcesPath && here.split(/[\\/]/).includes('app.asar')) {
    return { rendererDir: join(resourcesPath, 'renderer'), resourcesDir: resourcesPath };
  }
  let dir = dirname(here);
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return { rendererDir: join(dir, 'out', 'renderer'), resourcesDir: join(dir, 'resources') };
}

/** A wildcard bind is reached through one of the machine's addresses. */
function displayHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  return lanAddresses()[0] ?? '127.0.0.1';
}

/** The machine's non-internal IPv4 addresses: where devices on the studio network can reach it. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((addrs) => (addrs ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address));
}

function pick<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}


/** Stops a follower: it no longer reacts to anything and holds no timer. */
export type StopFollowing = () => void | Promise<void>;

/** Something that reacts to the show's changes: the catalogue index, presence, the deal timer, OBS… */
export interface Follower {
  name: string;
  /** Subscribes (and runs once if it must catch up); called only when everything it uses exists. */
  start(): StopFollowing;
}

/**
 * The one place where what reacts to a change is listed. Nothing follows until `start()`, which runs
 * after the studio is fully built and listening, so no follower can see a half-made studio (an empty
 * base URL, a manager that does not exist yet). They start in the order registered and stop in reverse.
 */
export class Followers {
  private readonly registered: Follower[] = [];
  private running: { name: string; stop: StopFollowing }[] | null = null;

  constructor(private readonly log: (line: string) => void = () => {}) {}

  add(name: string, start: () => StopFollowing): this {
    if (this.running) throw new Error(`follower "${name}" registered after the studio started`);
    this.registered.push({ name, start });
    return this;
  }

  names(): string[] {
    return this.registered.map((f) => f.name);
  }

  start(): void {
    if (this.running) return;
    this.running = [];
    for (const f of this.registered) this.running.push({ name: f.name, stop: f.start() });
  }

  /** Stops every follower, last started first; one failing to stop does not keep the others running. */
  async stop(): Promise<void> {
    const running = this.running ?? [];
    this.running = [];
    for (const { name, stop } of running.reverse()) {
      try {
        await stop();
      } catch (err) {
        this.log(`${name} did not stop cleanly: ${(err as Error)?.message ?? String(err)}`);
      }
    }
  }
}

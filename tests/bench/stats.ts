export interface Summary {
  n: number;
  p50: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export const ms = (x: number) => `${x.toFixed(3)} ms`;

export function report(name: string, s: Summary, target?: string): void {
  console.log(`${name}: n=${s.n} p50=${ms(s.p50)} p99=${ms(s.p99)} max=${ms(s.max)} mean=${ms(s.mean)}${target ? `  (aim: ${target})` : ''}`);
}

/** An aim from issue 19: the studio's figure may be at most `times` × the limit's, at the named percentiles. */
export interface RatioAim {
  times: number;
  at: ('p50' | 'p99')[];
}

/** Every limit and aim line of the run, repeated together at its end (run.ts) for issue 19's work. */
export const limitLines: string[] = [];

function printLimit(line: string): void {
  limitLines.push(line);
  console.log(line);
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.POSITIVE_INFINITY);

/**
 * One line per figure, the studio beside the bare limit measured in the same run, so load on this
 * shared machine moves both: `what  p50 … p99 …  limit p50 … p99 …  ratio …×  aim ≤ …×  met/not met`.
 */
export function compare(what: string, studio: Summary, limit: Summary, aim?: RatioAim): boolean {
  const r50 = ratio(studio.p50, limit.p50);
  const r99 = ratio(studio.p99, limit.p99);
  const met = aim ? aim.at.every((q) => (q === 'p50' ? r50 : r99) <= aim.times) : undefined;
  const aimText = aim ? `  aim ≤ ${aim.times}× at ${aim.at.join(' and ')}  ${met ? 'met' : 'not met'}` : '';
  printLimit(`${what}  p50 ${ms(studio.p50)} p99 ${ms(studio.p99)}  limit p50 ${ms(limit.p50)} p99 ${ms(limit.p99)}  ratio p50 ${r50.toFixed(2)}× p99 ${r99.toFixed(2)}×${aimText}  (n=${studio.n}/${limit.n})`);
  return met ?? true;
}

/** An absolute aim from issue 19 (no bare counterpart): the figure, the aim, met or not. */
export function against(what: string, figure: string, aim: string, met: boolean): void {
  printLimit(`${what.trim()}  ${figure}  aim ${aim}  ${met ? 'met' : 'not met'}`);
}

/** Runs `studio` and `bare` one after the other, round after round, so both see the same load. */
export async function alternate(rounds: number, warmup: number, studio: (i: number) => Promise<number>, bare: (i: number) => Promise<number>): Promise<{ studio: number[]; bare: number[] }> {
  const out = { studio: [] as number[], bare: [] as number[] };
  for (let i = 0; i < rounds + warmup; i++) {
    const s = await studio(i);
    const b = await bare(i);
    if (i >= warmup) {
      out.studio.push(s);
      out.bare.push(b);
    }
  }
  return out;
}

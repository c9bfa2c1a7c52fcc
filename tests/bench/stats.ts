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

/**
 * A sentence the studio makes (why OBS is not live, what is wrong with a row of a catalogue) as a
 * stable code and its parameters, so each screen words it in its operator's language. The English
 * `message` beside it stays for API users and logs. Codes are part of the API: add, never rename.
 */
export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export const reason = (code: string, params: Record<string, string | number> = {}): Reason => ({ code, params });

import type { ApiErrorBody } from '@shared/view';
import { commandRequest, type CommandAnswer, type CommandInput, type RunnableName, type RunArgs } from '@shared/command-registry';
import type { Reason } from '@shared/reason';
import { t } from '../i18n/desk-text';

/** A refusal from the studio, with the server's own words and, where it sent one, the reason the desk words. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly reason: Reason | null = null
  ) {
    super(message);
  }
}

/** `details.reason` of an error answer, when it has the shape of one (the answer is the server's, not ours to trust). */
function reasonOf(details: unknown): Reason | null {
  const why = (details as { reason?: unknown } | null | undefined)?.reason as Partial<Reason> | undefined;
  return why && typeof why.code === 'string' && typeof why.params === 'object' && why.params !== null ? { code: why.code, params: why.params } : null;
}

export interface StudioAddress {
  baseUrl: string;
  token: string;
  /** The owner's token (desktop window, Control URL) or a paired device's. */
  kind: 'owner' | 'device';
}

export class StudioClient {
  constructor(
    readonly address: StudioAddress,
    /** Called once the studio refuses the token (revoked device, replaced owner token). */
    private readonly onUnauthorized: () => void = () => {}
  ) {}

  get liveUrl(): string {
    const ws = this.address.baseUrl.replace(/^http/, 'ws');
    return `${ws}/api/v1/live?token=${encodeURIComponent(this.address.token)}`;
  }

  /**
   * Runs a command by its name: the route, the body and the answer's type come from the command
   * registry (`studio.run('rundown.pin', { itemId })`). Commands without required fields take no input.
   */
  run<K extends RunnableName>(name: K, ...[input]: RunArgs<K>): Promise<CommandAnswer<K>> {
    const { method, path, body } = commandRequest(name, (input ?? {}) as CommandInput<K>);
    return this.request<CommandAnswer<K>>(method, path, body);
  }

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path, undefined, signal);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T>(path: string): Promise<T> {
    return this.request<T>('DELETE', path);
  }

  /** Uploads a catalogue file as it is (CSV as text/csv, JSON as application/json). */
  importCatalogue<T>(text: string, kind: 'csv' | 'json'): Promise<T> {
    return this.request<T>('POST', '/api/v1/products/import', text, undefined, kind === 'csv' ? 'text/csv' : 'application/json');
  }

  /** Uploads a file as bytes (a show package). */
  upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
    return this.request<T>('POST', path, file, undefined, contentType);
  }

  /** A file the API serves (a report): fetched with the token, which a plain link cannot carry. */
  async file(path: string): Promise<Blob> {
    let res: Response;
    try {
      res = await fetch(`${this.address.baseUrl}${path}`, { headers: { authorization: `Bearer ${this.address.token}`, 'x-shopcast-client': 'control-room' } });
    } catch {
      throw new ApiFailure(0, 'offline', t('client.offline'));
    }
    if (!res.ok) {
      if (res.status === 401) this.onUnauthorized();
      const error = ((await res.json().catch(() => undefined)) as ApiErrorBody | undefined)?.error;
      throw new ApiFailure(res.status, error?.code ?? 'error', error?.message ?? t('pair.answered', { status: res.status }));
    }
    return res.blob();
  }

  private async request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, contentType = 'application/json'): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.address.token}`, 'x-shopcast-client': 'control-room' };
    if (body !== undefined) headers['content-type'] = contentType;
    let res: Response;
    try {
      res = await fetch(`${this.address.baseUrl}${path}`, {
        method,
        headers,
        signal,
        body: body === undefined ? undefined : typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body)
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new ApiFailure(0, 'offline', t('client.offline'));
    }
    const text = await res.text();
    const data = parseJson(text);
    if (!res.ok) {
      if (res.status === 401) this.onUnauthorized();
      const error = (data as ApiErrorBody | undefined)?.error;
      throw new ApiFailure(res.status, error?.code ?? 'error', error?.message ?? t('pair.answered', { status: res.status }), reasonOf(error?.details));
    }
    return data as T;
  }
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { OWNER } from '../../../../src/main/access/principal';
import { ApiError } from '../../../../src/main/server/api-error';
import { actorOf, admit } from '../../../../src/main/server/studio-context';

const request = (headers: Record<string, string> = {}) => ({ headers }) as unknown as FastifyRequest;

describe('who a request acts as', () => {
  it('refuses a request the auth hook never admitted instead of running it as anybody', () => {
    expect(() => actorOf(request())).toThrow(ApiError);
    expect(() => actorOf(request())).toThrow(/token is required/);
  });

  it('names the admitted operator with its role, and the client it says it is', () => {
    const req = request({ 'x-shopcast-client': 'streamdeck' });
    admit(req, OWNER);
    expect(actorOf(req)).toEqual({ id: 'owner', client: 'streamdeck', name: 'Studio', role: 'producer' });
  });
});

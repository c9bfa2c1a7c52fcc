import type { FastifyError, FastifyInstance } from 'fastify';
import { CommandError } from '../show/command-error';
import { DiskUnwritableError } from '../disk-errors';
import { ApiError, codeForStatus, errorBody } from './api-error';

/** Where unexpected errors are written; its id goes back in the 500 answer. */
export interface ErrorRecorder {
  record(err: unknown, where?: string): string;
}

/**
 * Every error as a JSON answer: a refused command or request with its own status, a disk that
 * refuses writes as 503 (try again), anything else as a 500 whose id points into the studio's log.
 */
export function answerErrors(app: FastifyInstance, errorLog: ErrorRecorder | undefined): void {
  app.setErrorHandler((err: FastifyError | Error, req, reply) => {
    if (err instanceof CommandError) return reply.code(err.status).send(errorBody(err.code, err.message, err.revision === undefined ? {} : { revision: err.revision }));
    if (err instanceof ApiError) return reply.code(err.status).send(errorBody(err.code, err.message, err.extra));
    const status = (err as FastifyError).statusCode;
    if (status && status >= 400 && status < 500) return reply.code(status).send(errorBody(codeForStatus(status), err.message));
    if (err instanceof DiskUnwritableError) return reply.code(503).header('retry-after', '2').send(errorBody(err.code, err.message));
    // The route as registered, never the raw URL: a query may carry a token.
    const id = errorLog?.record(err, `${req.method} ${req.routeOptions.url ?? 'unknown route'}`);
    return reply.code(500).send(errorBody('internal_error', `the studio hit an unexpected error${id ? `; it is logged as ${id}` : ''}`, id ? { id } : {}));
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`)));
}

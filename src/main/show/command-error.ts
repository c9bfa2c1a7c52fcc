/** Why a command was refused; the server maps `status` to the HTTP answer. */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    readonly status: 400 | 403 | 404 | 409,
    message: string,
    readonly revision?: number
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export const notFound = (what: string, id: string) => new CommandError('not_found', 404, `${what} "${id}" does not exist`);

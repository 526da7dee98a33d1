// One error shape for every failure the API reports: { statusCode, error, message }, the message
// saying what to fix. Stack traces and internal details never leave the server.
import type { FastifyError, FastifyInstance, FastifySchemaValidationError } from 'fastify';
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new HttpError(400, message);

export function errorBody(statusCode: number, message: string) {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** Turns schema violations into one readable sentence naming each parameter and what it must be. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const where = dataVar === 'querystring' ? 'query parameter' : dataVar === 'body' ? 'body field' : dataVar;
  const parts = errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    const name =
      (params.additionalProperty as string | undefined) ??
      (params.missingProperty as string | undefined) ??
      error.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (params.additionalProperty) return `unknown ${where} "${name}"`;
    if (params.missingProperty) return `${where} "${name}" is required`;
    if (params.allowedValues) return `${where} "${name}" must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    return name ? `${where} "${name}" ${error.message}` : `${where} ${error.message}`;
  });
  return badRequest(parts.join('; '));
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const statusCode = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.status(statusCode).send(errorBody(statusCode, 'The server could not answer this request; the error has been logged.'));
    }
    return reply.status(statusCode).send(errorBody(statusCode, error.message));
  });
}

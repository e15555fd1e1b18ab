// HTTP error type and the mapping from engine (LanceDB) errors to protocol status codes (protocol §6).

/** An error that carries the HTTP status to answer with; the message is the plain-text body. */
export class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

export const badRequest = (message) => new HttpError(400, message);
export const notFound = (message) => new HttpError(404, message);
export const tableNotFound = (name) => new HttpError(404, `Table '${name}' was not found`);
export const tableAlreadyExists = (name) => new HttpError(400, `Table '${name}' already exists`);
// Namespace errors as the lance-namespace REST spec maps its error codes: NamespaceNotFound 404,
// NamespaceAlreadyExists 409, NamespaceNotEmpty 409 (the official client does not retry namespace calls).
const nsText = (nsPath) => nsPath.join('$');
export const namespaceNotFound = (nsPath) => new HttpError(404, `Namespace '${nsText(nsPath)}' was not found`);
export const namespaceAlreadyExists = (nsPath) => new HttpError(409, `Namespace '${nsText(nsPath)}' already exists`);
export const namespaceNotEmpty = (nsPath, tables, namespaces) =>
  new HttpError(409, `Namespace '${nsText(nsPath)}' is not empty: it holds ${tables} table(s) and ${namespaces} namespace(s); drop them first or drop with behavior Cascade`);

const PROGRAMMING_ERRORS = [TypeError, ReferenceError, SyntaxError, RangeError];

/**
 * Maps any thrown value to {status, message}. Engine errors come from requests the engine rejected
 * (bad SQL, unknown column, schema mismatch, wrong vector length...) and are client input: 400.
 * Only genuine emulator bugs (JS programming errors) become 500.
 * @param {unknown} err
 * @returns {{status: number, message: string}}
 */
export function toHttpError(err) {
  if (err instanceof HttpError) return { status: err.status, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  const isNative = err && typeof err === 'object' && 'code' in err && typeof err.code === 'string'
    && /GenericFailure|InvalidArg/.test(err.code);
  if (!isNative && PROGRAMMING_ERRORS.some((t) => err instanceof t)) {
    return { status: 500, message: `internal emulator error: ${message}` };
  }
  if (/table .*(was )?not found|table .*does not exist/i.test(message)) {
    return { status: 404, message };
  }
  return { status: 400, message };
}

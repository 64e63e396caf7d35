import { ValidationError } from './errors.ts';

/** Default and largest page sizes of every list call. */
export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 500;

/** A list request's page: how many, and after which key (decoded from the opaque token). */
export interface Page {
  size: number;
  after: string | undefined;
}

/** Reads a `PageRequest` (size 0 = default, capped at the maximum; token from a previous page). */
export function readPage(request: { pageSize?: number; pageToken?: string } | null | undefined): Page {
  const requested = request?.pageSize ?? 0;
  if (requested < 0)
    throw new ValidationError('page size must not be negative', [
      { code: 'OUT_OF_RANGE', path: 'page.pageSize', message: 'must be >= 0' },
    ]);
  const size = requested === 0 ? PAGE_DEFAULT : Math.min(requested, PAGE_MAX);
  const token = request?.pageToken ?? '';
  if (token === '') return { size, after: undefined };
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded.startsWith('k:') || Buffer.from(decoded, 'utf8').toString('base64url') !== token) {
    throw new ValidationError('page token is not one this service issued', [
      {
        code: 'INVALID_PAGE_TOKEN',
        path: 'page.pageToken',
        message: 'use the nextPageToken of the previous page',
      },
    ]);
  }
  return { size, after: decoded.slice(2) };
}

/** The token for the page after the one ending at `lastKey`; empty when this was the last page. */
export function nextPageToken(items: number, page: Page, lastKey: string | undefined): string {
  if (items < page.size || lastKey === undefined) return '';
  return Buffer.from(`k:${lastKey}`, 'utf8').toString('base64url');
}

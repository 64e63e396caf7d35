import { randomBytes } from 'node:crypto';

/** An id that sorts by creation time (base-36 milliseconds, then randomness), so listing by id lists by age. */
export function timeOrderedId(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}

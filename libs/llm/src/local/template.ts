/** `{{path}}` templates over JSON data, as the engine's `template.render` tool reads them. */

/** Reads `a.b.c` from an object; undefined when any step is missing. */
export function readPath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const key of path.split('.').filter((k) => k !== '')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Replaces `{{path}}` with values from `data` (objects as JSON, missing values as empty text). */
export function renderTemplate(template: string, data: unknown): string {
  return template.replace(/\{\{\s*([\w.$-]+)\s*\}\}/g, (_, path: string) => {
    const value = readPath(data, path);
    if (value === undefined || value === null) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

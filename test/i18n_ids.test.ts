import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';

/** STYLE.md: `entraSpHunt.<area>.<element><Type>`, Type from Kibana's i18n guideline. */
const ID_PATTERN =
  /^entraSpHunt\.[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*(Title|Label|ButtonLabel|Placeholder|Tooltip|AriaLabel|ErrorMessage|Description|LinkText)$/;
const MESSAGE =
  /(?:i18n\.translate\(\s*'([^']+)'\s*,\s*\{\s*defaultMessage:\s*|id="([^"]+)"\s+defaultMessage=)(['"])((?:\\.|(?!\3).)*)\3/gs;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('i18n message ids', () => {
  const messages = new Map<string, Set<string>>();
  for (const file of sources(resolve(__dirname, '../public'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(MESSAGE)) {
      const id = match[1] ?? match[2];
      messages.set(id, (messages.get(id) ?? new Set()).add(match[4]));
    }
  }

  it('finds the messages', () => {
    expect(messages.size).toBeGreaterThan(60);
  });

  it('every id follows entraSpHunt.<area>.<element><Type>', () => {
    expect([...messages.keys()].filter((id) => !ID_PATTERN.test(id))).toEqual([]);
  });

  it('no id is reused for a different message', () => {
    expect([...messages.entries()].filter(([, texts]) => texts.size > 1).map(([id]) => id)).toEqual(
      []
    );
  });
});

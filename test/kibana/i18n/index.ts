/**
 * Stand-in for `@kbn/i18n`: `i18n.translate` formats the default message with ICU syntax.
 *
 * Checked at elastic/kibana@ef38cab555efb1fcd4bd8d8ea0afe11c34bf85c7:src/platform/packages/shared/kbn-i18n/src/core/i18n.ts
 *
 * Mirrors elastic/kibana:src/platform/packages/shared/kbn-i18n/src/core/i18n.ts (translate), which
 * formats with intl-messageformat as this does.
 */
import { IntlMessageFormat } from 'intl-messageformat';

export interface TranslateArguments {
  defaultMessage: string;
  values?: Record<string, string | number | boolean | Date | null | undefined>;
  description?: string;
  ignoreTag?: boolean;
}

const LOCALE = 'en';

/**
 * Parsed messages, as Kibana keeps them: its `intl` is built with react-intl's `createIntlCache`,
 * which memoises a formatter per message, so a message is parsed once, not on every call.
 */
const formatters = new Map<string, IntlMessageFormat>();

function formatter(defaultMessage: string, ignoreTag?: boolean): IntlMessageFormat {
  const key = `${ignoreTag ? '1' : '0'}${defaultMessage}`;
  let found = formatters.get(key);
  if (!found) {
    found = new IntlMessageFormat(defaultMessage, LOCALE, undefined, { ignoreTag });
    formatters.set(key, found);
  }
  return found;
}

function translate(id: string, { defaultMessage, values, ignoreTag }: TranslateArguments): string {
  if (!id) throw new Error('[I18n] An `id` must be a non-empty string to translate a message.');
  const formatted = formatter(defaultMessage, ignoreTag).format(values);
  return Array.isArray(formatted) ? formatted.join('') : String(formatted);
}

export const i18n = {
  translate,
  getLocale: () => LOCALE,
};

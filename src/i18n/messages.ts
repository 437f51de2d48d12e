/**
 * The words the tool says to the person at the terminal: errors, hints, prompts, help, progress
 * lines and findings, in Swedish and English. Each module keeps its own table next to the code
 * that says it, made with `messages(scope, table)`; every table registers itself here, so one
 * test can check that every key has both languages with the same placeholders.
 *
 * Which language: `--lang`, then the workspace's `language:`, then the system locale (LC_ALL,
 * LC_MESSAGES, LANG), then Swedish. The CLI settles it once, before it builds the program, with
 * `resolveLanguage` and `setLanguage`; everything said afterwards follows it.
 */
/** The languages the tool speaks. */
export type Lang = 'sv' | 'en';

/** A phrase in both languages; `{name}` marks what is filled in. */
export interface Message {
  sv: string | Plural;
  en: string | Plural;
}

/** A phrase that depends on a count: `one` when `{n}` is 1, else `other`. */
export interface Plural {
  one: string;
  other: string;
}

export type Params = Record<string, string | number | undefined | null>;

/** One registered phrase, as the catalogue test reads it. */
export interface CatalogueEntry {
  scope: string;
  key: string;
  message: Message;
}

const catalogue: CatalogueEntry[] = [];
let current: Lang = 'sv';

/** Sets the language every later message is said in. */
export function setLanguage(lang: Lang): void {
  current = lang;
}

/** The language messages are said in now. */
export function language(): Lang {
  return current;
}

/** Every phrase registered so far (by the modules imported so far). */
export function catalogueEntries(): readonly CatalogueEntry[] {
  return catalogue;
}

/** The placeholders of a text, sorted: `{n}` and `{file}` in "… {file} … {n}" give ['file', 'n']. */
export function placeholders(text: string | Plural): string[] {
  const texts = typeof text === 'string' ? [text] : [text.one, text.other];
  const names = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) names.add(m[1]);
  return [...names].sort();
}

/** Replaces `{name}` in `text` with `params.name`; a missing value is left as written, so a gap shows in tests. */
export function fill(text: string, params: Params = {}): string {
  return text.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined || value === null ? whole : String(value);
  });
}

/** A phrase said in `lang` with `params` filled in. */
export function say(message: Message, params: Params = {}, lang: Lang = current): string {
  const text = message[lang];
  if (typeof text === 'string') return fill(text, params);
  const n = Number(params.n ?? params.count);
  return fill(n === 1 ? text.one : text.other, params);
}

/** A module's phrases: call it with a key (and values) to get the text in the current language. */
export interface Say<K extends string> {
  (key: K, params?: Params): string;
  /** The same phrase in a given language, whatever the current one is. */
  in(lang: Lang, key: K, params?: Params): string;
  /** The phrase itself, both languages. */
  message(key: K): Message;
}

/**
 * Registers a module's phrases under `scope` (its path, such as 'cli/validate') and returns the
 * function that says them. The table's type makes a phrase without both languages a type error.
 */
export function messages<T extends Record<string, Message>>(scope: string, table: T): Say<Extract<keyof T, string>> {
  for (const [key, message] of Object.entries(table)) catalogue.push({ scope, key, message });
  const fn = ((key: Extract<keyof T, string>, params?: Params) => say(table[key], params)) as Say<Extract<keyof T, string>>;
  fn.in = (lang, key, params) => say(table[key], params, lang);
  fn.message = (key) => table[key];
  return fn;
}

/** What the system locale says, if it names Swedish or English: LC_ALL, then LC_MESSAGES, then LANG. */
export function localeLanguage(env: Record<string, string | undefined>): Lang | undefined {
  // POSIX: the first of these that is set and not empty decides, even when it names a third language.
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  if (!locale) return undefined;
  const code = locale.toLowerCase().slice(0, 2);
  return code === 'sv' ? 'sv' : code === 'en' ? 'en' : undefined;
}

/**
 * The language to speak: the `--lang` flag, then the workspace's `language:`, then the system
 * locale, then Swedish. A value that is not sv or en is passed over.
 */
export function resolveLanguage(sources: { flag?: string; workspace?: unknown; env?: Record<string, string | undefined> }): Lang {
  for (const value of [sources.flag, sources.workspace]) if (value === 'sv' || value === 'en') return value;
  return localeLanguage(sources.env ?? {}) ?? 'sv';
}

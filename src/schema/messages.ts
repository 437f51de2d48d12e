/**
 * What each constraint of the JSON Schemas means, in words a coordinator understands, in Swedish
 * and English. One source for both places that explain a broken constraint: `validate`'s schema
 * findings (src/rules/schema.ts) and the `errorMessage` of the schemas written for editors
 * (editorSchema), which yaml-language-server shows instead of "String does not match the pattern".
 *
 * Most constraints explain themselves from the schema (an enum lists its values, a minimum is a
 * number); those are worded by the tables below. A `pattern` cannot be explained from the regular
 * expression, so a schema node with a pattern carries its own explanation next to it:
 *
 *     "pattern": "^[A-Z]{3}$", "x-message": { "sv": "En valutakod …", "en": "A currency code …" }
 *
 * tests/schema/messages.test.ts walks every schema and fails on a constraint without words in
 * both languages.
 */
import type { Lang } from '../i18n/index.js';
import { EARLIEST_DATE, LATEST_DATE } from './index.js';

type JsonSchema = Record<string, unknown>;

/** The schema keyword that holds a node's own explanation, `{ sv, en }`. */
export const MESSAGE_KEYWORD = 'x-message';

/** The keywords a value can break, which every one must be explained. */
export const CONSTRAINT_KEYWORDS = [
  'type',
  'enum',
  'const',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'uniqueItems',
  'required',
  'additionalProperties',
] as const;

export type ConstraintKeyword = (typeof CONSTRAINT_KEYWORDS)[number];

/** How each JSON type is named in a sentence ("must be a text"). */
export const TYPE_WORDS: Record<Lang, Record<string, string>> = {
  sv: {
    string: 'en text',
    number: 'ett tal',
    integer: 'ett heltal',
    boolean: 'true eller false',
    array: 'en lista (rader som börjar med "- ")',
    object: 'en karta (nycklar med värden, indragna under den)',
    null: 'tomt (null)',
  },
  en: {
    string: 'a text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list (lines starting with "- ")',
    object: 'a map (keys with values, indented below it)',
    null: 'empty (null)',
  },
};

/** The formats the schemas use, each as the form a value must have. */
export function formatWords(lang: Lang, format: string): string | undefined {
  const words: Record<Lang, Record<string, string>> = {
    sv: {
      date: `ett datum på formen ÅÅÅÅ-MM-DD, mellan ${EARLIEST_DATE} och ${LATEST_DATE}, till exempel 2009-05-14`,
      email: 'en e-postadress, till exempel namn@example.se',
      uri: 'en fullständig webbadress, till exempel https://www.example.se/sida',
      timezone: 'en tidszon med sitt IANA-namn, till exempel Europe/Stockholm',
    },
    en: {
      date: `a date in the form YYYY-MM-DD, between ${EARLIEST_DATE} and ${LATEST_DATE}, for example 2009-05-14`,
      email: 'an e-mail address, for example name@example.se',
      uri: 'a full web address, for example https://www.example.se/page',
      timezone: 'a time zone by its IANA name, for example Europe/Stockholm',
    },
  };
  return words[lang][format];
}

/** Values joined for a sentence: `a, b or c` (or `och`/`and` with conjunction 'and'). */
export function listWords(lang: Lang, values: readonly unknown[], conjunction: 'or' | 'and' = 'or', quote = false): string {
  const shown = values.map((v) => (quote ? `"${String(v)}"` : typeof v === 'string' ? v : JSON.stringify(v)));
  const word = { sv: { or: 'eller', and: 'och' }, en: { or: 'or', and: 'and' } }[lang][conjunction];
  return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} ${word} ${shown[shown.length - 1]}`;
}

/** The node's own explanation (x-message) in `lang`, if it has one. */
export function ownMessage(node: unknown, lang: Lang): string | undefined {
  const own = (node as JsonSchema | undefined)?.[MESSAGE_KEYWORD] as Partial<Record<Lang, unknown>> | undefined;
  const text = own?.[lang];
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

function types(node: JsonSchema): string[] {
  const t = node.type;
  return Array.isArray(t) ? t.map(String) : typeof t === 'string' ? [t] : [];
}

function sentence(text: string): string {
  return `${text[0].toUpperCase()}${text.slice(1)}`;
}

/**
 * One sentence for one constraint of a schema node: what the value must be. Undefined when the
 * keyword is not a constraint on this node (additionalProperties given as a schema, which its
 * own node explains) or cannot be explained (a pattern without x-message).
 */
export function constraintRule(node: JsonSchema, keyword: ConstraintKeyword, lang: Lang): string | undefined {
  const value = node[keyword];
  if (value === undefined) return undefined;
  const sv = lang === 'sv';
  switch (keyword) {
    case 'type':
      return sv
        ? `Här ska stå ${listWords(lang, types(node).map((t) => TYPE_WORDS.sv[t] ?? t))}.`
        : `This must be ${listWords(lang, types(node).map((t) => TYPE_WORDS.en[t] ?? t))}.`;
    case 'enum':
      return sv ? `Skriv ett av värdena ${listWords(lang, value as unknown[])}.` : `Write one of the values ${listWords(lang, value as unknown[])}.`;
    case 'const':
      return sv ? `Här ska stå ${JSON.stringify(value)}.` : `This must be ${JSON.stringify(value)}.`;
    case 'pattern':
      // A pattern next to a format (a date, a time zone) only spells the format out more strictly.
      return ownMessage(node, lang) ?? (typeof node.format === 'string' ? constraintRule(node, 'format', lang) : undefined);
    case 'format': {
      const words = formatWords(lang, String(value));
      return words && (sv ? `Skriv ${words}.` : `Write ${words}.`);
    }
    case 'minimum':
      return sv ? `Talet ska vara minst ${String(value)}.` : `The number must be at least ${String(value)}.`;
    case 'maximum':
      return sv ? `Talet får vara högst ${String(value)}.` : `The number must be at most ${String(value)}.`;
    case 'exclusiveMinimum':
      return sv ? `Talet ska vara större än ${String(value)}.` : `The number must be more than ${String(value)}.`;
    case 'exclusiveMaximum':
      return sv ? `Talet ska vara mindre än ${String(value)}.` : `The number must be less than ${String(value)}.`;
    case 'minLength':
      return Number(value) <= 1
        ? sv ? 'Texten får inte vara tom: skriv ett värde, eller ta bort nyckeln.' : 'The text must not be empty: write a value, or remove the key.'
        : sv ? `Texten ska vara minst ${String(value)} tecken.` : `The text must be at least ${String(value)} characters.`;
    case 'maxLength':
      return sv ? `Texten får vara högst ${String(value)} tecken.` : `The text must be at most ${String(value)} characters.`;
    case 'minItems':
      return sv
        ? `Listan behöver minst ${String(value)} ${Number(value) === 1 ? 'post' : 'poster'}.`
        : `The list needs at least ${String(value)} ${Number(value) === 1 ? 'entry' : 'entries'}.`;
    case 'maxItems':
      return sv ? `Listan får ha högst ${String(value)} poster.` : `The list may have at most ${String(value)} entries.`;
    case 'uniqueItems':
      return value === true ? (sv ? 'Samma värde får inte stå två gånger i listan.' : 'The same value must not be in the list twice.') : undefined;
    case 'required': {
      const keys = value as string[];
      if (keys.length === 0) return undefined;
      return sv
        ? `${keys.length === 1 ? 'Nyckeln' : 'Nycklarna'} ${listWords(lang, keys, 'and')} måste finnas här.`
        : `${keys.length === 1 ? 'The key' : 'The keys'} ${listWords(lang, keys, 'and')} must be here.`;
    }
    case 'additionalProperties': {
      if (value !== false) return undefined;
      const allowed = Object.keys((node.properties as object | undefined) ?? {});
      if (allowed.length === 0) return sv ? 'Här hör inga nycklar hemma.' : 'No keys belong here.';
      return sv
        ? `Bara nycklarna ${listWords(lang, allowed, 'and')} hör hemma här; kontrollera stavningen.`
        : `Only the keys ${listWords(lang, allowed, 'and')} belong here; check the spelling.`;
    }
  }
}

/** The constraint keywords present on a node, in the order of CONSTRAINT_KEYWORDS. */
export function constraintsOf(node: JsonSchema): ConstraintKeyword[] {
  return CONSTRAINT_KEYWORDS.filter((k) => node[k] !== undefined && !(k === 'additionalProperties' && node[k] !== false));
}

/**
 * The one message an editor shows for any broken constraint of `node` (yaml-language-server
 * has one errorMessage per node): the node's own explanation when it has one, which says what
 * the whole value must be, else the sentences of its constraints. Undefined for a node without
 * constraints.
 */
export function nodeMessage(node: JsonSchema, lang: Lang): string | undefined {
  const own = ownMessage(node, lang);
  if (own) return own;
  const keys = constraintsOf(node);
  // A type next to a more telling constraint (an enum, a format) adds nothing but length.
  const telling = keys.filter((k) => k !== 'type');
  const shown = telling.length > 0 && !telling.every((k) => ['required', 'additionalProperties'].includes(k)) ? telling : keys;
  const parts = shown.map((k) => constraintRule(node, k, lang)).filter((p): p is string => p !== undefined);
  return parts.length > 0 ? [...new Set(parts.map(sentence))].join(' ') : undefined;
}

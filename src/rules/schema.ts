/**
 * schema/*: each document against its kind's JSON Schema, one plain message per node.
 * ajv reports every failing branch of an anyOf/oneOf and several keywords per value; this
 * module keeps the one error a person can act on and says it in words.
 */
import type { ErrorObject } from 'ajv';
import { KINDS, isKind } from '../model/index.js';
import { isIsoDate } from '../model/dates.js';
import type { Lang } from '../i18n/index.js';
import { ambiguityMessage, readAt, unambiguousAliases } from '../schema/aliases.js';
import { EARLIEST_DATE, LATEST_DATE, rawSchema, validatorFor } from '../schema/index.js';
import { CONSTRAINT_KEYWORDS, TYPE_WORDS, constraintRule, nodeMessage, ownMessage, type ConstraintKeyword } from '../schema/messages.js';
import { locateIn, type PathSegment } from '../workspace/locate.js';
import type { SourceDocument } from '../workspace/types.js';
import { defineRules, type FindingData, type RuleContext } from './context.js';
import { closest, didYouMean, orList, quoteList } from './words.js';

const FOLDER_KIND: Record<string, string> = {
  agreements: 'agreement',
  groups: 'group',
  plans: 'plan',
  meetings: 'meeting',
  assessments: 'assessment',
};

function pathOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** How a person would name the value at `path`: "due", or "entry 3 of actions". */
export function nameOf(path: readonly PathSegment[], lang: Lang = 'en'): string {
  const last = path[path.length - 1];
  if (last === undefined) return lang === 'sv' ? 'dokumentet' : 'the document';
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return lang === 'sv'
      ? `post ${last + 1} i "${String(parent ?? 'listan')}"`
      : `entry ${last + 1} of "${String(parent ?? 'the list')}"`;
  }
  return `"${last}"`;
}

function actualType(value: unknown, lang: Lang = 'en'): string {
  const sv = lang === 'sv';
  if (value === null) return sv ? 'tomt' : 'empty';
  if (Array.isArray(value)) return sv ? 'en lista' : 'a list';
  if (typeof value === 'object') return sv ? 'en karta' : 'a map';
  if (typeof value === 'string') return `${sv ? 'texten' : 'the text'} "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === 'boolean') return String(value);
  return `${sv ? 'talet' : 'the number'} ${String(value)}`;
}

/** The first sentence of a schema's description, which says what the value must be. */
function describe(schema: unknown): string | undefined {
  const d = (schema as { description?: unknown } | undefined)?.description;
  return typeof d === 'string' ? d.split(/\.(\s|$)/)[0] : undefined;
}

/** Every time zone name this computer knows, for "did you mean" suggestions. */
function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/Stockholm'];
  }
}

function lowerFirst(s: string): string {
  return s && /^[A-Z][a-z ]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/**
 * What the branches of an anyOf/oneOf ask for, in words: each branch's own message (a `$ref`
 * looked up in the shared definitions), the branch that allows an empty value left out.
 */
function unionRule(schema: unknown, lang: Lang): string | undefined {
  const node = schema as { anyOf?: unknown[]; oneOf?: unknown[] } | undefined;
  const branches = (node?.anyOf ?? node?.oneOf ?? []).map((b) => {
    const ref = (b as { $ref?: unknown }).$ref;
    if (typeof ref !== 'string') return b;
    const [file, pointer] = ref.split('#');
    const root = file === 'common.schema.json' || file === '' ? rawSchema('common') : undefined;
    return pointer?.split('/').slice(1).reduce<unknown>((n, key) => (n as Record<string, unknown> | undefined)?.[key], root) ?? b;
  });
  const rules = branches
    .filter((b) => (b as { type?: unknown }).type !== 'null')
    .map((b) => nodeMessage(b as Record<string, unknown>, lang))
    .filter((m): m is string => m !== undefined);
  // Any one branch will do: "Write a date. Or: …".
  return rules.length > 0 ? rules.join(lang === 'sv' ? ' Eller: ' : ' Or: ') : undefined;
}

interface Translated {
  ruleId: string;
  path: PathSegment[];
  key?: boolean;
  message: string;
}

/** Turns one ajv error into a finding's words, in `lang`. */
export function translate(error: ErrorObject, lang: Lang = 'en'): Translated {
  const sv = lang === 'sv';
  const path = pathOf(error.instancePath);
  const name = nameOf(path, lang);
  const value = error.data;
  const actual = actualType(value, lang);
  const params = error.params as Record<string, unknown>;
  const outsideDates = (date: string): Translated => ({
    ruleId: 'schema/format',
    path,
    message: sv
      ? `${upperFirst(name)} är ${date}, som ligger utanför de datum samverkan tar emot (${EARLIEST_DATE} till ${LATEST_DATE}). Kontrollera året.`
      : `${name} is ${date}, which is outside the dates samverkan accepts (${EARLIEST_DATE} to ${LATEST_DATE}). Check the year.`,
  });
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const props = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
      const what = describe(props[missing]);
      if (sv) {
        return { ruleId: 'schema/required', path, message: `${upperFirst(name)} saknar "${missing}". Lägg till ${missing}: med ett värde.` };
      }
      const where = path.length === 0 ? 'This document' : name;
      return {
        ruleId: 'schema/required',
        path,
        message: `${upperFirst(where)} lacks "${missing}"${what ? ` (${lowerFirst(what)})` : ''}. Add ${missing}: with a value.`,
      };
    }
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = closest(extra, allowed);
      return {
        ruleId: 'schema/unknown-key',
        path: [...path, extra],
        key: true,
        message: sv
          ? `"${extra}" är inte en nyckel som hör hemma här.${guess ? ` Menade du "${guess}"?` : ''} Nycklarna som hör hemma här är ${quoteList(allowed, 'och')}.`
          : `"${extra}" is not a key that belongs here.${guess ? ` Did you mean "${guess}"?` : ''} The keys allowed here are ${quoteList(allowed)}.`,
      };
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => TYPE_WORDS[lang][t] ?? t)
        .join(sv ? ' eller ' : ' or ');
      const quote = typeof value === 'number' && /date|time|version|period/.test(String(path.at(-1)));
      return {
        ruleId: 'schema/type',
        path,
        message: sv
          ? `${upperFirst(name)} ska vara ${expected}, inte ${actual}.${quote ? ' Sätt värdet inom citattecken.' : ''}`
          : `${name} must be ${expected}, not ${actual}.${quote ? ' Put the value in quotes.' : ''}`,
      };
    }
    case 'enum':
    case 'const': {
      // A Swedish spelling that could mean several values (avslutad: done or cancelled?) is not read; say which to write.
      const ambiguous = error.keyword === 'enum' ? ambiguityMessage(error.parentSchema as Record<string, unknown>, value, lang) : undefined;
      if (ambiguous) return { ruleId: 'schema/enum', path, message: `${upperFirst(name)}: ${ambiguous}` };
      const allowed = (error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      // A misspelt Swedish word (pågånde) is closest to its spelling: suggest it with the value it stands for.
      const node = error.parentSchema as Record<string, unknown>;
      // Data checked without being loaded keeps its spelling: never suggest the value itself.
      const spellings = error.keyword === 'enum' ? unambiguousAliases(node).filter((a) => a !== value) : [];
      const guessed = typeof value === 'string' ? closest(value, [...allowed, ...spellings]) : undefined;
      const meaning = guessed && !allowed.includes(guessed) ? readAt(node, guessed) : undefined;
      const guess = guessed && (meaning && 'value' in meaning ? `"${guessed}" (${meaning.value})` : `"${guessed}"`);
      return {
        ruleId: 'schema/enum',
        path,
        message: sv
          ? `${upperFirst(name)} är ${actual}, som inte är ett av de tillåtna värdena ${quoteList(allowed, 'eller')}.${guess ? ` Menade du ${guess}?` : ''}`
          : `${name} is ${actual}, which is not one of the allowed values ${quoteList(allowed)}.${guess ? ` Did you mean ${guess}?` : ''}`,
      };
    }
    case 'pattern':
    case 'format': {
      const impossibleDate = error.keyword === 'format' && params.format === 'date';
      if (impossibleDate && typeof value === 'string' && isIsoDate(value)) return outsideDates(value);
      if (error.keyword === 'format' && params.format === 'timezone') {
        const guess = typeof value === 'string' ? closest(value, timeZones()) : undefined;
        return {
          ruleId: 'schema/format',
          path,
          message: sv
            ? `${upperFirst(name)} är ${actual}, som inte är en tidszon.${guess ? ` Menade du "${guess}"?` : ''} Skriv en tidszon med sitt IANA-namn, till exempel Europe/Stockholm.`
            : `${name} is ${actual}, which is not a time zone.${guess ? ` Did you mean "${guess}"?` : ''} Write an IANA time zone name such as Europe/Stockholm.`,
        };
      }
      if (impossibleDate) {
        return {
          ruleId: 'schema/format',
          path,
          message: sv
            ? `${upperFirst(name)} är ${actual}, som inte är en dag i kalendern. Kontrollera dag och månad.`
            : `${name} is ${actual}, which is not a date in the calendar. Check the day and month.`,
        };
      }
      // The words from the schema (x-message, or the format's), never the regular expression.
      const rule = constraintRule(error.parentSchema as Record<string, unknown>, error.keyword, lang);
      return {
        ruleId: 'schema/format',
        path,
        message: rule
          ? `${upperFirst(name)} ${sv ? 'är' : 'is'} ${actual}. ${rule}`
          : sv
            ? `${upperFirst(name)} är ${actual}, som inte har den form som krävs här.`
            : `${name} is ${actual}, which is not in the form required here.`,
      };
    }
    case 'anyOf':
    case 'oneOf': {
      const what = describe(error.parentSchema);
      // An optional date (a date or null) whose only fault is the year: say so, as for a date.
      if (/\bdate\b/i.test(what ?? '') && typeof value === 'string' && isIsoDate(value)) return outsideDates(value);
      const own = ownMessage(error.parentSchema, lang);
      const rule = own ?? unionRule(error.parentSchema, lang);
      if (sv) {
        return { ruleId: 'schema/type', path, message: `${upperFirst(name)} är ${actual}, som inte passar här.${rule ? ` ${rule}` : ''}` };
      }
      return {
        ruleId: 'schema/type',
        path,
        message: what && !own ? `${name} is ${actual}, but it must be ${lowerFirst(what)}.` : `${name} is ${actual}, which does not fit here.${rule ? ` ${rule}` : ''}`,
      };
    }
    case 'minItems': {
      const n = Number(params.limit);
      return {
        ruleId: 'schema/range',
        path,
        message: sv
          ? `${upperFirst(name)} behöver minst ${n} ${n === 1 ? 'post' : 'poster'}.`
          : `${name} needs at least ${n} ${n === 1 ? 'entry' : 'entries'}.`,
      };
    }
    case 'minLength':
      return {
        ruleId: 'schema/range',
        path,
        message: sv ? `${upperFirst(name)} är tom. Skriv ett värde, eller ta bort nyckeln.` : `${name} is empty. Write a value, or remove the key.`,
      };
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const words = (sv
        ? { minimum: 'minst', exclusiveMinimum: 'större än', maximum: 'högst', exclusiveMaximum: 'mindre än' }
        : { minimum: 'at least', exclusiveMinimum: 'more than', maximum: 'at most', exclusiveMaximum: 'less than' })[error.keyword];
      return {
        ruleId: 'schema/range',
        path,
        message: sv
          ? `${upperFirst(name)} är ${String(value)}, men ska vara ${words} ${String(params.limit)}.`
          : `${name} is ${String(value)}, but it must be ${words} ${String(params.limit)}.`,
      };
    }
    default: {
      const rule = CONSTRAINT_KEYWORDS.includes(error.keyword as ConstraintKeyword)
        ? constraintRule(error.parentSchema as Record<string, unknown>, error.keyword as ConstraintKeyword, lang)
        : undefined;
      return {
        ruleId: 'schema/type',
        path,
        message: rule ? `${upperFirst(name)} ${sv ? 'är' : 'is'} ${actual}. ${rule}` : `${name} ${error.message ?? 'is not allowed here'}.`,
      };
    }
  }
}

/** Keeps one error per node: an anyOf/oneOf hides its branches, a type error hides the rest. */
export function bestErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const withoutBranches = errors.filter(
    (e) => !unions.some((u) => u !== e && e.schemaPath.startsWith(`${u.schemaPath}/`) && e.instancePath.startsWith(u.instancePath)),
  );
  // A union's own branches may fail deeper (inside an object branch); those are also hidden above.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of withoutBranches) {
    const key = e.keyword === 'additionalProperties' ? `${e.instancePath}/${String((e.params as { additionalProperty: string }).additionalProperty)}#key` : e.instancePath;
    const list = byPath.get(key) ?? [];
    list.push(e);
    byPath.set(key, list);
  }
  const rank = ['additionalProperties', 'required', 'type', 'anyOf', 'oneOf', 'const', 'enum', 'format', 'pattern'];
  const score = (e: ErrorObject) => {
    const i = rank.indexOf(e.keyword);
    return i < 0 ? rank.length : i;
  };
  const kept: ErrorObject[] = [];
  for (const list of byPath.values()) {
    const required = list.filter((e) => e.keyword === 'required');
    if (required.length > 1) {
      kept.push(...required);
      continue;
    }
    kept.push(list.reduce((best, e) => (score(e) < score(best) ? e : best)));
  }
  return kept;
}

/**
 * The line of the first schema finding of each document that failed its schema, so that rules
 * which cannot check references into it (ref/unchecked) can point the reader at it.
 */
const firstErrorLine = new WeakMap<SourceDocument, number>();

/** The line of the first schema finding in `doc`, if it had one in the latest check. */
export function schemaErrorLine(doc: SourceDocument): number | undefined {
  return firstErrorLine.get(doc);
}

function reportOn(context: RuleContext, ruleId: string, doc: SourceDocument, path: PathSegment[], messageId: string, data: FindingData, key?: boolean): void {
  const line = locateIn(doc, path, { key }).line;
  const seen = firstErrorLine.get(doc);
  if (seen === undefined || line < seen) firstErrorLine.set(doc, line);
  context.report(ruleId, doc, path, messageId, data, { key });
}

function checkKind(context: RuleContext, doc: SourceDocument): boolean {
  const data = doc.data;
  if (data === undefined || data === null) return false;
  if (typeof data !== 'object' || Array.isArray(data)) {
    reportOn(context, 'schema/type', doc, [], 'notMap', { actual: { sv: actualType(data, 'sv'), en: actualType(data, 'en') } });
    return false;
  }
  const kind = (data as Record<string, unknown>).kind;
  const folder = doc.file.rel.split('/')[0];
  const suggestion = FOLDER_KIND[folder];
  if (kind === undefined) {
    reportOn(context, 'schema/missing-kind', doc, [], 'missingKind', { suggestion: suggestion ?? 'plan', kinds: orList(KINDS) });
    return false;
  }
  if (!isKind(kind)) {
    const guess = typeof kind === 'string' ? closest(kind, KINDS) : undefined;
    // A map or list under kind: is said as what it is: String() of a map with its own toString key throws.
    const shown = kind !== null && typeof kind === 'object' ? { sv: actualType(kind, 'sv'), en: actualType(kind, 'en') } : String(kind);
    reportOn(context, 'schema/unknown-kind', doc, ['kind'], 'unknownKind', { kind: shown, guess: didYouMean(guess), kinds: orList(KINDS) });
    return false;
  }
  return true;
}

export const schemaRules = defineRules({
  rules: [
    {
      id: 'schema/missing-kind',
      severity: 'error',
      description: {
        sv: 'Ett dokument säger inte vilken sorts dokument det är (kind: plan, group, …).',
        en: 'A document does not say which kind it is (kind: plan, group, …).',
      },
      fullDescription: {
        sv: 'Varje dokument börjar med kind:, som talar om för samverkan vilka regler och vilket schema som gäller för det. Utan den kontrolleras inte dokumentet och det går inte att hänvisa till. Lägg till kind: med en av agreement, plan, group, meeting, assessment, organizations, people eller workspace.',
        en: 'Every document starts with kind:, which tells samverkan which rules and which schema apply to it. Without it the document is not checked and cannot be referred to. Add kind: with one of agreement, plan, group, meeting, assessment, organizations, people or workspace.',
      },
      messages: {
        missingKind: {
          sv: 'Dokumentet säger inte vad det är. Lägg till en rad kind: {suggestion} överst (en av {kinds}).',
          en: 'The document does not say what it is. Add a line kind: {suggestion} at the top (one of {kinds}).',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'id: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
    {
      id: 'schema/unknown-kind',
      severity: 'error',
      description: {
        sv: 'Ett dokument anger en sort (kind:) som samverkan inte känner till.',
        en: 'A document names a kind samverkan does not know.',
      },
      fullDescription: {
        sv: 'En kind: som samverkan inte känner till (ofta ett svenskt ord eller en felstavning) gör att dokumentet inte kontrolleras och inte går att hänvisa till. Använd en av agreement, plan, group, meeting, assessment, organizations, people eller workspace; meddelandet föreslår den närmaste.',
        en: 'A kind: that samverkan does not know (often a Swedish word or a misspelling) means the document is not checked and cannot be referred to. Use one of agreement, plan, group, meeting, assessment, organizations, people or workspace; the message suggests the closest.',
      },
      messages: {
        unknownKind: {
          sv: 'kind: {kind} är inte en sort som samverkan känner till.{guess} Använd en av {kinds}.',
          en: 'kind: {kind} is not a kind samverkan knows.{guess} Use one of {kinds}.',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: grupp\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
    {
      id: 'schema/required',
      severity: 'error',
      description: {
        sv: 'En nyckel som krävs saknas.',
        en: 'A required key is missing.',
      },
      fullDescription: {
        sv: 'Varje sorts dokument har några nycklar som det inte går att förstå eller skriva ut utan, till exempel en grupps namn eller en plans period. Lägg till nyckeln som meddelandet nämner.',
        en: 'Each kind has a few keys without which a document cannot be understood or rendered, such as a group\'s name or a plan\'s period. Add the key the message names.',
      },
      messages: {
        invalid: {
          sv: '{text}',
          en: '{text}',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
    {
      id: 'schema/unknown-key',
      severity: 'error',
      description: {
        sv: 'En nyckel som den här sortens dokument inte har (ofta en felstavning).',
        en: 'A key that the kind does not have (often a misspelling).',
      },
      fullDescription: {
        sv: 'En nyckel som samverkan inte känner till kontrolleras inte och visas ingenstans, så det som står under den går förlorat utan att det märks. Oftast är den en felstavning av en nyckel som finns, och meddelandet föreslår den; annars flytta texten till description: eller en kommentar.',
        en: 'A key samverkan does not know is not checked and not shown anywhere, so what is written under it is silently lost. It is usually a misspelling of a key the kind has, which the message suggests; otherwise move the text to description: or a comment.',
      },
      messages: {
        invalid: {
          sv: '{text}',
          en: '{text}',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nsyfte: Samordna utbildningen\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\npurpose: Samordna utbildningen\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
    {
      id: 'schema/type',
      severity: 'error',
      description: {
        sv: 'Ett värde av fel slag: en text där det ska stå en lista, ett tal där det ska stå ett datum.',
        en: 'A value of the wrong type: a text where a list belongs, a number where a date belongs.',
      },
      fullDescription: {
        sv: 'Ett värde av fel slag kan inte användas av de andra kontrollerna eller i de utskrivna dokumenten, till exempel ja där det ska stå true eller false. Skriv värdet i den form meddelandet ber om.',
        en: 'A value of the wrong type cannot be used by the other checks or the rendered documents, for example yes written as ja, where true or false belongs. Write the value in the form the message asks for.',
      },
      messages: {
        invalid: {
          sv: '{text}',
          en: '{text}',
        },
        notMap: {
          sv: 'Dokumentet ska vara en karta med nycklar och värden som börjar med kind:, inte {actual}.',
          en: 'The document must be a map of keys and values starting with kind:, not {actual}.',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\ndecides: ja\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\ndecides: true\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
    {
      id: 'schema/enum',
      severity: 'error',
      description: {
        sv: 'Ett värde som inte är ett av de tillåtna valen.',
        en: 'A value that is not one of the allowed choices.',
      },
      fullDescription: {
        sv: 'Vissa nycklar tar ett av en fast lista med värden, på engelska, så att dokument kan jämföras och skrivas ut på vilket språk som helst; de vanliga svenska orden (styrgrupp, pågående, torsdag) går också bra. Använd ett av värdena som meddelandet räknar upp; en projektgrupp är till exempel type: working.',
        en: 'Some keys take one of a fixed list of values, in English, so that documents can be compared and rendered in any language; the Swedish words a coordinator would write for them are accepted too. Use one of the values the message lists; for example a projektgrupp is type: working.',
      },
      messages: {
        invalid: {
          sv: '{text}',
          en: '{text}',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: projektgrupp\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
    {
      id: 'schema/format',
      severity: 'error',
      description: {
        sv: 'Ett värde i fel form: ett id, ett datum, en tid, en e-postadress eller en länk.',
        en: 'A value in the wrong form: an id, a date, a time, an e-mail address or a link.',
      },
      fullDescription: {
        sv: 'Id:n, datum, tider, e-postadresser och länkar har en fast form så att de går att hänvisa till, sortera och länka. Id:n består av små bokstäver, siffror och bindestreck; datum skrivs ÅÅÅÅ-MM-DD; tider skrivs TT:MM inom citattecken.',
        en: 'Ids, dates, times, e-mail addresses and links have a fixed form so that they can be referred to, sorted and linked. Ids are lower-case letters, digits and hyphens; dates are YYYY-MM-DD; times are HH:MM in quotes.',
      },
      messages: {
        invalid: {
          sv: '{text}',
          en: '{text}',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: Arbetsgrupp 1\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
    {
      id: 'schema/range',
      severity: 'error',
      description: {
        sv: 'Ett tal utanför sitt intervall, en tom text eller en för kort lista.',
        en: 'A number out of range, an empty text or too short a list.',
      },
      fullDescription: {
        sv: 'Ett tal utanför sitt intervall (en andel över 100, en negativ längd), en tom text eller en tom lista där minst en post behövs betyder oftast att ett värde har glömts bort. Fyll i värdet, eller ta bort nyckeln om den är frivillig.',
        en: 'A number outside its range (a share over 100, a negative duration), an empty text or an empty list where at least one item is needed usually means a value was forgotten. Fill in the value, or remove the key if it is optional.',
      },
      messages: {
        invalid: {
          sv: '{text}',
          en: '{text}',
        },
      },
      example: { file: 'groups/exempel.yaml', bad: 'kind: group\nid: exempel\nname: ""\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n', good: 'kind: group\nid: exempel\nname: Arbetsgrupp Exempel\ntype: working\nmembers:\n  - {person: samordnare, role: chair}\n' },
    },
  ],
  async check(context) {
    for (const doc of context.workspace.documents) {
      firstErrorLine.delete(doc);
      if (!checkKind(context, doc) || !doc.kind) continue;
      const validate = await validatorFor(doc.kind);
      if (validate(doc.data)) {
        doc.valid = true;
        continue;
      }
      for (const error of bestErrors(validate.errors ?? [])) {
        // The words come from the schemas' x-message and translate()'s table, in the check's language.
        const t = translate(error, context.lang);
        reportOn(context, t.ruleId, doc, t.path, 'invalid', { text: t.message }, t.key);
      }
    }
  },
});

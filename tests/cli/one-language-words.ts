/**
 * Tells which words of a terminal text belong to the other language: a small list of the most
 * common English and Swedish words, and å/ä/ö, after taking out what is not a message: quoted
 * text, paths, ids, flags, placeholders, YAML keys, example command lines and every text that
 * comes from the workspace's own files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** Words that mark English; none is a Swedish word a message would use. */
const ENGLISH = new Set(
  `a an the is are was were been not no this that these those with without has have had and or of to into on at by for from as
  it its their there here which what when where who how than then each every only already nothing something
  file files folder folders workspace write wrote written run give use used uses see show shows print prints
  cannot could does did found missing needs must should would will may can make made add added remove removed
  created changed checked check error errors warning warnings problems option options command commands
  usage arguments default today date line lines more one none other wrong right value values
  meeting meetings group groups member members agreement agreements action actions chair secretary minutes
  notice tasks done due overdue since until after before note people goals report`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that mark Swedish; none is an English word a message would use. */
const SWEDISH = new Set(
  `och är inte fil filen filer har hade som skriv kör det den ett att för med till från av om eller finns fanns
  ingen inget inga kan ska måste vara var när sedan också alla varje här där mappen mapp arbetsytan arbetsyta
  gruppen grupp grupper mötet möte möten datum flaggan flagga flaggor hjälpen visa skapa lägg går gick fel
  varning varningar skrev lade ledamot ledamöter ordförande sekreterare protokoll protokollet kallelse åtgärd
  åtgärder åtgärden uppgift uppgifter klar klart i på vid nu ej saknas kommando kommandon användning exempel
  ett två tre ange anger gör gjorde bara redan ingenting mer än innan efter tills dag dagar`
    .split(/\s+/)
    .filter(Boolean),
);

/** Every text value in the YAML files under `dir`, longest first: what the output may quote from them. */
export function workspaceTexts(dir: string): string[] {
  const texts = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.trim().length >= 2) texts.add(value.trim());
      // A long text is rendered line by line, with its Markdown: each line counts as quoted too.
      for (const line of value.split('\n')) {
        const bare = line.replace(/^\s*(?:[-*] |#+ |\d+\. )?/, '').trim();
        if (bare.length >= 8 && bare !== value.trim()) texts.add(bare);
      }
    } else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) (texts.add(k), visit(v));
  };
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) {
        for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
          try {
            if (!('empty' in doc)) visit(doc.toJS());
          } catch {
            // A file made to break parsers (an alias bomb): nothing of it is quoted.
          }
        }
      }
    }
  };
  walk(dir);
  return [...texts].sort((a, b) => b.length - a.length);
}

/** The text with everything that is not the tool's own words blanked out. */
export function ownWords(text: string, quoted: readonly string[] = []): string {
  // eslint-disable-next-line no-control-regex
  let out = text
    .replace(/\u001b\[[0-9;]*m/g, '')
    // A YAML line from a file or an example (indented "key: value"): the value is the file's.
    .replace(/^\s+(?:- )?[a-z_]+: .*$/gm, ' ');
  // Whole words only: a quoted "en" must not take the middle out of "Attendance".
  for (const q of quoted) {
    if (!out.includes(q)) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${q.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu'), ' ');
  }
  return (
    out
      // An example command line, up to the explanation after it.
      .replace(/\$ [^\n]*?(?= {3,}|$)/gm, ' ')
      .replace(/"[^"\n]*"|“[^”\n]*”|«[^»\n]*»|`[^`\n]*`|(?<![A-Za-zåäöÅÄÖ])'[^'\n]*'(?![A-Za-zåäöÅÄÖ])/g, ' ')
      .replace(/\{[^}\n]*\}/g, ' ')
      // Paths, file names, ids with digits, e-mail addresses; not a word ending a sentence.
      .replace(/\S*(?:[/\\_=@#0-9]|\.[\p{L}./])\S*/gu, ' ')
      // A range of letters, as in "a–z".
      .replace(/(?<![\p{L}])\p{L}[–-]\p{L}(?![\p{L}])/gu, ' ')
      .replace(/(^|\s)-{1,2}[A-Za-z][\w-]*/g, ' ')
      .replace(/(^|\s)[a-z_][a-z_-]*:(?=\s|$)/g, ' ')
      .replace(/\b[A-ZÅÄÖ][A-ZÅÄÖ-]+\b/g, ' ')
      // An id-like word with a capital inside (aN, iN: "the next free aN").
      .replace(/(?<![\p{L}])[a-z]+[A-Z]\w*/gu, ' ')
  );
}

/** The words of `text` that belong to the language other than `lang`, in order, once each. */
export function foreignWords(text: string, lang: 'sv' | 'en', quoted: readonly string[] = [], names: ReadonlySet<string> = new Set()): string[] {
  const words = ownWords(text, quoted).match(/[A-Za-zÅÄÖåäöÉé]+(?:-[A-Za-zÅÄÖåäöÉé]+)*/g) ?? [];
  const foreign = new Set<string>();
  for (const word of words) {
    const lower = word === 'I' ? 'I' : word.toLowerCase();
    if (lower === 'samverkan' || lower === 'sv' || lower === 'en' || names.has(word)) continue;
    if (lang === 'sv' ? ENGLISH.has(lower) : SWEDISH.has(lower) || /[åäö]/i.test(word)) foreign.add(word);
  }
  return [...foreign];
}

/** Each line of `text` with words of the other language, as "line  ← words". */
export function foreignLines(text: string, lang: 'sv' | 'en', quoted: readonly string[] = [], names: ReadonlySet<string> = new Set()): string[] {
  return text
    .split('\n')
    .map((line) => ({ line, words: foreignWords(line, lang, quoted, names) }))
    .filter((l) => l.words.length > 0)
    .map((l) => `${l.line.trim().slice(0, 160)}  ← ${l.words.join(', ')}`);
}

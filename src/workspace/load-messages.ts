/**
 * What the loader says about a file it could not read as a document: empty, not text, too large,
 * unreadable, a name that is not UTF-8, a link out of the workspace, a YAML tag, directive or
 * alias bomb. Kept apart from the loader (src/workspace/load.ts) so the words can change without
 * touching the parsing. YAML syntax errors are worded in src/workspace/yaml-errors.ts.
 */
import { messages, type Message, type Params } from '../i18n/messages.js';
import type { Span } from './locate.js';
import type { LoadProblem } from './types.js';

const say = messages('workspace/load', {
  empty: {
    sv: 'Filen är tom. Skriv ett dokument i den (som börjar med kind:), eller ta bort den.',
    en: 'The file is empty. Write a document in it (starting with kind:), or delete it.',
  },
  onlyComments: {
    sv: 'Filen har inget innehåll, bara kommentarer eller ingenting. Skriv ett dokument i den (som börjar med kind:), eller ta bort den.',
    en: 'The file has no content, only comments or nothing. Write a document in it (starting with kind:), or delete it.',
  },
  tag: {
    sv: 'Taggen {tag} är inte tillåten: filerna innehåller bara vanliga värden (texter, tal, datum, true/false, listor och kartor), så dokumentet lästes inte. Ta bort {tag}; sätt värdet inom citattecken om det är en text.',
    en: 'The tag {tag} is not allowed: these files hold plain values only (texts, numbers, dates, true/false, lists and maps), so the document was not read. Remove {tag}; put the value in quotes if it is a text.',
  },
  directive: {
    sv: 'Direktivet {directive} är inte tillåtet: filerna är vanlig YAML utan rader som börjar med %, så dokumentet lästes inte. Ta bort raden.',
    en: 'The directive {directive} is not allowed: these files are plain YAML without % lines, so the document was not read. Remove this line.',
  },
  tooManyAliases: {
    sv: 'Dokumentet upprepar alias (*namn) fler än {limit} gånger, och att läsa det skulle kunna göra slut på datorns minne. Skriv ut värdena i stället för att använda alias.',
    en: "The document repeats aliases (*name) more than {limit} times, and reading it could use up the computer's memory. Write the values out instead of using aliases.",
  },
  unknownAlias: {
    sv: 'Aliaset *{alias} på rad {line} hänvisar till ett ankare &{alias} som inte finns ovanför, så dokumentet lästes inte. Skriv ut värdet, eller sätt &{alias} på det värde som ska upprepas, ovanför den här raden.',
    en: 'The alias *{alias} on line {line} names no anchor &{alias} above it, so the document was not read. Write the value out, or put &{alias} on the value it repeats, above this line.',
  },
  unreadable: {
    sv: 'Filen gick inte att läsa ({why}). Kontrollera att den finns och att du har rätt att läsa den.',
    en: 'The file could not be read ({why}). Check that it exists and that you may read it.',
  },
  unreadableDenied: {
    sv: 'Filen gick inte att läsa (åtkomst nekad). Kontrollera att du har rätt att läsa den.',
    en: 'The file could not be read (permission denied). Check that you may read it.',
  },
  unreadableFolder: {
    sv: 'Det här är en mapp, inte en fil, fast namnet slutar på .yaml. Byt namn på mappen.',
    en: 'This is a folder, not a file, although its name ends in .yaml. Rename the folder.',
  },
  tooLarge: {
    sv: 'Filen är {mb} MB; filer över {limit} MB läses inte. Dela upp den i flera filer.',
    en: 'The file is {mb} MB; files over {limit} MB are not read. Split it into several files.',
  },
  binary: {
    sv: 'Filen är inte text (det kan vara en Word- eller Excel-fil som döpts om till .yaml). Spara den som vanlig UTF-8-text, eller flytta den ut ur arbetsytan.',
    en: 'The file is not text (it may be a Word or Excel file renamed to .yaml). Save it as plain UTF-8 text, or move it out of the workspace.',
  },
  fileNameEncoding: {
    sv: 'Namnet på den här filen är inte UTF-8-text (den har troligen skapats på en annan dator), så den lästes inte. Byt namn på den med bara bokstäver, siffror, - och _.',
    en: 'The name of this file is not UTF-8 text (it was probably made on another computer), so it was not read. Rename it using only letters, digits, - and _.',
  },
  folderNameEncoding: {
    sv: 'Namnet på den här mappen är inte UTF-8-text (den har troligen skapats på en annan dator), så den lästes inte. Byt namn på den med bara bokstäver, siffror, - och _.',
    en: 'The name of this folder is not UTF-8 text (it was probably made on another computer), so it was not read. Rename it using only letters, digits, - and _.',
  },
  outsideWorkspace: {
    sv: 'Det här är en länk till {target}, utanför arbetsytan, så den lästes inte. Kopiera in filen i arbetsytan i stället för att länka till den.',
    en: 'This is a link to {target}, outside the workspace, so it was not read. Copy the file into the workspace instead of linking to it.',
  },
  skippedUnreadable: {
    sv: 'Det här gick inte att läsa ({why}). Kontrollera att det finns och att du har rätt att läsa det.',
    en: 'This could not be read ({why}). Check that it exists and that you may read it.',
  },
});

/** What the loader can say about a file; the keys of its phrases. */
export type LoadWords = Parameters<typeof say>[0];

/**
 * A load problem said in the current language, and in both (`said`), so a check run in another
 * language says it in its own.
 */
export function loadProblem(ruleId: string, file: string, span: Span, key: LoadWords, params: Params = {}): LoadProblem {
  const said: Message = { sv: say.in('sv', key, params), en: say.in('en', key, params) };
  return { ruleId, file, span, message: say(key, params), said };
}

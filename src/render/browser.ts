/**
 * Finding the headless Chromium or Chrome that prints PDFs. samverkan ships no browser of its own
 * (a download of 150 MB is no part of installing a command-line tool): it uses the one on the
 * machine, or the one the environment variable SAMVERKAN_CHROMIUM names.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { SamverkanError } from '../errors.js';
import type { Lang } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';

/** The environment variable that names the browser to print with. */
export const BROWSER_VARIABLE = 'SAMVERKAN_CHROMIUM';

/** Where a Chromium or Chrome is looked for first: where Debian's and Ubuntu's packages, Snap and the macOS apps put it. */
const WELL_KNOWN = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];
/** The names a Chromium or Chrome goes by on PATH, on Linux and macOS (Homebrew) alike. */
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** There is no browser to print PDFs with; the message says how to get one, in the output's language. */
export class BrowserMissingError extends SamverkanError {}

const say = messages('render/browser', {
  none: {
    sv: 'Det finns ingen Chromium eller Chrome på datorn att skriva PDF med, så ingen PDF skrevs: installera Chromium (till exempel "sudo apt install chromium") eller ange sökvägen till en Chromium eller Chrome i miljövariabeln {variable}.',
    en: 'There is no Chromium or Chrome on this machine to write the PDF with, so nothing was written: install Chromium (for example "sudo apt install chromium") or give the path of a Chromium or Chrome in the environment variable {variable}.',
  },
  named: {
    sv: 'Miljövariabeln {variable} pekar på {path}, men där finns inget program att starta, så ingen PDF skrevs: ange sökvägen till en installerad Chromium eller Chrome, eller ta bort variabeln så söker samverkan själv.',
    en: 'The environment variable {variable} names {path}, but there is no program to start there, so nothing was written: give the path of an installed Chromium or Chrome, or unset the variable to let samverkan look for one.',
  },
});

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FindBrowserOptions {
  /** The environment: SAMVERKAN_CHROMIUM and PATH are read from it. */
  env: Readonly<Record<string, string | undefined>>;
  /** Language of the message when there is no browser; the language messages are said in unless given. */
  lang?: Lang;
  /** Paths looked at before PATH; the well-known places unless given (tests give none). */
  wellKnown?: readonly string[];
}

/**
 * The path of the browser to print with: the one SAMVERKAN_CHROMIUM names (it must be there; a
 * variable set on purpose is not second-guessed), else the first of the well-known places and of
 * the browsers on PATH. Throws BrowserMissingError when there is none.
 */
export function findBrowser(options: FindBrowserOptions): string {
  const lang = options.lang ?? language();
  const named = options.env[BROWSER_VARIABLE]?.trim();
  if (named) {
    if (!isExecutableFile(named)) throw new BrowserMissingError(say.in(lang, 'named', { variable: BROWSER_VARIABLE, path: named }));
    return named;
  }
  for (const path of options.wellKnown ?? WELL_KNOWN) if (isExecutableFile(path)) return path;
  const folders = (options.env.PATH ?? '').split(delimiter).filter((folder) => folder !== '' && isAbsolute(folder));
  for (const command of COMMANDS) {
    for (const folder of folders) {
      const path = join(folder, command);
      if (isExecutableFile(path)) return path;
    }
  }
  throw new BrowserMissingError(say.in(lang, 'none', { variable: BROWSER_VARIABLE }));
}

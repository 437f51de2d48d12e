// Apart from options.ts, so that the program's list of commands loads no option parser.
import { messages } from '../i18n/messages.js';

/**
 * The names that stand for a value in help and usage lines (`--as-of <DATE>`), in the current
 * language: a Swedish reader sees `--as-of <DATUM>`.
 */
export const placeholder = messages('cli/placeholders', {
  ACTION: { sv: 'ÅTGÄRD', en: 'ACTION' },
  DATE: { sv: 'DATUM', en: 'DATE' },
  DAY: { sv: 'DAG', en: 'DAY' },
  DIR: { sv: 'MAPP', en: 'DIR' },
  EMAIL: { sv: 'E-POST', en: 'EMAIL' },
  FILE: { sv: 'FIL', en: 'FILE' },
  FORMAT: { sv: 'FORMAT', en: 'FORMAT' },
  GOAL: { sv: 'MÅL', en: 'GOAL' },
  GROUP: { sv: 'GRUPP', en: 'GROUP' },
  ID: { sv: 'ID', en: 'ID' },
  KIND: { sv: 'SLAG', en: 'KIND' },
  LANG: { sv: 'SPRÅK', en: 'LANG' },
  MEETING: { sv: 'MÖTE', en: 'MEETING' },
  N: { sv: 'N', en: 'N' },
  NAME: { sv: 'NAMN', en: 'NAME' },
  ORG: { sv: 'ORG', en: 'ORG' },
  PATH: { sv: 'SÖKVÄG', en: 'PATH' },
  PERCENT: { sv: 'PROCENT', en: 'PERCENT' },
  PERIOD: { sv: 'PERIOD', en: 'PERIOD' },
  PERSON: { sv: 'PERSON', en: 'PERSON' },
  PHASE: { sv: 'FAS', en: 'PHASE' },
  PLAN: { sv: 'PLAN', en: 'PLAN' },
  REV: { sv: 'REVISION', en: 'REV' },
  ROLE: { sv: 'ROLL', en: 'ROLE' },
  RULE: { sv: 'REGEL', en: 'RULE' },
  STATUS: { sv: 'STATUS', en: 'STATUS' },
  TASK: { sv: 'UPPGIFT', en: 'TASK' },
  TEXT: { sv: 'TEXT', en: 'TEXT' },
  TIME: { sv: 'TT:MM', en: 'HH:MM' },
  TYPE: { sv: 'TYP', en: 'TYPE' },
  VALUE: { sv: 'VÄRDE', en: 'VALUE' },
  ZONE: { sv: 'ZON', en: 'ZONE' },
});

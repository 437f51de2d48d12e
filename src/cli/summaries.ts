/**
 * What each command is, in a line: the program's list of commands shows these without loading
 * the commands' modules (so `samverkan --help` stays fast), and each command's own help page
 * starts with the same words.
 */
import { messages } from '../i18n/messages.js';

export const summary = messages('cli/summaries', {
  init: {
    sv: 'skapa en ny arbetsyta: frågar efter dess namn, organisationerna, den första gruppen och dess ordförande; skriver aldrig över en fil',
    en: 'set up a new workspace: asks for its name, the organisations, the first group and its chair; never overwrites a file',
  },
  validate: {
    sv: 'kontrollera alla filer i arbetsytan: format, hänvisningar, datum, gruppers sammansättning, möten och integritet',
    en: 'check every file of the workspace: format, references, dates, rosters, meetings and privacy',
  },
  rules: {
    sv: 'lista reglerna som validate kontrollerar, med deras förvalda allvarlighetsgrad och vad de hittar',
    en: 'list the rules that validate checks, with their default severity and what they find',
  },
  status: {
    sv: 'en översikt för samordnaren: försenade åtgärder och åtgärder som snart ska vara klara, öppna uppgifter, nästa möten, överenskommelser som löper ut och luckor i grupperna',
    en: 'an overview for the coordinator: overdue and soon-due actions, open tasks, next meetings, agreements ending, gaps in the groups',
  },
  render: {
    sv: 'gör ett dokument, eller hela arbetsytan som en webbplats, till Markdown, fristående HTML eller PDF',
    en: 'render a document, or the whole workspace as a site, as Markdown, self-contained HTML or PDF',
  },
  meeting: { sv: 'förbered en grupps möten', en: "prepare a group's meetings" },
  action: {
    sv: 'lägg till en åtgärd i en handlingsplan, eller för in hur en åtgärd går (status, hur långt den kommit, en anteckning)',
    en: 'add an action to a plan, or record how one goes (status, progress, a follow-up note)',
  },
  person: { sv: 'lägg till tjänstepersoner i people.yaml', en: 'add officials to people.yaml' },
  organization: { sv: 'lägg till organisationer i organizations.yaml', en: 'add organisations to organizations.yaml' },
  group: { sv: 'skapa grupper: styrgrupp, arbetsgrupp, referensgrupp, ärendegrupp …', en: 'create groups: steering, working, reference, case group …' },
  plan: { sv: 'skapa och bygga ut handlingsplaner', en: 'create and extend action plans' },
  goal: { sv: 'lägga till mål och delmål i en handlingsplan', en: 'add goals and sub-goals to an action plan' },
  indicator: { sv: 'lägga till indikatorer och föra in mätvärden', en: 'add indicators and record measurements' },
  agreement: { sv: 'skapa samverkansöverenskommelser', en: 'create collaboration agreements' },
  member: {
    sv: 'ändra en grupps sammansättning: lägg till en ledamot från ett datum, eller avsluta ett uppdrag på ett datum (historiken sparas)',
    en: "change a group's roster: add a member from a date, or end a membership on a date (history is kept)",
  },
  task: { sv: 'följ upp uppgifterna som gavs i mötenas protokoll', en: 'follow up the tasks ("uppgifter") given in meetings\' minutes' },
  minutes: {
    sv: 'skriv ett mötes protokoll: underlaget att fylla i, sedan justeringen',
    en: 'write a meeting\'s minutes ("protokoll"): the skeleton to fill in, then the adjustment ("justering")',
  },
  calendar: {
    sv: 'en grupps möten som en kalenderfil (.ics) att importera i Outlook, Google eller Apple Kalender',
    en: 'the meetings of a group as an iCalendar file (.ics) to import into Outlook, Google or Apple Calendar',
  },
  changes: {
    sv:
      'vad som ändrats sedan en version, dokument för dokument och i ord: åtgärder som lagts till, blivit klara, flyttats; nya mätvärden; ' +
      'ledamöter som kommit eller gått; överenskommelsers parter, giltighetstid och kostnadsfördelning; möten som hållits, deras beslut och uppgifter',
    en:
      'what changed since a revision, by document and in words: actions added, done, moved; new measurements; ' +
      'members who joined or left; agreement parties, term and cost sharing; meetings held, their decisions and tasks',
  },
  history: {
    sv: 'en sak genom incheckningarna: varje ändring med datum, författare och meddelande, och vad som ändrades i ord',
    en: 'the life of one thing through the commits: each change with its date, author and message, and what changed in words',
  },
  schema: {
    sv: 'skriv ut JSON-scheman, fristående, för editorer som VS Code eller Neovim med yaml-language-server',
    en: 'print the JSON Schemas, self-contained, for editors such as VS Code or Neovim with yaml-language-server',
  },
});

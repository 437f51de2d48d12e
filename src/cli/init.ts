/** `samverkan init [DIR]`: ask (or take flags), then create a workspace that validates clean. */
import { relative, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from './command.js';
import { UsageError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import { paint, type CliIO } from './io.js';
import { collect, placeholder } from './options.js';
import { summary } from './summaries.js';

interface InitCliOptions {
  dir?: string;
  lang?: 'sv' | 'en';
  yes?: boolean;
  name?: string;
  language?: 'sv' | 'en';
  timezone?: string;
  org?: string[];
  group?: string;
  groupType?: string;
  chair?: string;
  chairOrg?: string;
  chairEmail?: string;
  secretary?: string;
  secretaryOrg?: string;
  cadence?: string;
  weekday?: string;
  time?: string;
  duration?: string;
  location?: string;
  /** False with --no-git. */
  git?: boolean;
}

const ORG_TYPES =
  'municipality, region, police, prosecution, county-board, municipal-association, school, health-care, social-services, probation, ngo, government-agency, other';
const GROUP_TYPES = ['steering', 'working', 'case', 'reference', 'coordination', 'network', 'resource-team'];

const say = messages('cli/init', {
  folder: { sv: 'mapp för den nya arbetsytan; skapas om den saknas (förval: mappen du står i)', en: 'folder for the new workspace; made if missing (default: the current folder)' },
  dir: { sv: 'kör som om du stod i {dir}', en: 'run as if started in {dir}' },
  lang: { sv: 'frågornas språk: sv eller en (förval: från LANG, annars sv)', en: 'language of the questions: sv or en (default: from LANG, else sv)' },
  yes: {
    sv: 'fråga ingenting: ta flaggorna nedan och förval för resten (även när indata inte kommer från en terminal)',
    en: 'ask nothing: take the flags below and defaults for the rest (also when input is not a terminal)',
  },
  name: { sv: 'samverkans namn, som visas på alla dokument', en: "the collaboration's name, shown on every document" },
  language: { sv: 'dokumentens språk: sv eller en (förval: sv)', en: 'language of rendered documents: sv or en (default: sv)' },
  timezone: { sv: 'tidszon för mötestider (förval: Europe/Stockholm)', en: 'time zone of meeting times (default: Europe/Stockholm)' },
  org: {
    sv: 'en organisation som deltar, går att upprepa; TYP (gissas från namnet om den utelämnas) är en av {types}',
    en: 'an organisation taking part, repeatable; TYPE (guessed from the name if left out) is one of {types}',
  },
  group: { sv: 'den första gruppens namn (förval: Styrgrupp NAMN)', en: 'name of the first group (default: Styrgrupp NAME)' },
  groupType: {
    sv: 'den första gruppens typ: {types} (förval: steering, en styrgrupp)',
    en: 'type of the first group: {types} (default: steering)',
  },
  notAGroupType: { sv: '"{value}" är ingen grupptyp. Använd en av {types}.', en: '"{value}" is not a group type. Use one of {types}.' },
  chair: {
    sv: 'gruppens ordförande: ett namn, eller en titel där namn inte sparas (förval: titeln Ordförande)',
    en: "the group's chair: a name, or a title where names are not kept (default: the title Ordförande)",
  },
  chairOrg: { sv: 'organisationen (namn eller id) som ordföranden kommer från (förval: den första --org)', en: 'organisation (name or id) the chair is from (default: the first --org)' },
  chairEmail: { sv: 'ordförandens e-postadress i tjänsten', en: "the chair's work e-mail address" },
  secretary: { sv: 'gruppens sekreterare (förval: ingen än)', en: "the group's secretary (default: none yet)" },
  secretaryOrg: { sv: 'organisationen (namn eller id) som sekreteraren kommer från (förval: den första --org)', en: 'organisation (name or id) the secretary is from (default: the first --org)' },
  cadence: {
    sv: 'hur ofta den första gruppen möts, skrivet som i filen: weekly, every 6 weeks, monthly, quarterly, half-yearly, yearly eller "ad hoc"',
    en: 'how often the first group meets: weekly, every 6 weeks, monthly, quarterly, half-yearly, yearly or "ad hoc"',
  },
  weekday: { sv: 'veckodagen den möts (måndag … söndag, eller monday … sunday)', en: 'the day of the week it meets (monday … sunday, or in Swedish "måndag" … "söndag")' },
  time: { sv: 'klockslaget då mötena börjar', en: 'the time its meetings start' },
  duration: { sv: 'ett mötes längd i minuter', en: 'the length of a meeting in minutes' },
  location: { sv: 'var den möts', en: 'where it meets' },
  noGit: {
    sv: 'skapa inget git-arkiv (som förval skapar init ett med en första incheckning, om mappen inte redan ligger i ett)',
    en: 'make no git repository (by default init makes one with a first commit, unless the folder is inside one already)',
  },
  after: {
    sv:
      '\nI en terminal frågar init efter det som flaggorna inte ger. Med --yes, eller när indata inte kommer från en terminal,\n' +
      'frågar den ingenting och behöver minst --name och en --org.\n' +
      '\nExempel:\n  $ samverkan init kvinnofrid-nb\n' +
      '  $ samverkan init kvinnofrid-nb --yes --name "Kvinnofrid Norra Bohuslän" --language sv \\\n' +
      '      --org "Munkedals kommun" --org "Sotenäs kommun" --org "Polisen=police" --chair "Anna Andersson" --chair-org "Munkedals kommun"',
    en:
      '\nIn a terminal, init asks for what the flags do not give. With --yes, or when input is not a terminal,\n' +
      'it asks nothing and needs at least --name and one --org.\n' +
      '\nExamples:\n  $ samverkan init kvinnofrid-nb\n' +
      '  $ samverkan init kvinnofrid-nb --yes --name "Kvinnofrid Norra Bohuslän" --language sv \\\n' +
      '      --org "Munkedals kommun" --org "Sotenäs kommun" --org "Polisen=police" --chair "Anna Andersson" --chair-org "Munkedals kommun"',
  },
  stopped: {
    sv: 'Avbrutet innan alla frågor var besvarade, så ingenting skrevs. Kör "samverkan init" igen för att börja om.',
    en: 'Stopped before the end of the questions, so nothing was written. Run "samverkan init" again to start over.',
  },
  declined: {
    sv: 'Ingenting skrevs, som du ville. Kör "samverkan init" igen för att börja om.',
    en: 'Nothing was written, as you asked. Run "samverkan init" again to start over.',
  },
  needsWithYes: {
    sv: 'Med --yes frågar init ingenting och behöver {missing}. Till exempel: {example}',
    en: 'With --yes init asks nothing and needs {missing}. For example: {example}',
  },
  needsNoTerminal: {
    sv: 'Indata kommer inte från en terminal, så init frågar ingenting och behöver {missing}. Till exempel: {example}',
    en: 'Input is not a terminal, so init asks nothing and needs {missing}. For example: {example}',
  },
  oneOrg: { sv: 'minst en --org', en: 'at least one --org' },
  and: { sv: 'och', en: 'and' },
  created: { sv: 'Arbetsytan "{name}" är skapad i {folder}:', en: 'Created the workspace "{name}" in {folder}:' },
  kept: { sv: 'fanns redan', en: 'already there' },
  schemas: {
    sv: '{n} JSON-scheman: editorer fyller i och kontrollerar filerna med dem',
    en: '{n} JSON Schemas: editors complete and check the files with them',
  },
  next: {
    sv:
      'Nästa steg: lägg till fler personer i people.yaml och ledamöter i gruppen, ett samverkansavtal under agreements/ och en handlingsplan under plans/.\n' +
      'Kontrollera sedan allt med: samverkan validate',
    en:
      'Next: add people to people.yaml and members to the group, an agreement under agreements/ and an action plan under plans/.\n' +
      'Then check everything with: samverkan validate',
  },
  note: { sv: 'Obs: {note}', en: 'Note: {note}' },
  gitCreated: {
    sv: 'Ett git-arkiv är skapat med en första incheckning ({commit}) på grenen {branch}.',
    en: 'Made a git repository with a first commit ({commit}) on the branch {branch}.',
  },
  gitNeutral: {
    sv: 'Git vet inte vem du är, så den första incheckningen gjordes av "{author}", bara för den; ange vem du är med git config --global user.name "Ditt Namn" och git config --global user.email du@example.se.',
    en: 'Git does not know who you are, so the first commit was made as "{author}", for that commit only; tell git who you are with git config --global user.name "Your Name" and git config --global user.email you@example.org.',
  },
  gitInside: {
    sv: 'Mappen ligger redan i git-arkivet {top}, så inget nytt arkiv skapades; checka in de nya filerna där.',
    en: 'The folder is inside the git repository {top} already, so no new repository was made; commit the new files there.',
  },
  gitMissing: {
    sv: 'Git finns inte på den här datorn, så inget git-arkiv skapades; installera git och kör "git init" i mappen för att spara historiken.',
    en: 'Git is not installed on this computer, so no repository was made; install git and run "git init" in the folder to keep the history.',
  },
  gitFailedInit: {
    sv: 'Git kunde inte skapa ett arkiv här, så inget skapades; kör "git init" i mappen för att se varför.',
    en: 'Git could not make a repository here, so none was made; run "git init" in the folder to see why.',
  },
  gitFailedCommit: {
    sv: 'Ett git-arkiv är skapat, men git vägrade den första incheckningen; kör "git add . && git commit" i mappen för att se varför.',
    en: 'Made a git repository, but git refused the first commit; run "git add . && git commit" in the folder to see why.',
  },
});

function isPromptCancel(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** What init says about git: one sentence for what happened, one more if the author was made up. */
function gitSaid(git: Exclude<import('../commands/init.js').InitGit, { state: 'off' }>): string {
  switch (git.state) {
    case 'created':
      return say('gitCreated', { commit: git.commit, branch: git.branch }) + (git.neutralAuthor ? `\n${say('gitNeutral', { author: git.neutralAuthor })}` : '');
    case 'inside':
      return say('gitInside', { top: git.top });
    case 'missing':
      return say('gitMissing');
    case 'failed':
      return git.step === 'init' ? say('gitFailedInit') : say('gitFailedCommit');
  }
}

/** Adds `samverkan init [DIR]` to the program; prompts only when input is a terminal and --yes is not given. */
export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .argument(`[${placeholder('DIR')}]`, say('folder'))
    .description(summary('init'))
    .option(`-C, --dir <${placeholder('DIR')}>`, say('dir', { dir: placeholder('DIR') }))
    .addOption(new Option(`--lang <${placeholder('LANG')}>`, say('lang')).choices(['sv', 'en']))
    .option('-y, --yes', say('yes'))
    .option(`--name <${placeholder('NAME')}>`, say('name'))
    .addOption(new Option(`--language <${placeholder('LANG')}>`, say('language')).choices(['sv', 'en']))
    .option(`--timezone <${placeholder('ZONE')}>`, say('timezone'))
    .option(`--org <${placeholder('NAME')}[=${placeholder('TYPE')}]>`, say('org', { types: ORG_TYPES }), collect)
    .option(`--group <${placeholder('NAME')}>`, say('group'))
    .addOption(
      new Option(`--group-type <${placeholder('TYPE')}>`, say('groupType', { types: GROUP_TYPES.join(', ') })).argParser((v: string) => {
        if (!GROUP_TYPES.includes(v)) throw new InvalidArgumentError(say('notAGroupType', { value: v, types: GROUP_TYPES.join(', ') }));
        return v;
      }),
    )
    .option(`--chair <${placeholder('NAME')}>`, say('chair'))
    .option(`--chair-org <${placeholder('ORG')}>`, say('chairOrg'))
    .option(`--chair-email <${placeholder('EMAIL')}>`, say('chairEmail'))
    .option(`--secretary <${placeholder('NAME')}>`, say('secretary'))
    .option(`--secretary-org <${placeholder('ORG')}>`, say('secretaryOrg'))
    .option(`--cadence <${placeholder('TEXT')}>`, say('cadence'))
    .option(`--weekday <${placeholder('DAY')}>`, say('weekday'))
    .option(`--time <${placeholder('TIME')}>`, say('time'))
    .option(`--duration <${placeholder('N')}>`, say('duration'))
    .option(`--location <${placeholder('TEXT')}>`, say('location'))
    .option('--no-git', say('noGit'))
    .addHelpText('after', say('after'))
    .action(async (dirArg: string | undefined, options: InitCliOptions) => {
      const [init, { useColor }] = await Promise.all([import('../commands/init.js'), import('./io.js')]);
      const base = resolve(io.cwd, options.dir ?? '.');
      const root = resolve(base, dirArg ?? '.');
      const shown = relative(io.cwd, root) || '.';
      // The questions speak the CLI's language, settled at start-up from --lang, the locale or sv.
      const lang = language();
      // Refuse before asking anything, rather than after ten questions.
      await init.checkInitTarget(root);

      const organizations = (options.org ?? []).map(init.parseOrganizationSpec);
      const { checkGiven, meetingsFields } = await import('../commands/create/common.js');
      // The meeting flags are checked before any question, as group new checks them.
      const meetings = checkGiven(meetingsFields('samverkan init --yes'), {
        cadence: options.cadence,
        weekday: options.weekday,
        time: options.time,
        duration: options.duration,
        location: options.location,
      });
      const interactive = !options.yes && io.stdinIsTTY;
      let answers: import('../commands/init.js').InitAnswers | undefined;
      if (interactive) {
        const { askInit } = await import('./init-prompts.js');
        try {
          answers = await askInit({
            lang,
            folder: shown,
            name: options.name,
            language: options.language,
            organizations,
            groupName: options.group,
            groupType: options.groupType as never,
            chair: options.chair,
            chairOrganization: options.chairOrg,
            secretary: options.secretary,
            secretaryOrganization: options.secretaryOrg,
            meetings,
          });
        } catch (error) {
          if (isPromptCancel(error)) {
            throw new init.InitCancelledError(say('stopped'));
          }
          throw error;
        }
        if (!answers) throw new init.InitCancelledError(say('declined'));
        if (options.chairEmail) answers.chair.email = options.chairEmail;
      } else {
        const missing = [!options.name?.trim() && '--name', organizations.length === 0 && say('oneOrg')].filter(Boolean);
        if (missing.length > 0) {
          const example = `samverkan init ${dirArg ?? '.'} --yes --name "Kvinnofrid Norra Bohuslän" --org "Munkedals kommun" --org "Polisen=police"`;
          throw new UsageError(say(options.yes ? 'needsWithYes' : 'needsNoTerminal', { missing: missing.join(` ${say('and')} `), example }));
        }
        const language = options.language ?? 'sv';
        const groupName = options.group?.trim() || init.defaultGroupName(options.name!.trim(), language);
        answers = {
          name: options.name!.trim(),
          language,
          organizations,
          group: { name: groupName, type: (options.groupType as never) ?? 'steering', meetings },
          chair: {
            name: options.chair?.trim() || init.defaultChairName(groupName, language),
            organization: options.chairOrg,
            email: options.chairEmail,
          },
          ...(options.secretary?.trim() ? { secretary: { name: options.secretary.trim(), organization: options.secretaryOrg } } : {}),
        };
      }
      if (options.timezone) answers.timezone = options.timezone;

      const result = await init.initWorkspace({ dir: root, answers, git: options.git !== false });
      const color = useColor(io);
      const green = (s: string) => paint(color, [32, 39], s);
      const dim = (s: string) => paint(color, [2, 22], s);
      const schemas = result.created.filter((p) => p.startsWith(`${init.SCHEMA_FOLDER}/`));
      const lines = [green(say('created', { name: answers.name, folder: shown }))];
      for (const path of result.created.filter((p) => !schemas.includes(p))) lines.push(`  ${path}`);
      if (schemas.length > 0) lines.push(`  ${init.SCHEMA_FOLDER}/ ${dim(`(${say('schemas', { n: schemas.length })})`)}`);
      for (const k of result.kept) lines.push(`  ${k.path} ${dim(`(${say('kept')}: ${k.note})`)}`);
      if (result.git.state !== 'off') lines.push('', gitSaid(result.git));
      lines.push('', say('next'));
      for (const note of result.notes) lines.push('', say('note', { note }));
      io.stdout(`${lines.join('\n')}\n`);
    });
}

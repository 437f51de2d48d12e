/** `samverkan init [DIR]`: ask (or take flags), then create a workspace that validates clean. */
import { relative, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import { paint, type CliIO } from './io.js';
import { collect } from './options.js';

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

/** Language of the questions: --lang, else a Swedish locale in the environment, else English. */
function promptLanguage(options: InitCliOptions, io: CliIO): 'sv' | 'en' {
  if (options.lang) return options.lang;
  const locale = io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG || '';
  return /^sv([_.-]|$)/i.test(locale) ? 'sv' : 'en';
}

function isPromptCancel(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** init's sentences about git, in the language of its questions. */
interface GitWords {
  created: (commit: string, branch: string) => string;
  neutral: (author: string) => string;
  inside: (top: string) => string;
  missing: string;
  failedInit: string;
  failedCommit: string;
}

const GIT_WORDS: Record<'sv' | 'en', GitWords> = {
  sv: {
    created: (commit, branch) => `Ett git-förråd är skapat med en första incheckning (${commit}) på grenen ${branch}.`,
    neutral: (author) =>
      `Git vet inte vem du är, så den första incheckningen gjordes av "${author}", bara för den; ange vem du är med git config --global user.name "Ditt Namn" och git config --global user.email du@example.se.`,
    inside: (top) => `Mappen ligger redan i git-förrådet ${top}, så inget nytt förråd skapades; checka in de nya filerna där.`,
    missing: 'Git finns inte på den här datorn, så inget git-förråd skapades; installera git och kör "git init" i mappen för att spara historiken.',
    failedInit: 'Git kunde inte skapa ett förråd här, så inget skapades; kör "git init" i mappen för att se varför.',
    failedCommit: 'Ett git-förråd är skapat, men git vägrade den första incheckningen; kör "git add . && git commit" i mappen för att se varför.',
  },
  en: {
    created: (commit, branch) => `Made a git repository with a first commit (${commit}) on the branch ${branch}.`,
    neutral: (author) =>
      `Git does not know who you are, so the first commit was made as "${author}", for that commit only; tell git who you are with git config --global user.name "Your Name" and git config --global user.email you@example.org.`,
    inside: (top) => `The folder is inside the git repository ${top} already, so no new repository was made; commit the new files there.`,
    missing: 'Git is not installed on this computer, so no repository was made; install git and run "git init" in the folder to keep the history.',
    failedInit: 'Git could not make a repository here, so none was made; run "git init" in the folder to see why.',
    failedCommit: 'Made a git repository, but git refused the first commit; run "git add . && git commit" in the folder to see why.',
  },
};

/** What init says about git: one sentence for what happened, one more if the author was made up. */
function gitSaid(git: Exclude<import('../commands/init.js').InitGit, { state: 'off' }>, words: GitWords): string {
  switch (git.state) {
    case 'created':
      return words.created(git.commit, git.branch) + (git.neutralAuthor ? `\n${words.neutral(git.neutralAuthor)}` : '');
    case 'inside':
      return words.inside(git.top);
    case 'missing':
      return words.missing;
    case 'failed':
      return git.step === 'init' ? words.failedInit : words.failedCommit;
  }
}

const DONE: Record<'sv' | 'en', { created: (name: string, folder: string) => string; next: string; kept: string }> = {
  sv: {
    created: (name, folder) => `Arbetsytan "${name}" är skapad i ${folder}:`,
    kept: 'fanns redan',
    next:
      'Nästa steg: lägg till fler personer i people.yaml och ledamöter i gruppen, ett samverkansavtal under agreements/ och en handlingsplan under plans/.\n' +
      'Kontrollera sedan allt med: samverkan validate',
  },
  en: {
    created: (name, folder) => `Created the workspace "${name}" in ${folder}:`,
    kept: 'already there',
    next:
      'Next: add people to people.yaml and members to the group, an agreement under agreements/ and an action plan under plans/.\n' +
      'Then check everything with: samverkan validate',
  },
};

/** Adds `samverkan init [DIR]` to the program; prompts only when input is a terminal and --yes is not given. */
export function registerInit(program: Command, io: CliIO): void {
  program
    .command('init')
    .argument('[DIR]', 'folder for the new workspace; made if missing (default: the current folder)')
    .description('set up a new workspace: asks for its name, the organisations, the first group and its chair; never overwrites a file')
    .option('-C, --dir <DIR>', 'run as if started in DIR')
    .addOption(new Option('--lang <LANG>', 'language of the questions: sv or en (default: from LANG, else en)').choices(['sv', 'en']))
    .option('-y, --yes', 'ask nothing: take the flags below and defaults for the rest (also when input is not a terminal)')
    .option('--name <NAME>', 'the collaboration\'s name, shown on every document')
    .addOption(new Option('--language <LANG>', 'language of rendered documents: sv or en (default: sv)').choices(['sv', 'en']))
    .option('--timezone <ZONE>', 'time zone of meeting times (default: Europe/Stockholm)')
    .option('--org <NAME[=TYPE]>', `an organisation taking part, repeatable; TYPE (guessed from the name if left out) is one of ${ORG_TYPES}`, collect)
    .option('--group <NAME>', 'name of the first group (default: Styrgrupp NAME)')
    .addOption(
      new Option('--group-type <TYPE>', `type of the first group: ${GROUP_TYPES.join(', ')} (default: steering)`).argParser((v: string) => {
        if (!GROUP_TYPES.includes(v)) throw new InvalidArgumentError(`"${v}" is not a group type. Use one of ${GROUP_TYPES.join(', ')}.`);
        return v;
      }),
    )
    .option('--chair <NAME>', 'the group\'s chair: a name, or a title where names are not kept (default: the title Ordförande)')
    .option('--chair-org <ORG>', 'organisation (name or id) the chair is from (default: the first --org)')
    .option('--chair-email <EMAIL>', 'the chair\'s work e-mail address')
    .option('--secretary <NAME>', 'the group\'s secretary (default: none yet)')
    .option('--secretary-org <ORG>', 'organisation (name or id) the secretary is from (default: the first --org)')
    .option('--cadence <TEXT>', 'how often the first group meets: weekly, every 6 weeks, monthly, quarterly, half-yearly, yearly or "ad hoc"')
    .option('--weekday <DAY>', 'the day of the week it meets (monday … sunday, or måndag … söndag)')
    .option('--time <HH:MM>', 'the time its meetings start')
    .option('--duration <N>', 'the length of a meeting in minutes')
    .option('--location <TEXT>', 'where it meets')
    .option('--no-git', 'make no git repository (by default init makes one with a first commit, unless the folder is inside one already)')
    .addHelpText(
      'after',
      '\nIn a terminal, init asks for what the flags do not give. With --yes, or when input is not a terminal,\n' +
        'it asks nothing and needs at least --name and one --org.\n' +
        '\nExamples:\n  $ samverkan init kvinnofrid-nb\n' +
        '  $ samverkan init kvinnofrid-nb --yes --name "Kvinnofrid Norra Bohuslän" --language sv \\\n' +
        '      --org "Munkedals kommun" --org "Sotenäs kommun" --org "Polisen=police" --chair "Anna Andersson" --chair-org "Munkedals kommun"',
    )
    .action(async (dirArg: string | undefined, options: InitCliOptions) => {
      const [init, { useColor }] = await Promise.all([import('../commands/init.js'), import('./io.js')]);
      const base = resolve(io.cwd, options.dir ?? '.');
      const root = resolve(base, dirArg ?? '.');
      const shown = relative(io.cwd, root) || '.';
      const lang = promptLanguage(options, io);
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
            throw new init.InitCancelledError('Stopped before the end of the questions, so nothing was written. Run "samverkan init" again to start over.');
          }
          throw error;
        }
        if (!answers) throw new init.InitCancelledError('Nothing was written, as you asked. Run "samverkan init" again to start over.');
        if (options.chairEmail) answers.chair.email = options.chairEmail;
      } else {
        const missing = [!options.name?.trim() && '--name', organizations.length === 0 && 'at least one --org'].filter(Boolean);
        if (missing.length > 0) {
          throw new UsageError(
            `${options.yes ? 'With --yes' : 'Input is not a terminal, so'} init asks nothing and needs ${missing.join(' and ')}. ` +
              `For example: samverkan init ${dirArg ?? '.'} --yes --name "Kvinnofrid Norra Bohuslän" --org "Munkedals kommun" --org "Polisen=police"`,
          );
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
      const words = DONE[lang];
      const schemas = result.created.filter((p) => p.startsWith(`${init.SCHEMA_FOLDER}/`));
      const lines = [green(words.created(answers.name, shown))];
      for (const path of result.created.filter((p) => !schemas.includes(p))) lines.push(`  ${path}`);
      if (schemas.length > 0) lines.push(`  ${init.SCHEMA_FOLDER}/ ${dim(`(${schemas.length} JSON Schemas: editors complete and check the files with them)`)}`);
      for (const k of result.kept) lines.push(`  ${k.path} ${dim(`(${words.kept}: ${k.note})`)}`);
      if (result.git.state !== 'off') lines.push('', gitSaid(result.git, GIT_WORDS[lang]));
      lines.push('', words.next);
      for (const note of result.notes) lines.push('', `Note: ${note}`);
      io.stdout(`${lines.join('\n')}\n`);
    });
}

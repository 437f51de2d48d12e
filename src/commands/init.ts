/**
 * `samverkan init`: turn a few answers (workspace name, language, organisations, the first group
 * and its chair) into a workspace that validates clean, and write it without ever replacing a file.
 * The answers come from prompts or flags (src/cli); this module only plans, checks and writes.
 */
import { lstat, mkdir, readFile, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { Document } from 'yaml';
import { EditConflictError, SamverkanError, UsageError } from '../errors.js';
import { createFileAtomic } from '../edit/atomic-write.js';
import { explainWriteFailure } from '../output/write-output.js';
import { runGit, toGitError, gitError } from '../git/git.js';
import { fill, labelsFor } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';
import { todayIn } from '../model/dates.js';
import { type GroupDoc, type Kind, type Organization } from '../model/index.js';
import { checkWorkspace } from '../rules/check-workspace.js';
import type { Finding } from '../rules/types.js';
import { schemaFiles } from '../schema/index.js';
import { CONFIG_FILE, findWorkspaceRoot } from '../workspace/discover.js';
import { buildIdIndex } from '../workspace/id-index.js';
import { parseSource } from '../workspace/load.js';
import { checkField, enumValues, meetingsBlock, slugify, uniqueId, type MeetingsInput } from './create/common.js';
import { modelineFor, SCHEMA_FOLDER } from '../workspace/modeline.js';
import type { LoadProblem, SourceFile, Workspace } from '../workspace/types.js';

const say = messages('commands/init', {
  orgNoName: {
    sv: '--org "{spec}" har inget namn. Skriv --org "Munkedals kommun" eller --org "Polisen=police".',
    en: '--org "{spec}" has no name. Write --org "Munkedals kommun" or --org "Polisen=police".',
  },
  orgType: {
    sv: '"{type}" i --org "{spec}" är ingen organisationstyp. Använd någon av {types}.',
    en: '"{type}" in --org "{spec}" is not an organisation type. Use one of {types}.',
  },
  notGiven: {
    sv: '"{ref}" är ingen av de angivna organisationerna ({names}). Ge en av dem med namn eller id.',
    en: '"{ref}" is none of the organisations given ({names}). Give one of them by name or id.',
  },
  noName: {
    sv: 'Arbetsytan behöver ett namn, till exempel "Kvinnofrid Norra Bohuslän". Ge det med --name.',
    en: 'The workspace needs a name, e.g. "Kvinnofrid Norra Bohuslän". Give it with --name.',
  },
  notLanguage: {
    sv: '"{value}" är inget språk som samverkan skriver. Använd sv (svenska) eller en (engelska).',
    en: '"{value}" is not a language samverkan writes. Use sv (Swedish) or en (English).',
  },
  notZone: { sv: '"{zone}" är ingen tidszon. Använd ett namn som Europe/Stockholm.', en: '"{zone}" is not a time zone. Use a name such as Europe/Stockholm.' },
  noOrganization: {
    sv: 'Ange minst en organisation som deltar, till exempel --org "Munkedals kommun".',
    en: 'Name at least one organisation that takes part, e.g. --org "Munkedals kommun".',
  },
  orgWithoutName: { sv: 'En organisation saknar namn. Ge varje organisation dess fullständiga namn.', en: 'An organisation has no name. Give each organisation its full name.' },
  notOrgType: { sv: '"{type}" är ingen organisationstyp. Använd någon av {types}.', en: '"{type}" is not an organisation type. Use one of {types}.' },
  noGroupName: {
    sv: 'Den första gruppen behöver ett namn, till exempel "Styrgrupp Kvinnofrid". Ge det med --group.',
    en: 'The first group needs a name, e.g. "Styrgrupp Kvinnofrid". Give it with --group.',
  },
  notGroupType: { sv: '"{type}" är ingen grupptyp. Använd någon av {types}.', en: '"{type}" is not a group type. Use one of {types}.' },
  chairNoName: {
    sv: 'Ordföranden behöver ett namn, eller en rollbeteckning där namn inte ska sparas.',
    en: 'The chair needs a name, or a role title where names are not to be kept.',
  },
  secretaryNoName: {
    sv: 'Sekreteraren behöver ett namn, eller en rollbeteckning där namn inte ska sparas.',
    en: 'The secretary needs a name, or a role title where names are not to be kept.',
  },
  notEmail: {
    sv: '"{email}" är ingen e-postadress. Skriv den som namn@example.se, eller utelämna den.',
    en: '"{email}" is not an e-mail address. Write it as name@example.se, or leave it out.',
  },
  isFile: { sv: '{root} är en fil. Ge en mapp för den nya arbetsytan.', en: '{root} is a file. Give a folder for the new workspace.' },
  exists: {
    sv: '{file} finns redan: här finns redan en arbetsyta, och init skriver aldrig över en fil. Ändra i dess filer, eller ge en annan mapp: samverkan init NY-MAPP.',
    en: '{file} already exists: there is a workspace here already, and init never overwrites a file. Edit its files, or give another folder: samverkan init NEW-FOLDER.',
  },
  inside: {
    sv: '{root} ligger i arbetsytan {outer}, vars kontroller också kommer att läsa de här filerna. Lägg till "{rel}/**" under ignore: i {config}, eller flytta den nya arbetsytan därifrån.',
    en: '{root} lies inside the workspace {outer}, whose checks will read these files too. Add "{rel}/**" under ignore: in {config}, or move the new workspace out of it.',
  },
  wouldFail: {
    sv: 'Svaren skulle ge en arbetsyta som inte klarar kontrollerna, så inget skrevs: {file}: {message}{more}',
    en: 'The answers would make a workspace that does not pass the checks, so nothing was written: {file}: {message}{more}',
  },
  andMore: { sv: ' (och {n} till)', en: ' (and {n} more)' },
  clash: {
    sv: {
      one: '{files} finns redan i {root}, och init skriver aldrig över en fil, så inget skrevs. Ge en annan mapp, eller ett annat gruppnamn.',
      other: '{files} finns redan i {root}, och init skriver aldrig över en fil, så inget skrevs. Ge en annan mapp, eller ett annat gruppnamn.',
    },
    en: {
      one: '{files} already exists in {root}, and init never overwrites a file, so nothing was written. Give another folder, or another group name.',
      other: '{files} already exist in {root}, and init never overwrites a file, so nothing was written. Give another folder, or another group name.',
    },
  },
  gitignore: {
    sv: 'Lägg till raden /out/ i .gitignore, så att renderade dokument inte sparas i git.',
    en: 'Add the line /out/ to .gitignore, so that rendered documents are not kept in git.',
  },
  gitattributes: {
    sv: 'Lägg till raden "*.yaml -text" i .gitattributes, så att git behåller radsluten i YAML-filerna som de skrivs.',
    en: 'Add the line "*.yaml -text" to .gitattributes, so that git keeps the line endings of the YAML files as they are written.',
  },
  kept: { sv: 'behölls som den var', en: 'kept as it was' },
  keptSchemas: {
    sv: 'behölls som den var; kör "samverkan schema --write .schemas" för att uppdatera scheman',
    en: 'kept as it was; run "samverkan schema --write .schemas" to bring the schemas up to date',
  },
});

export type Lang = 'sv' | 'en';
export type OrganizationType = Organization['type'];
export type GroupType = GroupDoc['type'];

/** Organisation types in the order the schema lists them. */
export const ORGANIZATION_TYPES: readonly OrganizationType[] = enumValues<OrganizationType>('organizations', 'organizations[].type');

/** Group types in the order the schema lists them. */
export const GROUP_TYPES: readonly GroupType[] = enumValues<GroupType>('group', 'type');

/** Ids from names: their home is the creation commands' common code; kept here for init's callers. */
export { slugify, uniqueId };

/** The folder, inside the workspace, that holds the self-contained schemas editors read. */
export { SCHEMA_FOLDER };

/** Cancelling at a prompt or declining the summary: nothing was written, so exit 1 like a refused edit. */
export class InitCancelledError extends SamverkanError {
  override readonly exitCode: number = 1;
}

export interface InitOrganization {
  name: string;
  type: OrganizationType;
  /** Derived from the name when left out. */
  id?: string;
}

export interface InitPerson {
  /** A name, or a role title where names are not to be kept. */
  name: string;
  /** Organisation id or name; the first organisation when left out. */
  organization?: string;
  title?: string;
  email?: string;
}

/** Everything init needs to know; the prompts and the flags both produce this. */
export interface InitAnswers {
  name: string;
  language: Lang;
  timezone?: string;
  organizations: InitOrganization[];
  /** The first group; `meetings` as typed (flags or answers), written as its meetings: block. */
  group: { name: string; type: GroupType; id?: string; meetings?: MeetingsInput };
  chair: InitPerson;
  secretary?: InitPerson;
}

/** One file init writes, relative to the workspace root with forward slashes. */
export interface PlannedFile {
  path: string;
  text: string;
  /** Generated files that may already be there (schemas, .gitignore): kept rather than refused. */
  optional?: boolean;
}

/**
 * What init did about git: made a repository with a first commit, found the folder inside one
 * already, was told not to (--no-git), found no git program, or was refused by git at a step.
 */
export type InitGit =
  | {
      state: 'created';
      /** The branch of the first commit. */
      branch: string;
      /** The first commit, abbreviated. */
      commit: string;
      /** Set when git knew no identity: the neutral author the first commit was made as. */
      neutralAuthor?: string;
    }
  | { state: 'inside'; top: string }
  | { state: 'off' }
  | { state: 'missing' }
  | { state: 'failed'; step: 'init' | 'commit' };

export interface InitResult {
  root: string;
  /** What init did about git. */
  git: InitGit;
  /** Files written, relative to the root. */
  created: string[];
  /** Files left as they were because they existed already, with why. */
  kept: Array<{ path: string; note: string }>;
  /** Things the user should know, in plain words. */
  notes: string[];
}

// Most specific first: "Socialförvaltningen i Munkedals kommun" is social services, not a municipality.
const TYPE_HINTS: ReadonlyArray<[RegExp, OrganizationType]> = [
  [/polis|police/i, 'police'],
  [/åklagar|aklagar|prosecut/i, 'prosecution'],
  [/länsstyrelse|lansstyrelse|county administrative/i, 'county-board'],
  [/förbund|forbund|association/i, 'municipal-association'],
  [/kriminalvård|kriminalvard|frivård|frivard|probation/i, 'probation'],
  [/socialförvaltning|socialforvaltning|socialtjänst|socialtjanst|individ- och familje|social services/i, 'social-services'],
  [/skol|gymnasi|school/i, 'school'],
  [/vårdcentral|vardcentral|sjukhus|hälso|halso|psykiatri|mödravård|barnmorske|health|hospital/i, 'health-care'],
  [/jour|förening|forening|stiftelse|ngo|shelter/i, 'ngo'],
  [/region|landsting/i, 'region'],
  [/myndighet|försäkringskassa|migrationsverket|agency/i, 'government-agency'],
  [/kommun|municipality|\bstad\b|council/i, 'municipality'],
];

/** A likely organisation type from its name, so that the prompt can offer it as the default. */
export function guessOrganizationType(name: string): OrganizationType {
  return TYPE_HINTS.find(([pattern]) => pattern.test(name))?.[1] ?? 'other';
}

/**
 * Parses an --org value: `NAME` or `NAME=TYPE`. The type is guessed from the name when left out.
 * Throws a UsageError that says how to write it.
 */
export function parseOrganizationSpec(spec: string): InitOrganization {
  const eq = spec.lastIndexOf('=');
  const name = (eq >= 0 ? spec.slice(0, eq) : spec).trim();
  const type = eq >= 0 ? spec.slice(eq + 1).trim() : undefined;
  if (!name) throw new UsageError(say('orgNoName', { spec }));
  if (type !== undefined && !(ORGANIZATION_TYPES as readonly string[]).includes(type)) {
    throw new UsageError(say('orgType', { type, spec, types: ORGANIZATION_TYPES.join(', ') }));
  }
  return { name, type: (type as OrganizationType | undefined) ?? guessOrganizationType(name) };
}

/** The default name of the first group: the steering group of the collaboration. */
export function defaultGroupName(workspaceName: string, language: Lang): string {
  return language === 'sv' ? `Styrgrupp ${workspaceName}` : `Steering group, ${workspaceName}`;
}

/** The default chair when none is named: a role title, which people.yaml allows where names are not kept. */
export function defaultChairName(groupName: string, language: Lang): string {
  return language === 'sv' ? `Ordförande ${groupName}` : `Chair, ${groupName}`;
}

/** The organisations with their ids filled in: the given id, or one derived from the name, unique. */
export function withOrganizationIds(organizations: readonly InitOrganization[]): Array<Required<InitOrganization>> {
  const taken = new Set<string>();
  return organizations.map((o) => ({ ...o, name: o.name.trim(), id: uniqueId(o.id ?? slugify(o.name, 'organisation'), taken) }));
}

/** Finds an organisation by id or by name (case-insensitive); the first one when `ref` is empty. */
export function resolveOrganization(ref: string | undefined, organizations: ReadonlyArray<Required<InitOrganization>>): Required<InitOrganization> {
  if (ref === undefined || ref.trim() === '') return organizations[0];
  const wanted = ref.trim().toLowerCase();
  const found = organizations.find((o) => o.id === wanted || o.name.toLowerCase() === wanted || o.id === slugify(ref));
  if (!found) {
    throw new UsageError(say('notGiven', { ref, names: organizations.map((o) => o.name).join(', ') }));
  }
  return found;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

/** The lines of .gitattributes that keep YAML files byte for byte as written. */
export const GITATTRIBUTES_RULES = '*.yaml -text\n*.yml -text\n';

/** Checks the answers and says, in one sentence, what to change. */
function checkAnswers(answers: InitAnswers): void {
  if (!answers.name?.trim()) throw new UsageError(say('noName'));
  if (answers.language !== 'sv' && answers.language !== 'en') {
    throw new UsageError(say('notLanguage', { value: String(answers.language) }));
  }
  if (answers.timezone !== undefined && !isTimeZone(answers.timezone)) {
    throw new UsageError(say('notZone', { zone: answers.timezone }));
  }
  if (answers.organizations.length === 0) {
    throw new UsageError(say('noOrganization'));
  }
  for (const o of answers.organizations) {
    if (!o.name.trim()) throw new UsageError(say('orgWithoutName'));
    if (!ORGANIZATION_TYPES.includes(o.type)) throw new UsageError(say('notOrgType', { type: o.type, types: ORGANIZATION_TYPES.join(', ') }));
  }
  if (!answers.group.name.trim()) throw new UsageError(say('noGroupName'));
  if (!GROUP_TYPES.includes(answers.group.type)) throw new UsageError(say('notGroupType', { type: answers.group.type, types: GROUP_TYPES.join(', ') }));
  for (const [what, person] of [['chair', answers.chair], ['secretary', answers.secretary]] as const) {
    if (!person) continue;
    if (!person.name.trim()) throw new UsageError(say(what === 'chair' ? 'chairNoName' : 'secretaryNoName'));
    // The schema's e-mail format, as validate checks it, rather than a looser copy.
    if (person.email?.trim() && checkField('people', 'people[].email')(person.email.trim()) !== undefined) {
      throw new UsageError(say('notEmail', { email: person.email }));
    }
  }
}

const COMMENTS: Record<Lang, Record<'workspace' | 'organizations' | 'people' | 'group', string>> = {
  sv: {
    workspace: 'Inställningar för arbetsytan. Kontrollera alla filer med: samverkan validate',
    organizations: 'Organisationerna som deltar. Lägg till fler med id, name och type.',
    people: 'Tjänstepersoner som deltar – aldrig klienter, våldsutsatta eller andra privatpersoner.',
    group: 'Gruppens ledamöter. En ledamot som slutar får until: med sista dagen, så finns historiken kvar.',
  },
  en: {
    workspace: 'The workspace settings. Check every file with: samverkan validate',
    organizations: 'The organisations that take part. Add more with id, name and type.',
    people: 'Officials who take part: never clients, victims or other private persons.',
    group: 'The group\'s members. A member who leaves gets until: with their last day, so the history is kept.',
  },
};

/** The YAML text of a document, starting with the $schema comment editors read and a line of help. */
function yamlFile(kind: Kind, path: string, comment: string, data: Record<string, unknown>): string {
  const doc = new Document(data);
  const body = doc.toString({ lineWidth: 0 });
  return `${modelineFor(path, kind)}# ${comment}\n${body}`;
}

function personEntry(id: string, person: InitPerson, organization: string): Record<string, unknown> {
  return {
    id,
    name: person.name.trim(),
    ...(person.title?.trim() ? { title: person.title.trim() } : {}),
    organization,
    ...(person.email?.trim() ? { email: person.email.trim() } : {}),
  };
}

/**
 * The files of a new workspace, as text. Pure: reads nothing and writes nothing, so the result
 * can be checked before anything touches the disk.
 */
export function planInit(answers: InitAnswers): PlannedFile[] {
  checkAnswers(answers);
  const lang = answers.language;
  const organizations = withOrganizationIds(answers.organizations);
  const chairOrg = resolveOrganization(answers.chair.organization, organizations);
  const secretaryOrg = answers.secretary ? resolveOrganization(answers.secretary.organization, organizations) : undefined;
  const people = new Set<string>();
  const chairId = uniqueId(slugify(answers.chair.name, 'ordforande'), people);
  const secretaryId = answers.secretary ? uniqueId(slugify(answers.secretary.name, 'sekreterare'), people) : undefined;
  const groupId = answers.group.id ?? slugify(answers.group.name, 'styrgrupp');
  // The same block, checked the same way, as group new writes.
  const meetings = meetingsBlock(answers.group.meetings ?? {}, 'samverkan init --yes');
  const output = 'out';

  const files: PlannedFile[] = [
    {
      path: CONFIG_FILE,
      text: yamlFile('workspace', CONFIG_FILE, COMMENTS[lang].workspace, {
        kind: 'workspace',
        name: answers.name.trim(),
        language: lang,
        timezone: answers.timezone ?? 'Europe/Stockholm',
        output,
      }),
    },
    {
      path: 'organizations.yaml',
      text: yamlFile('organizations', 'organizations.yaml', COMMENTS[lang].organizations, {
        kind: 'organizations',
        organizations: organizations.map((o) => ({ id: o.id, name: o.name, type: o.type })),
      }),
    },
    {
      path: 'people.yaml',
      text: yamlFile('people', 'people.yaml', COMMENTS[lang].people, {
        kind: 'people',
        people: [
          personEntry(chairId, answers.chair, chairOrg.id),
          ...(answers.secretary && secretaryId && secretaryOrg ? [personEntry(secretaryId, answers.secretary, secretaryOrg.id)] : []),
        ],
      }),
    },
    {
      path: `groups/${groupId}.yaml`,
      text: yamlFile('group', `groups/${groupId}.yaml`, COMMENTS[lang].group, {
        kind: 'group',
        id: groupId,
        name: answers.group.name.trim(),
        type: answers.group.type,
        // A case group discusses individuals (OSL 26 kap.): group/case-confidential requires this.
        ...(answers.group.type === 'case' ? { confidentiality: 'confidential' } : {}),
        ...(meetings ? { meetings } : {}),
        members: [
          { person: chairId, role: 'chair' },
          ...(secretaryId ? [{ person: secretaryId, role: 'secretary' }] : []),
        ],
      }),
    },
    // The documents' language is the language of the messages the editor shows.
    ...[...schemaFiles(lang)].map(([name, text]) => ({ path: `${SCHEMA_FOLDER}/${name}`, text, optional: true })),
    {
      path: '.gitignore',
      text:
        lang === 'sv'
          ? `# Dokument som samverkan render skapar; gör dem på nytt i stället för att spara dem i git.\n/${output}/\n`
          : `# Documents samverkan render makes; make them again rather than keeping them in git.\n/${output}/\n`,
      optional: true,
    },
    {
      path: '.gitattributes',
      // -text, not eol=…: samverkan's edits keep each file's line endings, so git must store and
      // check out a CRLF file as CRLF and an LF file as LF, whatever core.autocrlf says.
      text:
        lang === 'sv'
          ? `# Git sparar YAML-filerna med radslut som de är skrivna (CRLF eller LF) och ändrar dem aldrig.\n${GITATTRIBUTES_RULES}`
          : `# Git keeps the YAML files' line endings as written (CRLF or LF) and never converts them.\n${GITATTRIBUTES_RULES}`,
      optional: true,
    },
  ];
  return files;
}

/**
 * Checks the planned files with the real checks, in memory, as if they were on disk in `root`.
 * Returns the findings; a clean plan has none.
 */
export async function checkPlannedFiles(root: string, files: readonly PlannedFile[], answers: InitAnswers): Promise<Finding[]> {
  const sources: SourceFile[] = [];
  const problems: LoadProblem[] = [];
  for (const f of files.filter((p) => p.path.endsWith('.yaml'))) {
    const parsed = parseSource(join(root, ...f.path.split('/')), f.path, f.text);
    sources.push(parsed.file);
    problems.push(...parsed.problems);
  }
  const configFile = sources.find((s) => s.rel === CONFIG_FILE);
  const documents = sources.flatMap((s) => s.documents);
  const timezone = answers.timezone ?? 'Europe/Stockholm';
  const workspace: Workspace = {
    root,
    config: { kind: 'workspace', name: answers.name, language: answers.language, timezone, output: 'out', ignore: [] },
    configFile,
    files: sources,
    documents,
    problems,
    index: buildIdIndex(documents),
  };
  const { findings } = await checkWorkspace(workspace, { asOf: todayIn(timezone) });
  return findings;
}

async function exists(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined)) !== undefined;
}

/**
 * Refuses early, before any question is asked, if `root` cannot become a new workspace: it is a
 * file, or it already holds samverkan.yaml. Returns notes, e.g. that it lies inside another workspace.
 */
export async function checkInitTarget(root: string): Promise<string[]> {
  const info = await stat(root).catch(() => undefined);
  if (info && !info.isDirectory()) throw new UsageError(say('isFile', { root }));
  if (await exists(join(root, CONFIG_FILE))) {
    throw new EditConflictError(say('exists', { file: join(root, CONFIG_FILE) }));
  }
  const notes: string[] = [];
  // The folder may not exist yet: look for an enclosing workspace from its nearest existing ancestor.
  let parent = dirname(root);
  while (dirname(parent) !== parent && !(await exists(parent))) parent = dirname(parent);
  if (parent !== root) {
    const outer = await findWorkspaceRoot(parent).catch(() => undefined);
    if (outer) {
      const rel = relative(outer, root).split(sep).join('/');
      notes.push(say('inside', { root, outer, rel, config: join(outer, CONFIG_FILE) }));
    }
  }
  return notes;
}

/** Creates the folders leading to `dir` that are missing, returning those it made, outermost first. */
async function makeFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let d = dir; !(await exists(d)); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  for (const d of missing) await mkdir(d);
  return missing;
}

export interface InitOptions {
  /** Folder to create the workspace in (made if missing), resolved against `cwd`. */
  dir: string;
  cwd?: string;
  answers: InitAnswers;
  /** Make a git repository with a first commit (default), unless the folder is inside one already. */
  git?: boolean;
}

/**
 * Creates a workspace: plans the files, checks them with the real checks, and writes them, each
 * atomically and none over an existing one. If any write fails, every file and folder it made
 * is removed again, so that nothing half-made is left behind.
 */
export async function initWorkspace(options: InitOptions): Promise<InitResult> {
  const root = resolve(options.cwd ?? process.cwd(), options.dir);
  const notes = await checkInitTarget(root);
  const files = planInit(options.answers);

  const findings = await checkPlannedFiles(root, files, options.answers);
  if (findings.length > 0) {
    // Report in the order the answers were given (people before the group they sit in).
    const order = (f: Finding) => files.findIndex((p) => join(root, ...p.path.split('/')) === f.file);
    const first = [...findings].sort((a, b) => order(a) - order(b))[0];
    const more = findings.length > 1 ? say('andMore', { n: findings.length - 1 }) : '';
    throw new UsageError(say('wouldFail', { file: basename(first.file), message: first.message, more }));
  }

  const kept: InitResult['kept'] = [];
  const toWrite: PlannedFile[] = [];
  const clashes: string[] = [];
  for (const f of files) {
    if (await exists(join(root, ...f.path.split('/')))) {
      if (f.optional) kept.push({ path: f.path, note: keptNote(f.path) });
      else clashes.push(f.path);
    } else {
      toWrite.push(f);
    }
  }
  if (clashes.length > 0) {
    throw new EditConflictError(say('clash', { n: clashes.length, files: clashes.join(', '), root }));
  }

  const createdFolders: string[] = [];
  const createdFiles: string[] = [];
  try {
    createdFolders.push(...(await makeFolders(root)));
    for (const f of toWrite) {
      const target = join(root, ...f.path.split('/'));
      createdFolders.push(...(await makeFolders(dirname(target))));
      await createFileAtomic(target, f.text);
      createdFiles.push(target);
    }
  } catch (error) {
    for (const file of createdFiles.reverse()) await rm(file, { force: true }).catch(() => undefined);
    for (const folder of createdFolders.reverse()) await rmdir(folder).catch(() => undefined);
    throw explainWriteFailure(root, error);
  }
  if (kept.some((k) => k.path === '.gitignore')) {
    const ignore = await readFile(join(root, '.gitignore'), 'utf8').catch(() => '');
    if (!/^\/?out\/?\s*$/m.test(ignore)) notes.push(say('gitignore'));
  }
  if (kept.some((k) => k.path === '.gitattributes')) {
    const attributes = await readFile(join(root, '.gitattributes'), 'utf8').catch(() => '');
    if (!/^\*\.yaml\s+(.*\s)?-text(\s|$)/m.test(attributes)) {
      notes.push(say('gitattributes'));
    }
  }
  const paths = [...toWrite.map((f) => f.path), ...kept.map((k) => k.path)];
  const git = options.git === false ? ({ state: 'off' } as const) : await makeRepository(root, paths, options.answers);
  return { root, git, created: toWrite.map((f) => f.path), kept, notes };
}

/** The author of init's first commit when git knows no one: neutral, local, and for that commit only. */
export const NEUTRAL_AUTHOR = { name: 'samverkan init', email: 'samverkan-init@localhost' } as const;

/** True if the command succeeds; false if git refuses (or is missing: callers have checked it is there). */
async function gitSucceeds(root: string, args: string[]): Promise<boolean> {
  return runGit(root, args).then(
    () => true,
    () => false,
  );
}

/**
 * Makes `root` a git repository whose first commit holds `paths`, unless it is inside a
 * repository already or git is not installed. Never throws: the files are written whatever git
 * does, so what happened is returned for the CLI to say.
 */
async function makeRepository(root: string, paths: readonly string[], answers: InitAnswers): Promise<InitGit> {
  try {
    const top = String((await runGit(root, ['rev-parse', '--show-toplevel'])).stdout).trim();
    return { state: 'inside', top };
  } catch (error) {
    if (toGitError(error, language(), () => gitError('failed', undefined, { what: 'rev-parse' })).code === 'git-missing') return { state: 'missing' };
  }
  // The user's init.defaultBranch wins; without one, main rather than git's old default.
  const hasDefaultBranch = await gitSucceeds(root, ['config', '--get', 'init.defaultBranch']);
  if (!(await gitSucceeds(root, [...(hasDefaultBranch ? [] : ['-c', 'init.defaultBranch=main']), 'init', '-q']))) {
    return { state: 'failed', step: 'init' };
  }
  // Asked inside the new repository, so that conditional includes (includeIf gitdir:) count;
  // useConfigOnly keeps git from making up an address from the machine's name.
  const known = (await gitSucceeds(root, ['-c', 'user.useConfigOnly=true', 'var', 'GIT_AUTHOR_IDENT'])) &&
    (await gitSucceeds(root, ['-c', 'user.useConfigOnly=true', 'var', 'GIT_COMMITTER_IDENT']));
  const env = known
    ? undefined
    : {
        GIT_AUTHOR_NAME: NEUTRAL_AUTHOR.name,
        GIT_AUTHOR_EMAIL: NEUTRAL_AUTHOR.email,
        GIT_COMMITTER_NAME: NEUTRAL_AUTHOR.name,
        GIT_COMMITTER_EMAIL: NEUTRAL_AUTHOR.email,
      };
  const message = fill(labelsFor(answers.language).t.init_commit_message, { name: answers.name.trim() });
  try {
    await runGit(root, ['--literal-pathspecs', 'add', '--', ...paths]);
    await runGit(root, ['commit', '-q', '-m', message], { env });
    const commit = String((await runGit(root, ['rev-parse', '--short', 'HEAD'])).stdout).trim();
    const branch = String((await runGit(root, ['symbolic-ref', '--short', 'HEAD'])).stdout).trim();
    return { state: 'created', branch, commit, ...(known ? {} : { neutralAuthor: `${NEUTRAL_AUTHOR.name} <${NEUTRAL_AUTHOR.email}>` }) };
  } catch {
    return { state: 'failed', step: 'commit' };
  }
}

function keptNote(path: string): string {
  return path === '.gitignore' ? say('kept') : say('keptSchemas');
}

/**
 * The questions `samverkan init` asks, in Swedish or English. One function, `askInit`, shaped like
 * an inquirer prompt (config, context) so that @inquirer/testing's `render` can drive the whole
 * conversation in tests. Questions whose answer came as a flag are not asked.
 */
import { Writable } from 'node:stream';
import { confirm, input, select } from '@inquirer/prompts';
import { labelsFor } from '../i18n/index.js';
import { messages } from '../i18n/messages.js';
import {
  GROUP_TYPES,
  ORGANIZATION_TYPES,
  defaultGroupName,
  guessOrganizationType,
  withOrganizationIds,
  type GroupType,
  type InitAnswers,
  type InitOrganization,
  type InitPerson,
  type Lang,
  type OrganizationType,
} from '../commands/init.js';
import { checkText, type MeetingsInput } from '../commands/create/common.js';
import { askMeetings } from './create-prompts.js';

/** Streams and cancellation, as inquirer prompts take them. */
export interface PromptContext {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  signal?: AbortSignal;
  clearPromptOnDone?: boolean;
}

/** What is known before asking: answers given as flags, and where the workspace will be. */
export interface InitPromptConfig {
  /** Language of the questions. */
  lang: Lang;
  /** The folder the workspace goes in, as the user should see it. */
  folder: string;
  name?: string;
  language?: Lang;
  organizations?: InitOrganization[];
  groupName?: string;
  groupType?: GroupType;
  chair?: string;
  chairOrganization?: string;
  secretary?: string;
  secretaryOrganization?: string;
  /** When and where the first group meets, as far as the flags gave it; the rest is asked. */
  meetings?: MeetingsInput;
}

interface Texts {
  name: string;
  nameRequired: string;
  language: string;
  organization: (n: number) => string;
  organizationMore: (n: number) => string;
  organizationRequired: string;
  organizationTwice: string;
  organizationType: (name: string) => string;
  groupName: string;
  groupType: string;
  chair: string;
  chairRequired: string;
  chairOrganization: (person: string) => string;
  secretary: string;
  secretaryOrganization: (person: string) => string;
  confirm: (folder: string) => string;
  organizationTypes: Record<OrganizationType, string>;
  groupTypes: Record<GroupType, string>;
}

/** The questions init asks and the sentences its answers are checked with. */
const question = messages('cli/init-prompts', {
  name: { sv: 'Vad heter samverkan? (visas på alla dokument, t.ex. Kvinnofrid Norra Bohuslän)', en: 'What is the collaboration called? (shown on every document, e.g. Kvinnofrid Norra Bohuslän)' },
  nameRequired: { sv: 'Skriv ett namn.', en: 'Write a name.' },
  language: { sv: 'Vilket språk ska dokumenten ha?', en: 'Which language should the documents be in?' },
  organization: { sv: 'Organisation {n} som deltar (hela namnet, t.ex. Munkedals kommun):', en: 'Organisation {n} taking part (full name, e.g. Munkedals kommun):' },
  organizationMore: { sv: 'Organisation {n} (lämna tomt när alla är med):', en: 'Organisation {n} (leave empty when all are in):' },
  organizationRequired: { sv: 'Skriv namnet på minst en organisation.', en: 'Write the name of at least one organisation.' },
  organizationTwice: { sv: 'Den organisationen finns redan med.', en: 'That organisation is in the list already.' },
  organizationType: { sv: 'Vad är {name} för slags organisation?', en: 'What kind of organisation is {name}?' },
  groupName: { sv: 'Vad heter den första gruppen?', en: 'What is the first group called?' },
  groupType: { sv: 'Vad är det för slags grupp?', en: 'What kind of group is it?' },
  chair: { sv: 'Vem är ordförande? (namn, eller en titel om namn inte ska sparas)', en: 'Who chairs it? (a name, or a title where names are not to be kept)' },
  chairRequired: { sv: 'Skriv ett namn eller en titel.', en: 'Write a name or a title.' },
  chairOrganization: { sv: 'Vilken organisation kommer {person} från?', en: 'Which organisation is {person} from?' },
  secretary: { sv: 'Vem är sekreterare? (lämna tomt om ingen är utsedd än)', en: 'Who is its secretary? (leave empty if no one is appointed yet)' },
  secretaryOrganization: { sv: 'Vilken organisation kommer {person} från?', en: 'Which organisation is {person} from?' },
  confirm: { sv: 'Skapa arbetsytan i {folder}?', en: 'Create the workspace in {folder}?' },
});

/** Organisation types as the question lists them. */
const organizationType = messages('cli/init-prompts/organization-types', {
  municipality: { sv: 'kommun', en: 'municipality' },
  region: { sv: 'region', en: 'region' },
  police: { sv: 'polis', en: 'police' },
  prosecution: { sv: 'åklagare', en: 'prosecution service' },
  'county-board': { sv: 'länsstyrelse', en: 'county administrative board' },
  'municipal-association': { sv: 'kommunalförbund', en: 'municipal association' },
  school: { sv: 'skola', en: 'school' },
  'health-care': { sv: 'hälso- och sjukvård', en: 'health care' },
  'social-services': { sv: 'socialtjänst', en: 'social services' },
  probation: { sv: 'frivård', en: 'probation service' },
  ngo: { sv: 'ideell organisation', en: 'voluntary organisation' },
  'government-agency': { sv: 'statlig myndighet', en: 'government agency' },
  other: { sv: 'annan', en: 'other' },
});


/** Every word the init prompts show in one language, made from the tables above. */
function initTexts(lang: Lang): Texts {
  const q = (key: Parameters<typeof question>[0], params?: Record<string, string | number>) => question.in(lang, key, params);
  return {
    name: q('name'),
    nameRequired: q('nameRequired'),
    language: q('language'),
    organization: (n) => q('organization', { n }),
    organizationMore: (n) => q('organizationMore', { n }),
    organizationRequired: q('organizationRequired'),
    organizationTwice: q('organizationTwice'),
    organizationType: (name) => q('organizationType', { name }),
    groupName: q('groupName'),
    groupType: q('groupType'),
    chair: q('chair'),
    chairRequired: q('chairRequired'),
    chairOrganization: (person) => q('chairOrganization', { person }),
    secretary: q('secretary'),
    secretaryOrganization: (person) => q('secretaryOrganization', { person }),
    confirm: (folder) => q('confirm', { folder }),
    organizationTypes: Object.fromEntries(ORGANIZATION_TYPES.map((t) => [t, organizationType.in(lang, t)])) as Record<OrganizationType, string>,
    // The documents' own words for the types, so that the question and the roster say the same.
    groupTypes: Object.fromEntries(GROUP_TYPES.map((t) => [t, labelsFor(lang).group_type[t]])) as Record<GroupType, string>,
  };
}

/** Every word the init prompts show, by language. */
export const INIT_TEXTS: Record<Lang, Texts> = { sv: initTexts('sv'), en: initTexts('en') };

async function askOrganizations(t: Texts, context: PromptContext): Promise<InitOrganization[]> {
  const organizations: InitOrganization[] = [];
  for (let n = 1; ; n++) {
    const name = (
      await input(
        {
          message: n === 1 ? t.organization(n) : t.organizationMore(n),
          validate: (value) => {
            const v = value.trim();
            if (!v) return n === 1 ? t.organizationRequired : true;
            if (organizations.some((o) => o.name.toLowerCase() === v.toLowerCase())) return t.organizationTwice;
            return checkText(v) ?? true;
          },
        },
        context,
      )
    ).trim();
    if (!name) return organizations;
    const type = await select<OrganizationType>(
      {
        message: t.organizationType(name),
        choices: ORGANIZATION_TYPES.map((value) => ({ value, name: t.organizationTypes[value] })),
        default: guessOrganizationType(name),
        pageSize: ORGANIZATION_TYPES.length,
      },
      context,
    );
    organizations.push({ name, type });
  }
}

async function askOrganizationOf(
  message: string,
  organizations: readonly InitOrganization[],
  context: PromptContext,
): Promise<string> {
  const withIds = withOrganizationIds(organizations);
  if (withIds.length === 1) return withIds[0].id;
  return select<string>({ message, choices: withIds.map((o) => ({ value: o.id, name: o.name })) }, context);
}

/**
 * Each inquirer prompt pipes into `context.output` and ends it when done, which would close a
 * given stream after the first question. Give every prompt its own door to it instead
 * (process.stdout, the default, is never ended by a pipe).
 */
export function forEachPrompt(context: PromptContext): PromptContext {
  const target = context.output;
  if (!target) return context;
  return {
    ...context,
    get output() {
      return new Writable({ write: (chunk, encoding, done) => void target.write(chunk, encoding, done) });
    },
  };
}

/**
 * A question's validate for a name that is needed: init's own words when it is empty, else what
 * validate would refuse in it (an identity number), said at this question rather than at the end.
 */
function written(required: string): (value: string) => true | string {
  return (value) => (value.trim() === '' ? required : (checkText(value) ?? true));
}

async function ask(config: InitPromptConfig, outer: PromptContext): Promise<InitAnswers | undefined> {
  const t = INIT_TEXTS[config.lang];
  const context = forEachPrompt(outer);
  const name =
    config.name ??
    (await input({ message: t.name, validate: written(t.nameRequired) }, context)).trim();
  const language =
    config.language ??
    (await select<Lang>(
      {
        message: t.language,
        choices: [
          { value: 'sv', name: 'svenska (sv)' },
          { value: 'en', name: 'English (en)' },
        ],
        default: config.lang,
      },
      context,
    ));
  const organizations =
    config.organizations && config.organizations.length > 0 ? config.organizations : await askOrganizations(t, context);
  const groupName =
    config.groupName ??
    (await input({ message: t.groupName, default: defaultGroupName(name, language), validate: written(t.nameRequired) }, context)).trim();
  const groupType =
    config.groupType ??
    (await select<GroupType>(
      { message: t.groupType, choices: GROUP_TYPES.map((value) => ({ value, name: t.groupTypes[value] })), default: 'steering', pageSize: GROUP_TYPES.length },
      context,
    ));
  const chairName =
    config.chair ?? (await input({ message: t.chair, validate: written(t.chairRequired) }, context)).trim();
  const chair: InitPerson = {
    name: chairName,
    organization: config.chairOrganization ?? (await askOrganizationOf(t.chairOrganization(chairName), organizations, context)),
  };
  let secretary: InitPerson | undefined;
  const secretaryName = config.secretary ?? (await input({ message: t.secretary, validate: (v) => (v.trim() === '' ? true : (checkText(v) ?? true)) }, context)).trim();
  if (secretaryName) {
    secretary = {
      name: secretaryName,
      organization:
        config.secretaryOrganization ?? (await askOrganizationOf(t.secretaryOrganization(secretaryName), organizations, context)),
    };
  }
  const meetings = await askMeetings(config.meetings ?? {}, { canAsk: true }, context, 'samverkan init --yes', config.lang);
  const go = await confirm({ message: t.confirm(config.folder), default: true }, context);
  if (!go) return undefined;
  const hasMeetings = Object.values(meetings).some((v) => v !== undefined);
  return { name, language, organizations, group: { name: groupName, type: groupType, ...(hasMeetings ? { meetings } : {}) }, chair, ...(secretary ? { secretary } : {}) };
}

/**
 * Asks for what init needs and was not given, then for a go-ahead. Resolves to the answers, or
 * to undefined when the user declines. Ctrl-C rejects with inquirer's ExitPromptError; the
 * returned promise's `cancel()` (or an aborted `context.signal`) with its AbortPromptError.
 */
export function askInit(config: InitPromptConfig, context: PromptContext = {}): Promise<InitAnswers | undefined> & { cancel: () => void } {
  const controller = new AbortController();
  const signal = context.signal ? AbortSignal.any([context.signal, controller.signal]) : controller.signal;
  const answer = ask(config, { ...context, signal });
  return Object.assign(answer, { cancel: () => controller.abort() });
}

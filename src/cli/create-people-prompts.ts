/**
 * The conversations of `person add`, `organization add` and `group new`: what the flags leave out
 * is asked in a terminal, each question refusing, where it was typed, what `validate` would refuse
 * (the same checks the core applies to flags). Each is shaped like an inquirer prompt, (config,
 * context), so @inquirer/testing's `render` drives it in tests.
 */
import { NotFoundError } from '../errors.js';
import { lacksSecrecyProvision } from '../model/group-record.js';
import { labelsFor } from '../i18n/index.js';
import { language, messages } from '../i18n/messages.js';
import { checkGiven, enumValue, enumValues, slugify } from '../commands/create/common.js';
import {
  DEFAULT_SECRECY_PROVISION,
  defaultGroupName,
  defaultReportsTo,
  groupDefaults,
  groupFields,
  groupTypes,
  type GroupNewInput,
  type GroupType,
} from '../commands/create/group.js';
import { organizationFields, typeFromName, type OrganizationAddInput } from '../commands/create/organization.js';
import { personFields, type PersonAddInput } from '../commands/create/person.js';
import { askMeetings, enumChoices, entryChoices, picked, ticked, typed, withDefault, type Ask } from './create-prompts.js';
import { forEachPrompt, INIT_TEXTS, type PromptContext } from './init-prompts.js';

const say = messages('cli/create-people-prompts', {
  personName: { sv: 'Vad heter personen? (namn, eller en titel om namn inte ska sparas)', en: 'What is the person called? (a name, or a title where names are not to be kept)' },
  personId: { sv: 'Personens id (används i grupper och som ansvarig):', en: 'The person\'s id (used in groups and as responsible):' },
  personOrganization: { sv: 'Var arbetar {name}?', en: 'Where does {name} work?' },
  personOrganizationId: { sv: 'Var arbetar {name}? (organisationens id)', en: 'Where does {name} work? (the organisation\'s id)' },
  personTitle: { sv: 'Befattning, till exempel Socialchef', en: 'Job title, for example Head of social services' },
  personEmail: { sv: 'E-post i tjänsten', en: 'Work e-mail' },
  organizationName: { sv: 'Vad heter organisationen? (hela namnet, t.ex. Munkedals kommun)', en: 'What is the organisation called? (its full name, e.g. Munkedals kommun)' },
  organizationType: { sv: 'Vad är {name} för slags organisation?', en: 'What kind of organisation is {name}?' },
  organizationId: { sv: 'Organisationens id (används i alla andra filer):', en: 'The organisation\'s id (used in every other file):' },
  organizationShort: { sv: 'Kort namn för tabeller, till exempel Munkedal', en: 'A short name for tables, for example Munkedal' },
  organizationPartOf: { sv: 'Är {name} en enhet i en annan organisation?', en: 'Is {name} a unit of another organisation?' },
  groupType: { sv: 'Vad är det för slags grupp?', en: 'What kind of group is it?' },
  groupName: { sv: 'Vad heter gruppen?', en: 'What is the group called?' },
  groupId: { sv: 'Gruppens id (används i kommandon och filnamnet):', en: 'The group\'s id (used in commands and the file name):' },
  groupPurpose: { sv: 'Vad är gruppen till för?', en: 'What is the group for?' },
  groupChair: { sv: 'Vem är ordförande?', en: 'Who chairs it?' },
  groupChairId: { sv: 'Vem är ordförande? (personens id)', en: 'Who chairs it? (the person\'s id)' },
  groupSecretary: { sv: 'Vem är sekreterare?', en: 'Who is its secretary?' },
  groupMembers: { sv: 'Vilka fler är ledamöter? (mellanslag väljer, enter går vidare)', en: 'Who else are members? (space selects, enter goes on)' },
  groupReportsTo: { sv: 'Vilken grupp rapporterar den till?', en: 'Which group does it report to?' },
  groupAgreement: { sv: 'Under vilken överenskommelse finns gruppen?', en: 'Which agreement is the group set up under?' },
  groupProvision: {
    sv: 'Vilken sekretessbestämmelse gäller gruppens handlingar?',
    en: 'Which secrecy provision applies to the group\'s documents?',
  },
  none: { sv: '(ingen)', en: '(none)' },
  noOrganizations: {
    sv: 'Arbetsytan har inga organisationer än, så det finns ingen arbetsgivare att välja. Lägg till organisationen först: samverkan organization add',
    en: 'The workspace has no organisations yet, so there is no employer to choose. Add the organisation first: samverkan organization add',
  },
  noPeople: {
    sv: 'Arbetsytan har inga personer än, så det finns ingen att välja till ordförande. Lägg till ordföranden först: samverkan person add',
    en: 'The workspace has no people yet, so there is no one to choose as chair. Add the chair first: samverkan person add',
  },
});

export interface PersonAddPromptConfig extends Ask {
  /** What the flags gave. */
  given: PersonAddInput;
}

/** Asks for a new person's name, id, organisation, title and e-mail, where the flags left them out. */
export async function askPersonAdd(config: PersonAddPromptConfig, outer: PromptContext = {}): Promise<PersonAddInput> {
  const context = forEachPrompt(outer);
  const fields = personFields(config.workspace);
  const { given, workspace } = config;
  // A wrong flag is refused before the first question, not after the ones before it.
  checkGiven(fields, given);
  // Asking six questions to end at one that cannot be answered helps no one: say what to do first.
  if (given.organization === undefined && config.canAsk && workspace.index.organizations.size === 0) throw new NotFoundError(say('noOrganizations'));
  const name = await typed(fields.name, given.name, config, context, say('personName'));
  const shown = name ?? '';
  // The id from the name is offered even when taken, so that the refusal says who has it.
  const id = await typed(fields.id, given.id, config, context, say('personId'), slugify(shown, 'person'));
  const organization = await picked(
    fields.organization,
    given.organization,
    config,
    context,
    say('personOrganization', { name: shown }),
    entryChoices(workspace.index.organizations.values()),
    say('personOrganizationId', { name: shown }),
  );
  const title = await typed(fields.title, given.title, config, context, say('personTitle'));
  const email = await typed(fields.email, given.email, config, context, say('personEmail'));
  return { name, id, organization, title, email };
}

export interface OrganizationAddPromptConfig extends Ask {
  given: OrganizationAddInput;
}

/** Asks for a new organisation's name, type (the one its name suggests chosen), id, short name and the organisation it is a unit of. */
export async function askOrganizationAdd(config: OrganizationAddPromptConfig, outer: PromptContext = {}): Promise<OrganizationAddInput> {
  const context = forEachPrompt(outer);
  const fields = organizationFields(config.workspace);
  const { given, workspace } = config;
  checkGiven(fields, given);
  const name = await typed(fields.name, given.name, config, context, say('organizationName'));
  const shown = name ?? '';
  const types = enumValues('organizations', 'organizations[].type');
  const type = await withDefault(
    fields.type,
    given.type,
    config,
    context,
    say('organizationType', { name: shown }),
    enumChoices(types, INIT_TEXTS[language()].organizationTypes),
    typeFromName(shown) ?? (types.includes('other') ? 'other' : types[0]),
  );
  const id = await typed(fields.id, given.id, config, context, say('organizationId'), slugify(shown, 'organisation'));
  const shortName = await typed(fields.shortName, given.shortName, config, context, say('organizationShort'));
  const partOf =
    workspace.index.organizations.size === 0
      ? given.partOf
      : await picked(fields.partOf, given.partOf, config, context, say('organizationPartOf', { name: shown }), entryChoices(workspace.index.organizations.values()));
  return { name, type, id, shortName, partOf };
}

export interface GroupNewPromptConfig extends Ask {
  given: GroupNewInput;
}

/**
 * Asks for a new group: its type first (which decides the defaults offered), then name, id,
 * purpose, chair, secretary and members, whom it reports to, its agreement, the secrecy provision
 * of a case or confidential group, and when and where it meets.
 */
export async function askGroupNew(config: GroupNewPromptConfig, outer: PromptContext = {}): Promise<GroupNewInput> {
  const context = forEachPrompt(outer);
  const { given, workspace } = config;
  const fields = groupFields(workspace);
  const { members: _members, reportsTo: givenReportsTo, ...single } = given;
  checkGiven(fields, { ...single, reportsTo: givenReportsTo ?? undefined });
  const lang = language();
  if (given.chair === undefined && config.canAsk && workspace.index.people.size === 0) throw new NotFoundError(say('noPeople'));

  const typeAnswer = await withDefault(fields.type, given.type, config, context, say('groupType'), enumChoices(groupTypes(), labelsFor(lang).group_type), 'working');
  const type = (typeAnswer === undefined ? undefined : enumValue('group', 'type', typeAnswer)) as GroupType | undefined;
  const name = await typed(fields.name, given.name, config, context, say('groupName'), type ? defaultGroupName(workspace, type) : undefined);
  const id = await typed(fields.id, given.id, config, context, say('groupId'), slugify(name ?? '', 'grupp'));
  const purpose = await typed(fields.purpose, given.purpose, config, context, say('groupPurpose'));

  const people = [...workspace.index.people.values()];
  const chair = await picked(fields.chair, given.chair, config, context, say('groupChair'), entryChoices(people), say('groupChairId'));
  const taken = new Set([chair ?? '']);
  const secretary = await picked(fields.secretary, given.secretary, config, context, say('groupSecretary'), entryChoices(people, taken));
  if (secretary) taken.add(secretary);
  const members = await ticked({ ...fields.chair, flag: '--member', required: false }, given.members, config, context, say('groupMembers'), entryChoices(people, taken));

  const groups = [...workspace.index.groups.values()];
  const reportsDefault = type ? defaultReportsTo(workspace, type) : undefined;
  const reportsAnswer =
    groups.length === 0 || given.reportsTo === null
      ? given.reportsTo
      : await withDefault(
          fields.reportsTo,
          given.reportsTo,
          config,
          context,
          say('groupReportsTo'),
          [{ value: '', name: say('none') }, ...entryChoices(groups)],
          reportsDefault ?? '',
        );
  // "(none)" picked in a terminal is an answer: no group, not the default.
  const reportsTo = reportsAnswer === undefined && config.canAsk && groups.length > 0 ? null : reportsAnswer;
  const agreements = [...workspace.index.agreements.values()];
  const agreement = agreements.length === 0 ? given.agreement : await picked(fields.agreement, given.agreement, config, context, say('groupAgreement'), entryChoices(agreements));

  const typedLevel = given.confidentiality === undefined ? undefined : enumValue('group', 'confidentiality', given.confidentiality);
  const confidentiality = typedLevel ?? (type ? groupDefaults(type).confidentiality : undefined);
  // Whether the group's documents are marked is the group record's answer, as the core asks it.
  const provision = type && lacksSecrecyProvision({ type, confidentiality }) ? await typed(fields.provision, given.provision, config, context, say('groupProvision'), DEFAULT_SECRECY_PROVISION) : given.provision;

  const meetings = await askMeetings(given, config, context, 'samverkan group new');

  return {
    ...given,
    type: type ?? typeAnswer,
    name,
    id,
    purpose,
    chair,
    secretary: secretary || undefined,
    members,
    reportsTo,
    agreement: agreement || undefined,
    provision,
    ...meetings,
  };
}

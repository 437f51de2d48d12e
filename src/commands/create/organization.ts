/**
 * `samverkan organization add`: one organisation (or a unit of one, such as a municipality's social
 * services) more in organizations.yaml, or a new organizations.yaml. Its type is guessed from the
 * name when a script leaves it out and the name makes it plain (Polisen → police).
 */
import { UsageError } from '../../errors.js';
import type { EditOptions, FileEditResult } from '../../edit/edit-workspace-file.js';
import { messages } from '../../i18n/messages.js';
import type { Workspace } from '../../workspace/types.js';
import { guessOrganizationType, type OrganizationType } from '../init.js';
import { appendListEntry, both, checkEnum, checkField, checkGiven, checkNewId, checkRef, checkText, enumValue, firstMissing, flagProblem, idFromName, type Field, type FileComments } from './common.js';
import { organizationId } from './person.js';

const say = messages('commands/create/organization', {
  partOfItself: { sv: 'En organisation kan inte vara en del av sig själv. Ange en annan organisation, eller ingen.', en: 'An organisation cannot be a unit of itself. Give another organisation, or none.' },
  commentTop: {
    sv: 'Organisationerna som deltar: kommuner, regioner, polis, skolor, ideella organisationer och deras enheter.',
    en: 'The organisations that take part: municipalities, regions, police, schools, voluntary organisations and their units.',
  },
  commentList: {
    sv: 'En post per organisation: id (används i alla andra filer), name (hela namnet), type (slag av organisation), short_name (kort namn för tabeller) och part_of (id för den organisation en enhet hör till).',
    en: 'One entry per organisation: id (used in every other file), name (the full name), type (the kind of organisation), short_name (a short name for tables) and part_of (the id of the organisation a unit belongs to).',
  },
});

/** What `organization add` is told, by flags or answers. */
export interface OrganizationAddInput {
  /** The full name, e.g. Munkedals kommun. */
  name?: string;
  /** One of the schema's organisation types; guessed from the name when plain. */
  type?: string;
  /** Derived from the name when left out. */
  id?: string;
  shortName?: string;
  /** Organisation id (or name) this is a unit of. */
  partOf?: string;
}

export interface OrganizationAddResult extends FileEditResult {
  organization: { id: string; name: string; type: OrganizationType; short_name?: string; part_of?: string };
  /** True when the type was guessed from the name rather than given. */
  guessedType: boolean;
}

const EXAMPLE = 'samverkan organization add --name "Polisen Fyrbodal" --type police';
const TYPE_PATH = 'organizations[].type';

/** The answers `organization add` takes, in the order it asks for them, each with its flag and check. */
export function organizationFields(workspace: Workspace): Record<keyof OrganizationAddInput, Field> {
  return {
    name: { flag: '--name', required: true, check: both(checkField('organizations', 'organizations[].name'), checkText), example: EXAMPLE },
    type: { flag: '--type', required: true, check: checkEnum('organizations', TYPE_PATH), example: EXAMPLE },
    id: { flag: '--id', required: false, check: checkNewId(workspace, 'organization'), example: `${EXAMPLE} --id polisen-fyrbodal` },
    shortName: { flag: '--short-name', required: false, check: both(checkField('organizations', 'organizations[].short_name'), checkText), example: `${EXAMPLE} --short-name Polisen` },
    partOf: {
      flag: '--part-of',
      required: false,
      check: (v) => checkRef(workspace, 'organization')(organizationId(workspace, v)),
      example: 'samverkan organization add --name "Socialtjänsten, Tanums kommun" --type social-services --part-of tanum',
    },
  };
}

/** The type to offer for a name: the one its words make plain, or undefined (the schema's 'other' is no guess). */
export function typeFromName(name: string): OrganizationType | undefined {
  const guess = guessOrganizationType(name);
  return guess === 'other' ? undefined : guess;
}

/**
 * Adds an organisation to organizations.yaml (made when the workspace has none), after checking
 * every answer as `validate` would and the workspace with the new entry. A missing type is
 * guessed from the name where the name makes it plain, else refused naming --type.
 */
export async function addOrganization(workspace: Workspace, input: OrganizationAddInput, options: EditOptions = {}): Promise<OrganizationAddResult> {
  const fields = organizationFields(workspace);
  const given: OrganizationAddInput = checkGiven(fields, input);
  const guessed = given.type === undefined && given.name !== undefined ? typeFromName(given.name) : undefined;
  if (guessed) given.type = guessed;
  const missing = firstMissing(fields, given);
  if (missing) throw missing;
  const name = given.name!;
  const id = idFromName(workspace, 'organization', given.id, name, 'organisation');
  const partOf = given.partOf === undefined ? undefined : organizationId(workspace, given.partOf);
  if (partOf === id) throw new UsageError(flagProblem('--part-of', given.partOf!, say('partOfItself')));
  const organization: OrganizationAddResult['organization'] = {
    id,
    name,
    type: enumValue('organizations', TYPE_PATH, given.type!) as OrganizationType,
    ...(given.shortName ? { short_name: given.shortName } : {}),
    ...(partOf ? { part_of: partOf } : {}),
  };
  const lang = workspace.config.language;
  const comments: FileComments = { top: say.in(lang, 'commentTop'), keys: { organizations: say.in(lang, 'commentList') } };
  const result = await appendListEntry(workspace, 'organizations', { ...organization }, comments, options);
  return { ...result, organization, guessedType: guessed !== undefined };
}

/**
 * `samverkan person add`: one official more in people.yaml (or a new people.yaml), with an id from
 * the name, the organisation they work for, and their title and work e-mail if given. The entry
 * is spliced into the list so that the file keeps its comments and layout.
 */
import type { EditOptions, FileEditResult } from '../../edit/edit-workspace-file.js';
import { messages } from '../../i18n/messages.js';
import type { Workspace } from '../../workspace/types.js';
import { appendListEntry, both, checkField, checkGiven, checkNewId, checkRef, checkText, firstMissing, idFromName, type Field, type FileComments } from './common.js';

const say = messages('commands/create/person', {
  commentTop: {
    sv: 'Tjänstepersoner som deltar i samverkan – aldrig klienter, våldsutsatta eller andra privatpersoner.',
    en: 'Officials who take part in the collaboration: never clients, victims or other private persons.',
  },
  commentPeople: {
    sv: 'En post per person: id (används i grupper och som ansvarig), name (namn eller en rolltitel), title (befattning), organization (arbetsgivarens id) och email (jobbadress).',
    en: 'One entry per person: id (used in groups and as responsible), name (a name or a role title), title (job title), organization (the employer\'s id) and email (work address).',
  },
});

/** What `person add` is told, by flags or answers. */
export interface PersonAddInput {
  /** A name, or a role title where names are not to be kept. */
  name?: string;
  /** Derived from the name when left out. */
  id?: string;
  /** Organisation id (or its name) of the employer. */
  organization?: string;
  title?: string;
  email?: string;
}

export interface PersonAddResult extends FileEditResult {
  /** The entry as written. */
  person: { id: string; name: string; organization: string; title?: string; email?: string };
}

const EXAMPLE = 'samverkan person add --name "Socialchef Tanum" --organization tanum';

/** The answers `person add` takes, in the order it asks for them, each with its flag and check. */
export function personFields(workspace: Workspace): Record<keyof PersonAddInput, Field> {
  return {
    name: { flag: '--name', required: true, check: both(checkField('people', 'people[].name'), checkText), example: EXAMPLE },
    id: { flag: '--id', required: false, check: checkNewId(workspace, 'person'), example: `${EXAMPLE} --id socialchef-tanum` },
    organization: { flag: '--organization', required: true, check: (v) => checkRef(workspace, 'organization')(organizationId(workspace, v)), example: EXAMPLE },
    title: { flag: '--title', required: false, check: both(checkField('people', 'people[].title'), checkText), example: `${EXAMPLE} --title Socialchef` },
    email: { flag: '--email', required: false, check: checkField('people', 'people[].email'), example: `${EXAMPLE} --email socialchef@tanum.example` },
  };
}

/** An organisation's id from its id or its full or short name, written with any capitals; the text itself when none matches. */
export function organizationId(workspace: Workspace, value: string): string {
  const wanted = value.trim().toLowerCase();
  if (workspace.index.organizations.has(value.trim())) return value.trim();
  for (const [id, entry] of workspace.index.organizations) {
    const { name, short_name: short } = entry.value as { name?: unknown; short_name?: unknown };
    if (id === wanted || (typeof name === 'string' && name.toLowerCase() === wanted) || (typeof short === 'string' && short.toLowerCase() === wanted)) return id;
  }
  return value.trim();
}


/** Comments of a new people.yaml, in the workspace's language. */
function peopleComments(workspace: Workspace): FileComments {
  const lang = workspace.config.language;
  return { top: say.in(lang, 'commentTop'), keys: { people: say.in(lang, 'commentPeople') } };
}

/**
 * Adds a person to people.yaml (made when the workspace has none), after checking every answer as
 * `validate` would and the workspace with the new entry. Throws UsageError naming the flag of a
 * wrong or missing answer; nothing is written then.
 */
export async function addPerson(workspace: Workspace, input: PersonAddInput, options: EditOptions = {}): Promise<PersonAddResult> {
  const fields = personFields(workspace);
  const given: PersonAddInput = checkGiven(fields, input);
  const missing = firstMissing(fields, given);
  if (missing) throw missing;
  const name = given.name!;
  const person: PersonAddResult['person'] = {
    id: idFromName(workspace, 'person', given.id, name, 'person'),
    name,
    ...(given.title ? { title: given.title } : {}),
    organization: organizationId(workspace, given.organization!),
    ...(given.email ? { email: given.email } : {}),
  };
  const result = await appendListEntry(workspace, 'people', { ...person }, peopleComments(workspace), options);
  return { ...result, person };
}

/**
 * `samverkan person add`, `samverkan organization add` and `samverkan group new`: by flags in a
 * script, and in a terminal asking for what the flags leave out. Without a terminal a missing
 * answer is refused naming its flag (exit 2); Ctrl-C at a question writes nothing (exit 1).
 */
import type { Command } from './command.js';
import { language, messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, collect, noteLine, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/create-people', {
  personAdd: {
    sv: 'lägg till en person (en tjänsteperson, aldrig en klient) i people.yaml; frågar i en terminal efter det som flaggorna inte ger',
    en: 'add a person (an official, never a client) to people.yaml; in a terminal, asks for what the flags leave out',
  },
  personName: { sv: 'namn, eller en rolltitel om namn inte ska sparas (krävs)', en: 'a name, or a role title where names are not to be kept (required)' },
  personId: { sv: 'id (förval: från namnet)', en: 'id (default: from the name)' },
  personOrganization: { sv: 'arbetsgivarens id eller namn, som i organizations.yaml (krävs)', en: 'the employer\'s id or name, as in organizations.yaml (required)' },
  personTitle: { sv: 'befattning, till exempel Socialchef', en: 'job title, for example Socialchef' },
  personEmail: { sv: 'e-post i tjänsten', en: 'work e-mail' },
  personExamples: {
    sv: '\nExempel:\n  $ samverkan person add\n  $ samverkan person add --name "Kommunpolis Tanum" --organization polisen --title Kommunpolis',
    en: '\nExamples:\n  $ samverkan person add\n  $ samverkan person add --name "Kommunpolis Tanum" --organization polisen --title Kommunpolis',
  },
  personAdded: {
    sv: 'Lade till {name} ({id}) i {file}. Nästa steg: lägg till hen som ledamot i en grupp med samverkan member add GRUPP --person {id}',
    en: 'Added {name} ({id}) to {file}. Next: put them in a group with samverkan member add GROUP --person {id}',
  },
  organizationAdd: {
    sv: 'lägg till en organisation eller en enhet i organizations.yaml; frågar i en terminal efter det som flaggorna inte ger',
    en: 'add an organisation or a unit of one to organizations.yaml; in a terminal, asks for what the flags leave out',
  },
  organizationName: { sv: 'hela namnet, till exempel "Munkedals kommun" (krävs)', en: 'the full name, for example "Munkedals kommun" (required)' },
  organizationType: {
    sv: 'slag av organisation: municipality, region, police, school, ngo … (förval: det namnet visar, annars krävs den)',
    en: 'the kind of organisation: municipality, region, police, school, ngo … (default: what the name shows, else required)',
  },
  organizationId: { sv: 'id (förval: från namnet)', en: 'id (default: from the name)' },
  organizationShort: { sv: 'kort namn för tabeller', en: 'a short name for tables' },
  organizationPartOf: { sv: 'id för organisationen som den här är en enhet i', en: 'id of the organisation this one is a unit of' },
  organizationExamples: {
    sv: '\nExempel:\n  $ samverkan organization add\n  $ samverkan organization add --name "Polisen Fyrbodal"\n  $ samverkan organization add --name "Socialtjänsten i Tanum" --type social-services --part-of tanum',
    en: '\nExamples:\n  $ samverkan organization add\n  $ samverkan organization add --name "Polisen Fyrbodal"\n  $ samverkan organization add --name "Socialtjänsten i Tanum" --type social-services --part-of tanum',
  },
  organizationAdded: {
    sv: 'Lade till {name} ({id}) som {type} i {file}. Nästa steg: lägg till personer därifrån med samverkan person add --organization {id}',
    en: 'Added {name} ({id}) as {type} to {file}. Next: add people from it with samverkan person add --organization {id}',
  },
  groupNew: {
    sv: 'skapa en grupp i groups/ med det förval som passar dess slag; frågar i en terminal efter det som flaggorna inte ger',
    en: 'create a group in groups/ with the defaults that suit its kind; in a terminal, asks for what the flags leave out',
  },
  groupType: {
    sv: 'steering (styrgrupp), working (arbetsgrupp), case (ärendegrupp), reference (referensgrupp), coordination, network, resource-team (krävs)',
    en: 'steering, working, case, reference, coordination, network or resource-team (required)',
  },
  groupName: { sv: 'gruppens namn (krävs)', en: 'the group\'s name (required)' },
  groupId: { sv: 'id och filnamn (förval: från namnet)', en: 'id and file name (default: from the name)' },
  groupPurpose: { sv: 'vad gruppen är till för', en: 'what the group is for' },
  groupChair: { sv: 'ordförandens id, som i people.yaml (krävs)', en: 'the chair\'s id, as in people.yaml (required)' },
  groupSecretary: { sv: 'sekreterarens id', en: 'the secretary\'s id' },
  groupMember: { sv: 'en ledamot till (id); ange flaggan en gång per person', en: 'one more member (id); give it once per person' },
  groupReportsTo: { sv: 'gruppen den rapporterar till (förval: styrgruppen, om det finns en)', en: 'the group it reports to (default: the steering group, if there is one)' },
  groupNoReportsTo: { sv: 'gruppen rapporterar inte till någon annan grupp', en: 'the group reports to no other group' },
  groupAgreement: { sv: 'överenskommelsen gruppen finns under', en: 'the agreement the group is set up under' },
  groupDecides: { sv: 'ja om gruppen fattar beslut, nej om den bereder (förval: ja för en styrgrupp)', en: 'yes if the group takes decisions, no if it prepares them (default: yes for a steering group)' },
  groupConfidentiality: {
    sv: 'open, internal eller confidential (förval: internal för arbetsgrupp och resursteam, confidential för ärendegrupp, annars open)',
    en: 'open, internal or confidential (default: internal for a working group or resource team, confidential for a case group, else open)',
  },
  groupProvision: {
    sv: 'sekretessbestämmelsen för en ärendegrupp eller en grupp med sekretess (förval: 26 kap. 1 § OSL)',
    en: 'the secrecy provision of a case or confidential group (default: 26 kap. 1 § OSL)',
  },
  groupQuorum: { sv: 'hur många som måste vara närvarande för beslut, eller majority (förval: majority när gruppen beslutar)', en: 'how many must be present for a decision, or majority (default: majority when the group decides)' },
  groupFrom: { sv: 'ledamöternas första dag (förval: i dag)', en: 'the members\' first day (default: today)' },
  groupCadence: { sv: 'hur ofta gruppen träffas: weekly, every 6 weeks, monthly, quarterly, half-yearly, yearly eller "ad hoc"', en: 'how often the group meets: weekly, every 6 weeks, monthly, quarterly, half-yearly, yearly or "ad hoc"' },
  groupWeekday: { sv: 'veckodagen mötena hålls', en: 'the day of the week it meets' },
  groupTime: { sv: 'tiden mötena börjar, TT:MM', en: 'the time meetings start, HH:MM' },
  groupDuration: { sv: 'mötenas längd i minuter', en: 'the length of a meeting in minutes' },
  groupLocation: { sv: 'var gruppen träffas', en: 'where the group meets' },
  groupExamples: {
    sv:
      '\nExempel:\n  $ samverkan group new\n  $ samverkan group new --type working --name "Arbetsgrupp Kvinnofrid" --chair samordnare --member kfa-tanum --cadence monthly --weekday tuesday --time 09:00\n' +
      '  $ samverkan group new --type case --name "Ärendegrupp Kvinnofrid" --chair samordnare --provision "26 kap. 1 § OSL"',
    en:
      '\nExamples:\n  $ samverkan group new\n  $ samverkan group new --type working --name "Working group" --chair samordnare --member kfa-tanum --cadence monthly --weekday tuesday --time 09:00\n' +
      '  $ samverkan group new --type case --name "Case group" --chair samordnare --provision "26 kap. 1 § OSL"',
  },
  groupCreated: {
    sv: {
      one: 'Skrev {file}: {type} {name} ({id}) med {n} ledamot. Nästa steg: förbered första mötet med samverkan meeting new {id}',
      other: 'Skrev {file}: {type} {name} ({id}) med {n} ledamöter. Nästa steg: förbered första mötet med samverkan meeting new {id}',
    },
    en: {
      one: 'Wrote {file}: {type} {name} ({id}) with {n} member. Next: prepare its first meeting with samverkan meeting new {id}',
      other: 'Wrote {file}: {type} {name} ({id}) with {n} members. Next: prepare its first meeting with samverkan meeting new {id}',
    },
  },
  timeValue: { sv: 'TT:MM', en: 'HH:MM' },
  yesNo: { sv: 'ja|nej', en: 'yes|no' },
  json: { sv: 'visa det som skrevs som JSON', en: 'print what was written as JSON' },
  asOf: { sv: 'gör som om i dag vore DATUM (ÅÅÅÅ-MM-DD): för förval och kontroller', en: 'act as if today were DATE (YYYY-MM-DD): for defaults and checks' },
});

interface EditCliOptions extends WorkspaceOptions {
  asOf?: string;
  json?: boolean;
}

function canAsk(io: CliIO): boolean {
  return io.stdinIsTTY && io.isTTY;
}

function addEditOptions(command: Command): Command {
  return addWorkspaceOptions(command).option(`--as-of <${placeholder('DATE')}>`, say('asOf'), parseDate).option('--json', say('json'));
}

/** Loads what every one of the three commands needs, when it runs. */
async function load(io: CliIO, options: EditCliOptions) {
  const [{ loadWorkspace }, { displayPath }] = await Promise.all([import('../workspace/load.js'), import('../report/display-path.js')]);
  const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
  return { workspace, displayPath, ask: canAsk(io) };
}

/**
 * Runs a conversation in a terminal, where Ctrl-C ends it with nothing written (exit 1). The
 * prompts are loaded only here: a script, with no terminal, never pays for them.
 */
async function converse<T>(ask: (prompts: typeof import('./create-people-prompts.js')) => Promise<T>): Promise<T> {
  const [{ whileAsking }, prompts] = await Promise.all([import('./prompts.js'), import('./create-people-prompts.js')]);
  return whileAsking(() => ask(prompts));
}

type Warning = { file: string; line: number; ruleId: string; message: string };

/**
 * Prints what a command wrote: its one line (or, with --json, the file, the entry under `key` and
 * the warnings), then each warning the change brings as a note.
 */
async function report(
  io: CliIO,
  options: EditCliOptions,
  result: { path: string; warnings: readonly Warning[] },
  key: string,
  entry: unknown,
  line: (file: string) => string,
  displayPath: (p: string, cwd: string) => string,
): Promise<void> {
  const file = displayPath(result.path, io.cwd);
  if (options.json) {
    const { jsonText } = await import('../report/json.js');
    io.stdout(jsonText({ file, [key]: entry, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
  } else {
    io.stdout(`${line(file)}\n`);
  }
  for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
}

interface PersonCliOptions extends EditCliOptions {
  name?: string;
  id?: string;
  organization?: string;
  title?: string;
  email?: string;
}

interface OrganizationCliOptions extends EditCliOptions {
  name?: string;
  type?: string;
  id?: string;
  shortName?: string;
  partOf?: string;
}

interface GroupCliOptions extends EditCliOptions {
  type?: string;
  name?: string;
  id?: string;
  purpose?: string;
  chair?: string;
  secretary?: string;
  member?: string[];
  /** A group id, or false with --no-reports-to. */
  reportsTo?: string | false;
  agreement?: string;
  decides?: string;
  confidentiality?: string;
  provision?: string;
  quorum?: string;
  from?: string;
  cadence?: string;
  weekday?: string;
  time?: string;
  duration?: string;
  location?: string;
}

/** Registers person add, organization add and group new. */
export function registerCreatePeople(program: Command, io: CliIO): void {
  const person = program.command('person').description(summary('person'));
  addEditOptions(
    person
      .command('add')
      .description(say('personAdd'))
      .option(`--name <${placeholder('NAME')}>`, say('personName'))
      .option(`--id <${placeholder('ID')}>`, say('personId'))
      .option(`--organization <${placeholder('ORG')}>`, say('personOrganization'))
      .option(`--title <${placeholder('TEXT')}>`, say('personTitle'))
      .option(`--email <${placeholder('EMAIL')}>`, say('personEmail')),
  )
    .addHelpText('after', say('personExamples'))
    .action(async (options: PersonCliOptions) => {
      const [{ workspace, displayPath, ask }, { addPerson }] = await Promise.all([load(io, options), import('../commands/create/person.js')]);
      let input: import('../commands/create/person.js').PersonAddInput = { name: options.name, id: options.id, organization: options.organization, title: options.title, email: options.email };
      if (ask) input = await converse((p) => p.askPersonAdd({ workspace, canAsk: true, given: input }));
      const result = await addPerson(workspace, input, { asOf: options.asOf });
      await report(io, options, result, 'person', result.person, (file) => say('personAdded', { name: result.person.name, id: result.person.id, file }), displayPath);
    });

  const organization = program.command('organization').alias('organisation').description(summary('organization'));
  addEditOptions(
    organization
      .command('add')
      .description(say('organizationAdd'))
      .option(`--name <${placeholder('NAME')}>`, say('organizationName'))
      .option(`--type <${placeholder('TYPE')}>`, say('organizationType'))
      .option(`--id <${placeholder('ID')}>`, say('organizationId'))
      .option(`--short-name <${placeholder('NAME')}>`, say('organizationShort'))
      .option(`--part-of <${placeholder('ORG')}>`, say('organizationPartOf')),
  )
    .addHelpText('after', say('organizationExamples'))
    .action(async (options: OrganizationCliOptions) => {
      const [{ workspace, displayPath, ask }, { addOrganization }, { valueWord }] = await Promise.all([
        load(io, options),
        import('../commands/create/organization.js'),
        import('../commands/create/common.js'),
      ]);
      let input: import('../commands/create/organization.js').OrganizationAddInput = { name: options.name, type: options.type, id: options.id, shortName: options.shortName, partOf: options.partOf };
      if (ask) input = await converse((p) => p.askOrganizationAdd({ workspace, canAsk: true, given: input }));
      const result = await addOrganization(workspace, input, { asOf: options.asOf });
      const o = result.organization;
      await report(io, options, result, 'organization', o, (file) => say('organizationAdded', { name: o.name, id: o.id, type: valueWord('organizations', 'organizations[].type', o.type), file }), displayPath);
    });

  const group = program.command('group').description(summary('group'));
  addEditOptions(
    group
      .command('new')
      .description(say('groupNew'))
      .option(`--type <${placeholder('TYPE')}>`, say('groupType'))
      .option(`--name <${placeholder('NAME')}>`, say('groupName'))
      .option(`--id <${placeholder('ID')}>`, say('groupId'))
      .option(`--purpose <${placeholder('TEXT')}>`, say('groupPurpose'))
      .option(`--chair <${placeholder('PERSON')}>`, say('groupChair'))
      .option(`--secretary <${placeholder('PERSON')}>`, say('groupSecretary'))
      .option(`--member <${placeholder('PERSON')}>`, say('groupMember'), collect)
      .option(`--reports-to <${placeholder('GROUP')}>`, say('groupReportsTo'))
      .option('--no-reports-to', say('groupNoReportsTo'))
      .option(`--agreement <${placeholder('ID')}>`, say('groupAgreement'))
      .option(`--decides <${say('yesNo')}>`, say('groupDecides'))
      .option(`--confidentiality <${placeholder('TYPE')}>`, say('groupConfidentiality'))
      .option(`--provision <${placeholder('TEXT')}>`, say('groupProvision'))
      .option(`--quorum <${placeholder('N')}>`, say('groupQuorum'))
      .option(`--from <${placeholder('DATE')}>`, say('groupFrom'), parseDate)
      .option(`--cadence <${placeholder('TEXT')}>`, say('groupCadence'))
      .option(`--weekday <${placeholder('TEXT')}>`, say('groupWeekday'))
      .option(`--time <${say('timeValue')}>`, say('groupTime'))
      .option(`--duration <${placeholder('N')}>`, say('groupDuration'))
      .option(`--location <${placeholder('TEXT')}>`, say('groupLocation')),
  )
    .addHelpText('after', say('groupExamples'))
    .action(async (options: GroupCliOptions) => {
      const [{ workspace, displayPath, ask }, { newGroup }, { labelsFor }] = await Promise.all([
        load(io, options),
        import('../commands/create/group.js'),
        import('../i18n/index.js'),
      ]);
      const { dir: _dir, lang: _lang, asOf, json: _json, member, reportsTo, ...rest } = options;
      let input: import('../commands/create/group.js').GroupNewInput = { ...rest, members: member, reportsTo: reportsTo === false ? null : reportsTo };
      if (ask) input = await converse((p) => p.askGroupNew({ workspace, canAsk: true, given: input }));
      const result = await newGroup(workspace, input, { asOf });
      const g = result.group;
      const type = (labelsFor(language()).group_type[g.type] ?? g.type).toLowerCase();
      await report(io, options, result, 'group', g, (file) => say('groupCreated', { file, type, name: g.name, id: g.id, n: g.members.length }), displayPath);
    });
}

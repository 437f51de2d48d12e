/** `samverkan member add|remove GROUP --person P …`: roster changes with dates; history is kept. */
import type { Command } from './command.js';
import { UsageError } from '../errors.js';
import { language, messages } from '../i18n/messages.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, nameOf, noteLine, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/member', {
  examples: {
    sv: '\nExempel:\n  $ samverkan member add styrgrupp-nb --person socchef-tanum --role ledamot --from 2009-09-01\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil --until 2009-08-31',
    en: '\nExamples:\n  $ samverkan member add styrgrupp-nb --person socchef-tanum --role member --from 2009-09-01\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil --until 2009-08-31',
  },
  asOf: {
    sv: 'gör som om i dag vore {date} (ÅÅÅÅ-MM-DD): förvalt datum och datumet för kontrollerna',
    en: 'act as if today were {date} (YYYY-MM-DD): the default date and the date of the checks',
  },
  json: { sv: 'skriv vad som gjordes som JSON', en: 'print what was done as JSON' },
  group: { sv: 'gruppens id', en: 'id of the group' },
  addDescription: { sv: 'lägg till en ledamot i en grupp, från ett datum', en: "add a member to a group's roster, from a date" },
  person: { sv: 'personens id, som i people.yaml (krävs)', en: 'id of the person, as in people.yaml (required)' },
  role: {
    sv: 'ordförande, vice ordförande, sekreterare, ledamot, adjungerad eller ersättare (eller som i filen: chair, member …; förval: ledamot)',
    en: 'chair, vice-chair, secretary, member, co-opted or substitute (or in Swedish: "ordförande", "ledamot" …; default: member)',
  },
  represents: { sv: 'id för organisationen som hen sitter för (förval: hens egen)', en: 'id of the organisation they sit for (default: their own)' },
  from: { sv: 'första dagen i gruppen, ÅÅÅÅ-MM-DD (förval: i dag)', en: 'first day in the group, YYYY-MM-DD (default: today)' },
  replaces: {
    sv: 'en nuvarande ledamot vars plats hen tar: det uppdraget slutar dagen före --from',
    en: 'a current member whose place they take: that membership ends the day before --from',
  },
  addAfter: {
    sv:
      '\nFör att lämna över ordförandeskapet, lägg till den nya ordföranden med --replaces: den tidigare ordförandens uppdrag\n' +
      'slutar då dagen före, så att gruppen alltid har en ordförande. I en terminal frågar kommandot efter --person och --role\n' +
      'när de inte ges.\n' +
      '\nExempel:\n  $ samverkan member add styrgrupp-nb --person socchef-tanum\n' +
      '  $ samverkan member add styrgrupp-nb --person socchef-sotenas --role ordförande --from 2010-01-01 --replaces socchef-munkedal',
    en:
      "\nTo hand over the chair, add the new chair with --replaces: the former chair's membership then ends the day before,\n" +
      'so the group always has one chair. In a terminal the command asks for --person and --role when not given.\n' +
      '\nExamples:\n  $ samverkan member add styrgrupp-nb --person socchef-tanum\n' +
      '  $ samverkan member add styrgrupp-nb --person socchef-sotenas --role chair --from 2010-01-01 --replaces socchef-munkedal',
  },
  notARole: {
    sv: '--role {value}: det är ingen roll i en grupp. Skriv en av: ordförande, vice ordförande, sekreterare, ledamot, adjungerad, ersättare (eller {roles}).',
    en: '--role {value}: that is not a role in a group. Write one of: {roles}.',
  },
  addMissingPerson: {
    sv: '--person saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga. Ge personens id, som i people.yaml, till exempel: {example}',
    en: '--person is missing, and input is not a terminal, so samverkan cannot ask. Give the id of the person, as in people.yaml, for example: {example}',
  },
  added: { sv: 'Lade till {name} ({person}) i {group} som {role} från {from} i {where}.', en: 'Added {name} ({person}) to {group} as {role} from {from} in {where}.' },
  roleChange: { sv: 'Hens uppdrag som {role} slutar {until}.', en: 'Their membership as {role} ends {until}.' },
  replaced: { sv: 'Uppdraget för {person} som {role} slutar {until}.', en: "{person}'s membership as {role} ends {until}." },
  notYet: { sv: 'Hen är inte med i gruppen än i dag ({today}).', en: 'They are not in the group yet today ({today}).' },
  removeDescription: {
    sv: 'avsluta en ledamots nuvarande uppdrag på ett datum (förval: i dag); raden blir kvar i gruppen som historik',
    en: "end a member's current membership on a date (default: today); the entry stays in the roster as history",
  },
  leaving: { sv: 'id för ledamoten som lämnar (krävs)', en: 'id of the member who leaves (required)' },
  until: { sv: 'sista dagen i gruppen, ÅÅÅÅ-MM-DD (förval: i dag)', en: 'last day in the group, YYYY-MM-DD (default: today)' },
  whichRole: { sv: 'vilket uppdrag som ska avslutas, om personen har flera samtidigt', en: 'which membership to end, if the person has several at once' },
  removeAfter: {
    sv:
      '\nIngenting tas bort: uppdraget får until: DATUM, så att gruppen fortfarande visar vem som satt i den när.\n' +
      'I en terminal frågar kommandot efter --person när den inte ges.\n' +
      '\nExempel:\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil --until 2009-08-31',
    en:
      '\nNothing is deleted: the membership gets until: DATE, so the roster still shows who sat in the group when.\n' +
      'In a terminal the command asks for --person when not given.\n' +
      '\nExamples:\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil --until 2009-08-31',
  },
  removeMissingPerson: {
    sv: '--person saknas, och indata kommer inte från en terminal, så samverkan kan inte fråga. Ge id för ledamoten som lämnar, till exempel: {example}',
    en: '--person is missing, and input is not a terminal, so samverkan cannot ask. Give the id of the member who leaves, for example: {example}',
  },
  left: {
    sv: '{name} ({person}) lämnar {group}: uppdraget som {role}{from} slutar {until} ({where}).',
    en: '{name} ({person}) leaves {group}: the membership as {role}{from} ends {until} ({where}).',
  },
  since: { sv: ' från {date}', en: ' from {date}' },
});

/** A role as typed (chair, ordförande, Sekreterare): the roster's value, or a usage error naming the roles. */
async function roleValue(typed: string | undefined): Promise<string | undefined> {
  if (typed === undefined) return undefined;
  const { canonicalValue, fieldAmbiguity, fieldNode } = await import('../schema/aliases.js');
  const reading = canonicalValue('group', 'members[].role', typed);
  if (reading && 'value' in reading) return reading.value;
  const roles = ((fieldNode('group', 'members[].role')?.enum ?? []) as string[]).join(', ');
  throw new UsageError(fieldAmbiguity('group', 'members[].role', typed) ?? say('notARole', { value: typed, roles }));
}

/** A role in the words of the current language: "ordförande", "vice chair". */
async function roleWord(role: string): Promise<string> {
  const { labelsFor } = await import('../i18n/index.js');
  const words = labelsFor(language()).member_role as Record<string, string>;
  return (words[role] ?? role).toLowerCase();
}

interface MemberAddCliOptions extends WorkspaceOptions {
  person?: string;
  role?: string;
  represents?: string;
  from?: string;
  replaces?: string;
  asOf?: string;
  json?: boolean;
}

interface MemberRemoveCliOptions extends WorkspaceOptions {
  person?: string;
  role?: string;
  until?: string;
  asOf?: string;
  json?: boolean;
}

function canAsk(io: CliIO): boolean {
  return io.stdinIsTTY && io.isTTY;
}

function addEditOptions(command: Command): Command {
  return addWorkspaceOptions(command)
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .option('--json', say('json'));
}

export function registerMember(program: Command, io: CliIO): void {
  const member = program
    .command('member')
    .description(summary('member'))
    .addHelpText('after', say('examples'));

  const add = member
    .command('add')
    .argument(`<${placeholder('GROUP')}>`, say('group'))
    .description(say('addDescription'))
    .option(`--person <${placeholder('PERSON')}>`, say('person'))
    .option(`--role <${placeholder('ROLE')}>`, say('role'))
    .option(`--represents <${placeholder('ORG')}>`, say('represents'))
    .option(`--from <${placeholder('DATE')}>`, say('from'), parseDate)
    .option(`--replaces <${placeholder('PERSON')}>`, say('replaces'));
  addEditOptions(add)
    .addHelpText('after', say('addAfter'))
    .action(async (groupId: string, options: MemberAddCliOptions) => {
      const [{ loadWorkspace }, { addMember }, { documentToEdit, editDate }, { displayPath }, { isActiveOn }, { jsonText }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/member.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
        import('../model/roster.js'),
        import('../report/json.js'),
      ]);
      let role = await roleValue(options.role);
      const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
      const today = editDate(workspace, options.asOf);
      const { data: group } = documentToEdit(workspace, 'group', groupId);
      let { person } = options;
      if (!person) {
        if (!canAsk(io)) {
          throw new UsageError(say('addMissingPerson', { example: `samverkan member add ${groupId} --person ${[...workspace.index.people.keys()][0] ?? placeholder('PERSON')}` }));
        }
        const { askMemberAdd, whileAsking } = await import('./prompts.js');
        const from = options.from ?? today;
        const inGroup = new Set(group.members.filter((m) => m.until == null || m.until >= from).map((m) => m.person));
        const answers = await whileAsking(() =>
          askMemberAdd({
            lang: language(),
            group: group.name ?? groupId,
            role,
            people: [...workspace.index.people.values()]
              .filter((p) => !inGroup.has(p.id))
              .map((p) => ({ value: p.id, name: `${nameOf(p.value.name, p.id)} (${p.id}, ${nameOf(p.value.organization, '')})` })),
          }),
        );
        ({ person, role } = answers);
      }
      const result = await addMember(
        workspace,
        { group: groupId, person, role: role as never, represents: options.represents, from: options.from, replaces: options.replaces },
        { asOf: options.asOf },
      );
      const where = displayPath(result.path, io.cwd);
      if (options.json) {
        io.stdout(jsonText({ file: where, group: result.group, member: result.member, role_change: result.roleChange ?? null, replaced: result.replaced ?? null, vacated: result.vacated, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
      } else {
        const name = nameOf(workspace.index.people.get(result.member.person)?.value.name, result.member.person);
        const lines = [
          say('added', { name, person: result.member.person, group: group.name ?? groupId, role: await roleWord(result.member.role ?? 'member'), from: result.member.from, where }),
        ];
        if (result.roleChange) lines.push(say('roleChange', { role: await roleWord(result.roleChange.from), until: result.roleChange.until }));
        if (result.replaced) lines.push(say('replaced', { person: result.replaced.person, role: await roleWord(result.replaced.role), until: result.replaced.until }));
        if (result.member.from && !isActiveOn(result.member, today)) lines.push(say('notYet', { today }));
        io.stdout(`${lines.join('\n')}\n`);
      }
      for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
      // A chair or secretary the change leaves the group without: said here, not first by validate.
      for (const v of result.vacated) io.stderr(`${v.message}\n`);
    });

  const remove = member
    .command('remove')
    .argument(`<${placeholder('GROUP')}>`, say('group'))
    .description(say('removeDescription'))
    .option(`--person <${placeholder('PERSON')}>`, say('leaving'))
    .option(`--until <${placeholder('DATE')}>`, say('until'), parseDate)
    .option(`--role <${placeholder('ROLE')}>`, say('whichRole'));
  addEditOptions(remove)
    .addHelpText('after', say('removeAfter'))
    .action(async (groupId: string, options: MemberRemoveCliOptions) => {
      const [{ loadWorkspace }, { removeMember }, { documentToEdit, editDate }, { displayPath }, { isActiveOn }, { jsonText }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/member.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
        import('../model/roster.js'),
        import('../report/json.js'),
      ]);
      const role = await roleValue(options.role);
      const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
      const today = editDate(workspace, options.asOf);
      const { data: group } = documentToEdit(workspace, 'group', groupId);
      let person = options.person;
      if (!person) {
        if (!canAsk(io)) {
          throw new UsageError(say('removeMissingPerson', { example: `samverkan member remove ${groupId} --person ${group.members[0]?.person ?? placeholder('PERSON')}` }));
        }
        const { askMemberRemove, whileAsking } = await import('./prompts.js');
        const until = options.until ?? today;
        const members = group.members.filter((m) => isActiveOn(m, until));
        const roleWords = Object.fromEntries(await Promise.all(members.map(async (m) => [m.role ?? 'member', await roleWord(m.role ?? 'member')] as const)));
        person = await whileAsking(() =>
          askMemberRemove({
            lang: language(),
            group: group.name ?? groupId,
            members: members.map((m) => ({
              value: m.person,
              name: `${nameOf(workspace.index.people.get(m.person)?.value.name, m.person)} (${m.person}, ${roleWords[m.role ?? 'member']})`,
            })),
          }),
        );
      }
      const result = await removeMember(workspace, { group: groupId, person, until: options.until, role: role as never }, { asOf: options.asOf });
      const where = displayPath(result.path, io.cwd);
      if (options.json) {
        io.stdout(jsonText({ file: where, group: result.group, person: result.person, role: result.role, from: result.from ?? null, until: result.until, vacated: result.vacated, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
      } else {
        const name = nameOf(workspace.index.people.get(result.person)?.value.name, result.person);
        io.stdout(
          `${say('left', { name, person: result.person, group: group.name ?? groupId, role: await roleWord(result.role), from: result.from ? say('since', { date: result.from }) : '', until: result.until, where })}\n`,
        );
      }
      for (const w of result.warnings) io.stderr(noteLine(`${displayPath(w.file, io.cwd)}:${w.line}`, w.message));
      // A chair or secretary the change leaves the group without: said here, not first by validate.
      for (const v of result.vacated) io.stderr(`${v.message}\n`);
    });
}

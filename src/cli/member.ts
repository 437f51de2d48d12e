/** `samverkan member add|remove GROUP --person P …`: roster changes with dates; history is kept. */
import { Option, type Command } from 'commander';
import { UsageError } from '../errors.js';
import type { CliIO } from './io.js';
import { addWorkspaceOptions, nameOf, parseDate, type WorkspaceOptions } from './options.js';
import { jsonText } from '../report/json.js';

const ROLES = ['chair', 'vice-chair', 'secretary', 'member', 'co-opted', 'substitute'];

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
    .option('--as-of <DATE>', 'act as if today were DATE (YYYY-MM-DD): the default date and the date of the checks', parseDate)
    .option('--json', 'print what was done as JSON');
}

export function registerMember(program: Command, io: CliIO): void {
  const member = program
    .command('member')
    .description('change a group\'s roster: add a member from a date, or end a membership on a date (history is kept)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ samverkan member add styrgrupp-nb --person socchef-tanum --role member --from 2009-09-01\n' +
        '  $ samverkan member remove styrgrupp-nb --person socchef-lysekil --until 2009-08-31',
    );

  const add = member
    .command('add')
    .argument('<GROUP>', 'id of the group')
    .description('add a member to a group\'s roster, from a date')
    .option('--person <PERSON>', 'id of the person, as in people.yaml (required)')
    .addOption(new Option('--role <ROLE>', `${ROLES.join(', ')} (default: member)`).choices(ROLES))
    .option('--represents <ORG>', 'id of the organisation they sit for (default: their own)')
    .option('--from <DATE>', 'first day in the group, YYYY-MM-DD (default: today)', parseDate)
    .option('--replaces <PERSON>', 'a current member whose place they take: that membership ends the day before --from');
  addEditOptions(add)
    .addHelpText(
      'after',
      '\nTo hand over the chair, add the new chair with --replaces: the former chair\'s membership then ends the day before,\n' +
        'so the group always has one chair. In a terminal the command asks for --person and --role when not given.\n' +
        '\nExamples:\n  $ samverkan member add styrgrupp-nb --person socchef-tanum\n' +
        '  $ samverkan member add styrgrupp-nb --person socchef-sotenas --role chair --from 2010-01-01 --replaces socchef-munkedal',
    )
    .action(async (groupId: string, options: MemberAddCliOptions) => {
      const [{ loadWorkspace }, { addMember }, { documentToEdit, editDate }, { displayPath }, { isActiveOn }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/member.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
        import('../model/roster.js'),
      ]);
      const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
      const today = editDate(workspace, options.asOf);
      const { data: group } = documentToEdit(workspace, 'group', groupId);
      let { person, role } = options;
      if (!person) {
        if (!canAsk(io)) {
          throw new UsageError(
            `--person is missing, and input is not a terminal, so samverkan cannot ask. Give the id of the person, as in people.yaml, for example: samverkan member add ${groupId} --person ${[...workspace.index.people.keys()][0] ?? 'PERSON'}`,
          );
        }
        const { askMemberAdd, whileAsking } = await import('./prompts.js');
        const from = options.from ?? today;
        const inGroup = new Set(group.members.filter((m) => m.until == null || m.until >= from).map((m) => m.person));
        const answers = await whileAsking(() =>
          askMemberAdd({
            lang: options.lang ?? workspace.config.language,
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
        io.stdout(jsonText({ file: where, group: result.group, member: result.member, role_change: result.roleChange ?? null, replaced: result.replaced ?? null, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
      } else {
        const name = nameOf(workspace.index.people.get(result.member.person)?.value.name, result.member.person);
        const lines = [`Added ${name} (${result.member.person}) to ${group.name ?? groupId} as ${result.member.role ?? 'member'} from ${result.member.from} in ${where}.`];
        if (result.roleChange) lines.push(`Their membership as ${result.roleChange.from} ends ${result.roleChange.until}.`);
        if (result.replaced) lines.push(`${result.replaced.person}'s membership as ${result.replaced.role} ends ${result.replaced.until}.`);
        if (result.member.from && !isActiveOn(result.member, today)) lines.push(`They are not in the group yet today (${today}).`);
        io.stdout(`${lines.join('\n')}\n`);
      }
      for (const w of result.warnings) io.stderr(`Note: ${displayPath(w.file, io.cwd)}:${w.line}: ${w.message}\n`);
    });

  const remove = member
    .command('remove')
    .argument('<GROUP>', 'id of the group')
    .description('end a member\'s current membership on a date (default: today); the entry stays in the roster as history')
    .option('--person <PERSON>', 'id of the member who leaves (required)')
    .option('--until <DATE>', 'last day in the group, YYYY-MM-DD (default: today)', parseDate)
    .addOption(new Option('--role <ROLE>', 'which membership to end, if the person has several at once').choices(ROLES));
  addEditOptions(remove)
    .addHelpText(
      'after',
      '\nNothing is deleted: the membership gets until: DATE, so the roster still shows who sat in the group when.\n' +
        'In a terminal the command asks for --person when not given.\n' +
        '\nExamples:\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil\n  $ samverkan member remove styrgrupp-nb --person socchef-lysekil --until 2009-08-31',
    )
    .action(async (groupId: string, options: MemberRemoveCliOptions) => {
      const [{ loadWorkspace }, { removeMember }, { documentToEdit, editDate }, { displayPath }, { isActiveOn }] = await Promise.all([
        import('../workspace/load.js'),
        import('../commands/member.js'),
        import('../edit/edit-workspace-file.js'),
        import('../report/display-path.js'),
        import('../model/roster.js'),
      ]);
      const workspace = await loadWorkspace({ cwd: io.cwd, dir: options.dir });
      const today = editDate(workspace, options.asOf);
      const { data: group } = documentToEdit(workspace, 'group', groupId);
      let person = options.person;
      if (!person) {
        if (!canAsk(io)) {
          throw new UsageError(`--person is missing, and input is not a terminal, so samverkan cannot ask. Give the id of the member who leaves, for example: samverkan member remove ${groupId} --person ${group.members[0]?.person ?? 'PERSON'}`);
        }
        const { askMemberRemove, whileAsking } = await import('./prompts.js');
        const until = options.until ?? today;
        const members = group.members.filter((m) => isActiveOn(m, until));
        person = await whileAsking(() =>
          askMemberRemove({
            lang: options.lang ?? workspace.config.language,
            group: group.name ?? groupId,
            members: members.map((m) => ({
              value: m.person,
              name: `${nameOf(workspace.index.people.get(m.person)?.value.name, m.person)} (${m.person}, ${m.role ?? 'member'})`,
            })),
          }),
        );
      }
      const result = await removeMember(workspace, { group: groupId, person, until: options.until, role: options.role as never }, { asOf: options.asOf });
      const where = displayPath(result.path, io.cwd);
      if (options.json) {
        io.stdout(jsonText({ file: where, group: result.group, person: result.person, role: result.role, from: result.from ?? null, until: result.until, warnings: result.warnings.map((w) => ({ ruleId: w.ruleId, line: w.line, message: w.message })) }));
      } else {
        const name = nameOf(workspace.index.people.get(result.person)?.value.name, result.person);
        io.stdout(`${name} (${result.person}) leaves ${group.name ?? groupId}: the membership as ${result.role}${result.from ? ` from ${result.from}` : ''} ends ${result.until} (${where}).\n`);
      }
      for (const w of result.warnings) io.stderr(`Note: ${displayPath(w.file, io.cwd)}:${w.line}: ${w.message}\n`);
    });
}

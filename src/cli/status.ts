/** `samverkan status`: print the overview for a terminal (colour when allowed) or as JSON. */
import { Option, type Command } from './command.js';
import type { StatusReport } from '../commands/status.js';
import type { StatusLabels, StatusLang } from '../i18n/status-labels.js';
import { language, messages } from '../i18n/messages.js';
import { paint as paintText, terminalText, useColor, type CliIO } from './io.js';
import { workspaceLanguageHint } from './language.js';
import { addWorkspaceOptions, parseDate, placeholder, type WorkspaceOptions } from './options.js';
import { summary } from './summaries.js';

const say = messages('cli/status', {
  asOf: { sv: 'visa läget som om i dag vore {date} (ÅÅÅÅ-MM-DD)', en: 'show the status as if today were {date} (YYYY-MM-DD)' },
  json: { sv: 'skriv översikten som JSON, för andra verktyg', en: 'print the overview as JSON, for other tools' },
  after: {
    sv:
      '\nÅtgärder räknas som snart aktuella inom 30 dagar; överenskommelser visas när de löper ut inom 6 månader.\n' +
      'Färg i en terminal; ren text med NO_COLOR eller när utdata går till en fil eller ett annat program.\n' +
      '\nExempel:\n  $ samverkan status\n  $ samverkan status -C plans/norra-bohuslan --as-of 2009-06-01\n  $ samverkan status --json > status.json',
    en:
      '\nActions count as soon due within 30 days; agreements are listed when they end within 6 months.\n' +
      'Colour on a terminal; plain text with NO_COLOR or when the output goes to a file or another program.\n' +
      '\nExamples:\n  $ samverkan status\n  $ samverkan status -C plans/norra-bohuslan --as-of 2009-06-01\n  $ samverkan status --json > status.json',
  },
});

interface StatusCliOptions extends WorkspaceOptions {
  asOf?: string;
  json?: boolean;
}

const CODES = { red: [31, 39], yellow: [33, 39], green: [32, 39], dim: [2, 22], bold: [1, 22] } as const;
type Style = keyof typeof CODES;

function weekday(date: string, lang: StatusLang): string {
  return new Intl.DateTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * The overview as text for a terminal: one section per question a coordinator asks, each item
 * with the file and line to open. Plain text unless `color`; control characters from the files
 * are shown as visible symbols (terminalText), so only our own colour codes are escape sequences.
 */
export function formatStatus(report: StatusReport, labels: StatusLabels, lang: StatusLang, color: boolean): string {
  return terminalText(statusText(report, labels, lang, color), color);
}

/** The overview with our colour codes as markers (sgr), as the CLI's guarded output wants it. */
function statusText(report: StatusReport, labels: StatusLabels, lang: StatusLang, color: boolean): string {
  const paint = (style: Style, text: string) => paintText(color, CODES[style], text);
  const where = (file: string, line?: number) => paint('dim', line === undefined ? file : `${file}:${line}`);
  const out: string[] = [paint('bold', labels.title(report.workspace.name, report.asOf)), ''];
  if (report.checks.errors > 0 || report.checks.warnings > 0) {
    out.push(paint(report.checks.errors > 0 ? 'red' : 'yellow', labels.checks(report.checks.errors, report.checks.warnings)), '');
  }
  const section = (title: string, lines: string[], empty: string) => {
    out.push(paint('bold', title));
    out.push(...(lines.length > 0 ? lines : [`  ${paint('green', empty)}`]), '');
  };

  const actionLines: string[] = [];
  for (const org of report.actions) {
    actionLines.push(`  ${org.name}`);
    const rows = [
      ...org.overdue.map((a) => ({ a, when: labels.overdue(a.overdueSince ?? a.due), style: 'red' as const })),
      ...org.dueSoon.map((a) => ({ a, when: labels.dueIn(a.days), style: 'yellow' as const })),
    ];
    const width = Math.max(...rows.map((r) => r.when.length));
    for (const { a, when, style } of rows) {
      const state = `${labels.actionStatus[a.status]}${a.progress !== undefined ? ` ${a.progress} %` : ''}`;
      actionLines.push(
        `    ${paint(style, when.padEnd(width))}  ${a.ref}  ${a.title} (${labels.due} ${a.due}, ${state})  ${where(a.file, a.line)}`,
      );
    }
  }
  section(labels.actions(report.soonDays), actionLines, labels.noActions);

  const taskRows = report.tasks.map((t) => ({
    t,
    when: !t.due ? labels.noDue : t.daysOverdue > 0 ? labels.taskOverdue(t.due, t.daysOverdue) : labels.taskDue(t.due),
  }));
  const taskWidth = Math.max(0, ...taskRows.map((r) => r.when.length));
  section(
    labels.tasks,
    taskRows.map(
      ({ t, when }) =>
        `  ${paint(t.daysOverdue > 0 ? 'red' : 'yellow', when.padEnd(taskWidth))}  ${t.title} – ${t.responsibleName} (${t.groupName} ${t.meetingDate})  ${where(t.file, t.line)}`,
    ),
    labels.noTasks,
  );

  const nameWidth = Math.max(0, ...report.meetings.map((m) => m.groupName.length));
  const meetingLines = report.meetings.map((m) => {
    const name = m.groupName.padEnd(nameWidth);
    if (m.source === 'none' || !m.date) return `  ${name}  ${paint('yellow', labels.noMeeting(m.group))}`;
    const when = `${weekday(m.date, lang)} ${m.date}${m.start ? ` ${m.start}` : ''}${m.location ? `, ${m.location}` : ''}`;
    const how = m.source === 'cadence' ? `  ${paint('dim', `(${labels.fromCadence(m.cadence ?? '')})`)}` : `  ${where(m.file)}`;
    return `  ${name}  ${when}${how}`;
  });
  if (report.meetings.length === 0) section(labels.meetings, [], labels.noGroups);
  else section(labels.meetings, meetingLines, labels.noGroups);

  section(
    labels.agreements(report.agreementMonths),
    report.agreements.map((a) => {
      const extra =
        a.terminated ? [labels.terminated(a.terminated.noticeGiven)]
        : a.renewal === 'yearly' ? [labels.renewsYearly, ...(a.noticeBy ? [labels.noticeBy(a.noticeBy)] : [])]
        : [labels.decideRenewal];
      const notice = a.noticeBy && a.noticeBy < report.asOf ? 'red' : 'yellow';
      return `  ${a.title}: ${paint(notice, labels.endsIn(a.end, a.daysLeft))}${extra.length ? ` · ${extra.join(' · ')}` : ''}  ${where(a.file, a.line)}`;
    }),
    labels.noAgreements,
  );

  section(
    labels.gaps,
    report.gaps.map((g) => {
      const text =
        g.type === 'no-chair'
          ? labels.gapNoChair(g.groupName, g.file)
          : g.type === 'no-secretary'
            ? labels.gapNoSecretary(g.groupName, g.file)
            : g.type === 'steering-coverage'
              ? labels.gapCoverage(g.organizationName, g.groupName, g.agreementTitle, g.file)
              : labels.gapMemberLeft(g.personName, g.organizationName, g.until, g.groupName, g.file);
      return `  ${paint(g.type === 'no-chair' ? 'red' : 'yellow', '•')} ${text}`;
    }),
    labels.noGaps,
  );
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

/** Adds `samverkan status` to the program: the overview as text, or as JSON with --json. */
export function registerStatus(program: Command, io: CliIO): void {
  const command = program
    .command('status')
    .description(summary('status'));
  addWorkspaceOptions(command)
    .option(`--as-of <${placeholder('DATE')}>`, say('asOf', { date: placeholder('DATE') }), parseDate)
    .addOption(new Option('--json', say('json')))
    .addHelpText('after', say('after'))
    .action(async (options: StatusCliOptions) => {
      const [{ status }, { statusLabels }, { jsonText }] = await Promise.all([
        import('../commands/status.js'),
        import('../i18n/status-labels.js'),
        import('../report/json.js'),
      ]);
      const report = await status({ cwd: io.cwd, dir: options.dir, asOf: options.asOf });
      if (options.json) {
        io.stdout(jsonText(report));
        return;
      }
      // The overview speaks the workspace's language, as its documents do; a workspace that states
      // none speaks the terminal's, rather than a default the rest of the run does not speak.
      const stated = workspaceLanguageHint(io.cwd, options.dir);
      const lang = options.lang ?? (stated === 'sv' || stated === 'en' ? stated : language());
      io.stdout(statusText(report, statusLabels(lang), lang, useColor(io)));
    });
}

/** What every report format gets, and the one interface they share. */
import type { Finding, RuleMeta } from '../rules/types.js';

export interface ReportInput {
  /** Sorted by file, line and column. */
  findings: Finding[];
  /** Every rule samverkan has (SARIF lists them). */
  rules: readonly RuleMeta[];
  /** How many files were checked. */
  fileCount: number;
  /** The stylish and json reports, which people read, give paths relative to this folder. */
  cwd: string;
  /**
   * The CI formats (github, gitlab, junit, sarif) give paths relative to this folder, the root of
   * the repository. Default: repositoryRoot(cwd) from display-path.ts, which reads
   * GITHUB_WORKSPACE and CI_PROJECT_DIR from the environment and otherwise looks for `.git`.
   */
  repoRoot?: string;
  /**
   * Every file that was checked (absolute paths), with its kind of document where known, so that
   * the junit report can list passing files too. Default: the files with findings.
   */
  files?: readonly CheckedFile[];
  /**
   * The text of a checked file, or undefined if it cannot be read; the gitlab report fingerprints
   * a finding by the line it stands on. Default: read from disk.
   */
  readSource?: (file: string) => string | undefined;
  /**
   * The web address of the repository samverkan itself is kept in (SAMVERKAN_REPOSITORY_URL, else
   * package.json's repository): SARIF links the tool and each rule's page (docs/rules) there.
   * samverkan has no public home, so by default there is none, and SARIF carries the rule pages
   * in `help` instead.
   */
  repositoryUrl?: string;
  /** ANSI colours; only the stylish format uses them. */
  color: boolean;
  toolVersion: string;
}

/** A file that was checked. */
export interface CheckedFile {
  /** Absolute path. */
  path: string;
  /** The `kind:` of its (first) document, when it has a known one. */
  kind?: string;
}

/** Turns the findings into the text of one report format. */
export type Formatter = (input: ReportInput) => string;

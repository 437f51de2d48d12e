/** The loaded workspace: its files, the documents in them, and where each came from. */
import type { Document, LineCounter } from 'yaml';
import type { Kind, WorkspaceDoc } from '../model/index.js';
import type { Message } from '../i18n/messages.js';
import type { Span } from './locate.js';
import type { IdIndex } from './id-index.js';

/** One YAML file of the workspace. */
export interface SourceFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the workspace root, with forward slashes. */
  rel: string;
  /** The text as read (without a byte-order mark). */
  text: string;
  /** True if the file started with a byte-order mark, which an edit keeps. */
  hadBom: boolean;
  lineCounter: LineCounter;
  documents: SourceDocument[];
}

/** One YAML document in a file (a file may hold several, separated by ---). */
export interface SourceDocument {
  file: SourceFile;
  /** Position of the document in its file, from 0. */
  index: number;
  yaml: Document.Parsed;
  /** The document as plain data; undefined if it could not be turned into data. */
  data: unknown;
  /** The document's kind, if it names a known one. */
  kind?: Kind;
  /** True once the document matches its kind's schema; only such documents reach the rules. */
  valid: boolean;
}

/** A problem found while reading files, before any rule runs. */
export interface LoadProblem {
  ruleId: string;
  /** What is wrong and how to fix it, in the language current when the file was loaded. */
  message: string;
  /**
   * The same in both languages, placeholders filled (`phrase()` in src/rules/words.ts): when given,
   * the finding is said in the language the check runs in rather than the one of loading.
   */
  said?: Message;
  file: string;
  span: Span;
}

export interface Workspace {
  /** Absolute path of the folder holding samverkan.yaml. */
  root: string;
  /** The settings from samverkan.yaml, with defaults filled in. */
  config: Required<Pick<WorkspaceDoc, 'name' | 'language' | 'timezone' | 'output'>> & WorkspaceDoc;
  /** The samverkan.yaml file, if it could be read. */
  configFile?: SourceFile;
  files: SourceFile[];
  documents: SourceDocument[];
  problems: LoadProblem[];
  index: IdIndex;
}

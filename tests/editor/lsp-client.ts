/**
 * A minimal Language Server Protocol client over stdio, enough to drive yaml-language-server the
 * way an editor does: initialize, send settings, open documents, wait for their diagnostics, ask
 * for completions. Real process, real protocol (Content-Length framed JSON-RPC).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

export interface CompletionItem {
  label: string;
  kind?: number;
  documentation?: unknown;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly diagnosticWaiters = new Map<string, Array<(d: Diagnostic[]) => void>>();
  private readonly versions = new Map<string, number>();
  /** What the server's stderr said, for a failing test's message. */
  stderr = '';

  constructor(
    serverModule: string,
    /** The settings the server pulls with workspace/configuration, by section. */
    private readonly settings: Record<string, unknown>,
  ) {
    this.child = spawn(process.execPath, [serverModule, '--stdio'], { stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error(`the language server exited: ${this.stderr}`));
      this.pending.clear();
    });
  }

  private send(message: Record<string, unknown>): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.handle(JSON.parse(body) as Record<string, unknown>);
    }
  }

  private handle(message: Record<string, unknown>): void {
    const { id, method } = message as { id?: number; method?: string };
    if (method === undefined && id !== undefined) {
      const pending = this.pending.get(id);
      this.pending.delete(id);
      if (message.error) pending?.reject(new Error(JSON.stringify(message.error)));
      else pending?.resolve(message.result);
      return;
    }
    if (method === 'workspace/configuration') {
      const items = (message.params as { items: Array<{ section?: string }> }).items;
      this.send({ id, result: items.map((i) => (i.section ? this.settings[i.section] ?? null : null)) });
      return;
    }
    if (method === 'textDocument/publishDiagnostics') {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      const waiters = this.diagnosticWaiters.get(uri) ?? [];
      this.diagnosticWaiters.delete(uri);
      for (const w of waiters) w(diagnostics);
      return;
    }
    // Any other request from the server (client/registerCapability, window/workDoneProgress/create): accept it.
    if (id !== undefined) this.send({ id, result: null });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** initialize + initialized, with one workspace folder, then the settings pushed as an editor does. */
  async start(folder: string): Promise<void> {
    const rootUri = pathToFileURL(folder).href;
    await this.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          publishDiagnostics: {},
          hover: { contentFormat: ['markdown', 'plaintext'] },
        },
      },
    });
    this.notify('initialized', {});
    this.notify('workspace/didChangeConfiguration', { settings: this.settings });
  }

  /** Opens (or re-sends) a document and resolves with the next diagnostics the server publishes for it. */
  open(path: string, text: string): Promise<Diagnostic[]> {
    const uri = pathToFileURL(path).href;
    const waiting = new Promise<Diagnostic[]>((resolve) => {
      const list = this.diagnosticWaiters.get(uri) ?? [];
      list.push(resolve);
      this.diagnosticWaiters.set(uri, list);
    });
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    if (version === 1) this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    else this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return waiting;
  }

  async completion(path: string, line: number, character: number): Promise<CompletionItem[]> {
    const result = await this.request<{ items: CompletionItem[] } | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: pathToFileURL(path).href },
      position: { line, character },
    });
    return Array.isArray(result) ? result : result?.items ?? [];
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } finally {
      setTimeout(() => this.child.kill(), 500).unref();
    }
  }
}

/** The server's entry point as installed (node_modules/yaml-language-server/bin). */
export function yamlLanguageServer(repoRoot: string): string {
  return join(repoRoot, 'node_modules/yaml-language-server/bin/yaml-language-server');
}

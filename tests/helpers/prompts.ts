/** Driving a conversation of several inquirer prompts rendered by @inquirer/testing. */

/** What the tests use of an @inquirer/testing session. */
export interface PromptSession {
  getScreen: () => string;
  events: { keypress: (key: string | { name?: string; ctrl?: boolean }) => void; type: (text: string) => void };
}

/** Waits until the screen shows `text`: each question starts only after the one before has been answered. */
export async function waitFor(session: PromptSession, text: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (session.getScreen().includes(text)) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`The prompt never showed "${text}". The screen shows:\n${session.getScreen()}`);
}

/** Waits for `question`, types `text` (if any) and presses enter. */
export async function answer(session: PromptSession, question: string, text: string): Promise<void> {
  await waitFor(session, question);
  if (text) session.events.type(text);
  session.events.keypress('enter');
}

/**
 * Runs before every test file (vitest setupFiles): the tool speaks Swedish unless told otherwise,
 * but the tests written before it did assert English messages when they call the core directly.
 * A test that checks Swedish says so itself, with setLanguage('sv') or say.in('sv', …).
 */
import { setLanguage } from '../../src/i18n/messages.js';

setLanguage('en');

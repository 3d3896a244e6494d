// Preloaded with --import: records every ES module URL that gets resolved (see loads.test.ts).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);

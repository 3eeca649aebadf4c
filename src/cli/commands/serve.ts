import { serve } from '../../main.ts';
import type { Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the platform (API and web app) on PORT (default 3000), migrating and seeding first.',
  usage: 'serve',
  run: async () => {
    await serve();
    return new Promise<number>(() => undefined);
  },
};

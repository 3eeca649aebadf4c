#!/usr/bin/env node
// The `taamir` command. The sources are TypeScript; tsx's loader runs them directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

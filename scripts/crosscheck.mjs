#!/usr/bin/env node
// The `crosscheck` command: runs scripts/cli.ts through tsx, so the CLI and the extension share
// lib/ as TypeScript with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./cli.ts');

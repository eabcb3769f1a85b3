#!/usr/bin/env node
// The command line tool is TypeScript, run through tsx so it shares the extension's code as written.
import { register } from 'tsx/esm/api';

register();
await import('../cli/clean-copy.ts');

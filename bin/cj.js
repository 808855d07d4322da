#!/usr/bin/env node
// The CLI bundled into one module (plus lazily loaded chunks): fewer files to load at start-up.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));

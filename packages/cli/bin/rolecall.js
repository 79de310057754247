#!/usr/bin/env node
// The published entry point: the bundled CLI (`pnpm build` writes dist/).
import '../dist/bin.js';

#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'

// A CLI run is one batch, short next to a server's life: with V8's default tiering its compiler
// threads spent about a third of `analyze`'s CPU on 2,000 articles optimising functions soon after
// their first use. Sixteen times the default interrupt budget (67,584) optimises only what stays
// hot: same output, 10-12% less CPU there and about 30% less on 45 BASIL articles. Set before the
// CLI's modules load, so every function (and every worker thread) runs under it.
const V8_INTERRUPT_BUDGET = 16 * 67_584
setFlagsFromString(`--interrupt-budget=${V8_INTERRUPT_BUDGET}`)
// Not set: `--no-regexp-tier-up` (regular expressions compiled straight to machine code) took
// about a tenth off `annotate`'s instructions, but set at run time it made `analyze` crash with a
// segmentation fault about once in 75 runs on BASIL pages (none in 225 runs without it).

const { main } = await import('../dist/cli/main.js')
process.exitCode = await main(process.argv)

#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8'

// A CLI run is one batch, short next to a server's life: with V8's default tiering its compiler
// threads spent about a third of `analyze`'s CPU on 2,000 articles optimising functions soon after
// their first use. Sixteen times the default interrupt budget (67,584) optimises only what stays
// hot: same output, 10-12% less CPU there and about 30% less on 45 BASIL articles. Set before the
// CLI's modules load, so every function (and every worker thread) runs under it.
const V8_INTERRUPT_BUDGET = 16 * 67_584
setFlagsFromString(`--interrupt-budget=${V8_INTERRUPT_BUDGET}`)
// V8 first compiles a regular expression to bytecode and, from its second run, again to machine
// code. The stages hold hundreds of large patterns that each run on every article, so the first
// compile is wasted: under callgrind, compiling patterns was about a fifth of `annotate`'s
// instructions on 200 generated articles, and compiling straight to machine code takes 10% off the
// whole (same matches: both engines implement the same semantics).
setFlagsFromString('--no-regexp-tier-up')

const { main } = await import('../dist/cli/main.js')
process.exitCode = await main(process.argv)

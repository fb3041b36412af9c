/** Runs `parallax <args>` in a child process (the scale tests start workers with it). */
import { main } from '../../src/cli/main.js'

process.exitCode = await main(process.argv)

// How long the browser story waits, and how it waits for a state that needs more than one locator: the story runs on
// loaded CI machines (2 cores shared with other builds), where a page, a queue job or a live update can take several
// seconds, and on fast ones, where a read made right after an action sees the page before the action's answer. So
// nothing is read once and trusted: a step waits for the state it expects (a locator's waitFor, or `eventually`), up
// to a deadline generous enough for a busy machine (a passing run never waits for a deadline).

/** The default timeout of every locator and action (the story's and each step's own browser contexts). */
export const TIMEOUT = 30_000

/**
 * Asks `probe` again (every `interval` ms) until it answers something other than undefined or false, and answers
 * that; after `timeout` ms it fails with `what` and the last answer (or the probe's last error).
 *
 * @template T
 * @param {string} what the state waited for, as the failure says it
 * @param {() => Promise<T | undefined | false>} probe
 * @param {{ timeout?: number, interval?: number }} [options]
 * @returns {Promise<T>}
 */
export async function eventually(what, probe, { timeout = TIMEOUT, interval = 250 } = {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    let last
    try {
      last = await probe()
      if (last !== undefined && last !== false) return last
    } catch (error) {
      last = error instanceof Error ? error.message : error
    }
    if (Date.now() > deadline) throw new Error(`${what}: not so after ${timeout / 1000} s (last: ${last})`)
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}

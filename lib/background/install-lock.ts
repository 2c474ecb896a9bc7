// One lock for every path that installs or removes packs: a file import, "Restore bundled pack",
// start-up's bundled install, a feed update's install, "Remove pack" and "Delete all data". Each runs
// alone, in the order asked for, so one path's check and write are never interleaved with
// another's (importPack also decides inside its own transaction). A promise chain: a failed task
// does not block the next.
export class InstallLock {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` once every task asked for before it has ended; its result or rejection is the caller's. */
  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => work());
    this.tail = result.catch(() => {});
    return result;
  }
}

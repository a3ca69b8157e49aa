/** A clock the test moves by hand. */
export function testClock(start: string) {
  let now = new Date(start);
  return {
    clock: () => new Date(now),
    set(iso: string) {
      now = new Date(iso);
    },
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
  };
}

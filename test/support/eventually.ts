/**
 * Waits for a condition that something asynchronous (a delivery, a retry, a reconnect) will make true, failing with
 * `what` at the deadline. The deadline bounds a hang; it asserts nothing about speed.
 */
export async function eventually(
  what: string,
  condition: () => boolean | Promise<boolean>,
  deadlineMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

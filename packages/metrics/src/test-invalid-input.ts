import { InvalidInputError } from "./errors.js";

/**
 * The InvalidInputError `run` throws, so a test can assert on its path, line and message; any
 * other error is rethrown, and returning normally fails the test. Test-only (left out of the build).
 *
 * @example expect(invalidInputOf(() => normalizeWebhookOrder({})).path).toBe("id");
 */
export function invalidInputOf(run: () => unknown): InvalidInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error("expected an InvalidInputError");
}

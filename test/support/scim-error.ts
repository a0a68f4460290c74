// The ScimError a call throws; any other outcome fails the test.
import { ScimError } from "../../src/index.js";

export function catchScimError(run: () => unknown): ScimError {
  try {
    run();
  } catch (error) {
    if (ScimError.is(error)) return error;
    throw error;
  }
  throw new Error("expected a ScimError, none was thrown");
}

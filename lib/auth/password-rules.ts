import { z } from "zod";

// Client-safe: the same rule the server enforces, so forms can say it up front.
export const Password = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

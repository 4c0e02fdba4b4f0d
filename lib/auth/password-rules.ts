import { z } from "zod";

// Client-safe: the same rule the server enforces, so forms can say it up front.
export const Password = z.string().min(10).max(200);

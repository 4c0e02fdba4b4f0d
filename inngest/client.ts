import { Inngest } from "inngest";

// Reads INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY, INNGEST_DEV and INNGEST_BASE_URL from the environment itself.
export const inngest = new Inngest({ id: "event-coming" });

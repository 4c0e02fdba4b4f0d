// The demo organization's login, printed at start-up and shown on the sign-in page in the embedded mode.
export const DEMO_LOGIN = { email: "demo@event-coming.local", password: "demo-organizer" } as const;
export const DEMO_ORG_SLUG = "maple-grove";

// The demo domain's public face: the demo organization, its login and seeding, and the embedded mode's simulators.
export { DEMO_LOGIN, DEMO_ORG_SLUG } from "./login";
export { isDemoSeeded, seedDemo } from "./seed";

/** Lets e2e/demo.spec.ts read /api/health's details, as an operator's monitoring would (playwright.config.ts sets it). */
export const E2E_OPERATOR_TOKEN = "e2e-operator-token-0123456789abcdef";

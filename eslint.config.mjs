import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const dataLayer = {
  paths: [
    { name: "drizzle-orm", message: "Data access lives in lib/**: call a domain function instead." },
    { name: "@/db", message: "Data access lives in lib/**: call a domain function instead." },
  ],
  patterns: [
    { group: ["drizzle-orm/*", "@/db/*", "**/db", "**/db/*"], message: "Data access lives in lib/**: call a domain function instead." },
  ],
};

const config = [
  { ignores: [".next/**", ".next-*/**", "node_modules/**", "drizzle/**", "next-env.d.ts", "playwright-report/**", "test-results/**", ".data/**", "public/**"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    // Adapters (pages, components, jobs) call lib/**; they never reach the database themselves.
    files: ["app/**", "components/**", "inngest/**"],
    rules: { "no-restricted-imports": ["error", dataLayer] },
  },
  {
    // Tests set up and inspect the database directly, whatever folder they sit in.
    files: ["**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;

import type { Locale } from "./locales";
import type en from "./messages/en.json";

// Keys and locales are checked by the compiler wherever next-intl is used (t("a.key") with a missing key fails tsc).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}

import type { useTranslations } from "next-intl";

type Namespace = NonNullable<Parameters<typeof useTranslations>[0]>;

/**
 * A translator for one namespace, as a parameter type: `function label(t: Translator<"live">, ...)`. Client-safe;
 * useTranslations, getTranslations and translatorFor all return one. The catalog check reads the namespace from it.
 */
export type Translator<N extends Namespace> = ReturnType<typeof useTranslations<N>>;

import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { AlertTriangleIcon } from "@/components/ui/icons";
import type { Role } from "@/lib/tenant/roles";

/** Shown instead of a page the member's role may not open. */
export function Forbidden({ role, needs }: { role: Role; needs: Role }) {
  const t = useTranslations("shell.forbidden");
  const common = useTranslations("common");
  return (
    <EmptyState
      icon={<AlertTriangleIcon />}
      title={t("title")}
      description={t("description", { role: common(`roles.${role}`), needs: common(`roles.${needs}`) })}
    />
  );
}

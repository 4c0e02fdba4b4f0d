import { EmptyState } from "@/components/ui/empty-state";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { ROLE_LABELS, type Role } from "@/lib/tenant/roles";

/** Shown instead of a page the member's role may not open. */
export function Forbidden({ role, needs }: { role: Role; needs: Role }) {
  return (
    <EmptyState
      icon={<AlertTriangleIcon />}
      title="You don't have access to this page"
      description={`Your role here is ${ROLE_LABELS[role]}. This page needs ${ROLE_LABELS[needs]} or above; ask an owner or admin if you need it.`}
    />
  );
}

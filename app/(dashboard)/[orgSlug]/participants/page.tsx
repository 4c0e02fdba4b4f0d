import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ParticipantsView } from "@/components/participants/participants-view";
import { listParticipants } from "@/lib/participants/participants";
import { requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";
import { deleteParticipantAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("participants.list");
  return { title: t("title") };
}

const LIMIT = 200;

type Props = { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ q?: string | string[] }> };

export default async function ParticipantsPage({ params, searchParams }: Props) {
  const { orgSlug } = await params;
  const rawQ = (await searchParams).q;
  const q = (Array.isArray(rawQ) ? rawQ[0] : rawQ)?.trim().slice(0, 200) ?? "";
  const ctx = await requirePageContext(orgSlug);
  const people = await listParticipants(ctx, { search: q || undefined, limit: LIMIT });
  const remove = can(ctx.role, "participants.write") ? deleteParticipantAction.bind(null, orgSlug) : null;
  return <ParticipantsView orgSlug={orgSlug} q={q} people={people} limit={LIMIT} remove={remove} />;
}

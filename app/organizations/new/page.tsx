import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { CreateOrganizationForm } from "@/components/settings/create-organization-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listCountries } from "@/lib/organizations/countries";
import { listMyOrganizations } from "@/lib/organizations/organizations";
import { listTimeZones } from "@/lib/organizations/time-zones";
import { createOrganizationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizations");
  return { title: t("new.title") };
}

export default async function NewOrganizationPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/organizations/new");
  const t = await getTranslations("organizations.new");
  const organizations = await listMyOrganizations(user.id);
  const first = organizations[0];
  return (
    <IntlProvider>
      <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-10">
        <Logo className="mb-8" />
        <Card className="w-full max-w-md">
          <CardHeader>
            <CardTitle as="h1">{t("title")}</CardTitle>
            <CardDescription>{t("description")}</CardDescription>
          </CardHeader>
          <CardContent className="space-y-4">
            <CreateOrganizationForm
              create={createOrganizationAction}
              timeZones={listTimeZones()}
              defaultTimeZone={first?.timeZone ?? "UTC"}
              countries={listCountries(await getLocale())}
              defaultCountry={first?.defaultCountry ?? "US"}
            />
            {first ? (
              <Link href={`/${first.slug}`} className="text-sm font-medium text-brand-700 hover:underline">
                {t("back", { name: first.name })}
              </Link>
            ) : null}
          </CardContent>
        </Card>
      </main>
    </IntlProvider>
  );
}

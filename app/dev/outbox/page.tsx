import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { clientAddress, isLoopbackAddress } from "@/lib/http";
import { listOutbox } from "@/lib/mail/send-mail";

export const metadata: Metadata = { title: "Dev outbox" };
export const dynamic = "force-dynamic";

/**
 * Embedded mode only, and only to a browser on this machine (the mails hold password-reset links): the e-mails the app
 * would have sent, with their links, newest first.
 */
export default async function DevOutboxPage() {
  const settings = env();
  const fromThisMachine = isLoopbackAddress(clientAddress(await headers()));
  if (settings.mode !== "embedded" || settings.mail !== "log" || !fromThisMachine) notFound();
  const mails = listOutbox();
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-10">
      <PageHeader
        title="Dev outbox"
        description="No mail server is configured (SMTP_URL), so e-mails are kept here instead of being sent."
        actions={
          <Link href="/" className="text-sm font-medium text-brand-700 hover:underline">
            Back to the app
          </Link>
        }
      />
      {mails.length === 0 ? (
        <EmptyState icon={<InboxIcon />} title="No e-mails yet" description="Password resets and invitations show up here." />
      ) : (
        mails.map((mail, i) => (
          <Card key={`${mail.sentAt}-${i}`} data-testid="outbox-mail">
            <CardHeader>
              <CardTitle as="h2">{mail.subject}</CardTitle>
              <CardDescription>
                To {mail.to} · {new Date(mail.sentAt).toLocaleString("en-GB")}
              </CardDescription>
            </CardHeader>
            <CardContent>
              <pre className="whitespace-pre-wrap break-words font-sans text-sm text-slate-700">
                {linkify(mail.text)}
              </pre>
            </CardContent>
          </Card>
        ))
      )}
    </main>
  );
}

function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} className="font-medium text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import * as I from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Select } from "@/components/ui/select";
import { Stat } from "@/components/ui/stat";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";

export const metadata = { title: "UI preview" };

async function slowAction() {
  "use server";
  await new Promise((r) => setTimeout(r, 4000));
}

const people = [
  { name: "Amelia Okafor", phone: "+44 7700 900123", rsvp: "confirmed", journey: "On the way", eta: "8 min" },
  { name: "Lucas Ferreira", phone: "+55 11 91234 5678", rsvp: "confirmed", journey: "Arrived", eta: "—" },
  { name: "Sofia Rossi", phone: "+39 312 345 6789", rsvp: "pending", journey: "Not started", eta: "—" },
  { name: "Kenji Watanabe", phone: "+81 90 1234 5678", rsvp: "declined", journey: "—", eta: "—" },
  { name: "Noor Haddad", phone: "+971 50 123 4567", rsvp: "confirmed", journey: "Late", eta: "23 min" },
];

const nav = [
  { label: "Events", Icon: I.CalendarIcon, active: true },
  { label: "Participants", Icon: I.UsersIcon },
  { label: "Live map", Icon: I.MapPinIcon },
  { label: "Messages", Icon: I.MessageIcon },
  { label: "Reports", Icon: I.ChartIcon },
  { label: "Settings", Icon: I.SettingsIcon },
];

export default function UiPreview() {
  return (
    <div className="flex min-h-dvh">
      <aside className="hidden w-60 shrink-0 flex-col border-r border-slate-200 bg-white lg:flex">
        <div className="flex h-16 items-center gap-2 border-b border-slate-200 px-5">
          <span className="grid size-8 place-items-center rounded-lg bg-brand-700 text-white">
            <I.MapPinIcon size={18} />
          </span>
          <span className="font-semibold tracking-tight">Event-Coming</span>
        </div>
        <nav aria-label="Main" className="flex-1 space-y-0.5 p-3">
          {nav.map(({ label, Icon, active }) => (
            <a
              key={label}
              href="#"
              aria-current={active ? "page" : undefined}
              className="flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-brand-50 aria-[current=page]:text-brand-800"
            >
              <Icon /> {label}
            </a>
          ))}
        </nav>
        <div className="flex items-center gap-3 border-t border-slate-200 p-4">
          <Avatar name="Maria Lopez" decorative />
          <div className="min-w-0 flex-1 text-sm">
            <p className="truncate font-medium">Maria Lopez</p>
            <p className="truncate text-slate-500">Greenfield School</p>
          </div>
          <Button variant="ghost" size="sm" aria-label="Sign out" className="px-2">
            <I.LogOutIcon />
          </Button>
        </div>
      </aside>

      <main className="min-w-0 flex-1 px-4 py-8 sm:px-8">
        <div className="mx-auto max-w-6xl space-y-10">
          <PageHeader
            eyebrow="Greenfield School"
            title="Morning drop-off"
            description="Weekdays at 08:15 · Greenfield School, 12 Elm Road. Participants get their tracking link 60 minutes before start."
            actions={
              <>
                <Link href="#" className={buttonClasses("secondary")}>
                  <I.MapPinIcon /> Open live map
                </Link>
                <Button>
                  <I.UserPlusIcon /> Add participant
                </Button>
              </>
            }
          />

          <section aria-label="Counts" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <Stat label="Invited" value={1204} hint="Across 3 occurrences" icon={<I.UsersIcon />} />
            <Stat label="Confirmed" value={986} hint="82% of invited" icon={<I.CheckCircleIcon />} />
            <Stat label="On the way" value={37} icon={<I.ActivityIcon />} />
            <Stat label="Avg. ETA" value="12 min" hint="2 running late" icon={<I.ClockIcon />} />
          </section>

          <section className="space-y-3">
            <h2 className="text-lg font-semibold">Buttons</h2>
            <div className="flex flex-wrap items-center gap-3">
              <Button>Primary</Button>
              <Button variant="secondary">Secondary</Button>
              <Button variant="ghost">Ghost</Button>
              <Button variant="danger">Delete event</Button>
              <Button size="sm">
                <I.PlusIcon /> Small
              </Button>
              <Button size="sm" variant="secondary">
                Small secondary
              </Button>
              <Button disabled>Disabled</Button>
              <Link href="#" className={buttonClasses("ghost", "sm")}>
                Link as button <I.ChevronRightIcon />
              </Link>
              <form action={slowAction}>
                <SubmitButton pendingLabel="Sending…" data-testid="submit">
                  <I.MessageIcon /> Send reminders
                </SubmitButton>
              </form>
            </div>
          </section>

          <section className="space-y-3">
            <h2 className="text-lg font-semibold">Badges</h2>
            <div className="flex flex-wrap gap-2">
              <Badge>Draft</Badge>
              <Badge tone="brand">Periodic</Badge>
              <Badge tone="success" dot>Arrived</Badge>
              <Badge tone="warning" dot>Late</Badge>
              <Badge tone="danger" dot>Declined</Badge>
            </div>
          </section>

          <section className="space-y-3">
            <h2 className="text-lg font-semibold">Participants</h2>
            <Table aria-label="Participants">
              <THead>
                <TR>
                  <TH>Name</TH>
                  <TH>Phone</TH>
                  <TH>RSVP</TH>
                  <TH>Journey</TH>
                  <TH className="text-right">ETA</TH>
                </TR>
              </THead>
              <TBody>
                {people.map((p) => (
                  <TR key={p.name}>
                    <TD>
                      <div className="flex items-center gap-3">
                        <Avatar name={p.name} size="sm" decorative />
                        <span className="font-medium text-slate-900">{p.name}</span>
                      </div>
                    </TD>
                    <TD className="tabular-nums">{p.phone}</TD>
                    <TD>
                      <Badge
                        dot
                        tone={p.rsvp === "confirmed" ? "success" : p.rsvp === "declined" ? "danger" : "neutral"}
                      >
                        {p.rsvp[0]!.toUpperCase() + p.rsvp.slice(1)}
                      </Badge>
                    </TD>
                    <TD>
                      {p.journey === "Late" ? (
                        <Badge tone="warning" dot>Late</Badge>
                      ) : p.journey === "On the way" ? (
                        <Badge tone="brand" dot>On the way</Badge>
                      ) : (
                        p.journey
                      )}
                    </TD>
                    <TD className="text-right tabular-nums">{p.eta}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </section>

          <div className="grid gap-6 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>New event</CardTitle>
                <CardDescription>Participants are invited over WhatsApp once you save.</CardDescription>
              </CardHeader>
              <CardContent className="space-y-4">
                <FormMessage result={{ ok: false, message: "Please fix the 2 fields marked below." }} />
                <Field id="name" label="Event name" required hint="Shown to participants in every message.">
                  <Input name="name" placeholder="Morning drop-off" required />
                </Field>
                <Field id="phone" label="Organizer phone" error="Enter a number in international format, e.g. +44 7700 900123.">
                  <Input name="phone" type="tel" defaultValue="07700 900" />
                </Field>
                <Field id="kind" label="Repeats">
                  <Select name="kind" defaultValue="periodic">
                    <option value="demand">Once</option>
                    <option value="periodic">Every weekday</option>
                  </Select>
                </Field>
                <Field id="notes" label="Notes" hint="Optional. Visible to staff only." error="Notes must be 500 characters or fewer.">
                  <Textarea name="notes" rows={3} defaultValue="Gate B is closed on Fridays." />
                </Field>
                <Field id="disabled" label="Time zone" hint="Set by your organization.">
                  <Input disabled defaultValue="Europe/London" />
                </Field>
              </CardContent>
              <CardFooter>
                <Button variant="ghost">Cancel</Button>
                <Button type="submit">Create event</Button>
              </CardFooter>
            </Card>

            <div className="space-y-6">
              <div className="space-y-3">
                <Alert tone="info" title="Tracking starts in 45 minutes">
                  Confirmed participants will get their link at 07:15.
                </Alert>
                <Alert tone="success">Reminder sent to 112 participants.</Alert>
                <Alert tone="warning" title="WhatsApp template pending" action={<Button size="sm" variant="secondary">Review</Button>}>
                  Messages are queued until Meta approves the confirmation template.
                </Alert>
                <Alert tone="danger" title="Could not send 3 messages">
                  The numbers are not on WhatsApp. <a href="#">See which ones</a>.
                </Alert>
                <FormMessage result={{ ok: true, message: "Saved. Participants will be invited tomorrow at 08:15." }} />
              </div>
              <EmptyState
                icon={<I.InboxIcon />}
                title="No messages yet"
                description="When you invite participants, every WhatsApp message we send and every reply shows up here with its delivery status."
                action={
                  <>
                    <Button>
                      <I.UserPlusIcon /> Invite participants
                    </Button>
                    <Button variant="secondary">Learn how it works</Button>
                  </>
                }
              />
              <div className="flex flex-wrap items-center gap-3">
                {["Amelia Okafor", "Lucas Ferreira", "Sofia Rossi", "Kenji Watanabe", "Noor Haddad", "Ö", "李 小龙"].map((n) => (
                  <Avatar key={n} name={n} />
                ))}
                <Avatar name="Grace Hopper" size="lg" />
                <Avatar name="Ada" size="sm" />
              </div>
              <div className="flex flex-wrap gap-3 text-slate-700">
                {Object.entries(I)
                  .filter(([k]) => k.endsWith("Icon"))
                  .map(([k, Icon]) => {
                    const C = Icon as (p: I.IconProps) => React.ReactNode;
                    return <C key={k} title={k} />;
                  })}
              </div>
            </div>
          </div>
        </div>
      </main>
    </div>
  );
}

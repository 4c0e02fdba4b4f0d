"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { VenuePicker } from "@/components/map/venue-picker";
import { TimeZoneSelect } from "@/components/settings/organization-fields";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { Textarea } from "@/components/ui/textarea";
import { idle, type FormAction } from "@/lib/http/action-result";
import type { RecurrenceRule } from "@/lib/recurrence/schemas";
import { OccurrencePreview } from "./occurrence-preview";
import { OffsetField } from "./offset-field";
import { RuleBuilder } from "./rule-builder";

export type EventFormValues = {
  title: string;
  description: string;
  kind: "demand" | "periodic";
  date: string;
  time: string;
  durationMinutes: number;
  timeZone: string;
  rule: RecurrenceRule;
  exdates: string[];
  venueName: string;
  venueAddress: string;
  venueLat: string;
  venueLng: string;
  arrivalRadiusM: number;
  travelMode: "walking" | "driving";
  lateGraceMinutes: number;
  schedule: {
    confirmationOffsetMinutes: number | null;
    reminderOffsetMinutes: number | null;
    trackingOffsetMinutes: number | null;
    closureOffsetMinutes: number | null;
  };
};

/** What the editor saves: a new event, an existing one, or "this and following" from one occurrence on. */
export type EventFormTarget = { eventId: string | null; fromInstanceId?: string };

type Props = { save: FormAction; target: EventFormTarget; initial: EventFormValues; timeZones: string[] };

/** Creates or edits an event: what, when (with the rule builder and a live preview), where (map), and messages. */
export function EventForm({ save, target, initial, timeZones }: Props) {
  const t = useTranslations("events.form");
  const [values, setValues] = useState(initial);
  const [state, action] = useActionState(save, idle);
  const errors = state.ok ? undefined : state.fields;
  const error = (key: string) => errors?.[key]?.[0];
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const setSchedule = (key: keyof EventFormValues["schedule"], minutes: number | null) =>
    setValues((v) => ({ ...v, schedule: { ...v.schedule, [key]: minutes } }));

  const lat = Number.parseFloat(values.venueLat);
  const lng = Number.parseFloat(values.venueLng);
  const position = Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
  const dtstartLocal = `${values.date}T${values.time}`;
  const payload = JSON.stringify({
    title: values.title,
    description: values.description,
    kind: values.kind,
    dtstartLocal,
    durationMinutes: values.durationMinutes,
    timeZone: values.timeZone,
    rule: values.kind === "periodic" ? values.rule : undefined,
    exdates: values.kind === "periodic" ? values.exdates : [],
    venueName: values.venueName,
    venueAddress: values.venueAddress,
    venueLat: position ? lat : null,
    venueLng: position ? lng : null,
    arrivalRadiusM: values.arrivalRadiusM,
    travelMode: values.travelMode,
    lateGraceMinutes: values.lateGraceMinutes,
    schedule: values.schedule,
  });

  // Every value lives in React state. React resets a form after each action, and a reset puts menus, radios and
  // boxes back to their first-render values (inputs survive) while the state, the preview and the payload keep the
  // organizer's: a refused save would show the organization's defaults. Cancelling the reset keeps them in step.
  return (
    <form action={action} onReset={(e) => e.preventDefault()} className="space-y-6" noValidate>
      <input type="hidden" name="payload" value={payload} />
      <HiddenFields values={{ eventId: target.eventId, fromInstanceId: target.fromInstanceId }} />
      <FormMessage result={state} />

      <Card>
        <CardHeader>
          <CardTitle>{t("what.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Field id="title" label={t("what.titleLabel")} error={error("title")}>
            <Input value={values.title} onChange={(e) => set("title", e.target.value)} placeholder={t("what.titlePlaceholder")} />
          </Field>
          <Field id="description" label={t("what.description")} hint={t("what.descriptionHint")} error={error("description")}>
            <Textarea rows={3} value={values.description} onChange={(e) => set("description", e.target.value)} />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("when.title")}</CardTitle>
          <CardDescription>{t("when.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 lg:grid-cols-[1fr_20rem]">
          <div className="space-y-4">
            <fieldset className="flex gap-4">
              <legend className="sr-only">{t("when.kind")}</legend>
              {(["demand", "periodic"] as const).map((kind) => (
                <label key={kind} className="flex items-center gap-2 text-sm font-medium text-slate-900">
                  <input type="radio" name="kind-choice" className="size-4 accent-brand-700" checked={values.kind === kind} onChange={() => set("kind", kind)} />
                  {kind === "demand" ? t("when.oneOff") : t("when.recurring")}
                </label>
              ))}
            </fieldset>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field id="date" label={values.kind === "periodic" ? t("when.firstDate") : t("when.date")} error={error("dtstartLocal")}>
                <Input type="date" value={values.date} onChange={(e) => set("date", e.target.value)} />
              </Field>
              <Field id="time" label={t("when.startTime")}>
                <Input type="time" value={values.time} onChange={(e) => set("time", e.target.value)} />
              </Field>
              <Field id="duration" label={t("when.duration")} error={error("durationMinutes")}>
                <Input type="number" min={5} max={1440} value={values.durationMinutes} onChange={(e) => set("durationMinutes", Number(e.target.value))} />
              </Field>
            </div>
            <Field id="timeZone" label={t("when.timeZone")} error={error("timeZone")}>
              <TimeZoneSelect timeZones={timeZones} value={values.timeZone} onChange={(e) => set("timeZone", e.target.value)} />
            </Field>
            {values.kind === "periodic" ? (
              <RuleBuilder rule={values.rule} onChange={(rule) => set("rule", rule)} startDate={values.date} errors={errors} />
            ) : null}
          </div>
          <OccurrencePreview
            dtstartLocal={dtstartLocal}
            timeZone={values.timeZone}
            rule={values.kind === "periodic" ? values.rule : null}
            exdates={values.exdates}
            onSkip={(local) => set("exdates", [...values.exdates, local].sort())}
            onRestore={(local) => set("exdates", values.exdates.filter((d) => d !== local))}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("where.title")}</CardTitle>
          <CardDescription>{t("where.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6 lg:grid-cols-2">
          <div className="space-y-4">
            <Field id="venueName" label={t("where.venueName")} error={error("venueName")}>
              <Input value={values.venueName} onChange={(e) => set("venueName", e.target.value)} placeholder={t("where.venuePlaceholder")} />
            </Field>
            <Field id="venueAddress" label={t("where.address")} error={error("venueAddress")}>
              <Input value={values.venueAddress} onChange={(e) => set("venueAddress", e.target.value)} />
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field id="venueLat" label={t("where.latitude")} error={error("venueLat")}>
                <Input inputMode="decimal" value={values.venueLat} onChange={(e) => set("venueLat", e.target.value)} placeholder="52.5306" />
              </Field>
              <Field id="venueLng" label={t("where.longitude")} error={error("venueLng")}>
                <Input inputMode="decimal" value={values.venueLng} onChange={(e) => set("venueLng", e.target.value)} placeholder="13.3847" />
              </Field>
            </div>
            <div className="grid grid-cols-2 gap-4">
              <Field id="arrivalRadiusM" label={t("where.radius")} error={error("arrivalRadiusM")}>
                <Input type="number" min={25} max={5000} value={values.arrivalRadiusM} onChange={(e) => set("arrivalRadiusM", Number(e.target.value))} />
              </Field>
              <Field id="travelMode" label={t("where.travelMode")}>
                <Select value={values.travelMode} onChange={(e) => set("travelMode", e.target.value as "walking" | "driving")}>
                  <option value="driving">{t("where.driving")}</option>
                  <option value="walking">{t("where.walking")}</option>
                </Select>
              </Field>
            </div>
            <Field id="lateGraceMinutes" label={t("where.lateAfter")} error={error("lateGraceMinutes")}>
              <Input type="number" min={0} max={120} value={values.lateGraceMinutes} onChange={(e) => set("lateGraceMinutes", Number(e.target.value))} />
            </Field>
          </div>
          <VenuePicker
            value={position}
            radiusM={values.arrivalRadiusM}
            onChange={(p) => setValues((v) => ({ ...v, venueLat: String(p.lat), venueLng: String(p.lng) }))}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("messages.title")}</CardTitle>
          <CardDescription>{t("messages.description")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3 md:grid-cols-2">
          <OffsetField id="confirmationOffset" label={t("messages.confirmation")} relation="before" defaultMinutes={1440}
            description={t("messages.confirmationDescription")}
            value={values.schedule.confirmationOffsetMinutes} onChange={(m) => setSchedule("confirmationOffsetMinutes", m)} error={error("schedule.confirmationOffsetMinutes")} />
          <OffsetField id="reminderOffset" label={t("messages.reminder")} relation="before" defaultMinutes={120}
            description={t("messages.reminderDescription")}
            value={values.schedule.reminderOffsetMinutes} onChange={(m) => setSchedule("reminderOffsetMinutes", m)} error={error("schedule.reminderOffsetMinutes")} />
          <OffsetField id="trackingOffset" label={t("messages.tracking")} relation="before" defaultMinutes={60}
            description={t("messages.trackingDescription")}
            value={values.schedule.trackingOffsetMinutes} onChange={(m) => setSchedule("trackingOffsetMinutes", m)} error={error("schedule.trackingOffsetMinutes")} />
          <OffsetField id="closureOffset" label={t("messages.closure")} relation="after" defaultMinutes={30}
            description={t("messages.closureDescription")}
            value={values.schedule.closureOffsetMinutes} onChange={(m) => setSchedule("closureOffsetMinutes", m)} error={error("schedule.closureOffsetMinutes")} />
        </CardContent>
      </Card>

      <div className="flex justify-end">
        <SubmitButton pendingLabel={t("saving")}>
          {target.fromInstanceId ? t("saveFollowing") : target.eventId ? t("saveChanges") : t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}

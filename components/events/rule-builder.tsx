"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";
import { WEEKDAYS, type RecurrenceRule, type Weekday } from "@/lib/recurrence/schemas";

const NTH = { 1: "first", 2: "second", 3: "third", 4: "fourth" } as const;
// 2024-01-01 was a Monday: the weekday at index i of WEEKDAYS falls on January 1 + i.
const weekdayDate = (day: Weekday) => new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));

type Props = {
  rule: RecurrenceRule;
  onChange: (rule: RecurrenceRule) => void;
  /** The first occurrence's local date, for sensible monthly defaults. */
  startDate: string;
  errors?: Record<string, string[]>;
};

/** Daily / weekly on chosen days / monthly by date or "2nd Tuesday", every N, until a date or N times. */
export function RuleBuilder({ rule, onChange, startDate, errors }: Props) {
  const t = useTranslations("events.rule");
  const format = useFormatter();
  const dayName = (day: Weekday, width: "short" | "long") => format.dateTime(weekdayDate(day), { weekday: width, timeZone: "UTC" });
  const set = (patch: Partial<RecurrenceRule>) => onChange({ ...rule, ...patch });
  const startDay = new Date(`${startDate}T00:00:00Z`);
  const startWeekday = WEEKDAYS[(startDay.getUTCDay() + 6) % 7]!;
  const startNth = Math.min(Math.ceil(startDay.getUTCDate() / 7), 4) as 1 | 2 | 3 | 4;

  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="rule-frequency" label={t("repeats")}>
          <Select
            value={rule.frequency}
            onChange={(e) => {
              const frequency = e.target.value as RecurrenceRule["frequency"];
              set({
                frequency,
                weekdays: frequency === "weekly" ? (rule.weekdays?.length ? rule.weekdays : [startWeekday]) : undefined,
                monthly: frequency === "monthly" ? (rule.monthly ?? { mode: "day_of_month", day: startDay.getUTCDate() }) : undefined,
              });
            }}
          >
            <option value="daily">{t("daily")}</option>
            <option value="weekly">{t("weekly")}</option>
            <option value="monthly">{t("monthly")}</option>
          </Select>
        </Field>
        <Field id="rule-interval" label={t("interval", { frequency: rule.frequency })} error={errors?.["rule.interval"]?.[0]}>
          <Input
            type="number"
            min={1}
            max={99}
            value={rule.interval}
            onChange={(e) => set({ interval: Math.max(1, Number(e.target.value) || 1) })}
          />
        </Field>
      </div>

      {rule.frequency === "weekly" ? (
        <fieldset>
          <legend className="mb-2 text-sm font-medium text-slate-900">{t("days")}</legend>
          <div className="flex flex-wrap gap-2">
            {WEEKDAYS.map((day) => {
              const on = rule.weekdays?.includes(day) ?? false;
              return (
                <label
                  key={day}
                  className={cn(
                    "flex cursor-pointer items-center rounded-lg border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600",
                    on ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
                  )}
                >
                  <input
                    type="checkbox"
                    className="sr-only"
                    checked={on}
                    onChange={() => {
                      const next = on ? (rule.weekdays ?? []).filter((d) => d !== day) : [...(rule.weekdays ?? []), day];
                      set({ weekdays: WEEKDAYS.filter((d) => next.includes(d)) });
                    }}
                  />
                  {dayName(day, "short")}
                </label>
              );
            })}
          </div>
          {errors?.["rule.weekdays"] ? <p className="mt-1 text-sm text-red-700">{errors["rule.weekdays"][0]}</p> : null}
        </fieldset>
      ) : null}

      {rule.frequency === "monthly" ? (
        <Field id="rule-monthly" label={t("on")}>
          <Select
            value={rule.monthly?.mode === "nth_weekday" ? "nth" : "day"}
            onChange={(e) =>
              set({
                monthly:
                  e.target.value === "nth"
                    ? { mode: "nth_weekday", nth: startNth, weekday: startWeekday }
                    : { mode: "day_of_month", day: startDay.getUTCDate() },
              })
            }
          >
            <option value="day">{t("dayOfMonth", { day: startDay.getUTCDate() })}</option>
            <option value="nth">{t("nthWeekday", { nth: NTH[startNth], weekday: dayName(startWeekday, "long"), weekdayCode: startWeekday })}</option>
          </Select>
        </Field>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="rule-end" label={t("ends")}>
          <Select
            value={rule.end.type}
            onChange={(e) => {
              const type = e.target.value;
              set({
                end:
                  type === "until"
                    ? { type: "until", date: addDays(startDate, 90) }
                    : type === "count"
                      ? { type: "count", count: 10 }
                      : { type: "never" },
              });
            }}
          >
            <option value="never">{t("never")}</option>
            <option value="until">{t("onDate")}</option>
            <option value="count">{t("afterCount")}</option>
          </Select>
        </Field>
        {rule.end.type === "until" ? (
          <Field id="rule-until" label={t("lastDate")} error={errors?.["rule.end.date"]?.[0]}>
            <Input type="date" value={rule.end.date} min={startDate} onChange={(e) => set({ end: { type: "until", date: e.target.value } })} />
          </Field>
        ) : null}
        {rule.end.type === "count" ? (
          <Field id="rule-count" label={t("count")} error={errors?.["rule.end.count"]?.[0]}>
            <Input
              type="number"
              min={1}
              max={1000}
              value={rule.end.count}
              onChange={(e) => set({ end: { type: "count", count: Math.max(1, Number(e.target.value) || 1) } })}
            />
          </Field>
        ) : null}
      </div>
    </div>
  );
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
